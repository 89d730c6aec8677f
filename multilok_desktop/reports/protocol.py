"""The protocol (Niederschrift) of a meeting as PDF, shaped as PROTOCOL.md describes.

Head (date, place, times, chair, minute taker), attendance by group, the agenda with its
changes, each TOP with its results in a grey box with a rule at the left, the table of
all action items, attachments, the next meeting and the signature block. Every page
carries title, date, revision and status in the footer, and "ENTWURF" diagonally under
the text until the protocol is approved. `archival=True` writes PDF/A-2b (`pdfa.py`).
"""

from __future__ import annotations

import math
import os
import re
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from ..services.protocol_document import AgendaSection, AttachmentLine, ProtocolDocument
from .fonts import BOLD, REGULAR
from .layout import (
    FOOTER_Y,
    GREY_TEXT,
    LEFT_MARGIN,
    RULE,
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    german_time,
    german_time_span,
    letterhead,
    numeric_date,
    plain_table_commands,
    styles,
    write_pdf,
)

DISTRIBUTION = "Fassung für den Verteiler"
WATERMARK = "ENTWURF"
WATERMARK_GREY = colors.Color(0.88, 0.88, 0.88)
BOX_GREY = colors.Color(0.95, 0.95, 0.95)
GROUP_GREY = colors.Color(0.92, 0.92, 0.92)
FRAME_PADDING = 12  # SimpleDocTemplate's frame keeps 6 pt free on either side
GREY = '<font color="#4d4d4d">{}</font>'

# Head nouns of meeting titles: feminine ones stay as they are ("der 3. Sitzung"),
# masculine and neuter ones take the genitive ending ("des 7. Vernetzungstreffens").
_FEMININE = (
    "ung", "ion", "heit", "keit", "schaft", "tät", "enz", "runde", "messe", "börse",
    "reise", "fahrt", "stunde", "woche", "werkstatt", "tour", "klausur", "tagung",
)  # fmt: skip
_GENITIVE = {
    "treffen": "s", "forum": "s", "gespräch": "s", "workshop": "s", "seminar": "s",
    "symposium": "s", "kolloquium": "s", "meeting": "s", "barcamp": "s", "plenum": "s",
    "gremium": "s", "netzwerk": "s", "frühstück": "s", "format": "s", "beirat": "s",
    "dialog": "s", "fachtag": "s", "termin": "s", "kreis": "es", "tisch": "es",
    "ausschuss": "es", "austausch": "es", "kongress": "es",
}  # fmt: skip
_ORDINAL = re.compile(r"\d+\.?")
_ADJECTIVE_ENDING = re.compile(r"(es|er|e)$")


def protocol_heading(title: str) -> str:
    """ "Protokoll des 7. Vernetzungstreffens Multilokalität", "Protokoll der 3. Sitzung
    der AG Wohnen", "Protokoll des Offenen Forums …"; "Protokoll: <title>" when the head
    noun of the title is not one we know."""
    words = title.split(" ")
    index = 0
    while index < len(words) - 1 and _ORDINAL.fullmatch(words[index]):
        index += 1
    adjective = None
    word = words[index]
    if index < len(words) - 1 and word[:1].isupper() and _ADJECTIVE_ENDING.search(word):
        if _head(word) is None:  # "Offenes Forum": the adjective declines too
            adjective, index = index, index + 1
    head = _head(words[index])
    if head is None:
        return f"Protokoll: {title}"
    if adjective is not None:
        words[adjective] = _ADJECTIVE_ENDING.sub("en", words[adjective])
    words[index] += head[1]
    return f"Protokoll {head[0]} {' '.join(words)}"


def _head(word: str) -> tuple[str, str] | None:
    """(article, genitive ending) of a known head noun, else None."""
    bare = word.lower()
    if not bare.replace("-", "").isalpha():
        return None
    if bare.endswith(_FEMININE):
        return "der", ""
    return next((("des", s) for end, s in _GENITIVE.items() if bare.endswith(end)), None)


