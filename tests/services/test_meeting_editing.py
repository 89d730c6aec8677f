"""Editing meetings: one, this and the following, all; agenda and topics; cancel, delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from multilok_desktop.domain import (
    AgendaItem,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Protocol,
    ProtocolStatus,
    Topic,
)
from multilok_desktop.services.calendar import (
    AgendaItemData,
    EditScope,
    MeetingData,
    cancel_meeting,
    create_meeting,
    delete_meeting,
    generate_meetings,
    get_meeting,
    save_series,
    update_meeting,
)
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.storage.database import Database
from tests.services.calendar_helpers import (
    NEW_YEAR_2026,
    at,
    local_text,
    make_series,
    meeting_data,
    series_data,
)


def test_moving_one_occurrence_keeps_its_occurrence_start(db: Database) -> None:
    """A meeting moved a week keeps the rule's date, so generating does not replace it."""
    ids = make_series(db)
    with db.session() as s:
        edit = get_meeting(s, ids[1])
        moved = replace(
            edit.data,
            start=edit.data.start + timedelta(days=7),
            end=edit.data.end + timedelta(days=7),
        )
        assert update_meeting(s, ids[1], moved) == [ids[1]]
    with db.session() as s:
        edit = get_meeting(s, ids[1])
        series_id = edit.series_id
        assert series_id is not None
        assert local_text(edit.data.start) == "15.09.2026 14:00"
        assert edit.occurrence_start is not None
        assert local_text(edit.occurrence_start) == "08.09.2026 14:00"
        assert edit.ical_sequence == 1
        assert generate_meetings(s, series_id, date(2027, 12, 31), today=NEW_YEAR_2026) == []
        other = get_meeting(s, ids[2])
        assert other.ical_sequence == 0  # THIS changes only this meeting


def test_following_shifts_later_meetings_but_not_held_ones(db: Database) -> None:
    """ "Dieses und alle folgenden": the new time of day moves the later meetings not held,
    keeps their dates, and becomes the series' time."""
    ids = make_series(db)
    with db.session() as s:
        held = s.get(Meeting, ids[2])
        assert held is not None
        held.status = MeetingStatus.HELD
    with db.session() as s:
        edit = get_meeting(s, ids[1])
        later = replace(edit.data, start=at(date(2026, 9, 8), 15), end=at(date(2026, 9, 8), 17, 30))
        changed = update_meeting(s, ids[1], later, EditScope.FOLLOWING)
    assert changed == [ids[1], ids[3]]
    with db.session() as s:
        starts = [local_text(get_meeting(s, i).data.start) for i in ids]
        assert starts == [
            "10.03.2026 14:00",  # earlier: untouched
            "08.09.2026 15:00",
            "09.03.2027 14:00",  # held: untouched
            "14.09.2027 15:00",
        ]
        assert local_text(get_meeting(s, ids[3]).data.end) == "14.09.2027 17:30"
        assert [get_meeting(s, i).ical_sequence for i in ids] == [0, 1, 0, 1]
        series = s.scalars(select(MeetingSeries)).one()
        assert series.first_start is not None
        assert local_text(series.first_start) == "10.03.2026 15:00"
        assert series.default_duration_minutes == 150
        # the shifted rule still knows every date: nothing generated twice
        ids_new = generate_meetings(s, series.id, date(2028, 3, 31), today=NEW_YEAR_2026)
        (new,) = [get_meeting(s, i) for i in ids_new]
        assert (new.data.title, local_text(new.data.start)) == (
            "5. Vernetzungstreffen",
            "14.03.2028 15:00",
        )


