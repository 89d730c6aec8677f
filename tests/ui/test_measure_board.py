"""The board (Tafel): cards move by keyboard and by drag and drop, and the database follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from multilok_desktop.domain import Measure, MeasureHistory, MeasureStatus
from multilok_desktop.domain.taxonomy import ActionField
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services.measure_editing import MeasureInput
from multilok_desktop.services.measures_service import MeasureFilter, MeasuresService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.measures.board import BoardColumnWidget, MeasureBoard


def status_id(session, name: str) -> int:
    return session.scalars(select(MeasureStatus.id).where(MeasureStatus.name == name)).one()


@pytest.fixture
def measures(db: Database) -> dict[str, int]:
    with db.session() as s:
        housing = s.scalars(select(ActionField.id).where(ActionField.name == "Wohnen")).one()
        return {
            "boerse": editing.create_measure(
                s,
                MeasureInput(
                    title="Wohnraumbörse",
                    status_id=status_id(s, "geplant"),
                    action_field_ids=(housing,),
                    progress=30,
                ),
            ),
            "messe": editing.create_measure(
                s, MeasureInput(title="Ausbildungsmesse", status_id=status_id(s, "Idee"))
            ),
        }


@pytest.fixture
def board(qtbot, db: Database, measures) -> MeasureBoard:  # noqa: ANN001
    widget = MeasureBoard(MeasuresService(db, author="Frau Kühn"))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(board: MeasureBoard, name: str) -> BoardColumnWidget:
    return next(w for w in board.columns if w.model.column.name == name)


def titles(board: MeasureBoard, name: str) -> list[str]:
    model = column(board, name).model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def status_of(db: Database, measure_id: int) -> tuple[str, int]:
    with db.session() as s:
        measure = s.get(Measure, measure_id)
        assert measure is not None and measure.status is not None
        return measure.status.name, measure.progress


def status_history(db: Database, measure_id: int) -> list[tuple[str, str, str]]:
    with db.session() as s:
        rows = s.scalars(
            select(MeasureHistory)
            .where(MeasureHistory.measure_id == measure_id, MeasureHistory.field == "status")
            .order_by(MeasureHistory.id)
        )
        return [(h.old_value, h.new_value, h.author) for h in rows]


def test_columns_per_status_with_their_cards(board: MeasureBoard) -> None:
    assert [w.model.column.name for w in board.columns] == [
        "Idee", "in Prüfung", "geplant", "in Umsetzung", "umgesetzt", "zurückgestellt",
        "verworfen",
    ]  # fmt: skip
    assert titles(board, "geplant") == ["Wohnraumbörse"]
    assert column(board, "geplant").header.text() == "geplant  ·  1"
    assert "Fortschritt 30 %" in column(board, "geplant").model.data(
        column(board, "geplant").model.index(0), Qt.ItemDataRole.ToolTipRole
    )


def test_ctrl_right_moves_the_card_to_the_next_status(
    board: MeasureBoard, db: Database, measures, qtbot
) -> None:  # noqa: ANN001
    """History is written with the author; the card keeps the focus in its new column."""
    assert board.select_measure(measures["boerse"], focus=True)
    planned = column(board, "geplant").list
    with qtbot.waitSignal(board.measure_changed) as changed:
        with qtbot.waitSignal(board.status_message) as message:
            qtbot.keyClick(planned, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [measures["boerse"]]
    assert message.args == ["„Wohnraumbörse“ → in Umsetzung"]
    assert status_of(db, measures["boerse"]) == ("in Umsetzung", 30)
    assert status_history(db, measures["boerse"]) == [("geplant", "in Umsetzung", "Frau Kühn")]
    assert titles(board, "geplant") == [] and titles(board, "in Umsetzung") == ["Wohnraumbörse"]
    doing = column(board, "in Umsetzung").list
    assert doing.hasFocus() and doing.current_id() == measures["boerse"]

    # Alt+→ works too; "done" sets the progress to 100 %
    qtbot.keyClick(doing, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert status_of(db, measures["boerse"]) == ("umgesetzt", 100)
    # and back with Ctrl+←
    qtbot.keyClick(column(board, "umgesetzt").list, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert status_of(db, measures["boerse"])[0] == "in Umsetzung"
    assert len(status_history(db, measures["boerse"])) == 3


def test_no_move_beyond_the_first_column(
    board: MeasureBoard, db: Database, measures, qtbot
) -> None:  # noqa: ANN001
    board.select_measure(measures["messe"], focus=True)
    with qtbot.waitSignal(board.status_message) as message:
        qtbot.keyClick(column(board, "Idee").list, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert "ersten Spalte" in message.args[0]
    assert status_of(db, measures["messe"])[0] == "Idee"
    assert status_history(db, measures["messe"]) == []


def test_arrow_keys_go_to_the_neighbour_column(board: MeasureBoard, measures, qtbot) -> None:  # noqa: ANN001
    board.select_measure(measures["messe"], focus=True)
    qtbot.keyClick(column(board, "Idee").list, Qt.Key.Key_Right)
    assert column(board, "in Prüfung").list.hasFocus()
    qtbot.keyClick(column(board, "in Prüfung").list, Qt.Key.Key_Right)
    planned = column(board, "geplant").list
    assert planned.hasFocus() and planned.current_id() == measures["boerse"]


def test_drop_on_another_column_sets_the_status(
    board: MeasureBoard, db: Database, measures, qtbot
) -> None:  # noqa: ANN001
    """The model's drag data dropped on the "umgesetzt" column, as Qt's drag does."""
    source = column(board, "Idee").model
    data = source.mimeData([source.index(0)])
    target = column(board, "umgesetzt").model
    assert not source.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with qtbot.waitSignal(board.status_message) as message:
        assert target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert message.args == ["„Ausbildungsmesse“ → umgesetzt"]
    assert status_of(db, measures["messe"]) == ("umgesetzt", 100)
    assert status_history(db, measures["messe"])[-1][:2] == ("Idee", "umgesetzt")
    assert titles(board, "Idee") == [] and titles(board, "umgesetzt") == ["Ausbildungsmesse"]


def test_a_failed_move_says_why_and_changes_nothing(
    board: MeasureBoard, db: Database, measures, qtbot, answer_dialog
) -> None:  # noqa: ANN001
    with db.session() as s:
        editing.delete_measure(s, measures["messe"])  # someone else deleted it meanwhile
    board.select_measure(measures["messe"], focus=True)
    seen = answer_dialog("OK")
    qtbot.keyClick(column(board, "Idee").list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert "gibt es nicht" in seen[0]
    qtbot.waitUntil(lambda: titles(board, "Idee") == [])  # the board shows what is there


def test_enter_and_double_click_open_the_measure(board: MeasureBoard, measures, qtbot) -> None:  # noqa: ANN001
    board.select_measure(measures["boerse"], focus=True)
    planned = column(board, "geplant").list
    with qtbot.waitSignal(board.measure_activated) as activated:
        qtbot.keyClick(planned, Qt.Key.Key_Return)
    assert activated.args == [measures["boerse"]]
    rect = planned.visualRect(planned.model().index(0, 0))
    # as a real double click: a press first (Qt's view checks the pressed card), then the double
    qtbot.mouseClick(planned.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(board.measure_activated) as activated:
        qtbot.mouseDClick(planned.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [measures["boerse"]]


def test_reload_follows_the_filter(board: MeasureBoard, db: Database, measures) -> None:
    with db.session() as s:
        housing = s.scalars(select(ActionField.id).where(ActionField.name == "Wohnen")).one()
    board.reload(MeasureFilter(action_field_ids=frozenset({housing})))
    assert titles(board, "Idee") == [] and titles(board, "geplant") == ["Wohnraumbörse"]
    board.reload(MeasureFilter(text="messe"))
    assert titles(board, "Idee") == ["Ausbildungsmesse"] and titles(board, "geplant") == []


def test_column_models_pass_the_model_tester(board: MeasureBoard, qtmodeltester) -> None:  # noqa: ANN001
    qtmodeltester.check(column(board, "geplant").model)


def test_board_paints(board: MeasureBoard) -> None:
    assert not board.grab().isNull()


# --- in the Maßnahmen view -------------------------------------------------------------------


@pytest.fixture
def view(qtbot, db: Database, measures):  # noqa: ANN001, ANN201
    from multilok_desktop.services.address_book_service import AddressBookService
    from multilok_desktop.ui.measures.view import MeasuresView

    widget = MeasuresView(MeasuresService(db, author="Frau Kühn"), AddressBookService(db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.ensure_loaded()
    return widget


def test_board_tab_follows_the_filter_and_a_move_reaches_the_table(
    view, db: Database, measures, qtbot
) -> None:  # noqa: ANN001
    view.filter_bar.selectors["action_field"].action_for("Wohnen").trigger()
    view.tabs.setCurrentWidget(view.board)
    board = view.board
    assert titles(board, "Idee") == [] and titles(board, "geplant") == ["Wohnraumbörse"]

    board.select_measure(measures["boerse"], focus=True)
    assert (
        "Wohnraumbörse" in view.details.browser.toPlainText()
    )  # the card's details beside the board
    with qtbot.waitSignal(view.measure_changed) as changed:
        qtbot.keyClick(column(board, "geplant").list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert changed.args == [measures["boerse"]]
    assert status_of(db, measures["boerse"])[0] == "in Umsetzung"
    assert view.model.row_at(0).status == "in Umsetzung"  # type: ignore[union-attr]
    assert view.current_id() == measures["boerse"]
    assert column(board, "in Umsetzung").list.hasFocus()  # the board keeps the keyboard

    view.tabs.setCurrentWidget(view.overview)
    assert view.overview.tiles["total"].number.text() == "1"  # the same filter
    assert dict((b.label, b.value) for b in view.overview.status_chart.bars)["in Umsetzung"] == 1


def test_enter_on_a_card_selects_it_in_the_table(view, measures, qtbot) -> None:  # noqa: ANN001
    view.tabs.setCurrentWidget(view.board)
    view.board.select_measure(measures["messe"], focus=True)
    qtbot.keyClick(column(view.board, "Idee").list, Qt.Key.Key_Return)
    assert view.current_id() == measures["messe"]
    assert view.tabs.currentWidget() is view.board