def status_text(doc: ProtocolDocument) -> str:
    """ "Entwurf", "Entwurf (zur Abstimmung versendet)", "genehmigt am 10.03.2026 in der
    Sitzung vom 10.03.2026"."""
    if not doc.approved:
        return "Entwurf" if doc.status == "Entwurf" else f"Entwurf ({doc.status})"
    text = "genehmigt"
    if doc.approved_on:
        text += f" am {numeric_date(doc.approved_on)}"
    if doc.approved_in_meeting_on:
        text += f" in der Sitzung vom {numeric_date(doc.approved_in_meeting_on)}"
    return text


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    """The protocol's own styles, on top of the shared ones (`layout.styles`)."""
    s = styles()
    box = ParagraphStyle("box", parent=s.body, fontSize=9.5, leading=13, spaceAfter=0)
    return {
        "top": ParagraphStyle(
            "top", parent=s.heading, spaceBefore=12, keepWithNext=1, leftIndent=1.4 * cm,
            firstLineIndent=-1.4 * cm,
        ),
        "presenter": ParagraphStyle(
            "presenter", parent=s.body, textColor=GREY_TEXT, keepWithNext=1, spaceAfter=4
        ),
        "heading": ParagraphStyle("heading", parent=s.heading, keepWithNext=1),
        "part": ParagraphStyle(
            "part", parent=s.heading, fontSize=12, spaceBefore=16, keepWithNext=1
        ),
        "box": box,
        "box_bullet": ParagraphStyle(
            "box_bullet", parent=box, leftIndent=0.5 * cm, bulletIndent=0.1 * cm,
            bulletFontName=REGULAR,  # ReportLab's default Helvetica is not embedded
        ),
        "label": ParagraphStyle("label", parent=s.cell, fontName=BOLD),
        "remark": ParagraphStyle("remark", parent=s.small, spaceBefore=2, spaceAfter=6),
    }  # fmt: skip


@lru_cache(maxsize=8)
def _bullet_style(level: int) -> ParagraphStyle:
    indent = 0.55 * cm * level
    return ParagraphStyle(
        f"bullet{level}", parent=styles().body, leftIndent=indent, spaceAfter=2,
        bulletIndent=indent - 0.45 * cm, bulletFontName=REGULAR,
    )  # fmt: skip


