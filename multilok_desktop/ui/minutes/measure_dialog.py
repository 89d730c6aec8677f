"""Sitzungsmodus → Maßnahmen: "Als Maßnahme …" for a result, and choosing a measure.

OutcomeMeasureDialog offers either a new measure (title from the result, Projektidee, the
first open status, optional action fields, target groups and lead from the attendees'
organisations) or moving an existing one on (search by title, new status and/or progress,
a note). "Übernehmen" saves in one step; bad input or a locked protocol gets a message and
the dialog stays open. The result: `saved_measure_id`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ServiceError
from ...services.minutes_service import MeasureUpdateData, MinutesService, NewMeasureData
from ...services.taxonomies import Choice
from ..dialog_buttons import buddy_label, dialog_buttons

ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNCHANGED = -1


class MeasurePicker(QWidget):
    """Search field and hits: the measure whose title (or card code) contains the words."""

    def __init__(self, service: MinutesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Titel oder Kartennummer eingeben …"))
        self.search.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hits.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.hits.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hits, 1)
        self.refresh()

    @Slot()
    def refresh(self, select: int | None = None) -> None:
        self._timer.stop()
        keep = select if select is not None else self.measure_id()
        self.hits.clear()
        for pick in self._service.find_measures(self.search.text()):
            code = f"{pick.code}  " if pick.code else ""
            item = QListWidgetItem(f"{code}{pick.title} – {pick.status}, {pick.progress} %")
            item.setData(ID_ROLE, pick.id)
            item.setData(ID_ROLE + 1, pick.title)
            self.hits.addItem(item)
            if pick.id == keep:
                self.hits.setCurrentItem(item)
        if self.hits.currentRow() < 0 and self.hits.count():
            self.hits.setCurrentRow(0)

    def measure_id(self) -> int | None:
        item = self.hits.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def measure_title(self) -> str:
        item = self.hits.currentItem()
        return str(item.data(ID_ROLE + 1)) if item is not None else ""


def _checks(choices: Sequence[Choice]) -> QListWidget:
    box = QListWidget()
    for choice in choices:
        item = QListWidgetItem(choice.name)
        item.setData(ID_ROLE, choice.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 6 + 8)
    return box


def _checked(box: QListWidget) -> tuple[int, ...]:
    return tuple(
        int(box.item(i).data(ID_ROLE))
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


def _combo(choices: Sequence[Choice], current: int | None, empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class OutcomeMeasureDialog(QDialog):
    def __init__(
        self, service: MinutesService, outcome_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._outcome_id = outcome_id
        self.saved_measure_id: int | None = None
        form = service.outcome_measure_form(outcome_id)
        self.setWindowTitle(self.tr("Ergebnis als Maßnahme"))

        result = QLabel(form.text)
        result.setWordWrap(True)
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.setStyleSheet("QLabel { background: palette(base); padding: 6px; }")
        self.new_choice = QRadioButton(self.tr("&Neue Maßnahme anlegen"))
        self.update_choice = QRadioButton(self.tr("&Bestehende Maßnahme fortschreiben"))
        choices = QButtonGroup(self)
        choices.addButton(self.new_choice)
        choices.addButton(self.update_choice)

        # a new measure
        self.title = QLineEdit(form.title)
        self.title.setCursorPosition(0)
        self.kind = _combo(form.kinds, form.kind_id)
        self.status = _combo(form.statuses, form.status_id)
        self.lead = _combo(form.organisations, None, self.tr("– noch offen –"))
        self.action_fields = _checks(form.action_fields)
        self.target_groups = _checks(form.target_groups)
        new_page = QWidget()
        new_form = QFormLayout(new_page)
        new_form.setContentsMargins(0, 0, 0, 0)
        new_form.addRow(self.tr("&Titel"), self.title)
        new_form.addRow(self.tr("&Art"), self.kind)
        new_form.addRow(self.tr("&Status"), self.status)
        new_form.addRow(self.tr("&Projektträger"), self.lead)
        lists = QGridLayout()
        for column, (text, box) in enumerate(((self.tr("&Handlungsfelder"), self.action_fields),
                                              (self.tr("&Zielgruppen"), self.target_groups))):  # fmt: skip
            header = buddy_label(text, box)
            header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            lists.addWidget(header, 0, column)
        lists.addWidget(self.action_fields, 1, 0)
        lists.addWidget(self.target_groups, 1, 1)
        new_form.addRow(lists)

        # an existing measure
        self.picker = MeasurePicker(service)
        self.new_status = _combo(form.statuses, None, self.tr("unverändert"))
        self.progress = QSpinBox()
        self.progress.setRange(UNCHANGED, 100)
        self.progress.setSpecialValueText(self.tr("unverändert"))
        self.progress.setSuffix(" %")
        self.progress.setValue(UNCHANGED)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("z. B. was vereinbart wurde (freiwillig)"))
        update_page = QWidget()
        update_form = QFormLayout(update_page)
        update_form.setContentsMargins(0, 0, 0, 0)
        update_form.addRow(buddy_label(self.tr("&Maßnahme"), self.picker.search), self.picker)
        update_form.addRow(self.tr("Neuer &Status"), self.new_status)
        update_form.addRow(self.tr("&Fortschritt"), self.progress)
        update_form.addRow(self.tr("N&otiz"), self.note)

        self.pages = QStackedWidget()
        self.pages.addWidget(new_page)
        self.pages.addWidget(update_page)
        self.new_choice.toggled.connect(self._on_choice)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ergebnis:")))
        layout.addWidget(result)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.update_choice)
        layout.addWidget(self.pages, 1)
        layout.addWidget(dialog_buttons(self, self.tr("Übernehmen")))
        if form.measure_id is not None:
            self.picker.search.setText(form.measure_title)
            self.picker.refresh(select=form.measure_id)
            self.update_choice.setChecked(True)
        else:
            self.new_choice.setChecked(True)
        self._on_choice()
        self.resize(640, 600)

    @Slot()
    def _on_choice(self, *_: object) -> None:
        new = self.new_choice.isChecked()
        self.pages.setCurrentIndex(0 if new else 1)
        (self.title if new else self.picker.search).setFocus()
        self.title.setCursorPosition(0)  # the start of a long title, not its end

    def accept(self) -> None:
        try:
            if self.new_choice.isChecked():
                self.saved_measure_id = self._service.new_measure_from_outcome(
                    self._outcome_id,
                    NewMeasureData(
                        title=self.title.text(),
                        kind_id=self.kind.currentData(),
                        status_id=self.status.currentData(),
                        action_field_ids=_checked(self.action_fields),
                        target_group_ids=_checked(self.target_groups),
                        lead_organisation_id=self.lead.currentData(),
                    ),
                )
            else:
                measure_id = self.picker.measure_id()
                if measure_id is None:
                    raise ServiceError(self.tr("Bitte eine Maßnahme suchen und auswählen."))
                progress = self.progress.value()
                self._service.update_measure_from_outcome(
                    self._outcome_id,
                    MeasureUpdateData(
                        measure_id,
                        status_id=self.new_status.currentData(),
                        progress=None if progress == UNCHANGED else progress,
                        note=self.note.text(),
                    ),
                )
                self.saved_measure_id = measure_id
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()


class MeasurePickDialog(QDialog):
    """Choose a measure (for an action item); `chosen` holds (id, title) after OK."""

    def __init__(self, service: MinutesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Maßnahme wählen"))
        self.chosen: tuple[int, str] | None = None
        self.picker = MeasurePicker(service)
        self.picker.hits.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(dialog_buttons(self, self.tr("Wählen")))
        self.resize(520, 420)
        self.picker.search.setFocus()

    def accept(self) -> None:
        measure_id = self.picker.measure_id()
        if measure_id is None:
            return
        self.chosen = (measure_id, self.picker.measure_title())
        super().accept()

    @staticmethod
    def pick(service: MinutesService, parent: QWidget | None) -> tuple[int, str] | None:
        dialog = MeasurePickDialog(service, parent)
        dialog.exec()
        return dialog.chosen
