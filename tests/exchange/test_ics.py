""".ics files: Outlook, Google and Thunderbird times read right; invitations and series written
as Outlook and Thunderbird expect; broken files are named; nothing but ImportFileError escapes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    AgendaItem,
    Invitation,
    InvitationMode,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Response,
)
from multilok_desktop.exchange.errors import ImportFileError
from multilok_desktop.exchange.ics import (
    format_calendar,
    parse_calendar,
    write_calendar,
    write_meeting_invitation,
    write_series,
)
from multilok_desktop.services.calendar_records import (
    EventStatus,
    ImportedEvent,
    meeting_event,
    series_events,
)
from multilok_desktop.services.settings import load_settings, save_settings
from multilok_desktop.storage.database import Database
from tests import factories

DATA = Path(__file__).parent / "data"
BERLIN = ZoneInfo("Europe/Berlin")


def read(name: str) -> list[ImportedEvent]:
    return parse_calendar((DATA / name).read_bytes(), name)


def error_of(data: bytes, name: str = "kalender.ics") -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_calendar(data, name)
    return str(caught.value)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def calendar(*body: str) -> bytes:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *body, "END:VCALENDAR", ""]).encode()


# --- reading files as the programs write them -------------------------------------------


def test_outlook_invitation_with_windows_time_zone() -> None:
    """Outlook: TZID "W. Europe Standard Time", 14:00 in March is 13:00 UTC; texts unescaped."""
    (event,) = read("outlook_invitation.ics")
    assert (event.start, event.end) == (utc(2026, 3, 10, 13), utc(2026, 3, 10, 16))
    assert event.summary == "7. Vernetzungstreffen Multilokalität"
    assert event.location == "Landratsamt Talbach, Sitzungssaal 2 (Erdgeschoss)"
    assert event.description.startswith("Sehr geehrte Damen und Herren,\n\nhiermit lade")
    assert "TOP 2 Wohnraum auf Zeit für Pendler\n" in event.description
    assert event.uid.startswith("040000008200E00074C5B7101A82E008") and len(event.uid) == 112
    assert (event.sequence, event.status, event.all_day) == (0, EventStatus.CONFIRMED, False)
    assert [(a.name, a.email, a.role) for a in event.attendees] == [
        ("Müller-Lüdenscheidt, Jürgen", "j.mueller@grossroehrsdorf.example", "REQ-PARTICIPANT"),
        ("Jutta Kühn", "kuehn@wbg-glueckauf.example", "OPT-PARTICIPANT"),
        ("Gemeinde Großröhrsdorf", "poststelle@grossroehrsdorf.example", "REQ-PARTICIPANT"),
    ]
    assert event.organizer is not None
    assert event.organizer.email == "multilokal@talbach.example"
    assert event.source == "Termin 1 ab Zeile 21 („7. Vernetzungstreffen Multilokalität“)"


def test_thunderbird_event_with_vtimezone_in_summer() -> None:
    """Thunderbird: TZID=Europe/Berlin with its VTIMEZONE; 14:00 in July is 12:00 UTC."""
    (event,) = read("thunderbird_event.ics")
    assert (event.start, event.end) == (utc(2026, 7, 8, 12), utc(2026, 7, 8, 13, 30))
    assert event.summary == "Arbeitsgruppe Mobilität: Pendlerparkplätze"
    assert event.location == "Bürgerhaus Bischofswerda, kleiner Saal"
    assert event.description.endswith("Radabstellanlagen am Bahnhof\n\nBitte Zahlen mitbringen!")
    assert event.sequence == 1
    assert [(a.name, a.partstat) for a in event.attendees] == [
        ("Dr. Özlem Yılmaz", "NEEDS-ACTION"),
        ("Björn Weiß", "DECLINED"),
    ]


def test_google_calendar_utc_times_series_all_day_and_cancelled() -> None:
    """Google: "Z" times; a series gives its first date (an EXDATE skips one); DATE is all-day."""
    talk, jour_fixe, holiday, cancelled = read("google_event.ics")
    assert (talk.start, talk.end) == (utc(2026, 7, 7, 12), utc(2026, 7, 7, 15))
    assert talk.summary == "Fachaustausch „Wohnen auf Zeit“"
    assert talk.sequence == 2
    # DTSTART 15.09. is excluded; every second Tuesday → 29.09., 10:00 Berlin (summer time)
    assert (jour_fixe.start, jour_fixe.end) == (utc(2026, 9, 29, 8), utc(2026, 9, 29, 9, 30))
    assert jour_fixe.recurrence.startswith("FREQ=WEEKLY")
    assert "alle 2 Wochen" in jour_fixe.description
    assert "nur der erste Termin" in jour_fixe.description
    assert holiday.all_day
    assert holiday.start == datetime(2026, 10, 3, tzinfo=BERLIN)
    assert holiday.end == datetime(2026, 10, 4, tzinfo=BERLIN)
    assert (cancelled.status, cancelled.sequence) == (EventStatus.CANCELLED, 4)


def test_all_day_over_two_days_floating_time_bom_and_lf() -> None:
    """BOM + LF line ends; DATE events run 00:00 to 00:00 after the last day; floating = Berlin."""
    retreat, consultation = read("allday_event.ics")
    assert retreat.all_day
    assert retreat.start == datetime(2026, 3, 25, tzinfo=BERLIN)
    assert retreat.end == datetime(2026, 3, 27, tzinfo=BERLIN)
    assert retreat.start == utc(2026, 3, 24, 23)
    assert consultation.start == utc(2026, 7, 8, 7)  # 09:00 summer time
    assert consultation.end == utc(2026, 7, 8, 9, 30)  # DURATION:PT2H30M


def test_an_all_day_event_without_end_lasts_its_day() -> None:
    """A DATE without DTEND or DURATION is that one day."""
    (event,) = parse_calendar(
        calendar("BEGIN:VEVENT", "UID:d", "DTSTART;VALUE=DATE:20260501", "END:VEVENT"), "x.ics"
    )
    assert (event.start, event.end) == (utc(2026, 4, 30, 22), utc(2026, 5, 1, 22))


def test_outlook_custom_zone_and_vendor_prefixed_tzid() -> None:
    """Unknown TZIDs use the file's VTIMEZONE; "/mozilla.org/…/Europe/Berlin" is Berlin."""
    custom, mozilla = read("custom_zones.ics")
    assert (custom.start, custom.end) == (utc(2026, 7, 8, 12), utc(2026, 7, 8, 13))
    assert mozilla.start == mozilla.end == utc(2026, 3, 10, 13)  # no end: ends when it starts


