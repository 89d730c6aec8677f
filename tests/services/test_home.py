"""The start page's summary: next meeting, due action items, changed and stalled measures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    ActionItem,
    AgendaItem,
    Invitation,
    Measure,
    MeasureHistory,
    MeasureStatus,
    Meeting,
    MeetingStatus,
    Person,
    Response,
)
from multilok_desktop.services import measure_editing
from multilok_desktop.services.home import HomeService, describe_change, home_summary
from multilok_desktop.services.measure_editing import MeasureInput
from multilok_desktop.storage.database import Database
from tests import factories

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def meeting(
    session: Session,
    title: str,
    days_ahead: float,
    status: MeetingStatus = MeetingStatus.PLANNED,
    hours: int = 3,
) -> int:
    start = NOW + timedelta(days=days_ahead)
    row = Meeting(title=title, start=start, end=start + timedelta(hours=hours), status=status)
    session.add(row)
    session.flush()
    return row.id


def status_id(session: Session, name: str) -> int:
    return session.scalars(select(MeasureStatus.id).where(MeasureStatus.name == name)).one()


def measure(session: Session, title: str, status: str, last_edit_days_ago: int) -> int:
    measure_id = measure_editing.create_measure(
        session, MeasureInput(title=title, status_id=status_id(session, status)), author="test"
    )
    at = NOW - timedelta(days=last_edit_days_ago)
    session.execute(update(Measure).where(Measure.id == measure_id).values(updated_at=at))
    session.execute(
        update(MeasureHistory).where(MeasureHistory.measure_id == measure_id).values(changed_at=at)
    )
    return measure_id


def history(
    session: Session, measure_id: int, days_ago: int, field: str, old: str, new: str
) -> None:
    session.add(
        MeasureHistory(
            measure_id=measure_id,
            changed_at=NOW - timedelta(days=days_ago),
            author="kuehn",
            field=field,
            old_value=old,
            new_value=new,
        )
    )
    session.flush()


def test_next_meeting_skips_past_cancelled_and_held_ones(db: Database) -> None:
    with db.session() as s:
        meeting(s, "Gestern", -1, MeetingStatus.HELD)
        meeting(s, "Vorige Woche, nie protokolliert", -7)
        meeting(s, "Abgesagt", 1, MeetingStatus.CANCELLED)
        wanted = meeting(s, "Frühjahrstreffen", 3, MeetingStatus.INVITED)
        meeting(s, "Herbsttreffen", 180)
        for response in (Response.ACCEPTED, Response.ACCEPTED, Response.DECLINED,
                         Response.EXCUSED, Response.INVITED):  # fmt: skip
            s.add(Invitation(meeting_id=wanted, response=response))
        s.add(AgendaItem(meeting_id=wanted, title="Begrüßung", position=1))
        s.add(AgendaItem(meeting_id=wanted, title="Wohnraum", position=2))
        s.add(AgendaItem(meeting_id=wanted, title="Abgesetzt", position=3, withdrawn=True))
    with db.session() as s:
        summary = home_summary(s, TODAY, NOW)
    nxt = summary.next_meeting
    assert nxt is not None and nxt.id == wanted and nxt.title == "Frühjahrstreffen"
    assert (nxt.accepted, nxt.declined, nxt.pending) == (2, 2, 1)
    assert nxt.replies == "2 zugesagt · 2 abgesagt · 1 offen"
    assert nxt.agenda_items == 2 and nxt.agenda_state == "2 TOPs"
    assert nxt.invitations_sent


def test_a_meeting_under_way_is_still_the_next_one(db: Database) -> None:
    with db.session() as s:
        running = meeting(s, "Läuft gerade", -1 / 24)  # started an hour ago, ends in two
        meeting(s, "Später", 30)
    with db.session() as s:
        nxt = home_summary(s, TODAY, NOW).next_meeting
    assert nxt is not None and nxt.id == running
    assert nxt.agenda_state == "Tagesordnung fehlt"
    assert nxt.replies == "noch niemand eingeladen"
    assert not nxt.invitations_sent


def test_without_a_coming_meeting_there_is_none(db: Database) -> None:
    with db.session() as s:
        meeting(s, "Abgesagt", 5, MeetingStatus.CANCELLED)
        meeting(s, "Vorbei", -30, MeetingStatus.CLOSED)
    with db.session() as s:
        assert home_summary(s, TODAY, NOW).next_meeting is None


def test_overdue_and_due_soon_action_items(db: Database) -> None:
    with db.session() as s:
        owner = factories.person(s, "Jürgen", "Müller")
        held = meeting(s, "7. Vernetzungstreffen", -20, MeetingStatus.MINUTED)
        wohnen = measure(s, "Wohnraumbörse", "geplant", 3)

        def item(text: str, due: date | None, **fields: object) -> None:
            s.add(ActionItem(text=text, due_date=due, **fields))

        item("Leerstände melden", TODAY - timedelta(days=1), meeting_id=held, owner_id=owner)
        item("Förderantrag", TODAY - timedelta(days=40), measure_id=wohnen, owner_text="Fr. Kühn")
        item("Erledigt und alt", TODAY - timedelta(days=5), meeting_id=held, done=True)
        item("Heute fällig", TODAY, meeting_id=held, measure_id=wohnen)
        item("In zwei Wochen", TODAY + timedelta(days=14), meeting_id=held)
        item("Später", TODAY + timedelta(days=15), meeting_id=held)
        item("Ohne Termin", None, meeting_id=held)
    with db.session() as s:
        summary = home_summary(s, TODAY, NOW)
    assert [a.text for a in summary.overdue.lines] == ["Förderantrag", "Leerstände melden"]
    assert summary.overdue.total == 2
    first, second = summary.overdue.lines
    assert (first.owner, first.source_kind, first.source_id) == ("Fr. Kühn", "measure", wohnen)
    assert first.source_title == "Wohnraumbörse"
    assert (second.owner, second.source_kind, second.source_id) == (
        "Jürgen Müller",
        "protocol",
        held,
    )
    assert second.source_title == "7. Vernetzungstreffen"
    assert [a.text for a in summary.due_soon.lines] == ["Heute fällig", "In zwei Wochen"]
    # an item on a measure that came from a meeting opens where it is followed up: the measure
    assert summary.due_soon.lines[0].source_kind == "measure"


def test_sections_show_a_few_lines_and_the_total(db: Database) -> None:
    with db.session() as s:
        for n in range(12):
            s.add(ActionItem(text=f"Aufgabe {n:02}", due_date=TODAY - timedelta(days=30 - n)))
    with db.session() as s:
        overdue = home_summary(s, TODAY, NOW, limit=5).overdue
    assert [a.text for a in overdue.lines] == [f"Aufgabe {n:02}" for n in range(5)]
    assert (overdue.total, overdue.more) == (12, 7)


def test_stalled_measures_are_open_and_untouched_for_180_days(db: Database) -> None:
    with db.session() as s:
        stalled = measure(s, "Pendlerportal", "Idee", 400)
        also_stalled = measure(s, "Mitfahrbank", "in Umsetzung", 200)
        measure(s, "Kürzlich bearbeitet", "Idee", 20)
        measure(s, "Umgesetzt und alt", "umgesetzt", 400)
        measure(s, "Zurückgestellt und alt", "zurückgestellt", 400)
        revived = measure(s, "In einer Sitzung besprochen", "geplant", 300)
        history(s, revived, 10, "progress", "0", "20")  # dated to a meeting, edit long ago
    with db.session() as s:
        section = home_summary(s, TODAY, NOW).stalled
    assert [m.measure_id for m in section.lines] == [stalled, also_stalled]  # longest first
    assert section.total == 2
    assert section.lines[0].status == "Idee"
    assert section.lines[0].last_change == NOW - timedelta(days=400)


def test_changed_measures_show_their_latest_change(db: Database) -> None:
    with db.session() as s:
        wohnen = measure(s, "Wohnraumbörse", "geplant", 100)
        history(s, wohnen, 12, "status", "Idee", "geplant")
        history(s, wohnen, 4, "progress", "10", "40")
        kita = measure(s, "Kita-Plätze", "Idee", 2)  # created two days ago
        old = measure(s, "Alt", "Idee", 100)
        history(s, old, 31, "status", "Idee", "in Prüfung")
    with db.session() as s:
        section = home_summary(s, TODAY, NOW).changed
    assert [(c.measure_id, c.change) for c in section.lines] == [
        (kita, "angelegt"),
        (wohnen, "Fortschritt: 10 % → 40 %"),
    ]
    assert section.total == 2
    assert section.lines[1].author == "kuehn"


def test_describe_change() -> None:
    assert describe_change("status", "Idee", "geplant") == "Status: Idee → geplant"
    assert describe_change("responsible", "", "Anna Köhler") == "Verantwortlich: Anna Köhler"
    assert describe_change("lead", "Gemeinde X", "") == "Projektträger: Gemeinde X entfernt"


def test_privacy_reviews_due(db: Database) -> None:
    with db.session() as s:
        due = factories.person(s, "Anna", "Köhler")
        factories.person(s, "Bernd", "Ahrens")
        later = factories.person(s, "Carla", "Zeh")
        s.execute(
            update(Person).where(Person.id == due).values(contact_review_on=TODAY - timedelta(1))
        )
        s.execute(
            update(Person).where(Person.id == later).values(contact_review_on=TODAY + timedelta(9))
        )
    with db.session() as s:
        privacy = home_summary(s, TODAY, NOW).privacy
    assert privacy is not None
    assert [(p.person_id, p.name) for p in privacy.lines] == [(due, "Köhler, Anna")]
    assert "Kontaktdaten" in privacy.lines[0].reason


def test_the_service_answers_in_one_call(db: Database) -> None:
    with db.session() as s:
        meeting(s, "Frühjahrstreffen", 3)
    summary = HomeService(db).summary(TODAY, NOW)
    assert summary.today == TODAY
    assert summary.next_meeting is not None and summary.next_meeting.title == "Frühjahrstreffen"
