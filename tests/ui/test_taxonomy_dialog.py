"""Wertelisten dialog: rename with F2, retire greys the value, the status list edits phases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from multilok_desktop.domain.enums import StatusPhase
from multilok_desktop.services.measures_service import MeasuresService
from multilok_desktop.services.taxonomy_editing import TaxonomyService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.taxonomy_dialog import TaxonomyDialog
from tests.ui.test_address_book_view import with_dialog


def open_dialog(qtbot, db: Database, key: str) -> TaxonomyDialog:  # noqa: ANN001
    dialog = TaxonomyDialog(TaxonomyService(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.select_list(key)
    return dialog


def texts(dialog: TaxonomyDialog) -> list[str]:
    return [dialog.values.item(i).text() for i in range(dialog.values.count())]


def select(dialog: TaxonomyDialog, name: str) -> None:
    dialog.values.setCurrentRow(next(i for i, t in enumerate(texts(dialog)) if t.startswith(name)))


def answer(text: str) -> None:
    def fill(box: QInputDialog) -> None:
        box.setTextValue(text)
        box.accept()

    with_dialog(QInputDialog, fill)


def test_f2_renames_and_the_forms_offer_the_new_name(qtbot, db: Database) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, db, "action_field")
    select(dialog, "Wohnen")
    answer("Wohnen und Bauen")
    qtbot.keyClick(dialog.values, Qt.Key.Key_F2)
    assert "Wohnen und Bauen" in texts(dialog)
    assert dialog.current() is not None and dialog.current().name == "Wohnen und Bauen"
    assert "Wohnen und Bauen" in [c.name for c in MeasuresService(db).choices("action_field")]


def test_a_duplicate_name_is_refused_with_a_message(
    qtbot,
    db: Database,
    answer_dialog,  # noqa: ANN001
) -> None:
    dialog = open_dialog(qtbot, db, "action_field")
    select(dialog, "Wohnen")
    answer("MOBILITÄT")
    seen = answer_dialog("OK")
    qtbot.keyClick(dialog.values, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(seen))
    assert "schon in dieser Liste" in seen[0]
    assert "Wohnen" in texts(dialog)


def test_retire_greys_the_value_and_hides_it_from_the_forms(qtbot, db: Database) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, db, "target_group")
    select(dialog, "Incomings")
    assert dialog.retire_button.text() == "&Ausmustern"
    dialog.retire_button.click()
    assert "Incomings  (ausgemustert)" in texts(dialog)
    assert dialog.retire_button.text() == "&Reaktivieren"
    assert "Incomings" not in [c.name for c in MeasuresService(db).choices("target_group")]
    dialog.retire_button.click()
    assert "Incomings" in texts(dialog)


def test_alt_arrows_reorder_and_delete_only_unused(qtbot, db: Database) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, db, "spatial_level")
    before = texts(dialog)
    dialog.values.setCurrentRow(1)
    qtbot.keyClick(dialog.values, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert texts(dialog) == [before[1], before[0], *before[2:]]
    assert dialog.values.currentRow() == 0
    answer("kommunal")
    dialog.new_button.click()
    assert texts(dialog)[-1] == "kommunal" and dialog.delete_button.isEnabled()
    dialog.delete_button.click()
    assert "kommunal" not in texts(dialog)


def test_status_list_shows_and_changes_the_phase(qtbot, db: Database) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, db, "status")
    assert dialog.phase.isVisibleTo(dialog)
    assert "umgesetzt  –  erledigt" in texts(dialog)
    select(dialog, "zurückgestellt")
    dialog.phase.setCurrentIndex(dialog.phase.findData(StatusPhase.DROPPED))
    dialog.phase.activated.emit(dialog.phase.currentIndex())
    assert "zurückgestellt  –  verworfen" in texts(dialog)
    dialog.select_list("strategy")
    assert not dialog.phase.isVisibleTo(dialog)


def test_the_extras_menu_opens_value_lists_and_planning_cards(window, qtbot) -> None:  # noqa: ANN001
    from multilok_desktop.ui.tool_card_dialog import ToolCardDialog

    seen: list[str] = []
    with_dialog(TaxonomyDialog, lambda d: (seen.append(d.windowTitle()), d.reject()))
    window.taxonomies_action.trigger()
    with_dialog(ToolCardDialog, lambda d: (seen.append(d.windowTitle()), d.reject()))
    window.tool_cards_action.trigger()
    assert seen == ["Wertelisten bearbeiten", "Planungskarten"]
