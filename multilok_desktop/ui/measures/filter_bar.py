"""The filters above the measures table: search, every value list, organisation, Ampel,
open/overdue, and saved filters ("Gespeichert: Wohnen für Incomings")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TrafficLight
from ...services.errors import ServiceError
from ...services.measures_service import MeasureFilter, MeasuresService, SavedFilterRow
from .table import light_icon

SEARCH_DELAY_MS = 250

# (name of the value list, field of MeasureFilter, label)
TAXONOMY_FILTERS = [
    ("status", "status_ids", QT_TRANSLATE_NOOP("FilterBar", "Status")),
    ("kind", "kind_ids", QT_TRANSLATE_NOOP("FilterBar", "Art")),
    ("strategy", "strategy_ids", QT_TRANSLATE_NOOP("FilterBar", "Strategie")),
    ("target_group", "target_group_ids", QT_TRANSLATE_NOOP("FilterBar", "Zielgruppe")),
    ("action_field", "action_field_ids", QT_TRANSLATE_NOOP("FilterBar", "Handlungsfeld")),
    ("spatial_level", "spatial_level_ids", QT_TRANSLATE_NOOP("FilterBar", "Räumliche Ebene")),
    ("project_type", "project_type_ids", QT_TRANSLATE_NOOP("FilterBar", "Projektart")),
    ("pending_topic", "pending_topic_ids", QT_TRANSLATE_NOOP("FilterBar", "Sowieso-Themen")),
]


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several of them."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MultiSelectButton(QToolButton):
    """A drop-down of checkable values; its text says what is chosen ("Handlungsfeld:
    Wohnen +1"). Signals: changed()."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._menu = _StayOpenMenu(self)
        self.setMenu(self._menu)
        self._values: list[QAction] = []
        self._update_text()

    def set_values(
        self, values: list[tuple[Any, str]], icon: Callable[[Any], QIcon] | None = None
    ) -> None:
        chosen = self.chosen()
        self._menu.clear()
        clear = self._menu.addAction(self.tr("Alle (keine Einschränkung)"))
        clear.triggered.connect(self.clear)
        self._menu.addSeparator()
        self._values = []
        for value, name in values:
            action = self._menu.addAction(name)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in chosen)
            if icon is not None:
                action.setIcon(icon(value))
            action.toggled.connect(self._on_toggled)
            self._values.append(action)
        self._update_text()

    def chosen(self) -> frozenset[Any]:
        return frozenset(a.data() for a in self._values if a.isChecked())

    def action_for(self, name: str) -> QAction:
        return next(a for a in self._values if a.text() == name)

    def set_chosen(self, values: frozenset[Any]) -> None:
        for action in self._values:
            action.blockSignals(True)
            action.setChecked(action.data() in values)
            action.blockSignals(False)
        self._update_text()

    @Slot()
    def clear(self) -> None:
        if self.chosen():
            self.set_chosen(frozenset())
            self.changed.emit()

    @Slot()
    def _on_toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        names = [a.text() for a in self._values if a.isChecked()]
        if not names:
            self.setText(self.tr("%1: alle").replace("%1", self._label))
        elif len(names) == 1:
            self.setText(f"{self._label}: {names[0]}")
        else:
            self.setText(f"{self._label}: {names[0]} +{len(names) - 1}")
        self.setToolTip("\n".join(names) if len(names) > 1 else "")
        font = self.font()
        font.setBold(bool(names))
        self.setFont(font)


