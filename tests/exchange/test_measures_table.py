"""Measures as CSV for German Excel and as .xlsx: bytes, separators, dates, round trip."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest

from multilok_desktop.exchange.errors import ExportFileError
from multilok_desktop.exchange.measures_table import (
    export_measures_table,
    measures_csv,
    write_measures_table,
)
from multilok_desktop.services.measure_list import MeasureFilter
from multilok_desktop.services.measure_report import EXPORT_COLUMNS, ExportRow
from multilok_desktop.storage.database import Database
from tests.services.test_measure_report import build_scenario

HEADERS = [header for header, _, _ in EXPORT_COLUMNS]


def row(**changes: object) -> ExportRow:
    values: dict[str, object] = dict(
        id=7, code="W 005", title="Wohnraumbörse; „auf Zeit“\nfür Pendler", kind="Projektidee",
        status="in Umsetzung", traffic_light="verzögert", delay_reason="Förderbescheid fehlt",
        strategy="Multilokale sesshaft machen", target_groups=("Incomings", "Wochenendpendler"),
        action_fields=("Wohnen",), spatial_level="lokal", project_type="organisatorisch",
        pending_topics=("Kleine Wohnungen",), lead="Gemeinde Großröhrsdorf",
        partners=("WBG Glück Auf (Wohnungsgeber)", "Stadtwerke (Förderer)"),
        responsible="Dr. Jürgen Müller", priority="hoch", progress=40,
        start_date=date(2026, 4, 1), target_date=date(2026, 12, 31), parent="",
        origin_meeting="6. Vernetzungstreffen (10.03.2026)",
        updated_at=datetime(2026, 11, 3, 9, 5),
    )  # fmt: skip
    values.update(changes)
    return ExportRow(**values)  # type: ignore[arg-type]


def test_csv_opens_right_in_german_excel() -> None:
    """BOM, semicolons, CRLF, German dates, lists joined with ", ", special characters kept."""
    data = measures_csv([row()])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.startswith("ID;Code;Titel;Art;Status;Ampel;Grund;Strategie;Zielgruppen;")
    assert text.endswith("\r\n")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert records[0] == HEADERS
    values = dict(zip(records[0], records[1], strict=True))
    assert values["Titel"] == "Wohnraumbörse; „auf Zeit“\nfür Pendler"
    assert values["Zielgruppen"] == "Incomings, Wochenendpendler"
    assert values["Partner"] == "WBG Glück Auf (Wohnungsgeber), Stadtwerke (Förderer)"
    assert values["Beginn"] == "01.04.2026"
    assert values["Zieltermin"] == "31.12.2026"
    assert values["Zuletzt geändert"] == "03.11.2026 09:05"
    assert values["Fortschritt (%)"] == "40"
    assert values["Übergeordnete Maßnahme"] == ""


def test_xlsx_has_header_filter_and_real_dates(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_measures_table(
        [row(), row(id=8, title="=1+1", start_date=None)], tmp_path / "m.xlsx"
    )
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:W3"
    values = {h: c for h, c in zip(HEADERS, sheet[2], strict=True)}
    assert values["Titel"].value == "Wohnraumbörse; „auf Zeit“\nfür Pendler"
    assert values["Beginn"].value == datetime(2026, 4, 1)  # a real date …
    assert values["Beginn"].number_format == "DD.MM.YYYY"  # … shown the German way
    assert values["Fortschritt (%)"].value == 40
    assert values["Zielgruppen"].value == "Incomings, Wochenendpendler"
    assert sheet.column_dimensions["C"].width == 48
    third = {h: c for h, c in zip(HEADERS, sheet[3], strict=True)}
    assert third["Titel"].value == "=1+1" and third["Titel"].data_type == "s"  # no formula
    assert third["Beginn"].value is None


def test_unknown_extension_is_refused_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    with pytest.raises(ExportFileError, match="Dateiformat „.ods“"):
        export_measures_table(db, MeasureFilter(), folder / "massnahmen.ods")
    assert list(folder.iterdir()) == []


def test_export_of_the_database_round_trips(db: Database, tmp_path: Path) -> None:
    scenario = build_scenario(db)
    count = export_measures_table(db, MeasureFilter(), tmp_path / "alle.csv")
    assert count == 4
    text = (tmp_path / "alle.csv").read_text(encoding="utf-8-sig")
    records = {r["ID"]: r for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
    boerse = records[str(scenario.boerse)]
    assert boerse["Titel"] == "Wohnraumbörse für Pendler in Großröhrsdorf"
    assert boerse["Projektträger"] == "Gemeinde Großröhrsdorf"
    assert boerse["Partner"] == "WBG Glück Auf (Wohnungsgeber)"
    assert boerse["Entstanden in"] == "6. Vernetzungstreffen (10.03.2026)"
    assert records[str(scenario.blocked)]["Handlungsfelder"] == "Arbeit, Wohnen"
