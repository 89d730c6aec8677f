"""Sitzungsmodus: take the minutes of one meeting, by keyboard, with autosave.

Every change is written to the database at most AUTOSAVE_MS after the last keystroke (and
at once when the TOP changes or the window closes), so a crash or a flat battery loses at
most that much (DESIGN.md §5). The window runs full screen and needs no mouse:

  Strg+Bild↓ / Strg+Bild↑   next / previous TOP (starts its clock)
  Alt+I / Alt+V / Alt+B     Information / Vereinbarung / Beschluss
  Alt+A                     Aufgabe
  Alt+M                     Ergebnis als Maßnahme (neu oder bestehende fortschreiben)
  Strg+T                    Textbaustein einfügen
  Strg+Umschalt+N           ungeplanten TOP einfügen
  Strg+Umschalt+P           Anwesenheit (Leertaste: anwesend an/aus)
  Strg+Umschalt+W           Wiedervorlage: offene Aufgaben früherer Treffen abhaken
  Strg+B / Strg+I / Strg+U  fett / kursiv / unterstrichen;  Strg+Umschalt+L  Liste
  Esc                       Sitzungsmodus verlassen
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QTextListFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import OutcomeKind
from ...services.address_book_service import AddressBookService
from ...services.clock import local
from ...services.errors import ServiceError
from ...services.minutes import LOCKED_MESSAGE
from ...services.minutes_service import LinkedMeasure
from .attendance_panel import AttendancePanel
from .item_dialogs import ActionItemDialog, OutcomeDialog
from .measure_dialog import MeasurePickDialog, OutcomeMeasureDialog

AUTOSAVE_MS = 1000  # ≤ 2 s after the last keystroke (DESIGN.md §5)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MinutesWindow(QMainWindow):
    """Signals: closed(int meeting_id) — the window was left normally (no crash recovery)."""

    closed = Signal(int)

    def __init__(
        self,
        service,  # noqa: ANN001  MinutesService
        meeting_id: int,
        address_book: AddressBookService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._meeting_id = meeting_id
        self._current_item: int | None = None
        self._action_measures: dict[int, LinkedMeasure] = {}
        self._dirty = False
        self._last_saved: float | None = None
        self._view = service.minutes_view(meeting_id)
        self._locked = self._view.protocol.locked  # approved: read only, corrections elsewhere
        self.setWindowTitle(self.tr("Sitzungsmodus – %1").replace("%1", self._view.title))

        # header: title, clock, time used on the current TOP
        start = local(self._view.start)
        self._title = QLabel(f"<b>{self._view.title}</b> · {start:%d.%m.%Y}")
        self._clock = QLabel()
        self._top_time = QLabel()
        self._chair = QComboBox()
        self._minute_taker = QComboBox()
        for combo in (self._chair, self._minute_taker):
            combo.setMinimumContentsLength(18)
            combo.setEnabled(not self._view.protocol.locked)
            combo.activated.connect(self._on_roles_changed)
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(QLabel(self.tr("Leitung:")))
        header.addWidget(self._chair)
        header.addWidget(QLabel(self.tr("Protokoll:")))
        header.addWidget(self._minute_taker)
        header.addSpacing(16)
        header.addWidget(self._top_time)
        header.addSpacing(24)
        header.addWidget(self._clock)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        for label in (self._title, self._clock, self._top_time):
            label.setFont(big)

        # left: agenda, attendance
        self.agenda = QListWidget()
        self.agenda.currentItemChanged.connect(self._on_item_changed)
        self.attendance = AttendancePanel(service, meeting_id, address_book, self._show_error)
        self.attendance.changed.connect(self._reload_attendance)
        left_tabs = QTabWidget()
        left_tabs.addTab(self.agenda, self.tr("Tagesordnung"))
        left_tabs.addTab(self.attendance, self.tr("Anwesenheit"))
        self.review = QListWidget()
        self.review.itemChanged.connect(self._on_review_changed)
        left_tabs.addTab(self.review, self.tr("Wiedervorlage"))
        self._left_tabs = left_tabs

        # right: TOP head, notes, outcomes, action items
        self._item_title = QLabel()
        self._item_title.setFont(big)
        self._item_title.setWordWrap(True)
        self.notes = QTextEdit()
        self.notes.setAcceptRichText(True)
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._on_notes_changed)
        self.outcomes = QListWidget()
        self.outcomes.itemActivated.connect(self._on_edit_outcome)
        self.actions_list = QListWidget()
        self.actions_list.itemActivated.connect(self._on_edit_action_item)
        buttons = QHBoxLayout()
        self._result_buttons: list[QPushButton] = []
        for text, slot in (
            (self.tr("&Information"), lambda: self._add_outcome(OutcomeKind.INFORMATION)),
            (self.tr("&Vereinbarung"), lambda: self._add_outcome(OutcomeKind.AGREEMENT)),
            (self.tr("&Beschluss"), lambda: self._add_outcome(OutcomeKind.DECISION)),
            (self.tr("&Aufgabe"), self._add_action_item),
            (self.tr("Als &Maßnahme …"), self.outcome_to_measure),
            (self.tr("Ein&wand zum letzten Protokoll"), self._add_objection),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(not self._locked)
            self._result_buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._item_title)
        right_layout.addWidget(self.notes, 3)
        right_layout.addLayout(buttons)
        right_layout.addWidget(QLabel(self.tr("Ergebnisse")))
        right_layout.addWidget(self.outcomes, 1)
        right_layout.addWidget(QLabel(self.tr("Aufgaben")))
        right_layout.addWidget(self.actions_list, 1)

        splitter = QSplitter()
        splitter.addWidget(left_tabs)
        splitter.addWidget(right)
        splitter.setSizes([360, 1000])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._saved_label = QLabel()
        self.statusBar().addPermanentWidget(self._saved_label)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._install_shortcuts()
        if self._locked:
            self.attendance.setEnabled(False)
            self.statusBar().showMessage(self.tr(
                "Das Protokoll ist genehmigt und gesperrt – nur lesen. Änderungen über "
                "„Korrektur …“ in der Protokollübersicht."))  # fmt: skip
        else:
            self._service.prepare_attendance(meeting_id)
        self._fill_agenda()
        self._reload_attendance()
        self._fill_review()
        self._tick()
        if self.agenda.count():
            self.agenda.setCurrentRow(0)
        else:
            self._refresh()
        self.notes.setFocus()

    # --- keyboard -----------------------------------------------------------------------

    def _shortcut(self, keys: str, slot) -> None:  # noqa: ANN001
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _install_shortcuts(self) -> None:
        self._shortcut("Ctrl+PgDown", lambda: self._step(1))
        self._shortcut("Ctrl+PgUp", lambda: self._step(-1))
        self._shortcut("Ctrl+T", self._insert_text_block)
        self._shortcut("Ctrl+Shift+N", self._add_unplanned_item)
        self._shortcut("Ctrl+Shift+P", lambda: self._left_tabs.setCurrentWidget(self.attendance))
        self._shortcut("Ctrl+Shift+L", self._toggle_list)
        self._shortcut("Ctrl+Shift+W", lambda: self._left_tabs.setCurrentWidget(self.review))
        self._shortcut("Ctrl+B", lambda: self._toggle_format("bold"))
        self._shortcut("Ctrl+I", lambda: self._toggle_format("italic"))
        self._shortcut("Ctrl+U", lambda: self._toggle_format("underline"))
        self._shortcut("Ctrl+S", self.save_now)
        self._shortcut("Esc", self.close)

    # --- agenda -------------------------------------------------------------------------

    def _fill_agenda(self, select: int | None = None) -> None:
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for top in self._view.agenda:
            done = "✓ " if top.ended_at else ""
            flag = self.tr(" (nicht öffentlich)") if top.non_public else ""
            item = QListWidgetItem(f"{done}{top.number}  {top.title}{flag}")
            item.setData(ID_ROLE, top.id)
            self.agenda.addItem(item)
            if top.id == select:
                self.agenda.setCurrentItem(item)
        self.agenda.blockSignals(False)

    def _top(self, item_id: int | None):  # noqa: ANN202
        return next((t for t in self._view.agenda if t.id == item_id), None)

    def _step(self, direction: int) -> None:
        row = self.agenda.currentRow() + direction
        if 0 <= row < self.agenda.count():
            self.agenda.setCurrentRow(row)

    @Slot()
    def _on_item_changed(self, current: QListWidgetItem | None = None, *_: object) -> None:
        self.save_now()
        now = datetime.now(UTC)
        if self._current_item is not None and not self._locked:
            self._call(self._service.finish_item, self._current_item, now)
        self._current_item = int(current.data(ID_ROLE)) if current is not None else None
        if self._current_item is not None and not self._locked:
            top = self._top(self._current_item)
            if top is not None and top.started_at is None:
                self._call(self._service.start_item, self._current_item, now)
        self._refresh(keep_notes=False)

    def _refresh(self, *, keep_notes: bool = True) -> None:
        """Reload from the database; the notes editor is left alone while typing."""
        self._view = self._service.minutes_view(self._meeting_id)
        top = self._top(self._current_item)
        self.notes.setReadOnly(top is None or self._locked)
        if top is None:
            self._item_title.setText(
                self.tr("Die Tagesordnung ist leer – mit Strg+Umschalt+N einen TOP anlegen.")
            )
            return
        presenter = (
            " – " + self.tr("Vortrag: %1").replace("%1", top.presenter) if top.presenter else ""
        )
        self._item_title.setText(f"TOP {top.number}  {top.title}{presenter}")
        if not keep_notes:
            self.notes.blockSignals(True)
            self.notes.setHtml(top.notes_html)
            self.notes.blockSignals(False)
            self._dirty = False
        self.outcomes.clear()
        measures = self._service.outcome_measures(self._meeting_id)
        self._action_measures = self._service.action_item_measures(self._meeting_id)
        for outcome in top.outcomes:
            votes = ""
            if outcome.votes_yes is not None:
                votes = f" (Ja {outcome.votes_yes}, Nein {outcome.votes_no}, Enthaltung {outcome.votes_abstain})"
            linked = measures.get(outcome.id)
            measure = "  → " + self.tr("Maßnahme: %1").replace("%1", linked.title) if linked else ""
            row = QListWidgetItem(f"• {outcome.kind.value}: {outcome.text}{votes}{measure}")
            row.setData(ID_ROLE, outcome.id)
            self.outcomes.addItem(row)
        self.actions_list.clear()
        for action in top.action_items:
            due = f" – {action.due_date:%d.%m.%Y}" if action.due_date else ""
            owner = f" – {action.owner_text}" if action.owner_text else ""
            linked = self._action_measures.get(action.id)
            measure = "  → " + self.tr("Maßnahme: %1").replace("%1", linked.title) if linked else ""
            row = QListWidgetItem(
                f"{'✓' if action.done else '•'} {action.text}{owner}{due}{measure}"
            )
            row.setData(ID_ROLE, action.id)
            self.actions_list.addItem(row)
        self._tick()

    # --- autosave -----------------------------------------------------------------------

    @Slot()
    def _on_notes_changed(self) -> None:
        self._dirty = True
        self._autosave.start()
        self._saved_label.setText(self.tr("ungespeicherte Änderung …"))

    @Slot()
    def save_now(self) -> None:
        self._autosave.stop()
        if not self._dirty or self._current_item is None:
            return
        if self._call(self._service.save_notes, self._current_item, self.notes.toHtml()):
            self._dirty = False
            self._last_saved = time.monotonic()
            self._saved_label.setText(self.tr("gespeichert"))

    def _call(self, work, *args, **kwargs) -> bool:  # noqa: ANN001, ANN002, ANN003
        try:
            work(*args, **kwargs)
        except ServiceError as exc:
            self._show_error(exc)
            return False
        return True

    def _show_error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Sitzungsmodus"), str(exc))

    @Slot()
    def _tick(self) -> None:
        self._clock.setText(f"{datetime.now():%H:%M}")
        top = self._top(self._current_item)
        if top is not None and top.started_at is not None:
            used = int((datetime.now(UTC) - top.started_at).total_seconds() // 60)
            if top.ended_at is not None:
                used = int((top.ended_at - top.started_at).total_seconds() // 60)
            colour = "#b22" if used > top.planned_minutes else "inherit"
            self._top_time.setText(
                f"<span style='color:{colour}'>TOP {top.number}: {used}/{top.planned_minutes} min</span>"
            )
        else:
            self._top_time.setText("")
        if self._last_saved is not None and not self._dirty:
            seconds = int(time.monotonic() - self._last_saved)
            self._saved_label.setText(self.tr("gespeichert vor %1 s").replace("%1", str(seconds)))

    # --- results --------------------------------------------------------------------------

    def _owners(self) -> list[tuple[int | None, str]]:
        return [(a.person_id, a.name) for a in self._view.attendance if a.person_id is not None]

    def _add_outcome(self, kind: OutcomeKind) -> None:
        if self._current_item is None:
            return
        dialog = OutcomeDialog(kind, parent=self)
        if dialog.exec() and dialog.text.toPlainText().strip():
            yes, no, abstain = dialog.votes()
            if self._call(self._service.add_outcome, self._current_item, kind,
                          dialog.text.toPlainText().strip(), yes, no, abstain):  # fmt: skip
                self._refresh()
        self.notes.setFocus()

    @Slot(QListWidgetItem)
    def _on_edit_outcome(self, row: QListWidgetItem) -> None:
        top = self._top(self._current_item)
        outcome = (
            next((o for o in top.outcomes if o.id == row.data(ID_ROLE)), None) if top else None
        )
        if outcome is None:
            return
        dialog = OutcomeDialog(outcome.kind, outcome.text, self)
        if dialog.exec():
            text = dialog.text.toPlainText().strip()
            if text:
                yes, no, abstain = dialog.votes()
                self._call(
                    self._service.update_outcome, outcome.id, outcome.kind, text, yes, no, abstain
                )
            else:
                self._call(self._service.delete_outcome, outcome.id)
            self._refresh()

    def _pick_measure(self, parent: QWidget) -> tuple[int, str] | None:
        return MeasurePickDialog.pick(self._service, parent)

    def _add_action_item(self) -> None:
        if self._current_item is None:
            return
        dialog = ActionItemDialog(self._owners(), self, pick_measure=self._pick_measure)
        if dialog.exec() and dialog.text.toPlainText().strip():
            owner_id, owner_text = dialog.owner_choice()
            try:
                new_id = self._service.add_action_item(
                    self._current_item, dialog.text.toPlainText().strip(), owner_id=owner_id,
                    owner_text=owner_text, due_date=dialog.due_date(),
                )  # fmt: skip
                if dialog.measure is not None:
                    self._service.link_action_item(new_id, dialog.measure[0])
            except ServiceError as exc:
                self._show_error(exc)
            self._refresh()
        self.notes.setFocus()

    def _current_outcome_id(self) -> int | None:
        """The result chosen in the list, else the TOP's last result."""
        row = self.outcomes.currentItem()
        if row is None and self.outcomes.count():
            row = self.outcomes.item(self.outcomes.count() - 1)
        return int(row.data(ID_ROLE)) if row is not None else None

    @Slot()
    def outcome_to_measure(self) -> None:
        """Alt+M: the current result becomes a new measure or moves an existing one on."""
        if self._locked:
            self._show_error(ServiceError(LOCKED_MESSAGE))
            return
        outcome_id = self._current_outcome_id()
        if outcome_id is None:
            self.statusBar().showMessage(
                self.tr("Erst ein Ergebnis erfassen (Alt+I, Alt+V oder Alt+B)."), 6000
            )
            return
        dialog = OutcomeMeasureDialog(self._service, outcome_id, self)
        if dialog.exec():
            self._refresh()
            self.statusBar().showMessage(self.tr("Maßnahme übernommen."), 6000)
        self.notes.setFocus()

    @Slot(QListWidgetItem)
    def _on_edit_action_item(self, row: QListWidgetItem) -> None:
        top = self._top(self._current_item)
        action = (
            next((a for a in top.action_items if a.id == row.data(ID_ROLE)), None) if top else None
        )
        if action is None:
            return
        linked = self._action_measures.get(action.id)
        dialog = ActionItemDialog(self._owners(), self, text=action.text, owner=action.owner_text,
                                  due=action.due_date,
                                  measure=(linked.measure_id, linked.title) if linked else None,
                                  pick_measure=self._pick_measure)  # fmt: skip
        if dialog.exec():
            text = dialog.text.toPlainText().strip()
            if text:
                owner_id, owner_text = dialog.owner_choice()
                if self._call(self._service.update_action_item, action.id, text,
                              owner_id=owner_id, owner_text=owner_text,
                              due_date=dialog.due_date()):  # fmt: skip
                    measure_id = dialog.measure[0] if dialog.measure else None
                    if measure_id != (linked.measure_id if linked else None):
                        self._call(self._service.link_action_item, action.id, measure_id)
            else:
                self._call(self._service.delete_action_item, action.id)
            self._refresh()

    def _add_objection(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Einwand zum Protokoll der letzten Sitzung"), self.tr("Einwand:")
        )
        if (
            ok
            and text.strip()
            and self._call(self._service.record_objection, self._meeting_id, text.strip())
        ):
            self._refresh()

    # --- agenda changes, text blocks, formatting -------------------------------------------

    def _add_unplanned_item(self) -> None:
        title, ok = QInputDialog.getText(self, self.tr("Ungeplanter TOP"), self.tr("Thema:"))
        if ok and title.strip():
            self.save_now()
            try:
                new_id = self._service.add_unplanned_item(
                    self._meeting_id, title.strip(), self._current_item
                )
            except ServiceError as exc:
                self._show_error(exc)
                return
            self._view = self._service.minutes_view(self._meeting_id)
            self._fill_agenda(select=self._current_item)
            for row in range(self.agenda.count()):
                if self.agenda.item(row).data(ID_ROLE) == new_id:
                    self.agenda.setCurrentRow(row)

    def _insert_text_block(self) -> None:
        blocks = self._service.text_blocks()
        if not blocks:
            return
        menu = QMenu(self)
        for block in blocks:
            action = menu.addAction(block.title)
            action.setData(block.text)
        chosen = menu.exec(self.notes.mapToGlobal(self.notes.cursorRect().bottomRight()))
        if chosen is not None:
            self.notes.insertPlainText(str(chosen.data()))
            self.notes.setFocus()

    def _toggle_format(self, what: str) -> None:
        if not self.notes.hasFocus():
            return
        fmt = self.notes.currentCharFormat()
        if what == "bold":
            self.notes.setFontWeight(
                QFont.Weight.Normal if fmt.fontWeight() > QFont.Weight.Normal else QFont.Weight.Bold
            )
        elif what == "italic":
            self.notes.setFontItalic(not fmt.fontItalic())
        else:
            self.notes.setFontUnderline(not fmt.fontUnderline())

    def _toggle_list(self) -> None:
        cursor = self.notes.textCursor()
        current = cursor.currentList()
        if current is not None:
            block = cursor.blockFormat()
            current.remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)

    # --- attendance ---------------------------------------------------------------------

    @Slot()
    def _reload_attendance(self) -> None:
        self._view = self._service.minutes_view(self._meeting_id)
        items = [(t.id, f"TOP {t.number}") for t in self._view.agenda]
        self.attendance.show_rows(list(self._view.attendance), items)
        self._fill_roles()

    def _fill_roles(self) -> None:
        """Chair and minute-taker are chosen from the attendees (or stay as recorded)."""
        protocol = self._view.protocol
        people = [(a.person_id, a.name) for a in self._view.attendance if a.person_id is not None]
        for combo, current_id, current in ((self._chair, protocol.chair_id, protocol.chair),
                                           (self._minute_taker, protocol.minute_taker_id,
                                            protocol.minute_taker)):  # fmt: skip
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            for person_id, name in people:
                combo.addItem(name, person_id)
            index = (
                combo.findData(current_id) if current_id is not None else combo.findText(current)
            )
            if index < 0 and current:
                combo.addItem(current, None)
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    @Slot()
    def _on_roles_changed(self) -> None:
        def text(combo: QComboBox) -> str:
            return "" if combo.currentIndex() <= 0 else combo.currentText()

        self._call(self._service.set_roles, self._meeting_id,
                   chair_id=self._chair.currentData(), chair_text=text(self._chair),
                   minute_taker_id=self._minute_taker.currentData(),
                   minute_taker_text=text(self._minute_taker))  # fmt: skip

    def _fill_review(self) -> None:
        self.review.blockSignals(True)
        self.review.clear()
        for item in self._service.open_items_for_review(self._meeting_id):
            due = f" – bis {item.due_date:%d.%m.%Y}" if item.due_date else ""
            row = QListWidgetItem(
                f"{item.text} – {item.owner or 'offen'}{due} ({item.from_meeting_title})"
            )
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            row.setData(ID_ROLE, item.id)
            self.review.addItem(row)
        self.review.blockSignals(False)

    @Slot(QListWidgetItem)
    def _on_review_changed(self, row: QListWidgetItem) -> None:
        done = row.checkState() == Qt.CheckState.Checked
        self._call(self._service.set_action_item_done, int(row.data(ID_ROLE)), done)

    # --- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_now()
        if self._dirty and self._current_item is not None:  # saving failed: say so, keep the text
            answer = QMessageBox.question(
                self, self.tr("Nicht gespeichert"),
                self.tr("Die letzten Notizen ließen sich nicht speichern. Trotzdem schließen?"),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self._current_item is not None and not self._locked:
            self._call(self._service.finish_item, self._current_item, datetime.now(UTC))
        self._ticker.stop()
        self.closed.emit(self._meeting_id)
        super().closeEvent(event)