class FilterBar(QWidget):
    """Signals: changed() — the criteria changed (search text after a short pause);
    status_message(str)."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        service: MeasuresService,
        pick_organisation: Callable[[QWidget], tuple[int, str] | None],
        organisation_name: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._pick_organisation = pick_organisation
        self._organisation_name = organisation_name
        self._organisation_id: int | None = None
        self._applying = False  # while a whole filter is put into the widgets

        self.search = QLineEdit()
        self.search.setObjectName("measures_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Suchen: Titel, Beschreibung, Grund, Karte … (Strg+F)")
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self.flush)

        self.saved = QComboBox()
        self.saved.setObjectName("measures_saved_filters")
        self.saved.setMinimumContentsLength(18)
        self.saved.setToolTip(self.tr("Gespeicherte Filter"))
        self.saved.currentIndexChanged.connect(self._on_saved_chosen)
        self.save_button = QPushButton(self.tr("Filter &speichern …"))
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QPushButton(self.tr("Filter lösc&hen"))
        self.delete_button.clicked.connect(self.delete_current)

        self.selectors: dict[str, MultiSelectButton] = {}
        for taxonomy, _field, label in TAXONOMY_FILTERS:
            button = MultiSelectButton(self.tr(label))
            button.setObjectName(f"measures_filter_{taxonomy}")
            button.changed.connect(self.changed)
            self.selectors[taxonomy] = button
        self.traffic_light = MultiSelectButton(self.tr("Ampel"))
        self.traffic_light.set_values([(t, str(t)) for t in TrafficLight], light_icon)
        self.traffic_light.changed.connect(self.changed)

        self.organisation = QToolButton()
        self.organisation.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        organisation_menu = QMenu(self.organisation)
        organisation_menu.addAction(self.tr("Organisation wählen …"), self.choose_organisation)
        organisation_menu.addAction(self.tr("Alle Organisationen"), self.clear_organisation)
        self.organisation.setMenu(organisation_menu)
        self.organisation.setToolTip(
            self.tr(
                "Maßnahmen, an denen die Organisation als Projektträger oder Partner beteiligt ist"
            )
        )
        self.open_only = QCheckBox(self.tr("nur &offene"))
        self.overdue_only = QCheckBox(self.tr("nur ü&berfällige"))
        for box in (self.open_only, self.overdue_only):
            box.toggled.connect(self._on_box_toggled)
        self.reset_button = QPushButton(self.tr("Filter &zurücksetzen"))
        self.reset_button.clicked.connect(self.reset)
        self.count_label = QLabel()
        self.count_label.setObjectName("measures_count")

        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        first.addWidget(self.saved)
        first.addWidget(self.save_button)
        first.addWidget(self.delete_button)
        second = QHBoxLayout()
        for taxonomy in ("status", "kind", "strategy", "target_group", "action_field"):
            second.addWidget(self.selectors[taxonomy])
        second.addStretch()
        third = QHBoxLayout()
        for taxonomy in ("spatial_level", "project_type", "pending_topic"):
            third.addWidget(self.selectors[taxonomy])
        third.addWidget(self.traffic_light)
        third.addWidget(self.organisation)
        third.addWidget(self.open_only)
        third.addWidget(self.overdue_only)
        third.addStretch()
        third.addWidget(self.reset_button)
        third.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)

        self.reload_choices()
        self._update_organisation_text()
        self.reload_saved()

    # --- the criteria ---------------------------------------------------------------------

    def criteria(self) -> MeasureFilter:
        """What the widgets say (no sort order, no date: the view adds those)."""
        values: dict[str, Any] = {
            field: self.selectors[taxonomy].chosen() for taxonomy, field, _ in TAXONOMY_FILTERS
        }
        return MeasureFilter(
            text=self.search.text().strip(),
            organisation_id=self._organisation_id,
            traffic_lights=self.traffic_light.chosen(),
            open_only=self.open_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
            **values,
        )

    def set_criteria(self, criteria: MeasureFilter) -> None:
        """Put a (saved) filter into the widgets and announce it once."""
        self._applying = True
        try:
            self._search_timer.stop()
            self.search.setText(criteria.text)
            self._search_timer.stop()
            for taxonomy, field, _ in TAXONOMY_FILTERS:
                self.selectors[taxonomy].set_chosen(getattr(criteria, field))
            self.traffic_light.set_chosen(criteria.traffic_lights)
            self._organisation_id = criteria.organisation_id
            self._update_organisation_text()
            self.open_only.setChecked(criteria.open_only)
            self.overdue_only.setChecked(criteria.overdue_only)
        finally:
            self._applying = False
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        self.saved.setCurrentIndex(0)
        self.set_criteria(MeasureFilter())

    @Slot()
    def flush(self) -> None:
        """Apply a search text still waiting for its pause."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.changed.emit()

    def set_count(self, count: int) -> None:
        if count == 1:
            self.count_label.setText(self.tr("1 Maßnahme"))
        else:
            self.count_label.setText(
                self.tr("%1 Maßnahmen").replace("%1", QLocale().toString(count))
            )

    def reload_choices(self) -> None:
        """Fill the drop-downs from the value lists (retired values marked, still findable)."""
        active = self._service.all_choices()
        every = self._service.all_choices(include_retired=True)
        for taxonomy, _field, _label in TAXONOMY_FILTERS:
            current = {c.id for c in active[taxonomy]}
            values = [
                (c.id, c.name if c.id in current else self.tr("%1 (ausgemustert)").replace(
                    "%1", c.name))
                for c in every[taxonomy]
            ]  # fmt: skip
            self.selectors[taxonomy].set_values(values)

    # --- organisation -----------------------------------------------------------------------

    @Slot()
    def choose_organisation(self) -> None:
        chosen = self._pick_organisation(self)
        if chosen is not None:
            self.set_organisation(chosen[0])

    def set_organisation(self, organisation_id: int | None) -> None:
        self._organisation_id = organisation_id
        self._update_organisation_text()
        self.changed.emit()

    @Slot()
    def clear_organisation(self) -> None:
        if self._organisation_id is not None:
            self.set_organisation(None)

    def _update_organisation_text(self) -> None:
        if self._organisation_id is None:
            self.organisation.setText(self.tr("Organisation: alle"))
            bold = False
        else:
            try:
                name = self._organisation_name(self._organisation_id)
            except ServiceError:
                name = self.tr("(gelöscht)")
            self.organisation.setText(self.tr("Organisation: %1").replace("%1", name))
            bold = True
        font = self.organisation.font()
        font.setBold(bold)
        self.organisation.setFont(font)

    # --- saved filters ------------------------------------------------------------------------

    def reload_saved(self, select_id: int | None = None) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("Gespeichert: –"), None)
        for row in self._service.saved_filters():
            self.saved.addItem(self.tr("Gespeichert: %1").replace("%1", row.name), row)
        index = next(
            (i for i in range(1, self.saved.count()) if self.saved.itemData(i).id == select_id), 0
        )
        self.saved.setCurrentIndex(index)
        self.saved.blockSignals(False)
        self.delete_button.setEnabled(index > 0)

    def current_saved(self) -> SavedFilterRow | None:
        data = self.saved.currentData()
        return data if isinstance(data, SavedFilterRow) else None

    @Slot(int)
    def _on_saved_chosen(self, index: int) -> None:
        row = self.saved.itemData(index)
        self.delete_button.setEnabled(isinstance(row, SavedFilterRow))
        if isinstance(row, SavedFilterRow):
            self.set_criteria(row.criteria)
            self.status_message.emit(self.tr("Filter „%1“ angewendet.").replace("%1", row.name))

    @Slot()
    def save_current(self) -> None:
        criteria = self.criteria()
        if criteria.is_empty:
            QMessageBox.information(
                self,
                self.tr("Filter speichern"),
                self.tr("Bitte zuerst Filter setzen – ohne Filterangaben gibt es nichts zu "
                        "speichern."),
            )  # fmt: skip
            return
        current = self.current_saved()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Filter speichern"),
            self.tr("Name des Filters:"),
            text=current.name if current else "",
        )
        name = " ".join(name.split())
        if not ok:
            return
        existing = next(
            (r for r in self._service.saved_filters() if r.name.casefold() == name.casefold()),
            None,
        )
        if existing is not None and name:
            answer = QMessageBox.question(
                self,
                self.tr("Filter ersetzen"),
                self.tr("Einen Filter „%1“ gibt es schon. Ersetzen?").replace("%1", existing.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            filter_id = self._service.save_filter(name, criteria)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Filter nicht gespeichert"), str(exc))
            return
        self.reload_saved(filter_id)
        self.status_message.emit(self.tr("Filter „%1“ gespeichert.").replace("%1", name))

    @Slot()
    def delete_current(self) -> None:
        row = self.current_saved()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Filter löschen"),
            self.tr("Den gespeicherten Filter „%1“ löschen?\n\nDie Maßnahmen bleiben unberührt.")
            .replace("%1", row.name),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.delete_saved_filter(row.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Filter nicht gelöscht"), str(exc))
        self.reload_saved()
        self.status_message.emit(self.tr("Filter „%1“ gelöscht.").replace("%1", row.name))

    # --- slots ---------------------------------------------------------------------------------

    @Slot()
    def _on_search_edited(self) -> None:
        if not self._applying:
            self._search_timer.start()

    @Slot()
    def _on_box_toggled(self) -> None:
        if not self._applying:
            self.changed.emit()
