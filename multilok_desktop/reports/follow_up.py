"""The follow-up report "Umsetzungsstand zum <Treffen> am <Datum>" (portrait A4).

Per open measure: a coloured traffic light, status, progress, target date, the reason for
a delay, "Seit dem letzten Treffen:" what changed, and the open next steps — blocked
measures first, then delayed, then those on track.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ..domain.enums import TrafficLight
from ..services.measure_report import (
    GROUP_LABELS,
    LIGHT_ORDER,
    FollowUpAction,
    FollowUpChange,
    FollowUpEntry,
    FollowUpReport,
)
from .layout import (
    LIGHT_RULE,
    DocumentInfo,
    Paragraph,
    esc,
    german_date,
    letterhead,
    numeric_date,
    plain_table_commands,
    styles,
    write_pdf,
)
from .measures_overview import DOT, LIGHT_COLOURS, light_colour_hex

SECTION_TITLES = {
    TrafficLight.BLOCKED: "Blockiert",
    TrafficLight.DELAYED: "Verzögert",
    TrafficLight.ON_TRACK: "Im Plan",
}
_DOT_WIDTH = 0.8 * cm
# Darker shades for words in colour: the dots' amber is too light for text on white.
TEXT_COLOURS = {
    TrafficLight.ON_TRACK: "#1f7a33",
    TrafficLight.DELAYED: "#a06c00",
    TrafficLight.BLOCKED: "#c0262d",
}


def document_title(data: FollowUpReport) -> str:
    day = german_date(data.meeting_start.date(), weekday=False)
    return f"Umsetzungsstand zum {data.meeting_title} am {day}"


def changes_heading(data: FollowUpReport) -> str:
    return "Seit dem letzten Treffen:" if data.previous_start else "Bisherige Änderungen:"


def _change_text(change: FollowUpChange) -> str:
    when = numeric_date(change.changed_at.date())
    if change.label == "angelegt":
        text = "neu aufgenommen"
    elif change.label == "Fortschritt":
        text = f"Fortschritt {esc(change.old_value or '0')} % → {esc(change.new_value)} %"
    elif change.old_value:
        text = f"{esc(change.label)}: {esc(change.old_value)} → {esc(change.new_value)}"
    else:
        text = f"{esc(change.label)}: {esc(change.new_value)}"
    if change.note:
        text += f" – {esc(change.note)}"
    where = [f"im {esc(change.meeting_title)}" if change.meeting_title else "", esc(change.author)]
    extra = ", ".join(w for w in where if w)
    return f"{when} {text}" + (f' <font color="#4d4d4d">({extra})</font>' if extra else "")


def _action_text(action: FollowUpAction) -> str:
    parts = [esc(action.text)]
    if action.owner:
        parts.append(esc(action.owner))
    if action.due_date:
        due = f"bis {numeric_date(action.due_date)}"
        if action.overdue:
            due = f'<font color="#c0262d"><b>{due} (überfällig)</b></font>'
        parts.append(due)
    return " – ".join(parts)


def _entry(entry: FollowUpEntry, data: FollowUpReport, width: float) -> Flowable:
    s = styles()
    body = ParagraphStyle("fu_body", parent=s.cell, fontSize=9, leading=12)
    label = ParagraphStyle("fu_label", parent=body, spaceBefore=3)
    item = ParagraphStyle("fu_item", parent=body, leftIndent=10, bulletIndent=0)
    title = ParagraphStyle("fu_title", parent=s.cell_head, fontSize=10, leading=13)
    facts = [f"Status: {esc(entry.status or '–')}", f"Fortschritt: {entry.progress} %"]
    if entry.target_date:
        facts.append(f"Zieltermin: {numeric_date(entry.target_date)}")
    if entry.lead:
        facts.append(f"Projektträger: {esc(entry.lead)}")
    colour = TEXT_COLOURS[entry.traffic_light]
    light = f'<font color="{colour}"><b>{esc(entry.traffic_light.value)}</b></font>'
    if entry.delay_reason and entry.traffic_light is not TrafficLight.ON_TRACK:
        light += f" – Grund: {esc(entry.delay_reason)}"
    content: list[Flowable] = [
        Paragraph(esc(entry.title), title),
        Paragraph(" · ".join(facts), body),
        Paragraph(f"Ampel: {light}", body),
    ]
    if entry.changes:
        content.append(Paragraph(f"<b>{changes_heading(data)}</b>", label))
        content += [Paragraph(_change_text(c), item, bulletText="–") for c in entry.changes]
    else:
        content.append(Paragraph(f"<b>{changes_heading(data)}</b> keine Änderungen", label))
    if entry.actions:
        content.append(Paragraph("<b>Nächste Schritte:</b>", label))
        content += [Paragraph(_action_text(a), item, bulletText="–") for a in entry.actions]
    else:
        content.append(Paragraph("<b>Nächste Schritte:</b> keine offenen Aufgaben", label))
    dot_style = ParagraphStyle(
        "fu_dot", parent=body, fontSize=18, leading=18, textColor=LIGHT_COLOURS[entry.traffic_light]
    )
    table = Table(
        [[Paragraph(DOT, dot_style), content]],
        colWidths=[_DOT_WIDTH, width - _DOT_WIDTH],
        style=TableStyle(
            [
                *plain_table_commands(),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_RULE),
            ]
        ),
        hAlign="LEFT",
    )
    return KeepTogether([table])


def _counts(data: FollowUpReport) -> str:
    total = sum(n for _, n in data.light_counts)
    noun = "offene Maßnahme" if total == 1 else "offene Maßnahmen"
    parts = [
        f'<font color="{light_colour_hex(light)}">{DOT}</font> {n} {esc(light.value)}'
        for light, n in data.light_counts
    ]
    return f"<b>{total} {noun}</b>" + (": " + "   ".join(parts) if parts else "")


def follow_up_story(data: FollowUpReport, width: float) -> list[Flowable]:
    s = styles()
    lines = []
    if data.previous_start is not None:
        previous = german_date(data.previous_start.date(), weekday=False)
        lines.append(f"Änderungen seit dem {esc(data.previous_title)} am {previous}")
    else:
        lines.append("Kein früheres Treffen: alle bisherigen Änderungen")
    if data.group_by is not None:
        lines.append(f"gruppiert nach {GROUP_LABELS[data.group_by]}")
    if data.selection:
        lines.append(f"Auswahl: {esc(data.selection)}")
    story: list[Flowable] = [
        letterhead(data.settings, width),
        Paragraph(esc(document_title(data)), s.title),
        Paragraph(" · ".join(lines), s.small),
        Paragraph(_counts(data), s.body),
    ]
    if not data.groups:
        story.append(Paragraph("Keine offenen Maßnahmen in dieser Auswahl.", s.body))
    for group in data.groups:
        if group.title:
            heading = Paragraph(f"{esc(group.title)} ({len(group.rows)})", s.heading)
            heading.keepWithNext = True
            story.append(heading)
            story += [_entry(entry, data, width) for entry in group.rows]
            continue
        for light in LIGHT_ORDER:  # not grouped: sections blocked, delayed, on track
            entries = [e for e in group.rows if e.traffic_light is light]
            if not entries:
                continue
            colour = light_colour_hex(light)
            heading = Paragraph(
                f'<font color="{colour}">{DOT}</font> {SECTION_TITLES[light]} ({len(entries)})',
                s.heading,
            )
            heading.keepWithNext = True
            story.append(heading)
            story += [_entry(entry, data, width) for entry in entries]
    return story


def write_follow_up_pdf(data: FollowUpReport, path: str | os.PathLike[str]) -> Path:
    """Write the follow-up report to `path` (atomically); raises ServiceError if unwritable."""
    title = document_title(data)
    info = DocumentInfo(
        title=title,
        settings=data.settings,
        subject=f"Umsetzungsstand der Maßnahmen – {data.settings.office_name}",
        footer_text=f"Umsetzungsstand · {data.meeting_title} · "
        f"{numeric_date(data.meeting_start.date())}",
        keywords=("Umsetzungsstand", "Maßnahmen", data.meeting_title),
    )
    return write_pdf(path, follow_up_story(data, info.frame_width), info)
