"""The attendance list for signatures ("Teilnehmerliste") as PDF."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from ..services.meeting_documents import AttendanceSheet
from .layout import (
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    german_time_span,
    letterhead,
    numeric_date,
    styles,
    write_pdf,
)

ROW_HEIGHT = 1.05 * cm  # room to sign
CELL_PADDING = 3 + 4  # top + bottom padding of data_table


def _row_heights(rows: list[list[Any]], widths: list[float], minimum: float) -> list[float | None]:
    """At least `minimum` per body row, more where a name or organisation wraps."""
    heights: list[float | None] = [None]  # header: as tall as it needs
    for row in rows[1:]:
        needed = 0.0
        for cell, width in zip(row, widths, strict=True):
            if isinstance(cell, Paragraph):
                needed = max(needed, cell.wrap(width - 8, 1000)[1] + CELL_PADDING)
        heights.append(max(minimum, needed))
    return heights


def _person_cell(organisation: str, function: str) -> Paragraph:
    s = styles()
    text = esc(organisation)
    if function:
        text += f'<br/><font size="8" color="#4d4d4d">{esc(function)}</font>'
    return Paragraph(text, s.cell)


def attendance_story(data: AttendanceSheet, width: float) -> list[Flowable]:
    s = styles()
    when = f"{german_date(data.start)}, {german_time_span(data.start, data.end)}"
    head: list[Flowable] = [
        letterhead(data.settings, width),
        Paragraph("Teilnehmerliste", s.title),
        Paragraph(f"<b>{esc(data.title)}</b>", s.body),
        Paragraph(f"{when}<br/>Ort: {esc(data.location or '–')}", s.body),
    ]
    widths = [1.0 * cm, 4.4 * cm, 6.0 * cm, width - 11.4 * cm]
    rows: list[list[Any]] = [
        [
            Paragraph("Nr.", s.cell_head_right),
            Paragraph("Name", s.cell_head),
            Paragraph("Organisation / Funktion", s.cell_head),
            Paragraph("Unterschrift", s.cell_head),
        ]
    ]
    for number, row in enumerate(data.rows, 1):
        rows.append(
            [
                Paragraph(str(number), s.cell_right),
                Paragraph(esc(row.name), s.cell),
                _person_cell(row.organisation, row.function),
                "",
            ]
        )
    first_blank = len(data.rows) + 1
    for number in range(first_blank, first_blank + data.blank_rows):
        rows.append([Paragraph(str(number), s.cell_right), "", "", ""])
    table = data_table(
        rows,
        widths,
        row_heights=_row_heights(rows, widths, ROW_HEIGHT),
        extra_style=[
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, "#8c8c8c"),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, "#8c8c8c"),
            ("BOX", (0, 0), (-1, -1), 0.6, "#000000"),
        ],
    )
    note = Paragraph(
        "Mit Ihrer Unterschrift bestätigen Sie Ihre Teilnahme. Die Liste dient der "
        "Dokumentation des Treffens und wird mit dem Protokoll aufbewahrt.",
        s.small,
    )
    note.spaceBefore = 8
    return [*head, table, note]


def write_attendance_pdf(data: AttendanceSheet, path: str | os.PathLike[str]) -> Path:
    """Write the attendance list to `path` (atomically); raises ServiceError if unwritable."""
    title = f"Teilnehmerliste {data.title}"
    info = DocumentInfo(
        title=title,
        settings=data.settings,
        subject=f"Teilnehmerliste zum Treffen am {german_date(data.start)}",
        footer_text=f"Teilnehmerliste · {data.title} · {numeric_date(data.start)}",
        keywords=("Teilnehmerliste", "Anwesenheit"),
    )
    return write_pdf(path, attendance_story(data, info.frame_width), info)
