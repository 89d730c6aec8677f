"""The demo generator: plausible, consistent, searchable and reproducible data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    Invitation,
    Measure,
    MeasureHistory,
    MeasurePartner,
    MeasureStatus,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Membership,
    Organisation,
    Outcome,
    Person,
    PersonDirectoryRow,
    Protocol,
    ProtocolStatus,
    ToolCard,
)
from multilok_desktop.domain.text import fold, transliterate
from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.services.demo import DemoSummary, generate_demo
from multilok_desktop.storage.database import Database

TODAY = date(2026, 3, 1)
UMLAUTS = set("äöüÄÖÜß")


@pytest.fixture
def demo(db: Database) -> Iterator[tuple[Database, DemoSummary]]:
    with db.session() as session:
        summary = generate_demo(session, "small", today=TODAY)
    yield db, summary


@pytest.fixture
def session(demo: tuple[Database, DemoSummary]) -> Iterator[Session]:
    with demo[0].session() as session:
        yield session


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=OFFICE_TZ)


def test_small_demo_has_the_expected_size(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert summary.organisations == 60
    assert summary.people == 200
    assert 8 <= summary.meetings <= 12
    assert 40 <= summary.agenda_items <= 120
    assert summary.measures == 25
    with db.session() as session:
        for model, expected in (
            (Organisation, summary.organisations),
            (Person, summary.people),
            (Meeting, summary.meetings),
            (AgendaItem, summary.agenda_items),
            (Measure, summary.measures),
        ):
            assert session.scalar(select(func.count()).select_from(model)) == expected


def test_people_have_german_and_international_names(session: Session) -> None:
    people = session.scalars(select(Person)).all()
    names = [f"{p.first_name} {p.last_name}" for p in people]
    assert any(UMLAUTS & set(name) for name in names)
    assert any(not name.isascii() and not UMLAUTS & set(name) for name in names)  # ı, ł, ć …
    assert {p.salutation for p in people} == {"Frau", "Herr"}
    assert any(p.title == "Dr." for p in people)
    # Addresses are transliterated: "Müller" → "mueller", never "müller" or "mller".
    assert all(p.email.isascii() and "@" in p.email for p in people)
    with_umlaut = next(p for p in people if UMLAUTS & set(p.last_name) and "-" not in p.last_name)
    assert transliterate(with_umlaut.last_name) in with_umlaut.email


def test_people_belong_to_organisations_with_roles_and_departments(session: Session) -> None:
    memberships = session.scalars(select(Membership)).all()
    primary_people = {m.person_id for m in memberships if m.is_primary}
    people = session.scalar(select(func.count()).select_from(Person))
    assert 0 < people - len(primary_people) <= 20  # a few citizens without organisation
    assert all(m.valid_until is None for m in memberships if m.is_primary)
    ended = [m for m in memberships if m.valid_until is not None]
    assert ended and all(m.valid_until < TODAY and not m.is_primary for m in ended)
    roles = {m.role for m in memberships}
    assert {"Bürgermeister", "Bürgermeisterin"} & roles
    assert any(r.startswith(("Amtsleiter", "Amtsleiterin")) for r in roles)
    assert any(m.department_id is not None for m in memberships)


def test_every_primary_member_is_in_the_directory_with_the_organisation(session: Session) -> None:
    rows = session.execute(
        select(Membership.person_id, Organisation.name, PersonDirectoryRow.organisation)
        .join(Organisation, Organisation.id == Membership.organisation_id)
        .outerjoin(PersonDirectoryRow, PersonDirectoryRow.person_id == Membership.person_id)
        .where(Membership.is_primary)
    ).all()
    assert len(rows) > 150
    assert all(directory == organisation for _, organisation, directory in rows)
    directory_size = session.scalar(select(func.count()).select_from(PersonDirectoryRow))
    assert directory_size == session.scalar(select(func.count()).select_from(Person))


@pytest.mark.sqlite_only
def test_full_text_search_finds_demo_people(session: Session) -> None:
    person = session.scalars(
        select(Person).where(Person.last_name.like("%ü%")).order_by(Person.id)
    ).first()
    assert person is not None
    for spelling in (fold(person.last_name), transliterate(person.last_name)):
        found = session.scalars(
            text("SELECT rowid FROM person_fts WHERE person_fts MATCH :query"),
            {"query": f'"{spelling}"*'},
        ).all()
        assert person.id in found, spelling
    municipality = session.scalars(
        text("SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH :query"),
        {"query": '"grosswoellmen"*'},
    ).all()
    assert municipality


def test_meetings_lie_before_and_after_today(session: Session) -> None:
    meetings = session.scalars(select(Meeting).order_by(Meeting.start)).all()
    past = [m for m in meetings if m.start < _midnight(TODAY)]
    future = [m for m in meetings if m.start >= _midnight(TODAY)]
    assert len(past) >= 5 and len(future) >= 2
    assert {m.status for m in past} <= {MeetingStatus.CLOSED, MeetingStatus.MINUTED}
    assert {m.status for m in future} == {MeetingStatus.PLANNED, MeetingStatus.INVITED}
    assert any(m.title == "7. Vernetzungstreffen Multilokalität" for m in meetings)


def test_series_follows_its_rule_at_two_in_the_afternoon(session: Session) -> None:
    series = session.scalars(select(MeetingSeries)).one()
    assert series.recurrence == "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"
    assert [t.title for t in series.agenda_template][0] == "Eröffnung und Begrüßung"
    assert series.invitees and series.backlog and series.departments
    meetings = sorted(series.meetings, key=lambda m: m.start)
    assert series.first_start == meetings[0].start
    for meeting in meetings:
        occurrence = meeting.occurrence_start.astimezone(OFFICE_TZ)
        assert occurrence.month in (3, 9) and occurrence.weekday() == 1  # Tuesday
        assert 8 <= occurrence.day <= 14  # the second one of the month
        start, end = meeting.start.astimezone(OFFICE_TZ), meeting.end.astimezone(OFFICE_TZ)
        assert (start.time(), end.time()) == (time(14, 0), time(16, 30))


def test_stored_times_are_timezone_aware(session: Session) -> None:
    values = [
        *session.scalars(select(Meeting.start)),
        *session.scalars(select(Meeting.end)),
        *session.scalars(select(MeetingSeries.first_start)),
        *session.scalars(select(AgendaItem.started_at).where(AgendaItem.started_at.is_not(None))),
        *session.scalars(
            select(Invitation.responded_at).where(Invitation.responded_at.is_not(None))
        ),
        *session.scalars(select(ActionItem.done_at).where(ActionItem.done_at.is_not(None))),
        *session.scalars(select(MeasureHistory.changed_at)),
        *session.scalars(select(Person.created_at)),
        *session.scalars(select(Protocol.updated_at)),
    ]
    assert len(values) > 300
    assert all(v.tzinfo is not None and v.utcoffset() is not None for v in values)
    # Stored as UTC: a meeting at 14:00 in Berlin is 12:00 or 13:00 in the file.
    hour = "strftime('%H', start)" if _sqlite(session) else "to_char(start, 'HH24')"
    raw_hours = session.scalars(text(f"SELECT {hour} FROM meeting WHERE series_id IS NOT NULL"))
    assert set(raw_hours) <= {"12", "13"}


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def test_a_past_meeting_has_minutes_results_and_a_protocol(session: Session) -> None:
    meetings = session.scalars(
        select(Meeting).where(Meeting.start < _midnight(TODAY)).order_by(Meeting.start)
    ).all()
    latest = [m for m in meetings if m.series_id][-1]
    assert latest.status == MeetingStatus.MINUTED
    assert latest.protocol is not None and latest.protocol.status == ProtocolStatus.DRAFT
    assert latest.protocol.chair_text and latest.protocol.minute_taker_text
    assert [item.number for item in latest.agenda] == [
        str(i) for i in range(1, len(latest.agenda) + 1)
    ]
    assert latest.agenda[0].title == "Eröffnung und Begrüßung"
    assert latest.agenda[-1].title == "Verschiedenes"
    assert all(item.notes_html.startswith("<p>") for item in latest.agenda)
    assert all(item.presenter_id and item.planned_minutes > 0 for item in latest.agenda)
    assert latest.topics
    outcomes = [o for item in latest.agenda for o in item.outcomes]
    assert {o.kind.value for o in outcomes} >= {"Beschluss"}
    assert any(o.votes_yes is not None for o in outcomes)
    assert any(o.kind.value != "Beschluss" for o in outcomes)
    present = [a for a in latest.attendance if a.status.value == "anwesend"]
    assert len(present) >= 5
    assert all(a.name_text and a.organisation_text for a in latest.attendance)
    actions = session.scalars(select(ActionItem).where(ActionItem.meeting_id == latest.id)).all()
    assert actions and all(a.owner_id and a.owner_text and a.due_date for a in actions)
    older = [m for m in meetings[:-1] if m.protocol is not None]
    assert older and all(m.protocol.status == ProtocolStatus.APPROVED for m in older)
    assert all(m.protocol.approved_on for m in older)
    assert session.scalar(select(func.count()).select_from(Outcome)) > 20
    assert session.scalar(select(func.count()).select_from(Attendance)) > 50


def test_measures_are_tracked_in_several_statuses(session: Session) -> None:
    statuses = session.scalars(
        select(MeasureStatus.name).join(Measure, Measure.status_id == MeasureStatus.id).distinct()
    ).all()
    assert len(statuses) >= 4
    measures = session.scalars(select(Measure)).all()
    assert any(m.parent_id for m in measures)
    assert any(m.tool_card_id for m in measures)
    assert all(m.lead_organisation_id and m.responsible_person_id for m in measures)
    assert all(m.target_groups and m.action_fields for m in measures)
    assert session.scalar(select(func.count()).select_from(MeasurePartner)) > 0
    assert session.scalar(select(func.count()).select_from(MeasureHistory)) > 0
    done = [m for m in measures if m.status and m.status.name == "umgesetzt"]
    assert all(m.progress == 100 and m.start_date <= m.target_date <= TODAY for m in done)
    card = session.scalars(select(ToolCard).where(ToolCard.code == "X 001")).one()
    assert card.title == "Regelmäßige regionale Vernetzungstreffen zur Thematik Multilokalität"
    on_measures = select(func.count()).where(ActionItem.measure_id.is_not(None))
    assert session.scalar(on_measures) > 0


def test_a_second_run_is_refused(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with pytest.raises(ValueError, match="enthält bereits Daten"), db.session() as session:
        generate_demo(session, "small")


def test_an_unknown_size_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="Größe"), db.session() as session:
        generate_demo(session, "huge")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def _first_names(path: Path, seed: int) -> list[str]:
    database = Database.open(str(path))
    try:
        with database.session() as session:
            generate_demo(session, "small", seed=seed, today=TODAY)
            return [
                f"{p.first_name} {p.last_name}"
                for p in session.scalars(select(Person).order_by(Person.id).limit(10))
            ]
    finally:
        database.close()


def test_the_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    first = _first_names(tmp_path / "a.sqlite", seed=7)
    assert _first_names(tmp_path / "b.sqlite", seed=7) == first
    assert _first_names(tmp_path / "c.sqlite", seed=8) != first


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("MULTILOK_SLOW") != "1", reason="set MULTILOK_SLOW=1")
def test_large_demo_reaches_the_benchmark_size(db: Database) -> None:
    with db.session() as session:
        summary = generate_demo(session, "large")
    targets = {
        "organisations": 5000,
        "people": 20_000,
        "meetings": 300,
        "agenda_items": 6000,
        "measures": 3000,
    }
    for name, target in targets.items():
        assert 0.9 * target <= getattr(summary, name) <= 1.1 * target, name
    with db.session() as session:
        directory = session.scalar(select(func.count()).select_from(PersonDirectoryRow))
        assert directory == summary.people
