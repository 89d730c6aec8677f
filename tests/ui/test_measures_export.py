"""Measures view: export of the filtered measures (PDF, CSV, Excel) and the Umsetzungsstand."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.demo import generate_demo
from multilok_desktop.services.measures_service import MeasuresService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.measures.export_dialog import ExportDialog, FollowUpDialog
from multilok_desktop.ui.measures.view import MeasuresView


@pytest.fixture
def demo_view(qtbot, db: Database) -> Iterator[MeasuresView]:  # noqa: ANN001
    with db.session() as session:
        generate_demo(session, "small")  # today: the next meeting lies ahead
    widget = MeasuresView(MeasuresService(db, author="kuehn"), AddressBookService(db))
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.ensure_loaded()
    yield widget


def test_toolbar_has_export_print_and_follow_up(demo_view: MeasuresView) -> None:
    texts = {a.text(): a.shortcut().toString() for a in demo_view.toolbar.actions()}
    assert texts["Exportieren …"] == "Ctrl+E"
    assert texts["Drucken …"] == "Ctrl+P"
    assert texts["Umsetzungsstand …"] == "Ctrl+Shift+U"


def test_export_writes_the_filtered_measures(demo_view: MeasuresView, tmp_path: Path) -> None:
    """The CSV holds exactly the measures the filtered table shows."""
    demo_view.filter_bar.search.setText("Wohn")
    demo_view._apply(demo_view._query_from_bar())
    shown = {demo_view.model.row_at(r).title for r in range(demo_view.model.rowCount())}
    assert shown
    path = demo_view.exports().write(
        demo_view.current_filter(), "csv", "strategy", str(tmp_path / "w")
    )
    assert path == str(tmp_path / "w.csv")
    text = Path(path).read_text(encoding="utf-8-sig")
    titles = {row["Titel"] for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
    assert titles == shown
    pdf = demo_view.exports().write(
        demo_view.current_filter(), "pdf", "action_field", str(tmp_path / "ü.pdf")
    )
    assert pdf and Path(pdf).read_bytes().startswith(b"%PDF")


def test_export_dialog_offers_grouping_only_for_the_pdf(qtbot) -> None:  # noqa: ANN001
    dialog = ExportDialog(25)
    qtbot.addWidget(dialog)
    assert dialog.file_format == "pdf" and dialog.group_by == "strategy"
    dialog.set_choice("xlsx")
    assert dialog.file_format == "xlsx"
    assert not dialog._grouping.isEnabled()
    dialog.set_choice("pdf", "action_field")
    assert dialog._grouping.isEnabled() and dialog.group_by == "action_field"


def test_follow_up_dialog_defaults_to_the_next_meeting(
    demo_view: MeasuresView, tmp_path: Path
) -> None:
    meetings, default = demo_view.exports().documents.follow_up_meetings()
    dialog = FollowUpDialog(meetings, default)
    assert default is not None and meetings[default].start.date() >= date.today()
    assert dialog.meeting_id == meetings[default].id
    path = demo_view.exports().write_follow_up(
        dialog.meeting_id, str(tmp_path / "stand"), demo_view.current_filter(), None
    )
    assert path and Path(path).read_bytes().startswith(b"%PDF")
    dialog.grab().save(str(Path("screenshots") / "measures_follow_up_dialog.png"))
    dialog.close()
    QApplication.processEvents()
