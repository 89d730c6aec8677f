"""Calendar import: new UIDs become meetings, a higher SEQUENCE updates, all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import Meeting, MeetingStatus, Protocol, ProtocolStatus
from multilok_desktop.exchange.calendar_file import import_calendar_file, read_calendar_file
from multilok_desktop.exchange.errors import ImportFileError
from multilok_desktop.exchange.ics import parse_calendar, write_meeting_invitation, write_series
from multilok_desktop.services.calendar import (
    cancel_meeting,
    delete_meeting,
    get_meeting,
    update_meeting,
)
from multilok_desktop.services.calendar_import import CalendarImportResult, import_events
from multilok_desktop.services.calendar_records import EventStatus, ImportedEvent
from multilok_desktop.services.contact_import import ImportRecordError
from multilok_desktop.storage.database import Database
from tests.services.calendar_helpers import NEW_YEAR_2026, at, make_series

DATA = Path(__file__).parent.parent / "exchange" / "data"
OUTLOOK_UID = (
    "040000008200E00074C5B7101A82E00800000000D0B7A8B5F393DC01000000000000000010000000"
    "F2A5B6E1C9D7E84C9A3B2D1E0F4C5A6B"
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def meetings(db: Database) -> list[tuple[str, datetime, datetime, str, str, str, int]]:
    with db.session() as session:
        rows = session.scalars(select(Meeting).order_by(Meeting.start, Meeting.id))
        return [
            (m.title, m.start, m.end, m.location, m.status.value, m.ical_uid, m.ical_sequence)
            for m in rows
        ]


def count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0


def test_outlook_invitation_becomes_a_planned_meeting(db: Database) -> None:
    """Times in UTC, title and place taken, UID and SEQUENCE kept, description in the notes."""
    result = import_calendar_file(db, DATA / "outlook_invitation.ics")
    assert (result.created, result.updated, result.skipped) == (1, 0, 0)
    assert meetings(db) == [
        (
            "7. Vernetzungstreffen Multilokalität",
            utc(2026, 3, 10, 13),
            utc(2026, 3, 10, 16),
            "Landratsamt Talbach, Sitzungssaal 2 (Erdgeschoss)",
            "geplant",
            OUTLOOK_UID,
            0,
        )
    ]
    with db.session() as session:
        meeting = session.get(Meeting, result.meeting_ids[0])
        assert meeting is not None and "TOP 2 Wohnraum auf Zeit" in meeting.notes
        assert meeting.series_id is None


def test_google_calendar_with_cancelled_event(db: Database) -> None:
    """Every event is a meeting; STATUS:CANCELLED gives "abgesagt"; a series one meeting per
    date (two years ahead), each with its own identity."""
    name = "google_event.ics"
    events = parse_calendar((DATA / name).read_bytes(), name, today=date(2026, 9, 1))
    with db.session() as session:
        result = import_events(session, events)
    assert result.created == 3 + 51  # 29.09.2026 to 29.08.2028, every two weeks
    rows = meetings(db)
    assert [(r[0], r[4]) for r in rows[:5]] == [
        ("Fachaustausch „Wohnen auf Zeit“", "geplant"),
        ("Jour fixe Koordinationsstelle", "geplant"),  # 29.09.
        ("Tag der Deutschen Einheit", "geplant"),
        ("Jour fixe Koordinationsstelle", "geplant"),  # 13.10.
        ("Jour fixe Koordinationsstelle", "geplant"),  # 27.10.
    ]
    assert ("Kreistag – Ausschuss für Regionalentwicklung", "abgesagt") in [
        (r[0], r[4]) for r in rows
    ]
    assert rows[0][1] == utc(2026, 7, 7, 12) and rows[1][1] == utc(2026, 9, 29, 8)
    assert rows[1][5] == "0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com#2026-09-29"


def test_importing_the_same_file_again_changes_nothing(db: Database) -> None:
    import_calendar_file(db, DATA / "thunderbird_event.ics")
    before = meetings(db)
    result = import_calendar_file(db, DATA / "thunderbird_event.ics")
    assert (result.created, result.updated, result.skipped) == (0, 0, 1)
    assert meetings(db) == before


def event(**fields: object) -> ImportedEvent:
    values: dict[str, object] = {
        "summary": "Vernetzungstreffen",
        "start": utc(2026, 3, 10, 13),
        "end": utc(2026, 3, 10, 16),
        "uid": "treffen-7@multilok",
        "sequence": 1,
        "location": "Landratsamt",
        "source": "Termin 1 ab Zeile 4 („Vernetzungstreffen“)",
    }
    values.update(fields)
    return ImportedEvent(**values)  # type: ignore[arg-type]


def test_higher_sequence_updates_lower_is_skipped(db: Database) -> None:
    """Same UID: a higher SEQUENCE moves the meeting; the same or a lower one is ignored."""
    with db.session() as session:
        import_events(session, [event(sequence=2)])
    with db.session() as session:
        moved = event(sequence=3, start=utc(2026, 3, 12, 9), end=utc(2026, 3, 12, 11),
                      summary="Vernetzungstreffen (verschoben)", location="Rathaus")  # fmt: skip
        result = import_events(session, [moved])
    assert (result.created, result.updated, result.skipped) == (0, 1, 0)
    expected = [
        (
            "Vernetzungstreffen (verschoben)",
            utc(2026, 3, 12, 9),
            utc(2026, 3, 12, 11),
            "Rathaus",
            "geplant",
            "treffen-7@multilok",
            3,
        )
    ]
    assert meetings(db) == expected
    with db.session() as session:
        old = event(sequence=1, summary="Alte Fassung")
        same = event(sequence=3, summary="Gleiche Fassung")
        assert import_events(session, [old, same]) == CalendarImportResult(0, 0, 2)
    assert meetings(db) == expected


def test_cancellation_and_reinstatement(db: Database) -> None:
    """A cancelled newer version cancels the meeting; a later confirmed one plans it again."""
    with db.session() as session:
        import_events(session, [event(sequence=0)])
        import_events(session, [event(sequence=1, status=EventStatus.CANCELLED)])
    assert meetings(db)[0][4] == "abgesagt"
    with db.session() as session:
        import_events(session, [event(sequence=2)])
    assert meetings(db)[0][4] == "geplant"


def test_a_meeting_with_an_approved_protocol_is_never_changed(db: Database) -> None:
    with db.session() as session:
        result = import_events(session, [event(sequence=0)])
        meeting = session.get(Meeting, result.meeting_ids[0])
        assert meeting is not None
        meeting.status = MeetingStatus.CLOSED
        meeting.protocol = Protocol(status=ProtocolStatus.APPROVED)
    with db.session() as session:
        result = import_events(session, [event(sequence=5, summary="Nachträglich geändert")])
    assert result.skipped == 1
    assert meetings(db)[0][0] == "Vernetzungstreffen"


def test_an_event_without_uid_or_title_gets_one(db: Database) -> None:
    with db.session() as session:
        import_events(session, [event(uid="", summary="  ")])
    ((title, *_rest, uid, _sequence),) = meetings(db)
    assert title == "Termin ohne Titel" and uid.endswith("@multilok")


def test_one_invalid_event_imports_nothing(db: Database) -> None:
    """All or nothing: the bad event is named and the good ones before it are not written."""
    too_long = event(uid="b@x", summary="x" * 301, source="Termin 2 ab Zeile 30 („xxx…“)")
    with pytest.raises(ImportRecordError) as caught, db.session() as session:
        import_events(session, [event(uid="a@x"), too_long])
    assert str(caught.value) == (
        "Termin 2 ab Zeile 30 („xxx…“): Der Titel ist zu lang (301 Zeichen, erlaubt sind 300)."
    )
    assert count(db) == 0


def test_a_broken_file_leaves_the_database_unchanged(db: Database) -> None:
    import_calendar_file(db, DATA / "outlook_invitation.ics")
    before = meetings(db)
    for name in ("broken_no_dtstart.ics", "broken_unfinished.ics", "broken_end_before_start.ics"):
        with pytest.raises(ImportFileError):
            import_calendar_file(db, DATA / name)
    assert meetings(db) == before


def test_file_problems(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Unbekanntes Dateiformat „.vcf“"):
        read_calendar_file(tmp_path / "kontakte.vcf")
    with pytest.raises(ImportFileError, match="gibt es nicht"):
        read_calendar_file(tmp_path / "fehlt.ics")


def test_export_then_import_into_another_database(db: Database, tmp_path: Path) -> None:
    """An invitation written by one office is read by another with the same UID."""
    with db.session() as session:
        meeting = Meeting(
            title="Vernetzungstreffen Köhler & Söhne", start=utc(2026, 7, 7, 12),
            end=utc(2026, 7, 7, 15), location="Bürgerhaus", ical_sequence=4,
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        write_meeting_invitation(session, meeting.id, tmp_path / "einladung.ics")
    other = Database.open(str(tmp_path / "andere.sqlite"))
    try:
        result = import_calendar_file(other, tmp_path / "einladung.ics")
        assert result.created == 1
        assert meetings(other)[0][:4] == meetings(db)[0][:4]
        assert meetings(other)[0][5:] == meetings(db)[0][5:]
        assert (meetings(db)[0][4], meetings(other)[0][4]) == ("eingeladen", "geplant")
    finally:
        other.close()


def test_events_are_checked_before_anything_is_written(db: Database) -> None:
    aware_end_missing = replace(event(), end=datetime(2026, 3, 10, 16))  # naive
    with pytest.raises(ImportRecordError, match="Zeitzone"), db.session() as session:
        import_events(session, [aware_end_missing])
    assert count(db) == 0


def test_series_export_then_import_gives_the_same_meetings(db: Database, tmp_path: Path) -> None:
    """export --series, import elsewhere: every meeting that takes place comes back with
    its title, time and place (a moved one where it was moved to); cancelled and deleted
    dates do not. Importing the file again changes nothing."""
    ids = make_series(db)
    with db.session() as session:
        edit = get_meeting(session, ids[1])
        moved = replace(
            edit.data,
            start=edit.data.start + timedelta(days=1, hours=1),
            end=edit.data.end + timedelta(days=1, hours=1),
            location="Rathaus",
        )
        update_meeting(session, ids[1], moved)  # fmt: skip
        cancel_meeting(session, ids[2])
        plain = session.get(Meeting, ids[3])
        assert plain is not None and plain.series is not None
        plain.title = plain.series.title  # as the rule says: no override of its own
        plain.agenda.clear()
        delete_meeting(session, ids[0])
        series_id = plain.series.id
        write_series(session, series_id, tmp_path / "reihe.ics", now=at(NEW_YEAR_2026))
    expected = [row[:4] for row in meetings(db) if row[4] != "abgesagt"]
    assert len(expected) == 2
    events = parse_calendar((tmp_path / "reihe.ics").read_bytes(), "reihe.ics",
                            today=date(2026, 1, 1))  # fmt: skip
    other = Database.open(str(tmp_path / "andere.sqlite"))
    try:
        with other.session() as session:
            assert import_events(session, events).created == 2
        assert [row[:4] for row in meetings(other)] == expected
        assert [row[5].rpartition("#")[2] for row in meetings(other)] == [
            "2026-09-08",
            "2027-09-14",
        ]
        with other.session() as session:
            assert import_events(session, events) == CalendarImportResult(0, 0, 2)
    finally:
        other.close()