def test_all_changes_place_duration_and_title_of_meetings_not_held(db: Database) -> None:
    """ "Alle": place, duration and title pattern go to every meeting not held yet, and
    into the series' defaults."""
    ids = make_series(db)
    with db.session() as s:
        held = s.get(Meeting, ids[0])
        assert held is not None
        held.status = MeetingStatus.CLOSED
    with db.session() as s:
        edit = get_meeting(s, ids[2])
        changed = replace(
            edit.data,
            title="3. Vernetzungstreffen Multilokalität",
            location="Rathaus Talbach",
            end=edit.data.end + timedelta(minutes=30),
        )
        assert update_meeting(s, ids[2], changed, EditScope.ALL) == [ids[2], ids[1], ids[3]]
    with db.session() as s:
        rows = [
            (e.data.title, e.data.location, local_text(e.data.end))
            for e in (get_meeting(s, i) for i in ids)
        ]
        assert rows == [
            ("1. Vernetzungstreffen", "Landratsamt, Großer Saal", "10.03.2026 16:30"),
            ("2. Vernetzungstreffen Multilokalität", "Rathaus Talbach", "08.09.2026 17:00"),
            ("3. Vernetzungstreffen Multilokalität", "Rathaus Talbach", "09.03.2027 17:00"),
            ("4. Vernetzungstreffen Multilokalität", "Rathaus Talbach", "14.09.2027 17:00"),
        ]
        series = s.scalars(select(MeetingSeries)).one()
        assert (series.title, series.default_location, series.default_duration_minutes) == (
            "Vernetzungstreffen Multilokalität",
            "Rathaus Talbach",
            180,
        )


def test_every_update_and_cancel_raises_the_sequence(db: Database) -> None:
    """SEQUENCE counts changes; a cancelled meeting stays with status "abgesagt"."""
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
        assert get_meeting(s, meeting_id).ical_sequence == 0
        data = get_meeting(s, meeting_id).data
        update_meeting(s, meeting_id, replace(data, location="Bürgerhaus"))
        data = get_meeting(s, meeting_id).data  # a form saves the version it loaded
        update_meeting(s, meeting_id, replace(data, location="Bürgerhaus Ost"))
        assert get_meeting(s, meeting_id).ical_sequence == 2
        cancel_meeting(s, meeting_id)
        cancel_meeting(s, meeting_id)  # twice changes nothing more
        edit = get_meeting(s, meeting_id)
        assert (edit.data.status, edit.ical_sequence) == (MeetingStatus.CANCELLED, 3)


def test_a_held_meeting_cannot_be_cancelled(db: Database) -> None:
    """Cancelling is for meetings still ahead."""
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21), status=MeetingStatus.HELD))
        with pytest.raises(ValidationError, match="stattgefunden"):
            cancel_meeting(s, meeting_id)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Titel"),
        ({"end": at(date(2026, 4, 21), 13)}, "nach seinem Beginn"),
        ({"end": at(date(2026, 4, 21), 14)}, "nach seinem Beginn"),
        ({"agenda": (AgendaItemData(title=" "),)}, "TOP 1 braucht einen Titel"),
    ],
)
def test_invalid_meeting_changes_nothing(
    db: Database, changes: dict[str, object], message: str
) -> None:
    """A title is needed and the end must come after the start."""
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
    with pytest.raises(ValidationError, match=message), db.session() as s:
        changed = replace(meeting_data(date(2026, 4, 21)), **changes)  # type: ignore[arg-type]
        update_meeting(s, meeting_id, changed)
    with db.session() as s:
        edit = get_meeting(s, meeting_id)
        assert (edit.data.title, edit.ical_sequence) == ("Workshop Wohnen", 0)


def test_agenda_and_topics_are_saved_in_order(db: Database) -> None:
    """TOPs keep their ids when reordered, are numbered 1..n, dropped ones are deleted;
    focus topics are created once and reused regardless of case."""
    agenda = (
        AgendaItemData(title="Begrüßung", planned_minutes=5),
        AgendaItemData(title="Wohnraum auf Zeit", presenter_text="Fr. Kühn", planned_minutes=30),
        AgendaItemData(title="Verschiedenes", non_public=True),
    )
    with db.session() as s:
        meeting_id = create_meeting(
            s, meeting_data(date(2026, 4, 21), topics=("Wohnen", "Mobilität"), agenda=agenda)
        )
        other_id = create_meeting(s, meeting_data(date(2026, 5, 5), topics=("wohnen",)))
        welcome, housing, misc = get_meeting(s, meeting_id).data.agenda
        s.get(AgendaItem, housing.id).notes_html = "<p>Notiz</p>"  # type: ignore[union-attr]
    new_agenda = (housing, AgendaItemData(title="Pendlerbörse"), replace(misc, title="Sonstiges"))
    with db.session() as s:
        update_meeting(s, meeting_id, meeting_data(date(2026, 4, 21), agenda=new_agenda))
    with db.session() as s:
        items = s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        ).all()
        assert [(i.number, i.title) for i in items] == [
            ("1", "Wohnraum auf Zeit"),
            ("2", "Pendlerbörse"),
            ("3", "Sonstiges"),
        ]
        assert items[0].id == housing.id and items[0].notes_html == "<p>Notiz</p>"
        assert items[2].non_public
        assert s.get(AgendaItem, welcome.id) is None
        assert sorted(s.scalars(select(Topic.name))) == ["Mobilität", "Wohnen"]
        assert get_meeting(s, other_id).data.topics == ("Wohnen",)
        assert get_meeting(s, meeting_id).data.topics == ()


