"""The page frame every Multilok PDF shares (PROTOCOL.md "Typography").

- A4 (portrait or landscape), margins 2.5 cm left for filing and 2 cm elsewhere;
- `letterhead()`: the office's letterhead as the first flowable of a document;
- a footer on every page: document title left, "Seite X von Y" right (two passes over the
  pages through `_NumberedCanvas`, so the total is known);
- PDF metadata: title, author = office name, subject, language de-DE;
- German dates and times without locale ("Dienstag, 10. März 2026", "14:00 Uhr");
- `write_pdf()`: builds into a temporary file beside the target and renames it into
  place, so a failed export never leaves a half-written PDF.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import Paragraph as _Paragraph

from ..services.errors import ServiceError
from ..services.settings import OfficeSettings
from .fonts import BOLD, REGULAR, register_fonts

LEFT_MARGIN = 2.5 * cm
RIGHT_MARGIN = 2 * cm
TOP_MARGIN = 2 * cm
BOTTOM_MARGIN = 2.2 * cm
FOOTER_Y = 1.2 * cm  # baseline of the footer text
RULE = colors.Color(0.55, 0.55, 0.55)
LIGHT_RULE = colors.Color(0.75, 0.75, 0.75)
GREY_TEXT = colors.Color(0.3, 0.3, 0.3)

# ---------------------------------------------------------------------------- dates

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


def german_date(day: date, *, weekday: bool = True) -> str:
    """ "Dienstag, 10. März 2026" (or "10. März 2026"); pass local times for datetimes."""
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def german_day_month(day: date) -> str:
    """ "10. März" """
    return f"{day.day}. {MONTHS[day.month - 1]}"


def short_weekday(day: date) -> str:
    """ "Di." """
    return WEEKDAYS[day.weekday()][:2] + "."


def german_time(moment: datetime | time) -> str:
    """ "14:00 Uhr" """
    return f"{moment.hour:02d}:{moment.minute:02d} Uhr"


def german_time_span(start: datetime, end: datetime) -> str:
    """ "14:00 bis 16:30 Uhr"; "14:00 Uhr" when start and end are the same."""
    if (start.hour, start.minute) == (end.hour, end.minute) and start.date() == end.date():
        return german_time(start)
    return f"{start.hour:02d}:{start.minute:02d} bis {german_time(end)}"


def numeric_date(day: date) -> str:
    """ "10.03.2026" """
    return f"{day:%d.%m.%Y}"


# ---------------------------------------------------------------------------- text styles


class Paragraph(_Paragraph):
    """ReportLab's Paragraph, breaking its lines once per width.

    ReportLab wraps a paragraph several times at the same width before drawing it: once
    for the height of a KeepTogether (every keepWithNext chain, e.g. a TOP heading with
    its first lines), again when the frame places it, and in a table once for the row
    heights and again for each cell drawn. Line breaking only depends on the width, so
    the lines of the last wrap are kept and reused while they are there (`split` drops
    them when the paragraph moves on to the next page).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None  # width, (width, height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and "blPara" in self.__dict__:
            return wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = availWidth, size
        return size