def test_override_of_the_first_occurrence_replaces_it() -> None:
    """RECURRENCE-ID of the first date replaces it; overrides of later dates are dropped."""
    data = calendar(
        "BEGIN:VEVENT",
        "UID:series@x",
        "SEQUENCE:1",
        "SUMMARY:Jour fixe",
        "DTSTART;TZID=Europe/Berlin:20260310T100000",
        "DTEND;TZID=Europe/Berlin:20260310T110000",
        "RRULE:FREQ=MONTHLY;COUNT=6",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:series@x",
        "SEQUENCE:2",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260310T100000",
        "SUMMARY:Jour fixe (verschoben)",
        "DTSTART;TZID=Europe/Berlin:20260311T120000",
        "DTEND;TZID=Europe/Berlin:20260311T130000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:series@x",
        "RECURRENCE-ID;TZID=Europe/Berlin:20260410T100000",
        "SUMMARY:Jour fixe im April",
        "DTSTART;TZID=Europe/Berlin:20260414T100000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:lonely@x",
        "RECURRENCE-ID:20260601T080000Z",
        "SUMMARY:Einzelner Serientermin",
        "DTSTART:20260602T080000Z",
        "END:VEVENT",
    )
    moved, lonely = parse_calendar(data, "x.ics")
    assert moved.summary == "Jour fixe (verschoben)"
    assert (moved.start, moved.sequence, moved.uid) == (utc(2026, 3, 11, 11), 2, "series@x")
    assert moved.recurrence == "FREQ=MONTHLY;COUNT=6"
    assert (lonely.summary, lonely.start) == ("Einzelner Serientermin", utc(2026, 6, 2, 8))


def test_method_cancel_cancels_the_events() -> None:
    """An Outlook cancellation (METHOD:CANCEL) is a cancelled event even without STATUS."""
    data = calendar(
        "METHOD:CANCEL", "BEGIN:VEVENT", "UID:c", "DTSTART:20260310T130000Z", "END:VEVENT"
    )
    (event,) = parse_calendar(data, "absage.ics")
    assert event.status == EventStatus.CANCELLED


def test_windows_1252_and_utf16_files() -> None:
    """Files that are not UTF-8 are read too: Windows-1252 and UTF-16 with BOM."""
    text = calendar(
        "BEGIN:VEVENT", "UID:w", "DTSTART:20260310T130000Z", "SUMMARY:Kühn", "END:VEVENT"
    )
    for data in (text.decode().encode("cp1252"), text.decode().encode("utf-16")):
        (event,) = parse_calendar(data, "x.ics")
        assert event.summary == "Kühn"