def test_agenda_item_of_another_meeting_is_refused(db: Database) -> None:
    """An id that is not one of this meeting's TOPs is not silently taken over."""
    with db.session() as s:
        first = create_meeting(
            s, meeting_data(date(2026, 4, 21), agenda=(AgendaItemData(title="A"),))
        )
        second = create_meeting(s, meeting_data(date(2026, 5, 5)))
        (item,) = get_meeting(s, first).data.agenda
    with pytest.raises(NotFoundError), db.session() as s:
        update_meeting(s, second, meeting_data(date(2026, 5, 5), agenda=(item,)))


def test_create_single_meeting_and_one_on_a_series_date(db: Database) -> None:
    """A single meeting has no series; one entered on a rule date takes that date's place."""
    with db.session() as s:
        single = create_meeting(s, meeting_data(date(2026, 4, 21)))
        series_id = save_series(s, series_data())
        by_hand = create_meeting(
            s,
            MeetingData("1. Vernetzungstreffen", at(date(2026, 3, 10)), at(date(2026, 3, 10), 17)),
            series_id,
        )
        generated = generate_meetings(s, series_id, date(2026, 12, 31), today=NEW_YEAR_2026)
        single_edit, by_hand_edit = get_meeting(s, single), get_meeting(s, by_hand)
        assert (single_edit.series_id, single_edit.occurrence_start) == (None, None)
        assert single_edit.ical_uid.endswith("@multilok")
        assert by_hand_edit.occurrence_start == at(date(2026, 3, 10))
        (september,) = [get_meeting(s, i) for i in generated]
        assert september.data.title == "2. Vernetzungstreffen"
        delete_meeting(s, single)
        with pytest.raises(NotFoundError):
            get_meeting(s, single)


# --- an approved protocol locks the meeting ------------------------------------------------

LOCKED = "Das Protokoll dieses Treffens ist genehmigt; Tagesordnung und Treffen sind gesperrt."


def approve_protocol(db: Database, meeting_id: int) -> None:
    with db.session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status = MeetingStatus.CLOSED
        meeting.protocol = Protocol(status=ProtocolStatus.APPROVED)


@pytest.mark.parametrize(
    "changes",
    [
        {"location": "Bürgerhaus"},
        {"notes": "nachträglich"},
        {"topics": ("Wohnen",)},
        {"agenda": (AgendaItemData(title="Neuer TOP"),)},
        {"status": MeetingStatus.MINUTED},
    ],
)
def test_a_meeting_with_an_approved_protocol_cannot_be_changed(
    db: Database, changes: dict[str, object]
) -> None:
    """Any change — time, place, notes, topics, agenda, status — is refused; the meeting
    stays as it was."""
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
    approve_protocol(db, meeting_id)
    with db.session() as s:
        data = get_meeting(s, meeting_id).data
    with pytest.raises(ValidationError) as caught, db.session() as s:
        update_meeting(s, meeting_id, replace(data, **changes))  # type: ignore[arg-type]
    assert str(caught.value) == LOCKED
    with db.session() as s:
        edit = get_meeting(s, meeting_id)
        assert (edit.data, edit.ical_sequence) == (data, 0)
        assert update_meeting(s, meeting_id, data) == []  # saved unchanged: nothing to refuse