def esc(text: str) -> str:
    """User text safe inside a Paragraph's mark-up; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_right: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cell_right: ParagraphStyle
    letterhead_name: ParagraphStyle
    letterhead_line: ParagraphStyle
    letterhead_contact: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The few paragraph styles of all documents: sober sans serif, 10 pt body."""
    family = register_fonts()
    body = ParagraphStyle("body", fontName=family, fontSize=10, leading=14, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName=family, fontSize=9, leading=11.5)
    contact = ParagraphStyle(
        "letterhead_contact",
        fontName=family,
        fontSize=8,
        leading=10.5,
        alignment=TA_RIGHT,
        textColor=GREY_TEXT,
    )
    return Styles(
        body=body,
        body_right=ParagraphStyle("body_right", parent=body, alignment=TA_RIGHT),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=GREY_TEXT),
        title=ParagraphStyle(
            "title", fontName=BOLD, fontSize=14, leading=18, spaceBefore=4, spaceAfter=10
        ),
        heading=ParagraphStyle(
            "heading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=5
        ),
        cell=cell,
        cell_small=ParagraphStyle(
            "cell_small", parent=cell, fontSize=8, leading=10, textColor=GREY_TEXT
        ),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD),
        cell_head_right=ParagraphStyle(
            "cell_head_right", parent=cell, fontName=BOLD, alignment=TA_RIGHT
        ),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        letterhead_name=ParagraphStyle("letterhead_name", fontName=BOLD, fontSize=13, leading=16),
        letterhead_line=ParagraphStyle("letterhead_line", fontName=family, fontSize=9, leading=12),
        letterhead_contact=contact,
    )


# ---------------------------------------------------------------------------- building blocks


