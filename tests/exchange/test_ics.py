""".ics files: Outlook, Google and Thunderbird times read right; invitations and series written
as Outlook and Thunderbird expect; broken files are named; nothing but ImportFileError escapes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
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
from multilok_desktop.exchange.calendar_exchange_service import CalendarExchangeService
from multilok_desktop.exchange.errors import ExportFileError, ImportFileError
from multilok_desktop.exchange.ics import (
    format_calendar,
    parse_calendar,
    write_calendar,
    write_meeting_invitation,
    write_series,
)
from multilok_desktop.services.calendar import (
    EditScope,
    cancel_meeting,
    delete_meeting,
    get_meeting,
    update_meeting,
)
from multilok_desktop.services.calendar_records import (
    EventStatus,
    ImportedEvent,
    meeting_event,
    series_events,
)
from multilok_desktop.services.errors import ServiceError
from multilok_desktop.services.settings import load_settings, save_settings
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.calendar_helpers import at, make_series

DATA = Path(__file__).parent / "data"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 1, 1, tzinfo=BERLIN)  # "now" of the series exports


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
    """Google: "Z" times; a series gives a meeting per date for two years (an EXDATE skips
    one), each with its own identity; DATE is all-day."""
    name = "google_event.ics"
    talk, *jour_fixe, holiday, cancelled = parse_calendar(
        (DATA / name).read_bytes(), name, today=date(2026, 7, 1)
    )
    assert (talk.start, talk.end) == (utc(2026, 7, 7, 12), utc(2026, 7, 7, 15))
    assert talk.summary == "Fachaustausch „Wohnen auf Zeit“"
    assert talk.sequence == 2
    # DTSTART 15.09. is excluded; every second Tuesday from 29.09., 10:00 Berlin wall time
    first, second, third = jour_fixe[:3]
    assert (first.start, first.end) == (utc(2026, 9, 29, 8), utc(2026, 9, 29, 9, 30))
    assert (second.start, third.start) == (utc(2026, 10, 13, 8), utc(2026, 10, 27, 9))
    assert first.uid == "0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com#2026-09-29"
    assert first.recurrence.startswith("FREQ=WEEKLY") and first.description == ""
    assert first.source == (
        "Termin 2 ab Zeile 28 („Jour fixe Koordinationsstelle“), Termin am 29.09.2026"
    )
    assert len(jour_fixe) == 46 and jour_fixe[-1].start == utc(2028, 6, 20, 8)  # < 01.07.2028
    assert {e.summary for e in jour_fixe} == {"Jour fixe Koordinationsstelle"}
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


SERIES_WITH_OVERRIDES = calendar(
    "BEGIN:VEVENT",
    "UID:series@x",
    "SEQUENCE:1",
    "SUMMARY:Jour fixe",
    "DTSTART;TZID=Europe/Berlin:20260310T100000",
    "DTEND;TZID=Europe/Berlin:20260310T110000",
    "RRULE:FREQ=MONTHLY;COUNT=6",
    "EXDATE;TZID=Europe/Berlin:20260710T100000",
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
    "STATUS:CANCELLED",
    "DTSTART;TZID=Europe/Berlin:20260414T100000",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:lonely@x",
    "RECURRENCE-ID:20260601T080000Z",
    "SUMMARY:Einzelner Serientermin",
    "DTSTART:20260602T080000Z",
    "END:VEVENT",
)


def test_each_override_and_occurrence_of_a_series_is_an_event() -> None:
    """Overrides (RECURRENCE-ID) are events of their own, the rule's other dates follow the
    master (EXDATE and COUNT kept); the identity is UID#date of the occurrence."""
    events = parse_calendar(SERIES_WITH_OVERRIDES, "x.ics", today=date(2026, 1, 1))
    rows = [(e.uid, e.summary, e.start, e.sequence, e.status) for e in events]
    confirmed, cancelled = EventStatus.CONFIRMED, EventStatus.CANCELLED
    assert rows == [
        ("series@x#2026-03-10", "Jour fixe (verschoben)", utc(2026, 3, 11, 11), 2, confirmed),
        ("series@x#2026-04-10", "Jour fixe im April", utc(2026, 4, 14, 8), 1, cancelled),
        ("series@x#2026-05-10", "Jour fixe", utc(2026, 5, 10, 8), 1, confirmed),
        ("series@x#2026-06-10", "Jour fixe", utc(2026, 6, 10, 8), 1, confirmed),
        ("series@x#2026-08-10", "Jour fixe", utc(2026, 8, 10, 8), 1, confirmed),
        ("lonely@x#2026-06-01", "Einzelner Serientermin", utc(2026, 6, 2, 8), 0, confirmed),
    ]
    assert events[2].end == utc(2026, 5, 10, 9)
    assert {e.recurrence for e in events[:5]} == {"FREQ=MONTHLY;COUNT=6"}


