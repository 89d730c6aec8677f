"""The measures view: filters narrow the table, saved filters, delete, show_record, timeline."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from sqlalchemy import select

from multilok_desktop.domain import Measure
from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.measures_service import MeasureInput, MeasuresService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.main_window import NAV_MEASURES, MainWindow
from multilok_desktop.ui.measures.measure_dialog import MeasureDialog
from multilok_desktop.ui.measures.view import MeasuresView


def when_modal(kind: type[QWidget], work: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `work` on the next modal dialog of this kind once it is open."""
    seen: list[QWidget] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog)
        work(dialog)

    QTimer.singleShot(0, handle)
    return seen


def choice_id(service: MeasuresService, taxonomy: str, name: str) -> int:
    return next(c.id for c in service.choices(taxonomy) if c.name == name)


@pytest.fixture
def service(filled_db: Database) -> MeasuresService:
    service = MeasuresService(filled_db, author="kuehn")
    wohnen = choice_id(service, "action_field", "Wohnen")
    mobil = choice_id(service, "action_field", "Mobilität")
    incomings = choice_id(service, "target_group", "Incomings")
    idea = choice_id(service, "status", "Idee")
    for title, fields in (
        ("Wohnraumbörse für Pendler", (wohnen,)),
        ("Wohnen auf Zeit im Gewerbegebiet", (wohnen,)),
        ("Mitfahrbank-Netz", (mobil,)),
    ):
        service.create(
            MeasureInput(
                title=title,
                status_id=idea,
                action_field_ids=fields,
                target_group_ids=(incomings,) if title.startswith("Wohnraum") else (),
            )
        )
    return service


