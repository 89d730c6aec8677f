"""Meeting documents: invitation letter, attendance list and annual plan as PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from multilok_desktop.domain import (
    AgendaItem,
    Invitation,
    Meeting,
    MeetingStatus,
    Organisation,
    Person,
)
from multilok_desktop.domain.contacts import Membership
from multilok_desktop.domain.enums import InvitationMode, Response
from multilok_desktop.domain.text import sort_key
from multilok_desktop.reports import fonts
from multilok_desktop.reports.annual_plan import write_annual_plan_pdf
from multilok_desktop.reports.attendance import write_attendance_pdf
from multilok_desktop.reports.invitation import letter_heading, write_invitation_pdf
from multilok_desktop.reports.layout import german_date, german_time, german_time_span
from multilok_desktop.services.demo import generate_demo
from multilok_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from multilok_desktop.services.invitations import invite
from multilok_desktop.services.meeting_documents import (
    SINGLE_MEETINGS,
    annual_plan_data,
    attendance_list_data,
    default_reply_by,
    invitation_letter_data,
)
from multilok_desktop.services.people import delete_person
from multilok_desktop.services.settings import OfficeSettings, save_settings
from multilok_desktop.storage.database import Database
from tests import factories

TODAY = date(2026, 11, 24)
OFFICE = OfficeSettings(
    office_name="Koordinationsstelle Multilokalität",
    office_unit="Landratsamt Talbach-Rhön, Referat Regionalentwicklung",
    office_street="Schloßplatz 1",
    office_postal_code="97650",
    office_city="Bad Rödenau",
    office_phone="09771 94-1234",
    office_email="multilokal@talbach-rhoen.example",
    office_website="www.talbach-rhoen.example/multilokal",
)


@pytest.fixture
def demo(db: Database) -> tuple[Database, int]:
    """The small demo, a letterhead, and the next main meeting with a Yılmaz invited."""
    with db.session() as session:
        generate_demo(session, "small", today=TODAY)
        save_settings(session, OFFICE)
        meeting = session.scalars(
            select(Meeting)
            .where(Meeting.status == MeetingStatus.INVITED)
            .where(Meeting.title.like("%Vernetzungstreffen%"))
        ).one()
        town = Organisation(name="Gemeinde Łódźhausen")
        guest = Person(first_name="Zeynep", last_name="Yılmaz", function="Bürgermeisterin")
        guest.memberships.append(Membership(organisation=town, role="Bürgermeisterin"))
        session.add_all([town, guest])
        session.flush()
        meeting.invitations.append(
            Invitation(person_id=guest.id, organisation_id=town.id, mode=InvitationMode.INVITED)
        )
        for item in meeting.agenda[5:]:
            item.position += 1
        meeting.agenda.append(
            AgendaItem(
                position=6, number="5a", title="Wohnen auf Zeit: Şahin & Partner", presenter=guest
            )
        )
        meeting_id = meeting.id
    return db, meeting_id


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def pdf_info(path: Path) -> dict[str, str]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return dict(
        (key.strip(), value.strip())
        for key, value in (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    )


def assert_embedded_pdf(path: Path) -> None:
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF")
    assert b"DejaVuSans" in raw and b"FontFile2" in raw  # TrueType embedded
    assert b"/Helvetica" not in raw  # no font the viewer has to supply


def test_german_dates_need_no_locale() -> None:
    """Weekday and month are German whatever the system locale says."""
    assert german_date(date(2026, 3, 10)) == "Dienstag, 10. März 2026"
    assert german_date(date(2027, 12, 5), weekday=False) == "5. Dezember 2027"
    start = datetime(2026, 3, 10, 14, 0)
    assert german_time(start) == "14:00 Uhr"
    assert german_time_span(start, start.replace(hour=16, minute=35)) == "14:00 bis 16:35 Uhr"


def test_letter_heading_chooses_zum_or_zur() -> None:
    """ "zum 7. Vernetzungstreffen", "zur 3. Sitzung"."""
    assert letter_heading("7. Vernetzungstreffen Multilokalität") == (
        "Einladung zum 7. Vernetzungstreffen Multilokalität"
    )
    assert letter_heading("3. Sitzung der AG Wohnen") == "Einladung zur 3. Sitzung der AG Wohnen"
    assert letter_heading("Workshop „Wohnraum auf Zeit“").startswith("Einladung zum Workshop")


def test_invitation_letter_data(demo: tuple[Database, int]) -> None:
    """Local times, topics, agenda with presenters and a reply date two weeks ahead."""
    db, meeting_id = demo
    with db.session() as session:
        letter = invitation_letter_data(session, meeting_id, today=TODAY)
    assert letter.start.utcoffset() is not None and letter.start.hour == 14
    assert letter.reply_by == date(2027, 2, 23)  # 14 days before Tuesday, 9 March 2027
    assert letter.topics
    assert [a.number for a in letter.agenda][:6] == ["1", "2", "3", "4", "5", "5a"]
    assert letter.agenda[5].presenter == "Zeynep Yılmaz"
    assert letter.contact_email == OFFICE.office_email
    assert letter.settings.office_city == "Bad Rödenau"


def test_reply_date_never_lies_in_the_past() -> None:
    """Sent late, the letter asks for an answer a few days before the meeting."""
    assert default_reply_by(date(2027, 3, 9), date(2026, 11, 24)) == date(2027, 2, 23)
    assert default_reply_by(date(2027, 3, 9), date(2027, 3, 1)) == date(2027, 3, 6)
    assert default_reply_by(date(2027, 3, 9), date(2027, 3, 8)) == date(2027, 3, 8)


def test_invitation_pdf(demo: tuple[Database, int], tmp_path: Path) -> None:
    """The letter: letterhead, title, German date, agenda, reply request, page numbers."""
    db, meeting_id = demo
    with db.session() as session:
        letter = invitation_letter_data(session, meeting_id, reply_by=date(2027, 2, 20))
    path = write_invitation_pdf(letter, tmp_path / "einladung.pdf")
    assert path == tmp_path / "einladung.pdf"
    assert_embedded_pdf(path)
    assert b"/Title (Einladung zum " in path.read_bytes()
    text = " ".join(pdf_text(path).split())
    heading = f"Einladung zum {letter.title}"
    assert heading in text
    assert "Koordinationsstelle Multilokalität" in text
    assert "Sehr geehrte Damen und Herren," in text
    assert "Dienstag, 9. März 2027, 14:00 bis 16:30 Uhr" in text
    for item in letter.agenda:
        assert item.title in text
    assert "Zeynep Yılmaz" in text and "Şahin" in text
    assert "Bitte geben Sie uns bis zum 20. Februar 2027 Bescheid, ob Sie teilnehmen" in text
    assert OFFICE.office_email in text
    assert "Mit freundlichen Grüßen" in text
    assert "Seite 1 von" in text
    info = pdf_info(path)
    assert info["Title"] == heading
    assert info["Author"] == OFFICE.office_name


def test_attendance_list_data(demo: tuple[Database, int]) -> None:
    """Invited people by last name with organisation and function; no declined or press."""
    db, meeting_id = demo
    with db.session() as session:
        sheet = attendance_list_data(session, meeting_id)
        declined = session.scalars(
            select(Invitation).where(
                Invitation.meeting_id == meeting_id,
                Invitation.response.in_([Response.DECLINED, Response.EXCUSED])
                | (Invitation.mode == InvitationMode.INFORMED),
            )
        ).all()
        left_out = {i.person_id for i in declined}
    names = [row.name for row in sheet.rows]
    assert "Yılmaz, Zeynep" in names
    yilmaz = sheet.rows[names.index("Yılmaz, Zeynep")]
    assert (yilmaz.organisation, yilmaz.function) == ("Gemeinde Łódźhausen", "Bürgermeisterin")
    assert sheet.blank_rows == 10
    assert left_out and not left_out & {row.person_id for row in sheet.rows}
    last_names = [n.split(",")[0] for n in names]
    assert last_names == sorted(last_names, key=sort_key)


def test_attendance_pdf(demo: tuple[Database, int], tmp_path: Path) -> None:
    """Head, one numbered row per invitee plus ten empty ones, "Seite 1 von"."""
    db, meeting_id = demo
    with db.session() as session:
        sheet = attendance_list_data(session, meeting_id)
    path = write_attendance_pdf(sheet, tmp_path / "teilnehmer.pdf")
    assert_embedded_pdf(path)
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert "Teilnehmerliste" in flat and sheet.title in flat
    assert "Dienstag, 9. März 2027" in flat
    assert "Nr. Name Organisation / Funktion Unterschrift" in flat
    assert "Yılmaz, Zeynep" in flat and "Łódźhausen" in flat
    last = len(sheet.rows) + sheet.blank_rows
    assert f"\n{last}\n" in "\n" + "\n".join(line.strip() for line in text.splitlines()) + "\n"
    assert "Seite 1 von" in flat
    assert pdf_info(path)["Title"] == f"Teilnehmerliste {sheet.title}"


def test_annual_plan(demo: tuple[Database, int], tmp_path: Path) -> None:
    """Meetings of the year by series, single meetings last, cancelled ones marked."""
    db, meeting_id = demo
    with db.session() as session:
        session.get(Meeting, meeting_id).status = MeetingStatus.CANCELLED  # type: ignore[union-attr]
        single = Meeting(
            title="Fachtag Multilokalität",
            start=datetime(2027, 6, 15, 8, tzinfo=UTC),
            end=datetime(2027, 6, 15, 14, tzinfo=UTC),
            location="Bürgerhaus Kleinöhmen",
        )
        session.add(single)
        outside = datetime(2027, 12, 31, 23, 30, tzinfo=UTC)  # 1 January 2028 in Berlin
        session.add(Meeting(title="Silvesterrunde", start=outside, end=outside))
    with db.session() as session:
        plan = annual_plan_data(session, 2027, today=TODAY)
    titles = [e.title for g in plan.groups for e in g.entries]
    assert "Silvesterrunde" not in titles
    assert plan.groups[-1].title == SINGLE_MEETINGS
    assert "Fachtag Multilokalität" in [e.title for e in plan.groups[-1].entries]
    cancelled = [e for g in plan.groups for e in g.entries if e.cancelled]
    assert [e.meeting_id for e in cancelled] == [meeting_id]
    path = write_annual_plan_pdf(plan, tmp_path / "jahresplan.pdf")
    assert_embedded_pdf(path)
    flat = " ".join(pdf_text(path).split())
    assert "Jahresplan 2027" in flat and "9. März" in flat and "Dienstag" in flat
    assert "abgesagt" in flat and "Fachtag Multilokalität" in flat
    assert "Seite 1 von" in flat


def test_unknown_meeting(db: Database) -> None:
    """An unknown id is a user error with a German message."""
    with db.session() as session:
        with pytest.raises(NotFoundError, match="Treffen 99 gibt es nicht."):
            invitation_letter_data(session, 99)
        with pytest.raises(NotFoundError, match="Treffen 99 gibt es nicht."):
            attendance_list_data(session, 99)


def test_unwritable_path(demo: tuple[Database, int], tmp_path: Path) -> None:
    """A missing folder or a folder as target is a ServiceError, not a traceback."""
    db, meeting_id = demo
    with db.session() as session:
        letter = invitation_letter_data(session, meeting_id)
    with pytest.raises(ServiceError, match="Ordner"):
        write_invitation_pdf(letter, tmp_path / "fehlt" / "einladung.pdf")
    with pytest.raises(ServiceError, match="Ordner"):
        write_invitation_pdf(letter, tmp_path)
    plain_file = tmp_path / "datei.txt"
    plain_file.write_text("x")
    with pytest.raises(ServiceError):
        write_invitation_pdf(letter, plain_file / "einladung.pdf")


def test_failed_write_keeps_the_old_file(
    demo: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the PDF cannot be put in place, the old file stays and no temporary file is left."""
    db, meeting_id = demo
    with db.session() as session:
        sheet = attendance_list_data(session, meeting_id)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "teilnehmer.pdf"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ServiceError, match="anderen Programm geöffnet"):
        write_attendance_pdf(sheet, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["teilnehmer.pdf"]


def test_settings_change_the_letterhead(demo: tuple[Database, int], tmp_path: Path) -> None:
    """Author and letterhead come from the office settings; empty fields are left out."""
    db, meeting_id = demo
    with db.session() as session:
        save_settings(session, replace(OfficeSettings(), office_name="Regionalbüro Süd"))
    with db.session() as session:
        letter = invitation_letter_data(session, meeting_id)
    path = write_invitation_pdf(letter, tmp_path / "einladung.pdf")
    text = pdf_text(path)
    assert "Regionalbüro Süd" in text and "Telefon" not in text
    assert "per E-Mail" not in text
    assert pdf_info(path)["Author"] == "Regionalbüro Süd"


def test_fonts_are_found_in_a_checkout_and_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """resources/ beside the package, or under sys._MEIPASS in the PyInstaller build."""
    assert (fonts.resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    assert (fonts.resources_dir() / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert fonts.register_fonts() == fonts.register_fonts() == "DejaVuSans"
    monkeypatch.setattr(sys, "_MEIPASS", "/opt/multilok", raising=False)
    assert fonts.resources_dir() == Path("/opt/multilok/resources")


def test_attendance_list_leaves_out_erased_people(db: Database) -> None:
    """An invitation whose person was deleted names nobody: no row, and not a row of the
    person's organisation either; a person's organisation is their current one."""
    with db.session() as session:
        town = factories.organisation(session, "Gemeinde Neißeaue")
        kuehn = factories.person(
            session, "Jutta", "Kühn", organisation_id=town, role="Amtsleiterin",
            department="Bauamt",
        )  # fmt: skip
        gone = factories.person(session, "Max", "Öhler", organisation_id=town)
        meeting = Meeting(
            title="Workshop Wohnen",
            start=datetime(2026, 4, 21, 12, tzinfo=UTC),
            end=datetime(2026, 4, 21, 14, tzinfo=UTC),
        )
        session.add(meeting)
        session.flush()
        invite(session, meeting.id, person_ids=[kuehn, gone])
        meeting_id = meeting.id
    with db.session() as session:
        delete_person(session, gone)
    with db.session() as session:
        sheet = attendance_list_data(session, meeting_id)
    assert [(r.person_id, r.name, r.organisation, r.function) for r in sheet.rows] == [
        (kuehn, "Kühn, Jutta", "Gemeinde Neißeaue, Bauamt", "Amtsleiterin")
    ]


def test_a_cancelled_meeting_has_no_invitation_letter(demo: tuple[Database, int]) -> None:
    db, meeting_id = demo
    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status = MeetingStatus.CANCELLED
        title = meeting.title
    with pytest.raises(ValidationError) as caught, db.session() as session:
        invitation_letter_data(session, meeting_id)
    assert str(caught.value) == (
        f"„{title}“ ist abgesagt – dafür gibt es kein Einladungsschreiben."
    )
