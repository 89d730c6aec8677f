"""Treffenreihen: saving, listing, deleting, and the meetings generated from their rule."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import (
    Invitation,
    InvitationMode,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from multilok_desktop.services.calendar import (
    STANDARD_AGENDA,
    InviteeData,
    add_backlog_topic,
    cancel_meeting,
    delete_meeting,
    delete_series,
    generate_meetings,
    get_series,
    list_series,
    save_series,
)
from multilok_desktop.services.distribution_lists import ListMember, save_list
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.calendar_helpers import NEW_YEAR_2026, at, local_text, make_series, series_data


def test_series_round_trip_and_summary(db: Database) -> None:
    """A saved series reads back with departments, agenda template and named invitees."""
    with db.session() as s:
        kuehn = factories.person(s, "Jutta", "Kühn")
        town = factories.organisation(s, "Gemeinde Großwöllmen")
        press = save_list(s, "Presse", "", [ListMember(person_id=kuehn)])
        bauamt = factories.department_id(s, "Bauamt")
        invitees = (
            InviteeData(person_id=kuehn),
            InviteeData(organisation_id=town, receives_protocol=False),
            InviteeData(list_id=press, mode=InvitationMode.INFORMED),
        )
        series_id = save_series(s, series_data(department_ids=(bauamt,), invitees=invitees))
    with db.session() as s:
        details = get_series(s, series_id, now=at(NEW_YEAR_2026))
        (summary,) = list_series(s, now=at(NEW_YEAR_2026))
    assert details.data.agenda_template == STANDARD_AGENDA
    assert details.data.department_ids == (bauamt,)
    assert [i.name for i in details.data.invitees] == [
        "Kühn, Jutta",
        "Gemeinde Großwöllmen",
        "Verteiler: Presse",
    ]
    assert details.data.invitees[2].mode == InvitationMode.INFORMED
    assert not details.data.invitees[1].receives_protocol
    assert summary.rule_text == "jedes Jahr im März und September, am 2. Dienstag"
    assert summary.next_start == at(date(2026, 3, 10))  # from the rule: no meetings yet
    assert summary.meeting_count == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "Titel"),
        ({"recurrence": "FREQ=SOMETIMES"}, "Wiederholungsregel"),
        ({"recurrence": ""}, "Turnus"),
        ({"default_duration_minutes": 0}, "Dauer"),
        ({"invitees": (InviteeData(),)}, "genau einer"),
    ],
)
def test_invalid_series_is_not_saved(
    db: Database, changes: dict[str, object], message: str
) -> None:
    """Title, a valid rule, a positive duration and real invitees are required."""
    with pytest.raises(ValidationError, match=message), db.session() as s:
        save_series(s, series_data(**changes))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(MeetingSeries)) == 0


def test_generate_meetings_from_the_rule(db: Database) -> None:
    """Each occurrence becomes "N. title" at 14:00 local with place, duration and agenda."""
    ids = make_series(db)
    with db.session() as s:
        meetings = [s.get(Meeting, i) for i in ids]
        assert all(m is not None for m in meetings)
        rows = [(m.title, local_text(m.start), local_text(m.end)) for m in meetings if m]
        assert rows == [
            ("1. Vernetzungstreffen", "10.03.2026 14:00", "10.03.2026 16:30"),
            ("2. Vernetzungstreffen", "08.09.2026 14:00", "08.09.2026 16:30"),
            ("3. Vernetzungstreffen", "09.03.2027 14:00", "09.03.2027 16:30"),
            ("4. Vernetzungstreffen", "14.09.2027 14:00", "14.09.2027 16:30"),
        ]
        first = meetings[0]
        assert first is not None
        assert first.location == "Landratsamt, Großer Saal"
        assert first.status == MeetingStatus.PLANNED
        assert first.occurrence_start == first.start
        assert [(a.number, a.title, a.planned_minutes) for a in first.agenda] == [
            (str(n), title, minutes) for n, (title, minutes) in enumerate(STANDARD_AGENDA, 1)
        ]
        uids = {m.ical_uid for m in meetings if m}
        assert len(uids) == 4 and all(u.endswith("@multilok") for u in uids)
        assert {m.ical_sequence for m in meetings if m} == {0}


def test_generating_twice_creates_no_duplicates(db: Database) -> None:
    """A second run adds nothing; a later end date continues the numbering."""
    make_series(db)
    with db.session() as s:
        series_id = s.scalars(select(MeetingSeries.id)).one()
        assert generate_meetings(s, series_id, date(2027, 12, 31), today=NEW_YEAR_2026) == []
        (new_id,) = generate_meetings(s, series_id, date(2028, 3, 31), today=NEW_YEAR_2026)
        new = s.get(Meeting, new_id)
        assert new is not None and new.title == "5. Vernetzungstreffen"
        assert s.scalar(select(func.count()).select_from(Meeting)) == 5


def test_generate_only_from_today(db: Database) -> None:
    """Dates before `today` are not created; an end before today creates nothing."""
    with db.session() as s:
        series_id = save_series(s, series_data())
        assert generate_meetings(s, series_id, date(2026, 5, 1), today=date(2026, 6, 1)) == []
        ids = generate_meetings(s, series_id, date(2026, 12, 31), today=date(2026, 6, 1))
        assert [local_text(m.start) for m in map(lambda i: s.get(Meeting, i), ids) if m] == [
            "08.09.2026 14:00"
        ]


def test_generated_meetings_invite_the_defaults(db: Database) -> None:
    """Default invitees are copied with mode and protocol flag; lists expanded, no one twice."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=town)
        oehler = factories.person(s, "Max", "Öhler")
        press = save_list(
            s,
            "Presse",
            "",
            [
                ListMember(person_id=kuehn),
                ListMember(person_id=oehler),
                ListMember(organisation_id=town),
            ],
        )
        invitees = (
            InviteeData(person_id=kuehn),
            InviteeData(list_id=press, mode=InvitationMode.INFORMED, receives_protocol=False),
        )
    ids = make_series(db, invitees=invitees)
    with db.session() as s:
        rows = s.execute(
            select(
                Invitation.person_id,
                Invitation.organisation_id,
                Invitation.mode,
                Invitation.receives_protocol,
            )
            .where(Invitation.meeting_id == ids[0])
            .order_by(Invitation.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        (kuehn, None, InvitationMode.INVITED, True),  # named directly: invited wins
        (oehler, None, InvitationMode.INFORMED, False),
        (None, town, InvitationMode.INFORMED, False),
    ]


def test_delete_series_keeps_its_meetings(db: Database) -> None:
    """Deleting a series turns its meetings into single meetings."""
    ids = make_series(db)
    with db.session() as s:
        series_id = s.scalars(select(MeetingSeries.id)).one()
        add_backlog_topic(s, series_id, "Coworking")
        delete_series(s, series_id)
    with db.session() as s:
        meetings = s.scalars(select(Meeting).order_by(Meeting.start)).all()
        assert [m.id for m in meetings] == ids
        assert {(m.series_id, m.occurrence_start) for m in meetings} == {(None, None)}
        with pytest.raises(NotFoundError):
            get_series(s, series_id)


def test_series_summary_shows_the_next_date_and_count(db: Database) -> None:
    """The next date is the next meeting not cancelled, or the rule's next free date."""
    ids = make_series(db, until=date(2026, 12, 31))
    with db.session() as s:
        (summary,) = list_series(s, now=at(date(2026, 6, 1)))
        assert (summary.next_start, summary.meeting_count) == (at(date(2026, 9, 8)), 2)
        cancel_meeting(s, ids[1])
        (summary,) = list_series(s, now=at(date(2026, 6, 1)))
        assert summary.next_start == at(date(2027, 3, 9))  # not generated yet: from the rule


def test_a_deleted_meeting_generated_again_gets_a_new_number(db: Database) -> None:
    """After "2." was deleted its date comes back as "5.", not as a second "4."."""
    ids = make_series(db)
    with db.session() as s:
        delete_meeting(s, ids[1])
        series_id = s.scalars(select(MeetingSeries.id)).one()
        (again,) = generate_meetings(s, series_id, date(2027, 12, 31), today=NEW_YEAR_2026)
        titles = s.scalars(select(Meeting.title).order_by(Meeting.start)).all()
    assert titles == [
        "1. Vernetzungstreffen",
        "5. Vernetzungstreffen",  # 08.09.2026, generated again
        "3. Vernetzungstreffen",
        "4. Vernetzungstreffen",
    ]
    with db.session() as s:
        (later,) = generate_meetings(s, series_id, date(2028, 3, 31), today=NEW_YEAR_2026)
        assert s.get(Meeting, later).title == "6. Vernetzungstreffen"  # type: ignore[union-attr]


def test_numbers_follow_the_highest_one_given_by_hand(db: Database) -> None:
    """Numbers come from the titles ("12. …"), not from counting; "10.03. …" is no number."""
    ids = make_series(db, until=date(2026, 12, 31))
    with db.session() as s:
        first, second = (s.get(Meeting, i) for i in ids)
        assert first is not None and second is not None
        first.title = "12. Vernetzungstreffen"
        second.title = "10.03.2099 Sondersitzung"
        series_id = s.scalars(select(MeetingSeries.id)).one()
        new = generate_meetings(s, series_id, date(2027, 12, 31), today=NEW_YEAR_2026)
        assert [s.get(Meeting, i).title for i in new] == [  # type: ignore[union-attr]
            "13. Vernetzungstreffen",
            "14. Vernetzungstreffen",
        ]
