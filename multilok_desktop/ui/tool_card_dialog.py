"""Planungskarten: the catalogue of planning cards — list, full text, new, edit, retire —
and the chooser "Maßnahme aus dieser Karte anlegen".

Signals of ToolCardDialog: card_chosen(int) — the user wants a new measure from this card
(the dialog closes; `chosen_card_id` holds it). `ToolCardDialog.choose(parent, catalog)`
opens it as a chooser and returns the card id or None.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import ServiceError
from ..services.tool_card_catalog import ToolCardCatalog, ToolCardDetails, ToolCardInput
from .dialog_buttons import buddy_label, dialog_buttons

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADING = re.compile(r"^[^.:;!?]{1,40}$")


def card_html(card: ToolCardDetails) -> str:
    """The card as the detail pane shows it: head, taxonomy, then the full text."""
    esc = html.escape
    translate = QCoreApplication.translate
    rows = [
        (translate("ToolCardDialog", "Strategie"), card.strategy),
        (translate("ToolCardDialog", "Räumliche Ebene"), card.spatial_level),
        (translate("ToolCardDialog", "Projektart"), card.project_type),
        (translate("ToolCardDialog", "Zielgruppen"), ", ".join(card.target_groups)),
        (translate("ToolCardDialog", "Handlungsfelder"), ", ".join(card.action_fields)),
    ]
    table = "".join(
        f"<tr><td style='color:#666666;padding-right:12px'>{label}</td>"
        f"<td>{esc(value) or '–'}</td></tr>"
        for label, value in rows
    )
    retired_text = translate("ToolCardDialog", "(ausgemustert)")
    retired = f" <i>{esc(retired_text)}</i>" if card.retired else ""
    if card.measures == 1:
        used_text = translate("ToolCardDialog", "1 Maßnahme aus dieser Karte angelegt.")
    else:
        used_text = translate("ToolCardDialog", "%1 Maßnahmen aus dieser Karte angelegt.")
    used_text = used_text.replace("%1", str(card.measures))
    used = f"<p><i>{esc(used_text)}</i></p>" if card.measures else ""
    parts = [
        f"<h2>{esc(card.code)} {esc(card.title)}{retired}</h2>",
        f"<p><b>{esc(card.summary)}</b></p>" if card.summary else "",
        f"<table cellspacing='2'>{table}</table>",
        used,
    ]
    for block in re.split(r"\n\s*\n", card.description.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _HEADING.match(lines[0]):
            parts.append(f"<h3>{esc(lines[0])}</h3>")
            lines = lines[1:]
        parts.append("<p>" + "<br/>".join(esc(line) for line in lines) + "</p>")
    return "".join(parts)


class ToolCardDialog(QDialog):
    """Signals: card_chosen(int) — "Maßnahme aus dieser Karte anlegen" for that card."""

    card_chosen = Signal(int)

    def __init__(
        self, catalog: ToolCardCatalog, parent: QWidget | None = None, *, choosing: bool = False
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.chosen_card_id: int | None = None
        self.setWindowTitle(
            self.tr("Planungskarte wählen") if choosing else self.tr("Planungskarten")
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Karte suchen (Nummer oder Titel) …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.reload())
        self.show_retired = QCheckBox(self.tr("&ausgemusterte zeigen"))
        self.show_retired.setChecked(not choosing)
        self.show_retired.toggled.connect(lambda _on: self.reload())
        self.cards = QListWidget()
        self.cards.setWordWrap(True)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.cards.setSpacing(1)
        self.cards.currentItemChanged.connect(self._on_current_changed)
        self.cards.itemActivated.connect(lambda _item: self._on_activated())
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.cards, 1)
        left_layout.addWidget(self.show_retired)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 560])
        splitter.setChildrenCollapsible(False)

        self.new_button = self._button(self.tr("&Neu …"), "Ctrl+N", self.new_card)
        self.edit_button = self._button(self.tr("&Bearbeiten …"), "F2", self.edit_card)
        self.retire_button = self._button(self.tr("Aus&mustern"), "", self.toggle_retired)
        self.use_button = QPushButton(self.tr("Maßnahme aus dieser &Karte anlegen"))
        self.use_button.clicked.connect(self.choose_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            self.tr("Abbrechen") if choosing else self.tr("Schließen")
        )
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.use_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.use_button.setDefault(choosing)
        self._choosing = choosing
        self.resize(980, 640)
        self.reload()
        self.cards.setFocus()

    @staticmethod
    def choose(parent: QWidget | None, catalog: ToolCardCatalog) -> int | None:
        """Let the user pick a card for a new measure; None if cancelled."""
        dialog = ToolCardDialog(catalog, parent, choosing=True)
        dialog.exec()
        return dialog.chosen_card_id

    def _button(self, text: str, keys: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text.replace('&', '').rstrip(' …')} ({shown})")
        return button

    # --- list and detail ----------------------------------------------------------------------

    def current_id(self) -> int | None:
        item = self.cards.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_id()
        rows = self._catalog.cards(
            include_retired=self.show_retired.isChecked(), search=self.search.text()
        )
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.cards.blockSignals(True)
        self.cards.clear()
        current = 0
        for number, row in enumerate(rows):
            retired = self.tr("  (ausgemustert)") if row.retired else ""
            item = QListWidgetItem(f"{row.code}  {row.title}{retired}")
            item.setToolTip(f"{row.code} {row.title}")
            item.setData(ID_ROLE, row.id)
            if row.retired:
                item.setForeground(grey)
            self.cards.addItem(item)
            if row.id == keep:
                current = number
        self.cards.blockSignals(False)
        self.cards.setCurrentRow(current if rows else -1)
        self._on_current_changed()

    @Slot()
    def _on_current_changed(self, *_: object) -> None:
        card_id = self.current_id()
        details = None
        if card_id is not None:
            try:
                details = self._catalog.details(card_id)
            except ServiceError as exc:
                self.text.setPlainText(str(exc))
        if details is not None:
            self.text.setHtml(card_html(details))
        elif card_id is None:
            self.text.setHtml("<p>" + self.tr("Keine Planungskarte gefunden.") + "</p>")
        self.edit_button.setEnabled(card_id is not None)
        self.retire_button.setEnabled(card_id is not None)
        self.use_button.setEnabled(details is not None and not details.retired)
        self.retire_button.setText(
            self.tr("Re&aktivieren") if details and details.retired else self.tr("Aus&mustern")
        )

    def _on_activated(self) -> None:
        if self._choosing:
            self.choose_current()
        else:
            self.edit_card()

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def choose_current(self) -> None:
        card_id = self.current_id()
        if card_id is None or not self.use_button.isEnabled():
            return
        self.chosen_card_id = card_id
        self.card_chosen.emit(card_id)
        self.accept()

    @Slot()
    def new_card(self) -> None:
        form = ToolCardForm(self._catalog, None, self)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved_id is not None:
            self.search.clear()
            self.reload(select=form.saved_id)

    @Slot()
    def edit_card(self) -> None:
        card_id = self.current_id()
        if card_id is None:
            return
        form = ToolCardForm(self._catalog, card_id, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=card_id)

    @Slot()
    def toggle_retired(self) -> None:
        card_id = self.current_id()
        if card_id is None:
            return
        retired = self._catalog.details(card_id).retired
        try:
            self._catalog.set_retired(card_id, not retired)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
        self.reload(select=card_id)


class ToolCardForm(QDialog):
    """New or changed planning card; saved on OK, the dialog stays open on bad input."""

    def __init__(
        self, catalog: ToolCardCatalog, card_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._card_id = card_id
        self.saved_id: int | None = None
        data = catalog.card_input(card_id) if card_id is not None else ToolCardInput("", "")
        self.setWindowTitle(
            self.tr("Planungskarte bearbeiten") if card_id else self.tr("Neue Planungskarte")
        )
        self.code = QLineEdit(data.code)
        self.code.setPlaceholderText(self.tr("z. B. W 005"))
        self.code.setMaxLength(20)
        self.title = QLineEdit(data.title)
        self.summary = QPlainTextEdit(data.summary)
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.description = QPlainTextEdit(data.description)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("Der Text der Karte: Ziel, Beschreibung, Umsetzungsschritte …")
        )
        self.strategy = self._combo("strategy", data.strategy_id)
        self.spatial_level = self._combo("spatial_level", data.spatial_level_id)
        self.project_type = self._combo("project_type", data.project_type_id)
        self.target_groups = self._checks("target_group", data.target_group_ids)
        self.action_fields = self._checks("action_field", data.action_field_ids)

        form = QFormLayout(self)
        form.addRow(self.tr("&Nummer"), self.code)
        form.addRow(self.tr("&Titel"), self.title)
        form.addRow(self.tr("&Kurzbeschreibung"), self.summary)
        form.addRow(self.tr("&Strategie"), self.strategy)
        form.addRow(self.tr("&Räumliche Ebene"), self.spatial_level)
        form.addRow(self.tr("&Projektart"), self.project_type)
        lists = QHBoxLayout()
        for label, box in ((self.tr("&Zielgruppen"), self.target_groups),
                           (self.tr("&Handlungsfelder"), self.action_fields)):  # fmt: skip
            column = QVBoxLayout()
            header = buddy_label(label, box)
            header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            column.addWidget(header)
            column.addWidget(box)
            lists.addLayout(column)
        form.addRow(lists)
        form.addRow(self.tr("&Volltext"), self.description)
        form.addRow(dialog_buttons(self, self.tr("Speichern")))
        self.resize(760, 760)
        (self.code if card_id is None else self.title).setFocus()

    def _combo(self, key: str, current: int | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem("–", None)
        keep = (current,) if current is not None else ()
        for choice in self._catalog.choices(key, keep):
            combo.addItem(choice.name, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        return combo

    def _checks(self, key: str, current: tuple[int, ...]) -> QListWidget:
        box = QListWidget()
        box.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 8)
        for choice in self._catalog.choices(key, current):
            item = QListWidgetItem(choice.name)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.id in current
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            box.addItem(item)
        checked = [box.item(i) for i in range(box.count()) if box.item(i).data(ID_ROLE) in current]
        if checked:
            box.scrollToItem(checked[0], QListWidget.ScrollHint.PositionAtTop)
        return box

    @staticmethod
    def _checked(box: QListWidget) -> tuple[int, ...]:
        return tuple(
            int(box.item(i).data(ID_ROLE))
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        )

    def card_input(self) -> ToolCardInput:
        return ToolCardInput(
            code=self.code.text(),
            title=self.title.text(),
            summary=self.summary.toPlainText(),
            description=self.description.toPlainText(),
            strategy_id=self.strategy.currentData(),
            spatial_level_id=self.spatial_level.currentData(),
            project_type_id=self.project_type.currentData(),
            target_group_ids=self._checked(self.target_groups),
            action_field_ids=self._checked(self.action_fields),
        )

    def accept(self) -> None:
        try:
            if self._card_id is None:
                self.saved_id = self._catalog.create(self.card_input())
            else:
                self._catalog.update(self._card_id, self.card_input())
                self.saved_id = self._card_id
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()