def test_past_occurrences_are_left_out_but_overrides_kept() -> None:
    """From today on only (and up to two years ahead); a series over before today gives
    its first date, noted as standing for the series."""
    events = parse_calendar(SERIES_WITH_OVERRIDES, "x.ics", today=date(2026, 6, 15))
    assert [e.uid for e in events] == [
        "series@x#2026-03-10",
        "series@x#2026-04-10",
        "series@x#2026-08-10",
        "lonely@x#2026-06-01",
    ]
    ended = calendar(
        "BEGIN:VEVENT",
        "UID:ended@x",
        "SUMMARY:Alte Reihe",
        "DTSTART;TZID=Europe/Berlin:20200303T100000",
        "EXDATE;TZID=Europe/Berlin:20200303T100000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20201231T000000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:far@x",
        "SUMMARY:Ferne Reihe",
        "DTSTART:20300101T100000Z",
        "RRULE:FREQ=YEARLY",
        "END:VEVENT",
    )
    old, far = parse_calendar(ended, "x.ics", today=date(2026, 6, 15))
    assert (old.uid, old.start) == ("ended@x#2020-03-17", utc(2020, 3, 17, 9))
    assert "alle 2 Wochen: übernommen wurde nur der erste Termin" in old.description
    assert (far.uid, far.start) == ("far@x#2030-01-01", utc(2030, 1, 1, 10))


def test_hourly_series_and_broken_rules() -> None:
    """Hourly rules are not expanded; a rule dateutil cannot read names the event."""
    hourly = calendar(
        "BEGIN:VEVENT", "UID:h@x", "SUMMARY:Takt", "DTSTART:20270101T100000Z",
        "RRULE:FREQ=HOURLY", "END:VEVENT",
    )  # fmt: skip
    (event,) = parse_calendar(hourly, "x.ics", today=date(2026, 6, 15))
    assert (event.uid, event.start) == ("h@x#2027-01-01", utc(2027, 1, 1, 10))
    broken = calendar(
        "BEGIN:VEVENT", "UID:b@x", "SUMMARY:Kaputt", "DTSTART:20270101T100000Z",
        "RRULE:FREQ=MONTHLY;BYSETPOS=400", "END:VEVENT",
    )  # fmt: skip
    assert error_of(broken).startswith("Termin 1 ab Zeile 3 („Kaputt“): Die Wiederholung")


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
        events = write_series(session, series.id, tmp_path / "reihe.ics", now=NOW)
        assert len(series_events(session, series.id, NOW)) == 3
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
    back = parse_calendar(text.encode(), "reihe.ics", today=date(2026, 1, 1))
    assert [(e.start, e.uid.rpartition("#")[2]) for e in back[:3]] == [
        (spring, "2026-03-10"),
        (autumn + timedelta(days=1, hours=1), "2026-09-08"),  # the override
        (datetime(2027, 9, 14, 14, tzinfo=BERLIN), "2027-09-14"),  # 09.03.2027: EXDATE
    ]
    assert back[3].summary == "Sondertreffen" and len(back) == 4


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


def test_series_uid_depends_on_the_series_only(office: Database, tmp_path: Path) -> None:
    """Moving the series' time keeps its UID (no second series in Outlook); a held meeting
    left at the old time is the override of the rule's new instant on its date. Another
    database's series with the same id has another UID."""
    ids = make_series(office)
    with office.session() as session:
        series_id = session.scalars(select(MeetingSeries.id)).one()
        before = series_events(session, series_id, NOW)[0].uid
        held = session.get(Meeting, ids[0])
        assert held is not None
        held.status = MeetingStatus.HELD
        edit = get_meeting(session, ids[1])
        later = replace(edit.data, start=edit.data.start + timedelta(hours=1))
        update_meeting(session, ids[1], later, EditScope.ALL)
    with office.session() as session:
        series = session.get(MeetingSeries, series_id)
        assert series is not None and series.first_start == at(date(2026, 3, 10), 15)
        master, first, *_ = series_events(session, series_id, NOW)
    assert master.uid == before and first.uid == before
    assert re.fullmatch(rf"series-{series_id}-[0-9a-f]{{12}}@multilok-desktop", before)
    assert (first.recurrence_id, first.start) == (at(date(2026, 3, 10), 15), at(date(2026, 3, 10)))
    other = Database.open(str(tmp_path / "andere.sqlite"))
    try:
        make_series(other)
        with other.session() as session:
            assert series_events(session, series_id, NOW)[0].uid != before
    finally:
        other.close()


