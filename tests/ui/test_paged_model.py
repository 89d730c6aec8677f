"""The paged table model behind the big lists, and the PySide6 6.12.0 regression (DESIGN.md §7)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from multilok_desktop.services.address_book import PeopleQuery, PersonSort
from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.address_book.lists import people_model
from multilok_desktop.ui.paged_model import PAGE_SIZE, ROW_ID_ROLE
from tests import factories


def fill(db: Database, count: int) -> None:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde Großwöllmen")
        for i in range(count):
            factories.person(s, f"Vorname{i:03d}", f"Müller{i:03d}", organisation_id=org)


def test_model_passes_qtmodeltester(qtmodeltester, db: Database) -> None:  # noqa: ANN001
    fill(db, 12)
    model = people_model(AddressBookService(db))
    model.set_query(PeopleQuery())
    qtmodeltester.check(model, force_py=True)


def test_rows_come_page_by_page_and_search_resets(qtbot, db: Database) -> None:  # noqa: ANN001
    """Only the pages the view asks for are loaded; a new search resets the model."""
    fill(db, PAGE_SIZE + 30)
    model = people_model(AddressBookService(db))
    with qtbot.waitSignal(model.modelReset):
        model.set_query(PeopleQuery())
    assert model.rowCount() == PAGE_SIZE + 30
    assert model.data(model.index(0, 0)) == "Müller000, Vorname000"
    assert list(model._pages) == [0]  # only the first page is loaded
    last = model.index(PAGE_SIZE + 29, 1)
    assert model.data(last) == "Gemeinde Großwöllmen"
    assert model.data(last, ROW_ID_ROLE) is not None
    with qtbot.waitSignal(model.modelReset):
        model.set_query(PeopleQuery(text="müller007"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Müller007, Vorname007"


def test_header_click_sorts_in_sql(db: Database) -> None:
    fill(db, 5)
    model = people_model(AddressBookService(db))
    model.set_query(PeopleQuery())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == PersonSort.NAME and model.query.descending
    assert model.data(model.index(0, 0)) == "Müller004, Vorname004"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Organisation"


def test_many_data_calls_with_unhandled_role_through_a_proxy(db: Database) -> None:
    """PySide6 6.12.0 aborts (none_dealloc) after a few thousand C++→Python calls returning
    None; this drives 20,000 of them through a proxy so a bad PySide6 fails here."""
    fill(db, 3)
    model = people_model(AddressBookService(db))
    model.set_query(PeopleQuery())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    unhandled = Qt.ItemDataRole.UserRole + 42
    results = {proxy.data(index, unhandled) for _ in range(20_000)}
    assert results == {None}
