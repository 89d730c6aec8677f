"""The measures as a table file: one row per measure, every taxonomy column
(`services.measure_report.EXPORT_COLUMNS`).

- .csv for German Excel: UTF-8 with BOM, ";" between fields, CRLF line ends, dates as
  dd.mm.yyyy, several values in one cell joined with ", ";
- .xlsx (openpyxl, loaded on first use): bold header, frozen header row, autofilter,
  column widths, dates as real dates with German number formats.

Both are written next to the destination and moved into place (`write_export_file`).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..services.measure_list import MeasureFilter
from ..services.measure_report import EXPORT_COLUMNS, ExportRow, export_rows
from ..storage.database import Database
from .errors import ExportFileError
from .files import write_export_file

TABLE_EXTENSIONS = (".csv", ".xlsx")
LIST_SEPARATOR = ", "
# Column widths in the .xlsx (characters), by header; others get 14.
_WIDTHS = {
    "ID": 7,
    "Code": 8,
    "Titel": 48,
    "Art": 16,
    "Status": 14,
    "Ampel": 11,
    "Grund": 30,
    "Strategie": 36,
    "Zielgruppen": 30,
    "Handlungsfelder": 34,
    "Räumliche Ebene": 15,
    "Projektart": 15,
    "Sowieso anstehende Themen": 30,
    "Projektträger": 32,
    "Partner": 44,
    "Verantwortlich": 24,
    "Priorität": 10,
    "Fortschritt (%)": 14,
    "Beginn": 12,
    "Zieltermin": 12,
    "Übergeordnete Maßnahme": 40,
    "Entstanden in": 40,
    "Zuletzt geändert": 17,
}


def _value(row: ExportRow, attribute: str) -> Any:
    return getattr(row, attribute)


def _csv_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return LIST_SEPARATOR.join(value)
    if kind == "date":
        return f"{value:%d.%m.%Y}"
    if kind == "datetime":
        return f"{value:%d.%m.%Y %H:%M}"
    return str(value)


def measures_csv(rows: Sequence[ExportRow]) -> bytes:
    """The CSV file's bytes (BOM, semicolons, CRLF)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header for header, _, _ in EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(
            _csv_text(_value(row, attribute), kind) for _, attribute, kind in EXPORT_COLUMNS
        )
    return buffer.getvalue().encode("utf-8-sig")


def measures_xlsx(rows: Sequence[ExportRow]) -> bytes:
    """The workbook's bytes: one sheet "Maßnahmen"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Maßnahmen"
    bold = Font(bold=True)
    for index, (header, _, _) in enumerate(EXPORT_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = bold
        cell.alignment = Alignment(vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(header, 14)
    formats = {"date": "DD.MM.YYYY", "datetime": "DD.MM.YYYY HH:MM", "percent": '0" %"'}
    for row_index, row in enumerate(rows, start=2):
        for column, (_, attribute, kind) in enumerate(EXPORT_COLUMNS, start=1):
            value = _value(row, attribute)
            if kind == "list":
                value = LIST_SEPARATOR.join(value)
            elif kind == "datetime" and value is not None:
                value = value.replace(tzinfo=None)  # Excel has no time zones: Berlin time
            elif isinstance(value, str) and value == "":
                value = None
            cell = sheet.cell(row=row_index, column=column, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # user text, never a formula
            if kind in formats:
                cell.number_format = formats[kind]
    last = get_column_letter(len(EXPORT_COLUMNS))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_measures_table(rows: Sequence[ExportRow], path: str | os.PathLike[str]) -> Path:
    """Write .csv or .xlsx by the file's extension; ExportFileError for any other."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        data = measures_csv(rows)
    elif suffix == ".xlsx":
        data = measures_xlsx(rows)
    else:
        raise ExportFileError(
            f"Unbekanntes Dateiformat „{target.suffix or target.name}“: Maßnahmen lassen sich "
            "als .pdf (Übersicht), .csv oder .xlsx (für Excel) exportieren."
        )
    write_export_file(target, data)
    return target


def export_measures_table(
    database: Database, query: MeasureFilter, path: str | os.PathLike[str]
) -> int:
    """For the UI and the command line: the filter's measures into `path` (one session);
    returns the number of measures written."""
    if Path(path).suffix.lower() not in TABLE_EXTENSIONS:
        write_measures_table([], path)  # raises the message about the extension
    with database.session() as session:
        rows = export_rows(session, query)
    write_measures_table(rows, path)
    return len(rows)


class MeasuresTableExport:
    """For the UI: the filter's measures as .csv or .xlsx, one session per export."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def write(self, query: MeasureFilter, path: str | os.PathLike[str]) -> int:
        return export_measures_table(self._database, query, path)