class _PageMarks(ActionFlowable):
    """Draws on every page before its content: the "ENTWURF" watermark (so it lies under
    the text) and the footer's second line (revision, status, version)."""

    def __init__(self, footer_line: str, watermark: bool) -> None:
        super().__init__(("pageMarks",))
        self.footer_line = footer_line
        self.watermark = watermark

    def apply(self, doc: Any) -> None:
        for template in doc.pageTemplates:
            template.onPage = self.draw
        self.draw(doc.canv, doc)  # the first page has begun already

    def draw(self, canvas: Canvas, doc: Any) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY_TEXT)
        canvas.drawString(LEFT_MARGIN, FOOTER_Y - 10, self.footer_line)
        if self.watermark:
            canvas.setFillColor(WATERMARK_GREY)
            canvas.setFont(BOLD, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(math.degrees(math.atan2(height, width)))
            canvas.drawCentredString(0, -38, WATERMARK)
        canvas.restoreState()


def _plain_table(
    rows: list[list[Any]], widths: list[float], *commands: Any, heights: Any = None
) -> Table:
    """A table without rules, flush left."""
    style = [*plain_table_commands(), ("LEFTPADDING", (0, 0), (-1, -1), 0), *commands]
    return Table(rows, widths, heights, TableStyle(style), hAlign="LEFT")


def _head_block(doc: ProtocolDocument, width: float) -> Table:
    s = styles()
    rows = [
        ("Datum", german_date(doc.start)),
        ("Ort", doc.location or "–"),
        ("Zeit", f"Beginn: {german_time(doc.start)}, Ende: {german_time(doc.end)}"),
        ("Sitzungsleitung", _with_function(doc.chair.name, doc.chair.function)),
        ("Protokollführung", _with_function(doc.minute_taker.name, doc.minute_taker.function)),
        ("Stand", f"{status_text(doc)}, Revision {doc.revision}"),
    ]
    cells = [[Paragraph(a, _styles()["label"]), Paragraph(esc(b), s.cell)] for a, b in rows]
    table = _plain_table(
        cells, [3.6 * cm, width - 3.6 * cm],
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    )  # fmt: skip
    table.spaceAfter = 6
    return table


def _with_function(name: str, function: str) -> str:
    return (f"{name}, {function}" if name and function else name) or "–"


def _attendance(doc: ProtocolDocument, width: float) -> list[Flowable]:
    s = styles()
    count = sum(len(g.participants) for g in doc.present)
    guests = sum(len(g.participants) for g in doc.present if g.title == "Gäste")
    summary = f"Anwesend: {count} {'Person' if count == 1 else 'Personen'}"
    summary = summary if count else "Es wurde keine Anwesenheit erfasst."
    summary += f", davon {guests} {'Gast' if guests == 1 else 'Gäste'}" if guests else ""
    story: list[Flowable] = [
        Paragraph("Anwesenheit", _styles()["heading"]),
        Paragraph(summary, s.body),
    ]
    # One table per group, its title the header row: repeated when the group runs on to
    # the next page, never left alone at the foot of a page.
    heads: list[list[Any]] = [
        [Paragraph(t, s.cell_head) for t in ("Name", "Funktion", "Organisation")]
    ]
    for group in doc.present:
        rows: list[list[Any]] = [*heads, [Paragraph(esc(group.title), _styles()["label"]), "", ""]]
        for person in group.participants:
            name = esc(person.name)
            name += " " + GREY.format(f"({esc(person.partial)})") if person.partial else ""
            texts = (esc(person.function), esc(person.organisation))
            rows.append([Paragraph(name, s.cell), *(Paragraph(t, s.cell) for t in texts)])
        at = (0, len(heads)), (-1, len(heads))
        extra = [("SPAN", *at), ("BACKGROUND", *at, GROUP_GREY)]
        widths = [4.6 * cm, 5.0 * cm, width - 9.6 * cm]
        story.append(data_table(rows, widths, header_rows=len(heads) + 1, extra_style=extra))
        heads = []
    story[-1].spaceAfter = 8
    for label, people in (("Entschuldigt", doc.excused), ("Unentschuldigt", doc.absent)):
        if people:
            names = "; ".join(
                esc(p.name) + (f" ({esc(p.organisation)})" if p.organisation else "")
                for p in people
            )
            story.append(Paragraph(f"<b>{label}:</b> {names}", s.body))
    return story


def _agenda(doc: ProtocolDocument, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [Paragraph("Tagesordnung", _styles()["heading"])]
    rows = []
    for section in doc.agenda:
        marks = [
            (section.non_public, "nichtöffentlich"),
            (section.unplanned, "ergänzt"),
            (section.withdrawn, "abgesetzt"),
        ]
        remark = ", ".join(text for flag, text in marks if flag)
        title = esc(section.title) + (" " + GREY.format(f"({remark})") if remark else "")
        rows.append([Paragraph(f"TOP {esc(section.number)}", s.cell), Paragraph(title, s.cell)])
    if not rows:
        return [*story, Paragraph("Es wurde keine Tagesordnung erfasst.", s.body)]
    padding = ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)
    story.append(_plain_table(rows, [1.6 * cm, width - 1.6 * cm], *padding))
    if doc.agenda_changes:
        changes = " ".join(esc(c) for c in doc.agenda_changes)
        story.append(Paragraph(f"Änderungen der Tagesordnung: {changes}", _styles()["remark"]))
    return story


def _section(section: AgendaSection, width: float) -> list[Flowable]:
    s, own = styles(), _styles()
    heading = f"TOP {esc(section.number)}\u00a0\u00a0{esc(section.title)}"
    heading += " (nichtöffentlich)" if section.non_public else ""
    story: list[Flowable] = [Paragraph(heading, own["top"])]
    if section.withdrawn:
        return [*story, Paragraph("<i>Der Tagesordnungspunkt wurde abgesetzt.</i>", s.body)]
    if section.presenter:
        story.append(Paragraph(f"Vortrag: {esc(section.presenter)}", own["presenter"]))
    level = 0
    for block in section.notes:
        if level and not block.level:
            story.append(Spacer(0, 4))  # a paragraph after a list
        style = _bullet_style(block.level) if block.level else s.body
        story.append(Paragraph(block.markup, style, bulletText=block.bullet or None))
        level = block.level
    for attachment in section.attachments:
        story.append(Paragraph(f"Siehe {esc(_attachment_text(attachment))}.", s.body))
    lines: list[Any] = []
    for outcome in section.outcomes:
        text = f"<b>{esc(outcome.kind)}:</b> {esc(outcome.text)}"
        text += f"<br/>Abstimmungsergebnis: {esc(outcome.votes)}" if outcome.votes else ""
        text += f"<br/>→ Maßnahme: {esc(outcome.measure)}" if outcome.measure else ""
        lines.append(Paragraph(text, own["box"]))
    if section.action_items:
        lines.append(Paragraph("<b>Aufgaben:</b>", own["box"]))
    for action in section.action_items:
        parts = [esc(action.text)]
        parts += [f"verantwortlich: {esc(action.owner)}"] if action.owner else []
        parts += [f"bis {numeric_date(action.due)}"] if action.due else []
        lines.append(Paragraph(" – ".join(parts), own["box_bullet"], bulletText="•"))
    if not lines:
        return story
    story[-1].keepWithNext = 1  # the results never start a page on their own
    return [*story, _results_box(lines, width)]


def _results_box(lines: list[Any], width: float) -> Table:
    """The results of a TOP: light grey, a rule at the left; splits between lines."""
    table = _plain_table(
        [[line] for line in lines], [width],
        ("BACKGROUND", (0, 0), (-1, -1), BOX_GREY), ("LINEBEFORE", (0, 0), (0, -1), 2, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    )  # fmt: skip
    table.spaceBefore, table.spaceAfter = 4, 6
    return table


def _action_table(doc: ProtocolDocument, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [Paragraph("Übersicht der Aufgaben", _styles()["heading"])]
    if not doc.action_items:
        return [*story, Paragraph("Aus der Sitzung ergeben sich keine Aufgaben.", s.body)]
    head = [Paragraph(t, s.cell_head) for t in ("TOP", "Aufgabe", "verantwortlich", "Termin")]
    rows = [
        [
            Paragraph(text, s.cell)
            for text in (
                esc(a.item_number),
                esc(a.text),
                esc(a.owner),
                numeric_date(a.due) if a.due else "–",
            )
        ]
        for a in doc.action_items
    ]
    widths = [1.2 * cm, width - 1.2 * cm - 5.4 * cm - 2.2 * cm, 5.4 * cm, 2.2 * cm]
    return [*story, data_table([head, *rows], widths)]


def _attachment_text(attachment: AttachmentLine) -> str:
    return f"Anlage {attachment.number}: {attachment.filename}"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def _closing(doc: ProtocolDocument, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    if doc.attachments:
        story.append(Paragraph("Anlagen", _styles()["heading"]))
    for attachment in doc.attachments:
        where = f"zu TOP {attachment.item_number}, " if attachment.item_number else ""
        text = f"{esc(_attachment_text(attachment))} ({where}{_size(attachment.size)})"
        story.append(Paragraph(text, s.body))
    if doc.objections:
        story.append(Paragraph("Einwendungen gegen das Protokoll", _styles()["heading"]))
        story.append(Paragraph(esc(doc.objections), s.body))
    if doc.next_meeting:
        nxt = doc.next_meeting
        when = f"{german_date(nxt.start)}, {german_time_span(nxt.start, nxt.end)}"
        where = f", {esc(nxt.location)}" if nxt.location else ""
        story.append(Paragraph("Nächster Termin", _styles()["heading"]))
        story.append(Paragraph(f"Der nächste Termin ist am {when}{where}.", s.body))
    return [*story, _signatures(doc, width)]


def _signatures(doc: ProtocolDocument, width: float) -> Flowable:
    """Place and date, then two lines to sign with the printed names under them."""
    s = styles()
    column = (width - 1.5 * cm) / 2
    names = [
        Paragraph(f"Sitzungsleitung<br/>{esc(doc.chair.name)}", s.cell),
        "",
        Paragraph(f"Protokollführung<br/>{esc(doc.minute_taker.name)}", s.cell),
    ]
    lines = _plain_table(
        [["", "", ""], names], [column, 1.5 * cm, column],
        ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, colors.black), heights=[1.6 * cm, None],
    )  # fmt: skip
    place = f"{esc(doc.settings.office_city or 'Ort')}, den ____________________"
    return KeepTogether([Spacer(0, 0.9 * cm), Paragraph(place, s.body), lines])


def protocol_story(doc: ProtocolDocument, width: float) -> list[Flowable]:
    """The flowables of the protocol for a frame `width` wide (without the page marks)."""
    s = styles()
    story: list[Flowable] = [
        letterhead(doc.settings, width),
        Paragraph(esc(protocol_heading(doc.title)), s.title),
    ]
    if doc.distribution:
        story.append(Paragraph(DISTRIBUTION, _styles()["remark"]))
    story += [_head_block(doc, width), *_attendance(doc, width), *_agenda(doc, width)]
    closed = [section for section in doc.agenda if section.non_public]
    public = [section for section in doc.agenda if not section.non_public]
    for part, sections in (("Öffentlicher Teil", public), ("Nichtöffentlicher Teil", closed)):
        if closed and sections:
            story.append(Paragraph(part, _styles()["part"]))
        for section in sections:
            story += _section(section, width)
    return [*story, *_action_table(doc, width), *_closing(doc, width)]


def write_protocol_pdf(
    doc: ProtocolDocument, path: str | os.PathLike[str], *, archival: bool = False
) -> Path:
    """Write the protocol to `path` (atomically); `archival=True` makes it PDF/A-2b.

    Raises ServiceError with a German message if the file cannot be written.
    """
    heading = protocol_heading(doc.title)
    footer_line = f"Revision {doc.revision} · {status_text(doc)}"
    footer_line += f" · {DISTRIBUTION}" if doc.distribution else ""
    info = DocumentInfo(
        title=heading + (f" ({DISTRIBUTION})" if doc.distribution else ""),
        settings=doc.settings,
        subject=f"{heading} vom {german_date(doc.start, weekday=False)}",
        footer_text=f"{heading} · {numeric_date(doc.start)}",
        keywords=("Protokoll", "Niederschrift", doc.title),
    )
    story: list[Flowable] = [
        _PageMarks(footer_line, watermark=not doc.approved),
        *protocol_story(doc, info.frame_width - FRAME_PADDING),
    ]
    if not archival:
        return write_pdf(path, story, info)
    from .pdfa import make_pdfa

    target = Path(path)
    source = target.with_name(f".{target.stem}-{uuid.uuid4().hex[:8]}.source.pdf")
    try:
        write_pdf(source, story, info)
        return make_pdfa(source, target)
    finally:
        source.unlink(missing_ok=True)
