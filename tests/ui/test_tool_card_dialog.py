"""Planungskarten: X 001's full text, a new card through the form, choosing a card."""

from __future__ import annotations

from multilok_desktop.services.tool_card_catalog import ToolCardCatalog
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.tool_card_dialog import ToolCardDialog, ToolCardForm
from tests.ui.test_address_book_view import with_dialog


def test_the_catalogue_shows_x001_in_full(qtbot, db: Database) -> None:  # noqa: ANN001
    dialog = ToolCardDialog(ToolCardCatalog(db))
    qtbot.addWidget(dialog)
    assert dialog.cards.item(0).text().startswith("X 001")
    text = dialog.text.toPlainText()
    assert "Umsetzungsschritte" in text and "Koordinationsstelle benennen" in text
    assert dialog.use_button.isEnabled()


def test_a_new_card_with_a_taken_code_is_refused_then_saved(
    qtbot,
    db: Database,
    answer_dialog,  # noqa: ANN001
) -> None:
    dialog = ToolCardDialog(ToolCardCatalog(db))
    qtbot.addWidget(dialog)
    seen = answer_dialog("OK")

    def fill(form: ToolCardForm) -> None:
        form.code.setText("x 1")
        form.title.setText("Doppelt")
        form.accept()  # refused: the message box is answered, the form stays open
        assert form.isVisible() and "schon vergeben" in seen[0]
        form.code.setText("w5")
        form.title.setText("Wohnraum auf Zeit für Pendler")
        form.accept()

    with_dialog(ToolCardForm, fill)
    dialog.new_card()
    assert dialog.cards.currentItem().text() == "W 005  Wohnraum auf Zeit für Pendler"


def test_choose_returns_the_card_and_retired_cards_cannot_be_chosen(
    qtbot,
    db: Database,  # noqa: ANN001
) -> None:
    catalog = ToolCardCatalog(db)
    x001 = catalog.cards()[0].id

    def pick(dialog: ToolCardDialog) -> None:
        assert not dialog.show_retired.isChecked()
        dialog.use_button.click()

    with_dialog(ToolCardDialog, pick)
    assert ToolCardDialog.choose(None, catalog) == x001

    catalog.set_retired(x001, True)
    with_dialog(ToolCardDialog, lambda d: (d.use_button.click(), d.reject()))
    assert ToolCardDialog.choose(None, catalog) is None


def test_ctrl_shift_n_in_the_measures_view_starts_a_measure_from_a_card(window, qtbot) -> None:  # noqa: ANN001
    """The chosen card's title and taxonomy fill the measure form."""
    from multilok_desktop.ui.main_window import NAV_MEASURES
    from multilok_desktop.ui.measures.measure_dialog import MeasureDialog

    window.navigation.setCurrentRow(NAV_MEASURES)
    view = window.page(NAV_MEASURES)
    titles: list[str] = []

    def pick(dialog: ToolCardDialog) -> None:
        with_dialog(MeasureDialog, lambda form: (titles.append(form.title.text()), form.reject()))
        dialog.use_button.click()

    with_dialog(ToolCardDialog, pick)
    assert view.new_from_tool_card() is None  # the form was cancelled
    assert titles == ["Regelmäßige regionale Vernetzungstreffen zur Thematik Multilokalität"]
    assert view.new_from_card_action.shortcut().toString() == "Ctrl+Shift+N"
