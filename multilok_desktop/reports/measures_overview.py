"""The "Maßnahmenübersicht" for the Landrat: landscape A4, one compact table grouped by
strategy or field of action, a coloured traffic light per open measure.

A selection of about 25 measures fits one page; the whole list paginates with the table
header repeated on every page. Cells that never wrap are plain strings (no Paragraph), so
3,000 measures lay out in about a second.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from ..domain.enums import TrafficLight
from ..services.measure_report import GROUP_LABELS, MeasuresOverview, OverviewRow
from .fonts import BOLD, REGULAR
from .layout import (
    GREY_TEXT,
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    letterhead,
    numeric_date,
    plain_table_commands,
    styles,
    write_pdf,
)

LIGHT_COLOURS = {
    TrafficLight.ON_TRACK: colors.HexColor("#2e9e44"),
    TrafficLight.DELAYED: colors.HexColor("#e0a100"),
    TrafficLight.BLOCKED: colors.HexColor("#d0312d"),
}
OVERDUE_COLOUR = colors.HexColor("#c0262d")
GROUP_BACKGROUND = colors.Color(0.93, 0.93, 0.93)
DOT = "●"
FONT_SIZE = 8
LEADING = 9
DOT_DIAMETER = 6.5

# Titel | Projektträger | Status | Ampel | Fortschritt | Zieltermin; the title takes the rest.
_HEADS = ("Titel", "Projektträger", "Status", "Ampel", "Fortschritt", "Zieltermin")
_WIDTHS = (None, 6.6 * cm, 2.45 * cm, 1.4 * cm, 2.15 * cm, 2.25 * cm)


def light_colour_hex(light: TrafficLight) -> str:
    return "#" + LIGHT_COLOURS[light].hexval()[2:]


def _cell_style() -> ParagraphStyle:
    return ParagraphStyle(
        "overview_cell", parent=styles().cell, fontSize=FONT_SIZE, leading=LEADING
    )


def _light_summary(data: MeasuresOverview) -> str:
    if not data.light_counts:
        return ""
    parts = [
        f'<font color="{light_colour_hex(light)}">{DOT}</font> {count} {esc(light.value)}'
        for light, count in data.light_counts
    ]
    return " · Ampel: " + "  ".join(parts)


def _summary(data: MeasuresOverview) -> str:
    noun = "Maßnahme" if data.total == 1 else "Maßnahmen"
    counts = " · ".join(f"{n} {esc(name)}" for name, n in data.status_counts)
    text = f"<b>{data.total} {noun}</b>" + (f": {counts}" if counts else "")
    return text + _light_summary(data)


def _fits(text: str, width: float) -> bool:
    return "\n" not in text and stringWidth(text, REGULAR, FONT_SIZE) <= width - 8  # padding


class _Mark(Flowable):
    """A coloured traffic-light dot, or a short coloured text, in one table cell.

    Drawn directly: thousands of per-cell style commands would make every page break of
    a long table re-read them all."""

    def __init__(self, colour: colors.Color, text: str = "", font: str = REGULAR) -> None:
        super().__init__()
        self.colour = colour
        self.text = text
        self.font = font
        self.width = stringWidth(text, font, FONT_SIZE) if text else DOT_DIAMETER
        self.height = LEADING

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.colour)
        if self.text:
            canvas.setFont(self.font, FONT_SIZE)
            canvas.drawString(0, LEADING - FONT_SIZE + 0.5, self.text)
        else:
            radius = DOT_DIAMETER / 2
            canvas.circle(radius, LEADING / 2 - 0.6, radius, stroke=0, fill=1)


def _text(text: str, width: float, cell: ParagraphStyle) -> str | Paragraph:
    """A plain string where it fits (cheap), else a Paragraph that wraps."""
    return text if _fits(text, width) else Paragraph(esc(text), cell)


def _shortened(text: str, width: float) -> str:
    """One line, cut with "…" where too long (the Projektträger; the CSV has it in full)."""
    text = " ".join(text.split())
    if _fits(text, width):
        return text
    while text and not _fits(text + "…", width):
        text = text[:-1]
    return text.rstrip() + "…"


def _row(row: OverviewRow, cell: ParagraphStyle, widths: list[float]) -> list[Any]:
    target = numeric_date(row.target_date) if row.target_date else ""
    return [
        _text(row.title, widths[0], cell),
        _shortened(row.lead, widths[1]),
        row.status,
        _Mark(LIGHT_COLOURS[row.traffic_light]) if row.traffic_light else _Mark(GREY_TEXT, "–"),
        f"{row.progress} %",
        _Mark(OVERDUE_COLOUR, target, BOLD) if row.overdue else target,
    ]


def _table(data: MeasuresOverview, width: float) -> Flowable:
    s = styles()
    cell = _cell_style()
    rest = width - sum(w for w in _WIDTHS if w is not None)
    widths = [rest if w is None else w for w in _WIDTHS]
    head_style = ParagraphStyle("overview_head", parent=s.cell_head, fontSize=FONT_SIZE)
    rows: list[list[Any]] = [[Paragraph(h, head_style) for h in _HEADS]]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, FONT_SIZE, LEADING),
        ("TOPPADDING", (0, 0), (-1, 0), 2),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
        ("TOPPADDING", (0, 1), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2),
        ("ALIGN", (3, 0), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
    ]
    for group in data.groups:
        index = len(rows)
        # A plain string runs on over the empty cells; a SPAN would make ReportLab map
        # every cell of the table at each page break.
        rows.append([f"{group.title} ({len(group.rows)})"] + [""] * (len(_HEADS) - 1))
        commands += [
            ("FONT", (0, index), (0, index), BOLD, 8.5, 10),
            ("BACKGROUND", (0, index), (-1, index), GROUP_BACKGROUND),
            ("TOPPADDING", (0, index), (-1, index), 1.2),
            ("BOTTOMPADDING", (0, index), (-1, index), 1.2),
            ("NOSPLIT", (0, index), (-1, index + 1)),  # never a group title alone
        ]
        for row in group.rows:
            index = len(rows)
            rows.append(_row(row, cell, widths))
    table = data_table(rows, widths, extra_style=commands)
    # Measure only the rows that fit the page at each page break (ReportLab's LongTable
    # mode; the splits pass it on): otherwise every break re-measures all rows left.
    table._longTableOptimize = 1
    return table


def measures_overview_story(data: MeasuresOverview, width: float) -> list[Flowable]:
    s = styles()
    head = letterhead(data.settings, width)
    head.spaceAfter = 0.1 * cm
    title = ParagraphStyle(
        "overview_title", parent=s.title, fontSize=13, leading=16, spaceBefore=0, spaceAfter=0
    )
    line = ParagraphStyle("overview_line", parent=s.small, spaceAfter=3)
    stand = ParagraphStyle("overview_stand", parent=s.small, alignment=TA_RIGHT)
    details = [
        f"gruppiert nach {GROUP_LABELS[data.group_by]}",
        f"Stand: {german_date(data.issued_on, weekday=False)}".replace(" ", "\u00a0"),
    ]
    if data.selection:  # beside the title: no extra line on a page that must stay one
        details.insert(0, f"Auswahl: {data.selection}")
    heading = Table(
        [[Paragraph("Maßnahmenübersicht", title), Paragraph(esc(" · ".join(details)), stand)]],
        colWidths=[width * 0.3, width * 0.7],
        style=TableStyle(
            [
                *plain_table_commands(),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
    story: list[Flowable] = [head, heading, Paragraph(_summary(data), line)]
    if not data.groups:
        story.append(Paragraph("Keine Maßnahmen in dieser Auswahl.", s.body))
    else:
        story.append(_table(data, width))
    if data.group_by.value == "action_field" and data.groups:
        story.append(
            Paragraph(
                "Maßnahmen mit mehreren Handlungsfeldern stehen unter jedem ihrer Felder.",
                ParagraphStyle("overview_note", parent=s.small, spaceBefore=4),
            )
        )
    return story


def write_measures_overview_pdf(data: MeasuresOverview, path: str | os.PathLike[str]) -> Path:
    """Write the overview to `path` (atomically); raises ServiceError if unwritable."""
    title = "Maßnahmenübersicht"
    info = DocumentInfo(
        title=title,
        settings=data.settings,
        subject=f"Handlungsansätze und Projekte – {data.settings.office_name}",
        footer_text=f"{title} · {data.settings.office_name} · Stand {numeric_date(data.issued_on)}",
        keywords=("Maßnahmen", "Multilokalität"),
        landscape=True,
    )
    return write_pdf(path, measures_overview_story(data, info.frame_width), info)