def plain_table_commands() -> list[tuple[Any, ...]]:
    """Every table sets DejaVu for its cells: ReportLab's default would pull in Helvetica."""
    return [("FONT", (0, 0), (-1, -1), register_fonts(), 9), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def letterhead(settings: OfficeSettings, width: float) -> Flowable:
    """Office name (bold), unit and address at the left; phone, e-mail, web at the right;
    a rule under it. Empty settings are left out."""
    s = styles()
    left: list[Flowable] = [Paragraph(esc(settings.office_name), s.letterhead_name)]
    if settings.office_unit:
        left.append(Paragraph(esc(settings.office_unit), s.letterhead_line))
    place = f"{settings.office_postal_code} {settings.office_city}".strip()
    address = " · ".join(p for p in (settings.office_street, place) if p)
    if address:
        left.append(Paragraph(esc(address), s.letterhead_line))
    contact_lines = [
        f"Telefon {settings.office_phone}" if settings.office_phone else "",
        f"E-Mail {settings.office_email}" if settings.office_email else "",
        settings.office_website,
    ]
    right: list[Flowable] = [
        Paragraph(esc(line), s.letterhead_contact) for line in contact_lines if line
    ]
    if settings.logo:
        right.insert(0, _logo(settings.logo_bytes))
    right_width = 6 * cm if right else 0.1 * cm
    table = Table(
        [[left, right]],
        colWidths=[width - right_width, right_width],
        style=TableStyle(
            [
                *plain_table_commands(),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
            ]
        ),
    )
    table.spaceAfter = 0.8 * cm
    return table


LOGO_MAX_WIDTH = 5 * cm
LOGO_MAX_HEIGHT = 2.2 * cm


def _logo(data: bytes) -> Flowable:
    """The office's logo, right-aligned above the contact lines, at most 5 × 2.2 cm."""
    from io import BytesIO

    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, height = ImageReader(BytesIO(data)).getSize()
    scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
    image = Image(BytesIO(data), width=width * scale, height=height * scale)
    image.hAlign = "RIGHT"
    image.spaceAfter = 4
    return image


def data_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    extra_style: Sequence[tuple[Any, ...]] = (),
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A table with light rules and no vertical lines; the header repeats on every page."""
    commands: list[tuple[Any, ...]] = [
        *plain_table_commands(),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, LIGHT_RULE),
    ]
    if header_rows:
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    commands += list(extra_style)
    return Table(
        [list(row) for row in rows],
        colWidths=list(col_widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=header_rows,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


# ---------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class DocumentInfo:
    """What the frame needs: metadata, the footer text and the page orientation."""

    title: str  # PDF title and (without footer_text) the footer's left text
    settings: OfficeSettings
    subject: str = ""
    footer_text: str = ""  # e.g. "Protokoll … · 10.03.2026 · Entwurf"
    keywords: tuple[str, ...] = ()
    landscape: bool = False

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN


class _NumberedCanvas(Canvas):
    """Keeps every page until `save()`, then draws the footer with the page total."""

    def __init__(self, *args: Any, footer_text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_text = footer_text
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width = self._pagesize[0]
        right_text = f"Seite {self.getPageNumber()} von {total}"
        self.saveState()
        self.setStrokeColor(LIGHT_RULE)
        self.setLineWidth(0.4)
        self.line(LEFT_MARGIN, FOOTER_Y + 10, width - RIGHT_MARGIN, FOOTER_Y + 10)
        self.setFont(REGULAR, 8)
        self.setFillColor(GREY_TEXT)
        self.drawRightString(width - RIGHT_MARGIN, FOOTER_Y, right_text)
        room = width - LEFT_MARGIN - RIGHT_MARGIN - stringWidth(right_text, REGULAR, 8) - 1 * cm
        self.drawString(LEFT_MARGIN, FOOTER_Y, _fit(self._footer_text, REGULAR, 8, room))
        self.restoreState()


class _KeepWithNext(KeepTogether):
    """The group ReportLab makes of a keepWithNext chain (a heading and what follows it).

    ReportLab measures such a group on a deep copy of the frame, in case one of its
    flowables adds content to the frame while being measured. Ours (paragraphs, tables,
    images, spacers) never do, so the group is measured with the frame set aside: the
    copies cost about 2 % of a protocol with its 60 groups.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        doc: Any = getattr(self.canv, "_doctemplate", None)
        frame = getattr(doc, "frame", None)
        if frame is None:
            return super().wrap(availWidth, availHeight)
        doc.frame = None
        try:
            return super().wrap(availWidth, availHeight)
        finally:
            doc.frame = frame


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened with "…" to fit the width."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _build(target: Any, story: list[Flowable], info: DocumentInfo) -> None:
    register_fonts()
    doc = SimpleDocTemplate(
        target,
        pagesize=info.pagesize,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=info.title,
        author=info.settings.office_name,
        subject=info.subject,
        keywords=list(info.keywords),
        creator="Multilok Desktop",
        lang="de-DE",
        displayDocTitle=True,
        initialFontName=REGULAR,  # no reference to the non-embedded Helvetica
        initialFontSize=10,
        keepTogetherClass=_KeepWithNext,
    )
    canvasmaker = partial(_NumberedCanvas, footer_text=info.footer_text or info.title)
    # Streams (pages, the logo) are Flate-compressed binary, as in any PDF. ReportLab would
    # also ASCII85-encode them, in pure Python here: a quarter more bytes, about 5 % of a
    # protocol's time and a third of what a logo adds, for 7-bit clean files nobody needs.
    # Each stream names the filters it was given, so a document built meanwhile in
    # another thread is valid either way.
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85 = use_a85


def write_pdf(path: str | os.PathLike[str], story: list[Flowable], info: DocumentInfo) -> Path:
    """Lay out the story and put the PDF at `path` in one step (temporary file + rename).

    An unwritable folder or a file held open by another program raises `ServiceError`
    with a German message; the old file, if any, stays as it was.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise ServiceError(f"„{target}“ ist ein Ordner; bitte einen Dateinamen angeben.")
    if not folder.is_dir():
        raise ServiceError(f"Den Ordner „{folder}“ gibt es nicht.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise ServiceError(
            f"In den Ordner „{folder}“ kann nicht geschrieben werden ({_reason(exc)})."
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            _build(stream, story, info)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temp, target)
    except OSError as exc:
        hint = " Ist sie in einem anderen Programm geöffnet?" if _is_locked(exc) else ""
        raise ServiceError(
            f"Die Datei „{target}“ kann nicht geschrieben werden ({_reason(exc)}).{hint}"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def _is_locked(exc: OSError) -> bool:
    """Windows refuses to replace a PDF that a viewer holds open."""
    return isinstance(exc, PermissionError)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "keine Berechtigung"
    if exc.strerror:
        return exc.strerror
    return type(exc).__name__
