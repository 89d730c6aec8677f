"""Maßnahmenübersicht and Umsetzungsstand as PDF: headings, groups, umlauts, pages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from multilok_desktop.reports.documents_service import DocumentsService
from multilok_desktop.reports.follow_up import write_follow_up_pdf
from multilok_desktop.reports.measures_overview import write_measures_overview_pdf
from multilok_desktop.services.demo import generate_demo
from multilok_desktop.services.measure_list import MeasureFilter
from multilok_desktop.services.measure_report import follow_up_data, overview_data
from multilok_desktop.services.settings import OfficeSettings, save_settings
from multilok_desktop.storage.database import Database
from tests.services.test_measure_report import ON, build_scenario

OFFICE = OfficeSettings(office_name="Koordinationsstelle Multilokalität", office_city="Bad Rödenau")


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


def pages(text: str) -> list[str]:
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture
def demo(db: Database) -> Database:
    with db.session() as session:
        generate_demo(session, "small", today=date(2026, 11, 24))
    return db


def test_overview_of_the_small_demo_fits_one_landscape_page(demo: Database, tmp_path: Path) -> None:
    """About 25 measures: one page with letterhead, counts, strategies as groups."""
    path = DocumentsService(demo).measures_overview(tmp_path / "übersicht.pdf")
    text = pdf_text(path)
    assert len(pages(text)) == 1
    assert "Seite 1 von 1" in text
    assert "Koordinationsstelle Multilokalität" in text
    assert "Maßnahmenübersicht" in text
    assert "gruppiert nach Strategie" in text
    assert "25 Maßnahmen:" in text
    assert "Multilokale sesshaft machen (" in text
    for heading in ("Titel", "Projektträger", "Status", "Ampel", "Fortschritt", "Zieltermin"):
        assert heading in text
    assert "Wohnraumbörse für Pendler" in text  # umlauts survive the embedded font
    with open(path, "rb") as stream:
        data = stream.read()
    assert b"Helvetica" not in data  # every glyph from the embedded DejaVu


def test_overview_of_many_measures_repeats_the_header(db: Database, tmp_path: Path) -> None:
    """Grouped by field of action; over several pages each page has the table header."""
    build_scenario(db)
    with db.session() as session:
        save_settings(session, OFFICE)
        data = overview_data(session, MeasureFilter(), "action_field", on=ON)
    many = data.__class__(
        **{**data.__dict__, "groups": tuple(g.__class__(g.title, g.rows * 30) for g in data.groups)}
    )
    text = pdf_text(write_measures_overview_pdf(many, tmp_path / "viele.pdf"))
    sheets = pages(text)
    assert len(sheets) >= 3
    assert all("Projektträger" in page and "Zieltermin" in page for page in sheets)
    assert f"Seite 1 von {len(sheets)}" in text
    assert "Wohnen (" in text and "Arbeit (" in text and "Ohne Handlungsfeld (" in text
    assert "gruppiert nach Handlungsfeld" in text
    assert "Maßnahmen mit mehreren Handlungsfeldern" in text


def test_filtered_overview_names_the_selection(demo: Database, tmp_path: Path) -> None:
    with demo.session() as session:
        from multilok_desktop.services.measure_report import filter_from_names

        query = filter_from_names(session, action_fields=["Wohnen"])
    text = pdf_text(DocumentsService(demo).measures_overview(tmp_path / "w.pdf", query))
    assert "Auswahl: Handlungsfeld: Wohnen" in text
    assert "Breitbandversorgung" not in text


def test_follow_up_pdf_orders_by_traffic_light_with_changes(db: Database, tmp_path: Path) -> None:
    """Title with meeting and date; blocked before delayed; only the period's changes."""
    scenario = build_scenario(db)
    with db.session() as session:
        save_settings(session, OFFICE)
        data = follow_up_data(session, scenario.spring_2027, on=ON)
    text = pdf_text(write_follow_up_pdf(data, tmp_path / "stand.pdf"))
    flat = " ".join(text.split())
    assert "Umsetzungsstand zum 8. Vernetzungstreffen am 9. März 2027" in flat
    assert "Änderungen seit dem 7. Vernetzungstreffen am 8. September 2026" in flat
    assert flat.index("Blockiert (1)") < flat.index("Boardinghouse am Bahnhof")
    assert flat.index("Boardinghouse am Bahnhof") < flat.index("Verzögert (1)")
    assert flat.index("Verzögert (1)") < flat.index("Wohnraumbörse für Pendler in Großröhrsdorf")
    assert "Grund: Fördermittel abgelehnt" in flat
    assert "Grund: Zieltermin überschritten (31.12.2026)" in flat
    assert "Seit dem letzten Treffen:" in flat
    assert "Fortschritt 10 % → 25 % (im 7. Vernetzungstreffen, Anna Kühn)" in flat
    assert "Fortschritt 25 % → 40 %" in flat
    assert "40 % → 55 %" not in flat  # after this meeting began
    assert "geplant → in Umsetzung" not in flat  # before the previous meeting
    assert "Kostenschätzung einholen – Jürgen Müller – bis 15.01.2027 (überfällig)" in flat
    assert "Standort besichtigen" not in flat  # done
    assert "Azubi-Wohnheim" not in flat and "Mitfahrbank" not in flat  # not open


def test_follow_up_of_the_demo(demo: Database, tmp_path: Path) -> None:
    """The next meeting of the demo: every open measure, page numbers, umlauts."""
    path = DocumentsService(demo).follow_up(8, tmp_path / "umsetzungsstand.pdf")
    text = pdf_text(path)
    assert "Umsetzungsstand zum 8. Vernetzungstreffen Multilokalität" in " ".join(text.split())
    assert "Nächste Schritte:" in text
    assert f"Seite 1 von {len(pages(text))}" in text