# --- broken files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken_no_dtstart.ics", "Termin 3 ab Zeile 15 („Kreistag“): Beginn fehlt (DTSTART)."),
        (
            "broken_end_before_start.ics",
            "Termin 1 ab Zeile 4 („Zeitreise“): Das Ende (10.03.2026 12:00) liegt vor dem "
            "Beginn (10.03.2026 14:00).",
        ),
        (
            "broken_no_vevent.ics",
            "Die Datei „broken_no_vevent.ics“ enthält keinen Termin (kein „BEGIN:VEVENT“).",
        ),
        (
            "broken_not_ical.ics",
            "Die Datei „broken_not_ical.ics“ ist keine iCalendar-Datei (sie beginnt nicht mit "
            "„BEGIN:VCALENDAR“).",
        ),
        (
            "broken_unfinished.ics",
            "Termin 2 ab Zeile 9 endet nicht mit „END:VEVENT“ – die Datei ist unvollständig "
            "oder beschädigt.",
        ),
        (
            "broken_undecodable.ics",
            "Zeile 6: Die Zeile enthält Zeichen, die sich weder als UTF-8 noch als "
            "Windows-1252 lesen lassen.",
        ),
        ("broken_binary.ics", "Die Datei „broken_binary.ics“ ist keine iCalendar-Datei"),
        ("garbage.bin", "Die Datei „garbage.bin“ ist keine iCalendar-Datei"),
    ],
)
def test_broken_files_name_the_place(name: str, message: str) -> None:
    """Each broken file raises ImportFileError with one German line naming line or event."""
    text = error_of((DATA / name).read_bytes(), name)
    assert text.startswith(message)
    assert "\n" not in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (["DTSTART:2026xx"], "Termin 1 ab Zeile 3 („Treffen“): Beginn „2026xx“ ist unlesbar."),
        (
            ["DTSTART;TZID=Mars/Olympus:20260310T140000"],
            "Termin 1 ab Zeile 3 („Treffen“): Beginn: Die Zeitzone „Mars/Olympus“ ist unbekannt.",
        ),
        (
            ["DTSTART:20260310T130000Z", "SEQUENCE:zwei"],
            "Termin 1 ab Zeile 3 („Treffen“): SEQUENCE „zwei“ ist keine Zahl.",
        ),
        (
            ["DTSTART:20260310T130000Z", "DURATION:-PT1H"],
            "Termin 1 ab Zeile 3 („Treffen“): Das Ende (10.03.2026 13:00) liegt vor",
        ),
        (["DTSTART:20260310T130000Z", "Hallo"], "Zeile 6: „Hallo“ ist keine iCalendar-Zeile"),
        (
            ["DTSTART:20260310T130000Z", "END:VTODO"],
            "Zeile 6: „END:VTODO“ steht dort, wo „END:VEVENT“ (zu Zeile 3) erwartet wird",
        ),
    ],
)
def test_broken_events_name_the_event(body: list[str], message: str) -> None:
    data = calendar("BEGIN:VEVENT", "SUMMARY:Treffen", *body, "END:VEVENT")
    assert error_of(data).startswith(message)


def test_empty_file() -> None:
    assert error_of(b"\xef\xbb\xbf \r\n") == "Die Datei „kalender.ics“ ist leer."


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_events_or_an_import_error(data: bytes) -> None:
    try:
        parse_calendar(data, "zufall.ics")
    except ImportFileError:
        pass


VALID = [
    (DATA / name).read_bytes()
    for name in ("outlook_invitation.ics", "google_event.ics", "thunderbird_event.ics")
]


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.sampled_from(VALID),
    st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 12),
            st.one_of(
                st.binary(max_size=6),
                st.sampled_from(
                    [b":", b";", b"\r\n", b"\n ", b"Z", b"T", b"=", b'"', b"BEGIN:VEVENT\r\n"]
                    + [b"END:VEVENT\r\n", b"TZID=X:", b"VALUE=DATE:", b"99", b"\xc3", b"\x00"]
                ),
            ),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_files_give_events_or_an_import_error(
    original: bytes, mutations: list[tuple[float, int, bytes]]
) -> None:
    """Random cuts and insertions into real files: events or ImportFileError, nothing else."""
    data = bytearray(original)
    for where, cut, insert in mutations:
        position = int(where * len(data))
        data[position : position + cut] = insert
    try:
        events = parse_calendar(bytes(data), "kaputt.ics")
    except ImportFileError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        for event in events:
            assert event.start.tzinfo is not None and event.end >= event.start