def test_a_meeting_with_an_approved_protocol_cannot_be_deleted_or_cancelled(
    db: Database,
) -> None:
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
        draft_id = create_meeting(s, meeting_data(date(2026, 5, 5)))
        s.get(Meeting, draft_id).protocol = Protocol(status=ProtocolStatus.DRAFT)  # type: ignore[union-attr]
    approve_protocol(db, meeting_id)
    with pytest.raises(ValidationError, match="Protokoll dieses Treffens ist genehmigt"):
        with db.session() as s:
            delete_meeting(s, meeting_id)
    with pytest.raises(ValidationError, match="genehmigt"), db.session() as s:
        cancel_meeting(s, meeting_id)
    with db.session() as s:
        assert get_meeting(s, meeting_id).data.status == MeetingStatus.CLOSED
        delete_meeting(s, draft_id)  # a draft protocol locks nothing
        with pytest.raises(NotFoundError):
            get_meeting(s, draft_id)


def test_series_edits_skip_a_locked_meeting(db: Database) -> None:
    """ "Alle" changes the meetings not held, but never one whose protocol is approved."""
    ids = make_series(db)
    with db.session() as s:
        locked = s.get(Meeting, ids[3])
        assert locked is not None
        locked.protocol = Protocol(status=ProtocolStatus.APPROVED)  # still "geplant"
    with db.session() as s:
        edit = get_meeting(s, ids[1])
        changed = update_meeting(s, ids[1], replace(edit.data, location="Rathaus"), EditScope.ALL)
    assert changed == [ids[1], ids[0], ids[2]]
    with db.session() as s:
        assert get_meeting(s, ids[3]).data.location == "Landratsamt, Großer Saal"


# --- agenda numbers ---------------------------------------------------------------------


def test_saving_keeps_numbers_like_6a(db: Database) -> None:
    """Only plain numbers are renumbered: 1, 2, "2a", 3 stay so; a new TOP goes on from them."""
    agenda = tuple(AgendaItemData(title=t) for t in ("Begrüßung", "Bericht", "Nachtrag", "Ende"))
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21), agenda=agenda))
        (_, _, addendum, _) = get_meeting(s, meeting_id).data.agenda
        s.get(AgendaItem, addendum.id).number = "2a"  # type: ignore[union-attr]
    with db.session() as s:
        data = get_meeting(s, meeting_id).data
        more = replace(data, agenda=(*data.agenda, AgendaItemData(title="Verschiedenes")))
        update_meeting(s, meeting_id, more)
    with db.session() as s:
        items = s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        ).all()
        assert [(i.position, i.number, i.title) for i in items] == [
            (1, "1", "Begrüßung"),
            (2, "2", "Bericht"),
            (3, "2a", "Nachtrag"),
            (4, "3", "Ende"),
            (5, "4", "Verschiedenes"),
        ]


# --- SEQUENCE ---------------------------------------------------------------------------


def test_sequence_rises_only_for_what_invitees_see(db: Database) -> None:
    """Agenda, topics and notes are not sent again; time, title, place and status are."""
    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
        data = get_meeting(s, meeting_id).data
        quiet = replace(
            data,
            notes="Beamer mitbringen",
            topics=("Wohnen",),
            agenda=(AgendaItemData(title="Begrüßung"),),
        )
        update_meeting(s, meeting_id, quiet)
        update_meeting(s, meeting_id, get_meeting(s, meeting_id).data)  # saved again unchanged
        assert get_meeting(s, meeting_id).ical_sequence == 0
        quiet = get_meeting(s, meeting_id).data
        for seen in (
            {"title": "Workshop Wohnen auf Zeit"},
            {"start": at(date(2026, 4, 21), 13)},
            {"end": at(date(2026, 4, 21), 17)},
            {"location": "Rathaus"},
            {"status": MeetingStatus.INVITED},
        ):
            quiet = replace(quiet, **seen)  # type: ignore[arg-type]
            update_meeting(s, meeting_id, quiet)
            quiet = replace(quiet, version=get_meeting(s, meeting_id).data.version)
        assert get_meeting(s, meeting_id).ical_sequence == 5
