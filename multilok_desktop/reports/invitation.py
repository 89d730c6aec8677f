"""The invitation letter of a meeting as PDF ("Einladung zum 7. Vernetzungstreffen …")."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..services.meeting_documents import InvitationLetter
from .layout import (
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    german_time_span,
    letterhead,
    numeric_date,
    plain_table_commands,
    styles,
    write_pdf,
)

# Head nouns that take "zur" (die Sitzung, die Exkursion, die Konferenz …); others "zum".
_FEMININE_ENDINGS = (
    "ung", "ion", "heit", "keit", "schaft", "tät", "enz", "runde", "messe", "börse",
    "reise", "fahrt", "stunde", "woche", "werkstatt", "tour", "ausstellung",
)  # fmt: skip


def _article(title: str) -> str:
    """ "zum 7. Vernetzungstreffen", "zur 3. Sitzung der AG Wohnen"."""
    for word in title.split():
        bare = word.strip("„“\"'()").rstrip(".")
        if bare and not bare.isdigit():
            return "zur" if bare.lower().endswith(_FEMININE_ENDINGS) else "zum"
    return "zum"


def letter_heading(title: str) -> str:
    """ "Einladung zum 7. Vernetzungstreffen Multilokalität" """
    return f"Einladung {_article(title)} {title}"


def _facts(data: InvitationLetter, width: float) -> Table:
    s = styles()
    when = f"{german_date(data.start)}, {german_time_span(data.start, data.end)}"
    rows = [("Termin", when), ("Ort", data.location or "wird noch bekannt gegeben")]
    if data.topics:
        label = "Schwerpunkt" if len(data.topics) == 1 else "Schwerpunkte"
        rows.append((label, ", ".join(data.topics)))
    table = Table(
        [[Paragraph(label, s.cell_head), Paragraph(esc(text), s.cell)] for label, text in rows],
        colWidths=[3 * cm, width - 3 * cm],
        hAlign="LEFT",
        style=TableStyle(
            [
                *plain_table_commands(),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
    table.spaceBefore = 4
    table.spaceAfter = 10
    return table


def _agenda(data: InvitationLetter, width: float) -> list[Flowable]:
    s = styles()
    if not data.agenda:
        return [Paragraph("Die Tagesordnung folgt mit gesonderter Post.", s.body)]
    head = [
        Paragraph("TOP", s.cell_head),
        Paragraph("Thema", s.cell_head),
        Paragraph("Vortrag", s.cell_head),
        Paragraph("Minuten", s.cell_head_right),
    ]
    rows = [
        [
            Paragraph(esc(item.number), s.cell),
            Paragraph(esc(item.title), s.cell),
            Paragraph(esc(item.presenter), s.cell),
            Paragraph(str(item.planned_minutes) if item.planned_minutes else "", s.cell_right),
        ]
        for item in data.agenda
    ]
    widths = [1.2 * cm, width - 1.2 * cm - 5 * cm - 1.8 * cm, 5 * cm, 1.8 * cm]
    table = data_table([head, *rows], widths)
    table.spaceAfter = 12
    return [Paragraph("Tagesordnung", s.heading), table]


def _reply(data: InvitationLetter) -> Paragraph:
    s = styles()
    ways = []
    if data.contact_email:
        ways.append(f"per E-Mail an {esc(data.contact_email)}")
    if data.contact_phone:
        ways.append(f"telefonisch unter {esc(data.contact_phone)}")
    how = f" – {' oder '.join(ways)}" if ways else ""
    return Paragraph(
        f"Bitte geben Sie uns bis zum <b>{german_date(data.reply_by, weekday=False)}</b> "
        f"Bescheid, ob Sie teilnehmen{how}. Sind Sie verhindert, freuen wir uns über eine "
        "Vertretung aus Ihrem Haus.",
        s.body,
    )


def invitation_story(data: InvitationLetter, width: float) -> list[Flowable]:
    s = styles()
    settings = data.settings
    dated = german_date(data.issued_on, weekday=False)
    if settings.office_city:
        dated = f"{settings.office_city}, {dated}"
    closing = [
        Paragraph("Wir freuen uns auf Ihre Teilnahme und den Austausch.", s.body),
        Spacer(0, 0.3 * cm),
        Paragraph("Mit freundlichen Grüßen", s.body),
        Spacer(0, 0.8 * cm),
        Paragraph(esc(settings.office_name), s.body),
    ]
    if settings.office_unit:
        closing.append(Paragraph(esc(settings.office_unit), s.small))
    return [
        letterhead(settings, width),
        Paragraph(esc(dated), s.body_right),
        Spacer(0, 0.4 * cm),
        Paragraph(esc(letter_heading(data.title)), s.title),
        Paragraph("Sehr geehrte Damen und Herren,", s.body),
        Paragraph(
            f"hiermit laden wir Sie herzlich {_article(data.title)} {esc(data.title)} ein.",
            s.body,
        ),
        _facts(data, width),
        *_agenda(data, width),
        _reply(data),
        KeepTogether(closing),
    ]


def write_invitation_pdf(data: InvitationLetter, path: str | os.PathLike[str]) -> Path:
    """Write the invitation letter to `path` (atomically); raises ServiceError if unwritable."""
    heading = letter_heading(data.title)
    info = DocumentInfo(
        title=heading,
        settings=data.settings,
        subject=f"{heading} am {german_date(data.start)}",
        footer_text=f"{heading} · {numeric_date(data.start)}",
        keywords=("Einladung", "Vernetzungstreffen"),
    )
    return write_pdf(path, invitation_story(data, info.frame_width), info)