# --- writing ----------------------------------------------------------------------------


@pytest.fixture
def office(db: Database) -> Database:
    name, email = "Koordinationsstelle Multilokalität Talbach", "multilokal@talbach.example"
    with db.session() as session:
        settings = load_settings(session)
        save_settings(session, replace(settings, office_name=name, office_email=email))
    return db


def add_meeting(session: Session, **fields: object) -> Meeting:
    values: dict[str, object] = {
        "title": "7. Vernetzungstreffen Multilokalität",
        "start": datetime(2026, 3, 10, 14, tzinfo=BERLIN),
        "end": datetime(2026, 3, 10, 17, tzinfo=BERLIN),
        "location": "Landratsamt Talbach, Sitzungssaal 2",
    }
    values.update(fields)
    meeting = Meeting(**values)
    session.add(meeting)
    session.flush()
    return meeting


def invite(session: Session, meeting: Meeting) -> None:
    mueller = factories.person(
        session, "Jürgen", "Müller-Lüdenscheidt", title="Dr.", email="j.mueller@gr.example"
    )
    kuehn = factories.person(session, "Jutta", "Kühn", email="kuehn@wbg.example")
    no_mail = factories.person(session, "Björn", "Weiß")
    town = factories.organisation(session, "Gemeinde Großröhrsdorf", email="post@gr.example")
    meeting.invitations += [
        Invitation(person_id=mueller, response=Response.ACCEPTED),
        Invitation(person_id=kuehn, mode=InvitationMode.INFORMED, response=Response.EXCUSED),
        Invitation(person_id=no_mail),
        Invitation(organisation_id=town),
    ]
    meeting.agenda += [
        AgendaItem(position=0, number="1", title="Eröffnung und Begrüßung"),
        AgendaItem(position=1, number="2", title="Wohnraum auf Zeit", presenter_text="Fr. Kühn"),
        AgendaItem(position=2, number="3", title="Abgesetzt", withdrawn=True),
    ]
    session.flush()
    session.expire(meeting)


