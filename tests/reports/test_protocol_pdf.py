"""The protocol as PDF: full version, version for the distribution list, PDF/A-2b."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Meeting,
    Outcome,
    OutcomeKind,
    Protocol,
    ProtocolStatus,
)
from multilok_desktop.reports.layout import german_date, styles
from multilok_desktop.reports.protocol import protocol_heading, write_protocol_pdf
from multilok_desktop.services.demo import generate_demo
from multilok_desktop.services.errors import NotFoundError
from multilok_desktop.services.protocol_document import (
    notes_markup,
    protocol_document,
    votes_text,
)
from multilok_desktop.storage.database import Database

TODAY = date(2026, 11, 24)
SECRET_TITLE = "Personalangelegenheit der Geschäftsstelle"
SECRET_NOTE = "Vertrauliche Beratung über die Stellenbesetzung"


@pytest.fixture
def demo(db: Database) -> Iterator[tuple[Database, int]]:
    """The small demo; the newest past meeting whose protocol is a draft, with a guest
    named Yılmaz who came from TOP 3 and a non-public TOP with notes and a result."""
    with db.session() as session:
        generate_demo(session, "small", today=TODAY)
        meeting = session.scalars(
            select(Meeting)
            .join(Protocol, Protocol.meeting_id == Meeting.id)
            .where(Protocol.status == ProtocolStatus.DRAFT)
            .order_by(Meeting.start.desc())
        ).first()
        assert meeting is not None
        items = list(meeting.agenda)
        meeting.attendance.append(
            Attendance(
                name_text="Zeynep Yılmaz",
                organisation_text="Gemeinde Łódźhausen",
                status=AttendanceStatus.GUEST,
                from_item_id=items[2].id,
            )
        )
        secret = AgendaItem(
            position=len(items) + 1,
            number=str(len(items) + 1),
            title=SECRET_TITLE,
            non_public=True,
            notes_html=f"<p>{SECRET_NOTE} <script>alert(1)</script></p>",
        )
        meeting.agenda.append(secret)
        session.flush()
        secret.outcomes.append(
            Outcome(position=0, kind=OutcomeKind.DECISION, text="Geheimbeschluss", votes_yes=9)
        )
        session.add(
            ActionItem(text="Vertrauliche Aufgabe", meeting_id=meeting.id, agenda_item_id=secret.id)
        )
        session.add(
            Attachment(
                meeting_id=meeting.id,
                agenda_item_id=items[4].id,
                position=0,
                filename="Präsentation Wohnraumbörse.pdf",
                data=b"%PDF-1.4",
                size=8,
            )
        )
        meeting_id = meeting.id
    yield db, meeting_id


def pdf_text(path: Path, *options: str) -> str:
    """The text of the PDF without the diagonal watermark (`-nodiag`)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    command = ["pdftotext", *(options or ["-nodiag"]), str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def watermarks(path: Path) -> int:
    """How often "ENTWURF" is drawn: the diagonal letters come out one per line in content
    stream order (`-raw`), so they are counted with the white space taken out."""
    return "".join(pdf_text(path, "-raw").split()).count("ENTWURF")


def page_count(path: Path) -> int:
    return pdf_text(path).count("\f")


def write(db: Database, meeting_id: int, path: Path, **options: bool) -> Path:
    archival = options.pop("archival", False)
    with db.session() as session:
        doc = protocol_document(session, meeting_id, **options)
    return write_protocol_pdf(doc, path, archival=archival)


def first_topic(session: Session, meeting_id: int) -> tuple[AgendaItem, Outcome]:
    """The first public TOP of the meeting with a result."""
    outcome = session.scalars(
        select(Outcome)
        .join(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.non_public.is_(False))
        .order_by(AgendaItem.position, Outcome.position)
    ).first()
    assert outcome is not None
    return outcome.agenda_item, outcome


def test_full_protocol(demo: tuple[Database, int], tmp_path: Path) -> None:
    db, meeting_id = demo
    path = write(db, meeting_id, tmp_path / "protokoll.pdf")
    text = pdf_text(path)
    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        item, outcome = first_topic(session, meeting_id)
        doc = protocol_document(session, meeting_id)
        heading = protocol_heading(meeting.title)
        assert heading.startswith("Protokoll des ") and "Vernetzungstreffens" in heading
        for expected in (
            heading,
            "Sitzungsleitung",
            "Protokollführung",
            "Anwesend",
            "Entschuldigt",
            "Tagesordnung",
            item.title,
            outcome.text,
            "Übersicht der Aufgaben",
            "Seite 1 von",
            "Revision 1 · Entwurf",
            german_date(doc.start),
            f"Beginn: {doc.start:%H:%M} Uhr",
            "Anlage 1: Präsentation Wohnraumbörse.pdf",
            "Zeynep Yılmaz (ab TOP 3)",
            "Gemeinde Łódźhausen",
            SECRET_TITLE,
            SECRET_NOTE,
            "Revision 1",
        ):
            assert expected in text, expected
    assert "alert(1)" not in text  # the script in the notes is dropped
    assert watermarks(path) == page_count(path) > 1  # on every page
    raw = path.read_bytes()
    assert b"/Lang (de-DE)" in raw
    assert b"/Helvetica" not in raw


def test_approved_protocol_has_no_watermark(demo: tuple[Database, int], tmp_path: Path) -> None:
    db, meeting_id = demo
    with db.session() as session:
        protocol = session.scalars(select(Protocol).where(Protocol.meeting_id == meeting_id)).one()
        protocol.status = ProtocolStatus.APPROVED
        protocol.approved_on = date(2027, 3, 9)
    path = write(db, meeting_id, tmp_path / "genehmigt.pdf")
    assert watermarks(path) == 0
    text = pdf_text(path)
    assert "genehmigt am 09.03.2027" in text
    assert "Entwurf" not in text


def test_distribution_leaves_out_non_public_items(
    demo: tuple[Database, int], tmp_path: Path
) -> None:
    db, meeting_id = demo
    text = pdf_text(write(db, meeting_id, tmp_path / "verteiler.pdf", distribution=True))
    for absent in (SECRET_TITLE, SECRET_NOTE, "Geheimbeschluss", "Vertrauliche Aufgabe"):
        assert absent not in text
    assert "Revision 1 · Entwurf · Fassung für den Verteiler" in text  # the footer
    assert "nichtöffentlich" not in text.lower()
    assert "Fassung für den Verteiler" in text
    assert "Übersicht der Aufgaben" in text


def test_archival_pdf_is_pdfa_2b(demo: tuple[Database, int], tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    db, meeting_id = demo
    folder = tmp_path / "export"
    folder.mkdir()
    path = write(db, meeting_id, folder / "archiv.pdf", archival=True)
    assert [p.name for p in folder.iterdir()] == ["archiv.pdf"]  # no temporary file left
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"].startswith("Protokoll des ")
        assert "Koordinationsstelle" in str(meta["dc:creator"])
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.N == 3
        assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"
        assert "/Encrypt" not in pdf.trailer
    try:
        from pikepdf import pdfa  # the allowlist validator (pikepdf[pdfa], pikepdf >= 10)
    except ImportError:
        return
    report = pdfa.validate_written(path, "2b")
    assert report.passed, [str(finding) for finding in report.findings]


def test_fonts_are_embedded(demo: tuple[Database, int], tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    db, meeting_id = demo
    for name, options in (("voll.pdf", {}), ("archiv.pdf", {"archival": True})):
        path = write(db, meeting_id, tmp_path / name, **options)
        lines = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()[2:]
        assert lines and all(line.split()[-5] == "yes" for line in lines), lines


def test_unknown_meeting(db: Database) -> None:
    with db.session() as session, pytest.raises(NotFoundError, match="Treffen 99 gibt es nicht."):
        protocol_document(session, 99)


def test_agenda_changes_and_partial_attendance(demo: tuple[Database, int]) -> None:
    db, meeting_id = demo
    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        items = list(meeting.agenda)
        items[3].withdrawn = True
        items[4].unplanned = True
        session.flush()
        full = protocol_document(session, meeting_id)
        public = protocol_document(session, meeting_id, distribution=True)
    assert f"TOP {items[3].number} wurde abgesetzt." in full.agenda_changes
    assert f"TOP {items[4].number} wurde ergänzt." in full.agenda_changes
    guests = {p.name: p for g in full.present for p in g.participants}
    assert guests["Zeynep Yılmaz"].partial == "ab TOP 3"
    assert SECRET_TITLE in [s.title for s in full.agenda]
    assert SECRET_TITLE not in [s.title for s in public.agenda]
    assert "Vertrauliche Aufgabe" not in [a.text for a in public.action_items]
    assert [a.number for a in public.attachments] == [1]


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        (
            "7. Vernetzungstreffen Multilokalität",
            "Protokoll des 7. Vernetzungstreffens Multilokalität",
        ),
        ("3. Sitzung der AG Wohnen", "Protokoll der 3. Sitzung der AG Wohnen"),
        ("Workshop „Wohnraum auf Zeit“", "Protokoll des Workshops „Wohnraum auf Zeit“"),
        ("Offenes Forum Pendeln", "Protokoll des Offenen Forums Pendeln"),
        ("Regionale Fachkonferenz", "Protokoll der Regionalen Fachkonferenz"),
        ("2. Arbeitskreis Mobilität", "Protokoll des 2. Arbeitskreises Mobilität"),
        ("AG Wohnen", "Protokoll: AG Wohnen"),
        ("Jour fixe", "Protokoll: Jour fixe"),
    ],
)
def test_protocol_heading(title: str, heading: str) -> None:
    assert protocol_heading(title) == heading


def test_votes() -> None:
    assert votes_text(9, 0, 1) == "Ja 9, Nein 0, Enthaltung 1"
    assert votes_text(12, 0, 0) == "einstimmig (Ja 12)"
    assert votes_text(None, None, None) == ""


def test_notes_markup_is_safe_for_reportlab() -> None:
    html = (
        "<html><head><style>p { color: red }</style></head><body>"
        '<p>A &amp; B &lt;c&gt; <span style=" font-weight:700;">fett <i>beides</span></i></p>'
        "<ul><li>eins</li><li>zwei<ol><li>x</li></ol></li></ul>"
        '<p><a href="x">Link</a><br><img src="y"><font color="red">rot</font></p>'
        "<script>alert(1)</script></body></html>"
    )
    blocks = notes_markup(html)
    assert [(b.bullet, b.level) for b in blocks] == [
        ("", 0), ("•", 1), ("•", 1), ("1.", 2), ("", 0)
    ]  # fmt: skip
    assert blocks[0].markup == "A &amp; B &lt;c&gt; <b>fett </b><b><i>beides</i></b>"
    assert blocks[-1].markup == "Link<br/>rot"
    assert all("alert" not in b.markup and "color" not in b.markup for b in blocks)
    for block in blocks:
        Paragraph(block.markup, styles().body)  # parses without error
    assert notes_markup("Zeile 1\nZeile 2\n\nAbsatz <3")[1].markup == "Absatz &lt;3"
    assert notes_markup("<p>  </p><p><br></p>") == ()


def test_make_pdfa_in_place_and_refuses_fonts_not_embedded(tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    from reportlab.pdfgen.canvas import Canvas

    from multilok_desktop.reports.fonts import REGULAR, register_fonts
    from multilok_desktop.reports.pdfa import make_pdfa
    from multilok_desktop.services.errors import ServiceError

    register_fonts()
    embedded, standard = tmp_path / "dejavu.pdf", tmp_path / "helvetica.pdf"
    for path, font in ((embedded, REGULAR), (standard, "Helvetica")):
        canvas = Canvas(str(path), initialFontName=font)
        canvas.setFont(font, 12)
        canvas.drawString(100, 700, "Yılmaz" if font == REGULAR else "Muster")
        canvas.save()
    assert make_pdfa(embedded, embedded) == embedded
    with pikepdf.open(embedded) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    before = standard.read_bytes()
    with pytest.raises(ServiceError, match="Helvetica.*nicht eingebettet"):
        make_pdfa(standard, standard)
    assert standard.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dejavu.pdf", "helvetica.pdf"]
