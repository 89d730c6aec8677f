"""The year's meetings as PDF ("Jahresplan 2027"), landscape, grouped by series."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from ..services.meeting_documents import AnnualPlan, PlanEntry, PlanGroup
from .layout import (
    WEEKDAYS,
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    german_day_month,
    letterhead,
    styles,
    write_pdf,
)

# Datum | Wochentag | Uhrzeit | Titel | Ort | Status; the title (None) takes what is left.
_HEADS = ("Datum", "Wochentag", "Uhrzeit", "Titel", "Ort", "Status")
_WIDTHS = (2.7 * cm, 2.3 * cm, 3.0 * cm, None, 8.2 * cm, 2.7 * cm)


def _time(entry: PlanEntry) -> str:
    start, end = entry.start, entry.end
    if start.date() != end.date():
        return f"{start:%H:%M} Uhr bis {german_day_month(end)}"
    return f"{start:%H:%M}–{end:%H:%M} Uhr"


def _cells(entry: PlanEntry) -> list[Any]:
    s = styles()
    values = [
        german_day_month(entry.start),
        WEEKDAYS[entry.start.weekday()],
        _time(entry),
        entry.title,
        entry.location,
    ]
    if entry.cancelled:
        cells: list[Any] = [
            Paragraph(f'<strike><font color="#777777">{esc(v)}</font></strike>', s.cell)
            for v in values
        ]
        cells.append(Paragraph("<b>abgesagt</b>", s.cell))
        return cells
    return [Paragraph(esc(v), s.cell) for v in values] + [Paragraph(esc(entry.status), s.cell)]


def _group(group: PlanGroup, width: float) -> list[Flowable]:
    s = styles()
    rest = width - sum(w for w in _WIDTHS if w is not None)
    widths = [rest if w is None else w for w in _WIDTHS]
    rows = [[Paragraph(h, s.cell_head) for h in _HEADS], *(_cells(e) for e in group.entries)]
    heading = Paragraph(
        f'{esc(group.title)} <font size="9" color="#4d4d4d">({len(group.entries)} Treffen)</font>',
        s.heading,
    )
    heading.keepWithNext = True  # never a series title alone at the foot of a page
    table = data_table(rows, widths)
    table.spaceAfter = 10
    return [heading, table]


def annual_plan_story(data: AnnualPlan, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        letterhead(data.settings, width),
        Paragraph(f"Jahresplan {data.year}", s.title),
    ]
    stand = f"Stand: {german_date(data.issued_on, weekday=False)}"
    story.append(Paragraph(f"{data.meeting_count} Treffen · {stand}", s.small))
    if not data.groups:
        story.append(Paragraph(f"Für {data.year} sind noch keine Treffen eingetragen.", s.body))
    for group in data.groups:
        story.extend(_group(group, width))
    return story


def write_annual_plan_pdf(data: AnnualPlan, path: str | os.PathLike[str]) -> Path:
    """Write the annual plan to `path` (atomically); raises ServiceError if unwritable."""
    title = f"Jahresplan {data.year}"
    info = DocumentInfo(
        title=title,
        settings=data.settings,
        subject=f"Vernetzungstreffen und Termine {data.year} – {data.settings.office_name}",
        footer_text=f"{title} · {data.settings.office_name}",
        keywords=("Jahresplan", str(data.year)),
        landscape=True,
    )
    return write_pdf(path, annual_plan_story(data, info.frame_width), info)