def test_invitation_round_trip(office: Database, tmp_path: Path) -> None:
    """Export a meeting as invitation, read it back: same times, title, place, attendees."""
    with office.session() as session:
        meeting = add_meeting(session, ical_sequence=3)
        invite(session, meeting)
        event = write_meeting_invitation(session, meeting.id, tmp_path / "einladung.ics")
        meeting_id = meeting.id
    data = (tmp_path / "einladung.ics").read_bytes()
    text = data.decode("utf-8")
    for part in (
        *("METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "SEQUENCE:3"),
        *("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "STATUS:CONFIRMED"),
        *("DTSTART;TZID=Europe/Berlin:20260310T140000", "PRODID:-//Multilok//Multilok Desktop//DE"),
    ):
        assert part in text
    unfolded = text.replace("\r\n ", "")
    assert (
        'ORGANIZER;CN="Koordinationsstelle Multilokalität Talbach":'
        "mailto:multilokal@talbach.example" in unfolded
    )
    assert re.search(
        r'ATTENDEE;CN="Dr\. Jürgen Müller-Lüdenscheidt";[^:]*RSVP=TRUE:mailto:j\.mueller@', unfolded
    )
    bare = data.replace(b"\r\n", b"")
    assert b"\n" not in bare and b"\r" not in bare  # CRLF line ends only
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert "DESCRIPTION:Tagesordnung\\nTOP 1 Eröffnung und Begrüßung\\nTOP 2 Wohnraum" in unfolded
    assert "Abgesetzt" not in text
    assert event.missing_emails == ("Björn Weiß",)

    (back,) = parse_calendar(data, "einladung.ics")
    assert (back.start, back.end) == (utc(2026, 3, 10, 13), utc(2026, 3, 10, 16))
    assert back.summary == "7. Vernetzungstreffen Multilokalität"
    assert back.location == "Landratsamt Talbach, Sitzungssaal 2"
    assert back.sequence == 3
    assert [(a.name, a.email, a.role, a.partstat) for a in back.attendees] == [
        ("Dr. Jürgen Müller-Lüdenscheidt", "j.mueller@gr.example", "REQ-PARTICIPANT", "ACCEPTED"),
        ("Jutta Kühn", "kuehn@wbg.example", "OPT-PARTICIPANT", "DECLINED"),
        ("Gemeinde Großröhrsdorf", "post@gr.example", "REQ-PARTICIPANT", "NEEDS-ACTION"),
    ]
    with office.session() as session:  # the UID given at export was stored
        stored = session.get(Meeting, meeting_id)
        assert stored is not None and stored.ical_uid == back.uid
        assert back.uid.endswith("@multilok")


def test_the_uid_is_kept_for_later_invitations(office: Database) -> None:
    """A second export of the same meeting carries the same UID (the calendar entry updates)."""
    with office.session() as session:
        meeting_id = add_meeting(session).id
        first = meeting_event(session, meeting_id)
    with office.session() as session:
        assert meeting_event(session, meeting_id).uid == first.uid


def test_cancelled_meeting_exports_a_cancellation(office: Database, tmp_path: Path) -> None:
    with office.session() as session:
        meeting = add_meeting(session, status=MeetingStatus.CANCELLED, ical_uid="abc@multilok")
        write_meeting_invitation(session, meeting.id, tmp_path / "absage.ics")
    text = (tmp_path / "absage.ics").read_text(encoding="utf-8")
    assert "METHOD:CANCEL" in text and "STATUS:CANCELLED" in text and "UID:abc@multilok" in text


def test_without_office_email_there_is_no_organizer(db: Database) -> None:
    with db.session() as session:
        event = meeting_event(session, add_meeting(session).id)
    text = format_calendar([event], method="REQUEST").decode()
    assert "ORGANIZER" not in text and "METHOD:REQUEST" in text


def test_series_export_has_rule_exceptions_and_overrides(office: Database, tmp_path: Path) -> None:
    """Master with RRULE; a cancelled meeting is an EXDATE, a moved one an override."""
    spring = datetime(2026, 3, 10, 14, tzinfo=BERLIN)
    autumn = datetime(2026, 9, 8, 14, tzinfo=BERLIN)
    spring_27 = datetime(2027, 3, 9, 14, tzinfo=BERLIN)
    with office.session() as session:
        series = MeetingSeries(
            title="Vernetzungstreffen Multilokalität",
            recurrence="FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU",
            first_start=spring,
            default_location="Landratsamt Talbach",
            default_duration_minutes=180,
        )
        session.add(series)
        session.flush()
        plain = dict(title=series.title, location="Landratsamt Talbach", series_id=series.id)
        add_meeting(session, **plain, start=spring, end=spring + timedelta(hours=3),
                    occurrence_start=spring)  # fmt: skip
        add_meeting(session, **plain, start=autumn + timedelta(days=1, hours=1),
                    end=autumn + timedelta(days=1, hours=4), occurrence_start=autumn)  # fmt: skip
        add_meeting(session, **plain, start=spring_27, end=spring_27 + timedelta(hours=3),
                    occurrence_start=spring_27, status=MeetingStatus.CANCELLED)  # fmt: skip
        extra = add_meeting(session, title="Sondertreffen", series_id=series.id)
        events = write_series(session, series.id, tmp_path / "reihe.ics")
        assert len(series_events(session, series.id)) == 3
    master, moved, single = events
    assert (master.rrule, master.exdates) == ("FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU", (spring_27,))
    assert moved.uid == master.uid and moved.recurrence_id == autumn
    assert single.uid != master.uid and single.summary == extra.title
    text = (tmp_path / "reihe.ics").read_text(encoding="utf-8")
    assert "METHOD:PUBLISH" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=2TU;BYMONTH=3,9" in text
    assert "EXDATE;TZID=Europe/Berlin:20270309T140000" in text
    assert "RECURRENCE-ID;TZID=Europe/Berlin:20260908T140000" in text
    assert "ATTENDEE" not in text  # RFC 5546: none in PUBLISH
    first, extra_back = parse_calendar(text.encode(), "reihe.ics")  # read back: first date only
    assert first.start == spring and first.recurrence


def test_calendar_export_has_every_meeting(office: Database, tmp_path: Path) -> None:
    with office.session() as session:
        add_meeting(session, title="Erstes Treffen")
        add_meeting(session, title="Zweites Treffen", start=datetime(2026, 7, 7, 14, tzinfo=BERLIN),
                    end=datetime(2026, 7, 7, 16, tzinfo=BERLIN))  # fmt: skip
        events = write_calendar(session, tmp_path / "kalender.ics")
    back = parse_calendar((tmp_path / "kalender.ics").read_bytes(), "kalender.ics")
    assert [e.summary for e in back] == ["Erstes Treffen", "Zweites Treffen"]
    assert back[1].start == utc(2026, 7, 7, 12)
    assert [e.uid for e in back] == [e.uid for e in events]
    with office.session() as session:
        assert all(session.scalars(select(Meeting.ical_uid)))