@pytest.fixture
def view(qtbot, filled_db: Database, service: MeasuresService) -> Iterator[MeasuresView]:  # noqa: ANN001
    widget = MeasuresView(service, AddressBookService(filled_db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.ensure_loaded()
    yield widget


def titles(view: MeasuresView) -> list[str]:
    return [view.model.row_at(r).title for r in range(view.model.rowCount())]  # type: ignore[union-attr]


def measure_id(service: MeasuresService, title: str) -> int:
    return next(r.id for r in service.page(service_filter(), 0, 100) if r.title == title)


def service_filter():  # noqa: ANN201
    from multilok_desktop.services.measures_service import MeasureFilter

    return MeasureFilter()


def test_taxonomy_filters_narrow_the_rows(view: MeasuresView) -> None:
    """Ticking Handlungsfeld "Wohnen" leaves the housing measures; Zielgruppe narrows more."""
    assert len(titles(view)) == 3
    view.filter_bar.selectors["action_field"].action_for("Wohnen").trigger()
    assert titles(view) == ["Wohnen auf Zeit im Gewerbegebiet", "Wohnraumbörse für Pendler"]
    assert view.filter_bar.selectors["action_field"].text() == "Handlungsfeld: Wohnen"
    assert view.filter_bar.count_label.text() == "2 Maßnahmen"
    view.filter_bar.selectors["target_group"].action_for("Incomings").trigger()
    assert titles(view) == ["Wohnraumbörse für Pendler"]
    assert view.filter_bar.count_label.text() == "1 Maßnahme"
    view.filter_bar.reset()
    assert len(titles(view)) == 3


def test_search_filters_as_you_type(qtbot, view: MeasuresView) -> None:  # noqa: ANN001
    """The search text applies after a short pause; umlauts may be typed as digraphs."""
    with qtbot.waitSignal(view.filter_changed, timeout=2000) as signal:
        view.filter_bar.search.setText("boerse")
    assert signal.args[0].text == "boerse"
    assert titles(view) == ["Wohnraumbörse für Pendler"]


def test_saved_filter_save_apply_delete(
    view: MeasuresView,
    service: MeasuresService,
    answer_dialog,  # noqa: ANN001
) -> None:
    """A filter saved under a name comes back from the combo and can be deleted."""
    bar = view.filter_bar
    bar.selectors["action_field"].action_for("Mobilität").trigger()

    def name_it(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Verkehr")
        dialog.accept()

    when_modal(QInputDialog, name_it)
    bar.save_button.click()
    assert [f.name for f in service.saved_filters()] == ["Verkehr"]

    bar.reset()
    assert len(titles(view)) == 3
    bar.saved.setCurrentIndex(bar.saved.findText("Gespeichert: Verkehr"))
    assert titles(view) == ["Mitfahrbank-Netz"]
    assert bar.selectors["action_field"].text() == "Handlungsfeld: Mobilität"

    seen = answer_dialog("Ja")
    bar.delete_button.click()
    assert "Verkehr" in seen[0]
    assert service.saved_filters() == []
    assert bar.saved.count() == 1


def test_saving_under_an_existing_name_asks_first(
    view: MeasuresView,
    service: MeasuresService,
    answer_dialog,  # noqa: ANN001
) -> None:
    """Same name again: replaced only after "Ja"."""
    bar = view.filter_bar
    bar.selectors["action_field"].action_for("Mobilität").trigger()

    def name_it(dialog: QWidget) -> None:
        dialog.setTextValue("Meine Auswahl")  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    when_modal(QInputDialog, name_it)
    bar.save_button.click()
    bar.reset()
    bar.selectors["action_field"].action_for("Wohnen").trigger()
    when_modal(QInputDialog, name_it)
    seen = answer_dialog("Nein")
    bar.save_button.click()
    assert "Meine Auswahl" in seen[0]
    kept = service.saved_filters()[0].criteria
    assert kept.action_field_ids == {choice_id(service, "action_field", "Mobilität")}
    when_modal(QInputDialog, name_it)
    answer_dialog("Ja")
    bar.save_button.click()
    replaced = service.saved_filters()
    assert len(replaced) == 1
    assert replaced[0].criteria.action_field_ids == {choice_id(service, "action_field", "Wohnen")}


def test_delete_asks_with_title_and_keeps_sub_measures(
    view: MeasuresView,
    service: MeasuresService,
    filled_db: Database,
    answer_dialog,  # noqa: ANN001
) -> None:
    parent_id = measure_id(service, "Wohnraumbörse für Pendler")
    service.create(MeasureInput(title="Börse: Internetseite", parent_id=parent_id))
    view.reload()
    assert view.select_id(parent_id)

    seen = answer_dialog("Nein")
    view.delete_action.trigger()
    assert "„Wohnraumbörse für Pendler“" in seen[0]
    assert len(titles(view)) == 4

    seen = answer_dialog("Ja")
    view.delete_action.trigger()
    assert "Teilmaßnahme" in seen[0]
    assert "Wohnraumbörse für Pendler" not in titles(view)
    assert "Börse: Internetseite" in titles(view)
    with filled_db.session() as session:
        child = session.scalars(
            select(Measure).where(Measure.title == "Börse: Internetseite")
        ).one()
        assert child.parent_id is None


def test_show_record_clears_hiding_filters_and_selects(
    view: MeasuresView, service: MeasuresService
) -> None:
    target = measure_id(service, "Mitfahrbank-Netz")
    view.filter_bar.selectors["action_field"].action_for("Wohnen").trigger()
    assert "Mitfahrbank-Netz" not in titles(view)
    view.show_record("measure", target)
    assert view.current_id() == target
    assert view.filter_bar.selectors["action_field"].text() == "Handlungsfeld: alle"
    assert "Mitfahrbank-Netz" in view.details.browser.toPlainText()


def test_edit_status_writes_history_shown_in_the_timeline(
    view: MeasuresView, service: MeasuresService
) -> None:
    """Editing through the dialog moves the status; the pane shows "Status: Idee → geplant"."""
    target = measure_id(service, "Mitfahrbank-Netz")
    view.show_record("measure", target)

    def plan(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasureDialog)
        dialog.status.setCurrentIndex(dialog.status.findText("geplant"))
        dialog.accept()

    changed: list[int] = []
    view.measure_changed.connect(changed.append)
    when_modal(MeasureDialog, plan)
    view.edit_action.trigger()
    text = view.details.browser.toPlainText()
    assert "Status: Idee → geplant" in text
    assert "kuehn" in text
    assert changed == [target]
    assert view.model.row_at(view.table.currentIndex().row()).status == "geplant"  # type: ignore[union-attr]


def test_next_step_added_and_checked_in_the_pane(
    qtbot,  # noqa: ANN001
    view: MeasuresView,
    service: MeasuresService,
) -> None:
    from multilok_desktop.ui.measures.action_dialog import ActionDialog

    target = measure_id(service, "Mitfahrbank-Netz")
    view.show_record("measure", target)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ActionDialog)
        dialog._text.setPlainText("Standorte mit Gemeinden abstimmen")
        dialog._owner.setText("Frau Kühn")
        dialog.accept()

    when_modal(ActionDialog, fill)
    view.details.add_button.click()
    actions = service.details(target).action_items
    assert [(a.text, a.owner, a.done) for a in actions] == [
        ("Standorte mit Gemeinden abstimmen", "Frau Kühn", False)
    ]
    item = view.details.actions.item(0)
    assert "Frau Kühn" in item.text()
    from PySide6.QtCore import Qt

    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: service.details(target).action_items[0].done)
    qtbot.waitUntil(lambda: "(0 offen)" in view.details.actions_label.text())


def test_main_window_opens_a_measure(window: MainWindow, filled_db: Database) -> None:
    """go_to("measure", id) builds the view lazily and shows the measure."""
    service = MeasuresService(filled_db)
    new_id = service.create(MeasureInput(title="Pendlerparkplatz am Bahnhof"))
    window.go_to("measure", new_id)
    view = window.page(NAV_MEASURES)
    assert isinstance(view, MeasuresView)
    assert view.current_id() == new_id
    assert "Pendlerparkplatz am Bahnhof" in view.details.browser.toPlainText()


def test_overdue_target_date_is_red_with_tooltip(
    view: MeasuresView, service: MeasuresService
) -> None:
    """An open measure past its target date: date in red, tooltip "überfällig"."""
    from datetime import date, timedelta

    from PySide6.QtCore import Qt

    from multilok_desktop.ui.measures.table import TARGET

    late = date.today() - timedelta(days=3)
    late_id = service.create(MeasureInput(title="Zu spät", target_date=late))
    view.reload(late_id)
    index = view.model.index(view.table.currentIndex().row(), TARGET)
    assert view.model.data(index) == f"{late:%d.%m.%Y}"
    assert view.model.data(index, Qt.ItemDataRole.ToolTipRole) == "überfällig"
    assert view.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    view.filter_bar.overdue_only.setChecked(True)
    assert titles(view) == ["Zu spät"]