def test_series_master_starts_on_a_real_occurrence_and_excludes_missing_dates(
    office: Database,
) -> None:
    """first_start 1 March is no date of the rule: DTSTART is 10 March. A deleted and a
    cancelled meeting are EXDATEs; dates after the last meeting and after now are the
    series' future, dates up to now without a meeting did not take place."""
    ids = make_series(office, first_start=at(date(2026, 3, 1)))
    with office.session() as session:
        delete_meeting(session, ids[1])
        cancel_meeting(session, ids[2])
        series_id = session.scalars(select(MeetingSeries.id)).one()
        master, *overrides = series_events(session, series_id, NOW)
        later = series_events(session, series_id, at(date(2028, 4, 1)))[0]
    assert (master.start, master.end) == (at(date(2026, 3, 10)), at(date(2026, 3, 10), 16, 30))
    assert master.exdates == (at(date(2026, 9, 8)), at(date(2027, 3, 9)))
    assert [o.recurrence_id for o in overrides] == [at(date(2026, 3, 10)), at(date(2027, 9, 14))]
    assert later.exdates == (at(date(2026, 9, 8)), at(date(2027, 3, 9)), at(date(2028, 3, 14)))
    text = format_calendar([master], method="PUBLISH").decode()
    assert "DTSTART;TZID=Europe/Berlin:20260310T140000" in text
    assert "EXDATE;TZID=Europe/Berlin:20260908T140000,20270309T140000" in text


# --- invitation e-mail draft and the status "eingeladen" --------------------------------


def test_exporting_an_invitation_marks_the_meeting_invited(
    office: Database, tmp_path: Path
) -> None:
    """.ics and e-mail draft set "eingeladen" with the file; a failed write changes nothing."""
    with office.session() as session:
        ics_id = add_meeting(session).id
        mail_meeting = add_meeting(session)
        invite(session, mail_meeting)
        mail_id = mail_meeting.id
    service = CalendarExchangeService(office)
    with pytest.raises(ExportFileError):
        service.write_meeting(ics_id, tmp_path / "fehlt" / "einladung.ics")
    with pytest.raises(ServiceError):
        service.write_mail_draft(mail_id, tmp_path)  # a folder
    assert status_of(office, ics_id) == status_of(office, mail_id) == MeetingStatus.PLANNED
    service.write_meeting(ics_id, tmp_path / "einladung.ics")
    assert service.write_mail_draft(mail_id, tmp_path / "einladung.eml") == 3
    assert status_of(office, ics_id) == status_of(office, mail_id) == MeetingStatus.INVITED


def test_mail_draft_of_a_cancelled_meeting_is_a_cancellation(
    office: Database, tmp_path: Path
) -> None:
    """Subject "Absage: …", a short cancellation text and the METHOD:CANCEL attachment."""
    with office.session() as session:
        meeting = add_meeting(session)
        invite(session, meeting)
        meeting_id = meeting.id
    service = CalendarExchangeService(office)
    service.write_mail_draft(meeting_id, tmp_path / "einladung.eml")
    invitation = read_mail(tmp_path / "einladung.eml")
    assert invitation["Subject"] == "Einladung: 7. Vernetzungstreffen Multilokalität am 10.03.2026"
    with office.session() as session:
        cancel_meeting(session, meeting_id)
    assert service.write_mail_draft(meeting_id, tmp_path / "absage.eml") == 3
    cancellation = read_mail(tmp_path / "absage.eml")
    assert cancellation["Subject"] == "Absage: 7. Vernetzungstreffen Multilokalität am 10.03.2026"
    body = cancellation.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "leider müssen wir absagen" in text and "findet nicht statt" in text
    assert "laden wir Sie" not in text and "Tagesordnung" not in text
    (attachment,) = cancellation.iter_attachments()
    assert attachment.get_filename() == "absage.ics"
    assert "METHOD:CANCEL" in attachment.get_content()
    assert status_of(office, meeting_id) == MeetingStatus.CANCELLED


def status_of(db: Database, meeting_id: int) -> MeetingStatus:
    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        return meeting.status


def read_mail(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message
