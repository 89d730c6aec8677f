"""The pane beside the measures table: one measure's card, its next steps and its history
as a timeline, with links to parent, sub-measures and meetings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TrafficLight
from ...services.address_book_service import AddressBookService
from ...services.clock import OFFICE_TZ
from ...services.errors import ServiceError
from ...services.measures import HistoryEntry, MeasureAction, MeasureDetails, MeetingLink
from ...services.measures_service import MeasuresService
from .action_dialog import ActionDialog
from .table import LIGHT_COLOURS, german_date

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRIORITY_NAMES = {
    1: QT_TRANSLATE_NOOP("MeasureDetailPane", "hoch"),
    2: QT_TRANSLATE_NOOP("MeasureDetailPane", "mittel"),
    3: QT_TRANSLATE_NOOP("MeasureDetailPane", "niedrig"),
}
translate = QCoreApplication.translate  # context "MeasureDetailPane", as self.tr() of the pane

STYLE = """
<style>
 h2 { margin: 0 0 2px 0; }
 .sub { color: #555; margin-bottom: 6px; }
 td.label { color: #666; padding-right: 10px; white-space: nowrap; }
 td { padding: 1px 0; vertical-align: top; }
 .muted { color: #777; }
 h3 { margin: 12px 0 4px 0; font-size: 100%; }
 .when { color: #555; white-space: nowrap; }
 .change { margin: 0; }
 .note { color: #444; font-style: italic; }
</style>
"""


def _row(label: str, value: str) -> str:
    return f"<tr><td class='label'>{escape(label)}</td><td>{value}</td></tr>" if value else ""


def _meeting(link: MeetingLink) -> str:
    when = link.start.astimezone(OFFICE_TZ)
    return f"<a href='meeting:{link.id}'>{escape(link.title)}</a> ({when:%d.%m.%Y})"


def _progress_bar(progress: int) -> str:
    done = max(0, min(100, progress))
    cells = ""
    if done:
        cells += f"<td width='{done}%' bgcolor='#3b7dd8'>&nbsp;</td>"
    if done < 100:
        cells += f"<td width='{100 - done}%' bgcolor='#dde3ea'>&nbsp;</td>"
    return (
        "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:2px'>"
        f"<tr>{cells}</tr></table>"
    )


def _light(light: str, reason: str) -> str:
    try:
        colour = LIGHT_COLOURS[TrafficLight(light)]
    except ValueError:
        colour = "#888"
    text = f"<span style='color:{colour}; font-size:120%'>●</span> {escape(light)}"
    if reason:
        text += f" – {escape(reason)}"
    return text


def _history_line(entry: HistoryEntry) -> str:
    created = translate("MeasureDetailPane", "angelegt")
    removed = translate("MeasureDetailPane", "%1 entfernt")
    if entry.field == "created":
        change = f"<b>{escape(created)}</b>"
    elif entry.old_value and entry.new_value:
        change = (
            f"<b>{escape(entry.label)}:</b> {escape(entry.old_value)} → {escape(entry.new_value)}"
        )
    elif entry.new_value:
        change = f"<b>{escape(entry.label)}:</b> {escape(entry.new_value)}"
    else:
        change = f"<b>{escape(entry.label)}:</b> " + removed.replace("%1", escape(entry.old_value))
    when = entry.changed_at.astimezone(OFFICE_TZ)
    who = f"<br><span class='muted'>{escape(entry.author)}</span>" if entry.author else ""
    note = f"<br><span class='note'>{escape(entry.note)}</span>" if entry.note else ""
    meeting = ""
    if entry.meeting_id:
        fallback = translate("MeasureDetailPane", "Treffen %1").replace("%1", str(entry.meeting_id))
        title = escape(entry.meeting_title or fallback)
        link = f"<a href='meeting:{entry.meeting_id}'>{title}</a>"
        meeting = "<br>" + translate("MeasureDetailPane", "im Treffen %1").replace("%1", link)
    return (
        f"<tr><td class='when'>{when:%d.%m.%Y}&nbsp;&nbsp;<br>"
        f"<span class='muted'>{when:%H:%M}</span></td>"
        f"<td><span class='change'>{change}</span>{note}{meeting}"
        f"{who}</td></tr>"
    )


def measure_html(details: MeasureDetails, phase: str = "") -> str:
    s = details.summary
    sub = " · ".join(escape(p) for p in (s.kind, details.tool_card) if p)
    status = escape(s.status or "–") + (f" <span class='muted'>({escape(phase)})</span>"
                                        if phase else "")  # fmt: skip
    dates = " – ".join(
        p for p in (german_date(details.start_date), german_date(details.target_date)) if p
    )
    if details.start_date and not details.target_date:
        dates = translate("MeasureDetailPane", "ab %1").replace(
            "%1", german_date(details.start_date)
        )
    elif details.target_date and not details.start_date:
        dates = translate("MeasureDetailPane", "bis %1").replace(
            "%1", german_date(details.target_date)
        )
    partners = "<br>".join(
        f"<a href='organisation:{p.organisation_id}'>{escape(p.name)}</a>"
        + (f" <span class='muted'>({escape(p.role)})</span>" if p.role else "")
        for p in details.partner_roles
    )
    parent = (
        f"<a href='measure:{details.parent_id}'>{escape(details.parent_title)}</a>"
        if details.parent_id
        else ""
    )
    rows = "".join(
        [
            _row(translate("MeasureDetailPane", "Status"), status),
            _row(
                translate("MeasureDetailPane", "Ampel"),
                _light(details.traffic_light, details.delay_reason),
            ),
            _row(
                translate("MeasureDetailPane", "Fortschritt"),
                f"{details.progress} %{_progress_bar(details.progress)}",
            ),
            _row(translate("MeasureDetailPane", "Zeitraum"), dates),
            _row(
                translate("MeasureDetailPane", "Priorität"),
                translate("MeasureDetailPane", PRIORITY_NAMES.get(details.priority, "")),
            ),
            _row(translate("MeasureDetailPane", "Projektträger"), escape(s.lead)),
            _row(translate("MeasureDetailPane", "Partner"), partners),
            _row(translate("MeasureDetailPane", "Verantwortlich"), escape(details.responsible)),
            _row(translate("MeasureDetailPane", "Strategie"), escape(s.strategy)),
            _row(
                translate("MeasureDetailPane", "Handlungsfelder"),
                escape(", ".join(s.action_fields)),
            ),
            _row(translate("MeasureDetailPane", "Zielgruppen"), escape(", ".join(s.target_groups))),
            _row(translate("MeasureDetailPane", "Räumliche Ebene"), escape(details.spatial_level)),
            _row(translate("MeasureDetailPane", "Projektart"), escape(details.project_type)),
            _row(
                translate("MeasureDetailPane", "Sowieso-Themen"),
                escape(", ".join(details.pending_topics)),
            ),
            _row(translate("MeasureDetailPane", "Teil von"), parent),
            _row(
                translate("MeasureDetailPane", "Entstanden in"),
                _meeting(details.origin_meeting) if details.origin_meeting else "",
            ),  # fmt: skip
        ]
    )
    description = (
        f"<p>{escape(details.description).replace(chr(10), '<br>')}</p>"
        if details.description
        else ""
    )
    children = ""
    if details.children:
        no_status = translate("MeasureDetailPane", "ohne Status")
        items = "".join(
            f"<li><a href='measure:{c.id}'>{escape(c.title)}</a> "
            f"<span class='muted'>– {escape(c.status or no_status)}, {c.progress} %</span></li>"
            for c in details.children
        )
        heading = translate("MeasureDetailPane", "Teilmaßnahmen (%1)")
        children = (
            f"<h3>{heading.replace('%1', str(len(details.children)))}</h3>"
            f"<ul style='margin-left:-20px'>{items}</ul>"
        )
    meetings = ""
    if details.meetings:
        items = "".join(f"<li>{_meeting(m)}</li>" for m in details.meetings)
        discussed = translate("MeasureDetailPane", "Besprochen in")
        meetings = f"<h3>{discussed}</h3><ul style='margin-left:-20px'>{items}</ul>"
    history = "".join(_history_line(h) for h in reversed(details.history))
    course = translate("MeasureDetailPane", "Verlauf")
    no_changes = translate("MeasureDetailPane", "Noch keine Änderungen.")
    timeline = (
        f"<h3>{course}</h3><table cellspacing='0' cellpadding='3'>{history}</table>"
        if history
        else f"<h3>{course}</h3><p class='muted'>{no_changes}</p>"
    )
    return (
        f"{STYLE}<h2>{escape(s.title)}</h2><div class='sub'>{sub}</div>{description}"
        f"<table width='100%'>{rows}</table>{children}{meetings}{timeline}"
    )


def action_text(action: MeasureAction) -> str:
    parts = [action.text]
    if action.owner:
        parts.append(action.owner)
    if action.due_date:
        parts.append(
            translate("MeasureDetailPane", "bis %1").replace("%1", german_date(action.due_date))
        )
    text = " – ".join(parts)
    if action.meeting_title:
        text += "  " + translate("MeasureDetailPane", "(aus: %1)").replace(
            "%1", action.meeting_title
        )
    return text


class MeasureDetailPane(QWidget):
    """Signals: navigate(str, int) — a link to a measure, meeting or organisation;
    actions_changed(int) — next steps of this measure changed; status_message(str)."""

    navigate = Signal(str, int)
    actions_changed = Signal(int)
    status_message = Signal(str)

    def __init__(
        self,
        service: MeasuresService,
        address_book: AddressBookService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._address_book = address_book
        self._details: MeasureDetails | None = None

        self.browser = QTextBrowser()
        self.browser.setObjectName("measure_details")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)

        self.actions_label = QLabel(self.tr("<b>Nächste Schritte</b>"))
        self.actions = QListWidget()
        self.actions.setObjectName("measure_actions")
        self.actions.setWordWrap(True)
        self.actions.itemChanged.connect(self._on_action_checked)
        self.actions.itemDoubleClicked.connect(lambda _: self.edit_action())
        self.actions.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Schritt &hinzufügen …"))
        self.add_button.setToolTip(self.tr("Nächsten Schritt hinzufügen (Alt+A)"))
        self.add_button.clicked.connect(self.add_action)
        self.edit_button = QPushButton(self.tr("Bearbeiten …"))
        self.edit_button.clicked.connect(self.edit_action)
        self.delete_button = QPushButton(self.tr("Entfernen"))
        self.delete_button.clicked.connect(self.delete_action)
        QShortcut(QKeySequence("Alt+A"), self, self.add_action,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.actions, self.delete_action,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.actions_label)
        lower_layout.addWidget(self.actions, 1)
        lower_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("measure_details_splitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 170])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setMinimumWidth(300)
        self.show_nothing()

    @property
    def measure_id(self) -> int | None:
        return self._details.summary.id if self._details else None

    def show_nothing(self, text: str = "") -> None:
        self._details = None
        text = text or self.tr("Keine Maßnahme ausgewählt.")
        self.browser.setHtml(f"<p style='color:#888'>{escape(text)}</p>")
        self.actions.clear()
        self._update_buttons()

    def show_measure(self, details: MeasureDetails, phase: str = "") -> None:
        same = self._details is not None and self._details.summary.id == details.summary.id
        scroll = self.browser.verticalScrollBar().value() if same else 0
        self._details = details
        self.browser.setHtml(measure_html(details, phase))
        self.browser.verticalScrollBar().setValue(scroll)
        self._fill_actions(details.action_items)

    def _fill_actions(self, actions: tuple[MeasureAction, ...]) -> None:
        row = self.actions.currentRow()
        self.actions.blockSignals(True)
        self.actions.clear()
        for action in actions:
            item = QListWidgetItem(action_text(action))
            item.setData(ACTION_ID_ROLE, action.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Abhaken, wenn erledigt"))
            self.actions.addItem(item)
        self.actions.blockSignals(False)
        if self.actions.count():
            self.actions.setCurrentRow(min(max(row, 0), self.actions.count() - 1))
        open_count = sum(1 for a in actions if not a.done)
        self.actions_label.setText(
            self.tr("<b>Nächste Schritte</b> (%1 offen)").replace("%1", str(open_count))
        )
        self._update_buttons()

    def current_action(self) -> MeasureAction | None:
        item = self.actions.currentItem()
        if item is None or self._details is None:
            return None
        action_id = item.data(ACTION_ID_ROLE)
        return next((a for a in self._details.action_items if a.id == action_id), None)

    @Slot()
    def _update_buttons(self) -> None:
        has_measure = self._details is not None
        self.add_button.setEnabled(has_measure)
        self.edit_button.setEnabled(self.current_action() is not None)
        self.delete_button.setEnabled(self.current_action() is not None)

    def reload(self) -> None:
        if self._details is None:
            return
        try:
            self.show_measure(self._service.details(self._details.summary.id))
        except ServiceError:
            self.show_nothing(self.tr("Diese Maßnahme wurde inzwischen gelöscht."))

    def _call(self, work, *args, **kwargs) -> bool:  # noqa: ANN001, ANN002, ANN003
        try:
            work(*args, **kwargs)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), str(exc))
            return False
        return True

    def _changed(self, message: str) -> None:
        measure_id = self.measure_id
        self.reload()
        if measure_id is not None:
            self.actions_changed.emit(measure_id)
        self.status_message.emit(message)

    # --- next steps ---------------------------------------------------------------------------

    @Slot()
    def add_action(self) -> None:
        if self._details is None:
            return
        dialog = ActionDialog(self._address_book, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self._call(self._service.add_action, self._details.summary.id, dialog.text,
                      owner_id=dialog.owner_id, owner_text=dialog.owner_text,
                      due_date=dialog.due_date):  # fmt: skip
            self._changed(self.tr("Nächster Schritt hinzugefügt."))

    @Slot()
    def edit_action(self) -> None:
        action = self.current_action()
        if action is None:
            return
        if action.meeting_id is not None:
            QMessageBox.information(
                self,
                self.tr("Aufgabe aus dem Protokoll"),
                self.tr("Diese Aufgabe stammt aus dem Protokoll „%1“ und wird dort bearbeitet. "
                        "Abhaken geht auch hier.").replace("%1", action.meeting_title),
            )  # fmt: skip
            return
        dialog = ActionDialog(
            self._address_book, self, text=action.text, owner=action.owner, due=action.due_date
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self._call(self._service.update_action, action.id, dialog.text,
                      owner_id=dialog.owner_id, owner_text=dialog.owner_text,
                      due_date=dialog.due_date):  # fmt: skip
            self._changed(self.tr("Nächster Schritt geändert."))

    @Slot()
    def delete_action(self) -> None:
        action = self.current_action()
        if action is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Schritt entfernen"),
            self.tr("„%1“ entfernen?").replace("%1", action.text),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._call(self._service.delete_action, action.id):
            self._changed(self.tr("Nächster Schritt entfernt."))

    @Slot(QListWidgetItem)
    def _on_action_checked(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        saved = self._call(self._service.set_action_done, int(item.data(ACTION_ID_ROLE)), done)
        message = self.tr("Schritt erledigt.") if done else self.tr("Schritt wieder offen.")
        # The list is refilled after this signal has returned, not under the item's feet.
        QTimer.singleShot(0, lambda: self._changed(message) if saved else self.reload())

    # --- links ----------------------------------------------------------------------------------

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind in ("measure", "meeting", "organisation") and value.isdigit():
            self.navigate.emit(kind, int(value))
