"""Filling a future agenda: the topic backlog and the Wiedervorlage of open tasks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from multilok_desktop.domain import ActionItem, AgendaItem, MeetingSeries
from multilok_desktop.services.calendar import (
    AgendaItemData,
    add_backlog_topic,
    add_review_item,
    backlog,
    create_meeting,
    delete_backlog_topic,
    get_meeting,
    move_backlog_to_agenda,
    open_action_items_before,
    save_series,
)
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.calendar_helpers import make_series, meeting_data, series_data


def test_backlog_topic_moves_before_verschiedenes(db: Database) -> None:
    """A moved topic becomes the TOP before "Verschiedenes" and is marked as moved."""
    ids = make_series(db)
    with db.session() as s:
        series_id = s.scalars(select(MeetingSeries.id)).one()
        coworking = add_backlog_topic(
            s, series_id, " Coworking im Dorf ", "Erfahrungen aus Brandenburg", "Fr. Kühn"
        )
        kita = add_backlog_topic(s, series_id, "Kita-Plätze für Pendlerkinder")
        item_id = move_backlog_to_agenda(s, coworking, ids[0])
        with pytest.raises(ValidationError, match="schon auf einer Tagesordnung"):
            move_backlog_to_agenda(s, coworking, ids[1])
        entries = backlog(s, series_id)
        agenda = get_meeting(s, ids[0]).data.agenda
    assert [(e.id, e.title, e.moved) for e in entries] == [
        (kita, "Kita-Plätze für Pendlerkinder", False),
        (coworking, "Coworking im Dorf", True),
    ]
    assert entries[1].proposed_by == "Fr. Kühn"
    assert [a.title for a in agenda][-2:] == ["Coworking im Dorf", "Verschiedenes"]
    assert agenda[-2].id == item_id and agenda[-2].description == "Erfahrungen aus Brandenburg"
    with db.session() as s:
        delete_backlog_topic(s, kita)
        assert [e.id for e in backlog(s, series_id)] == [coworking]
        with pytest.raises(ValidationError):
            add_backlog_topic(s, series_id, "  ")


def test_backlog_topic_goes_last_without_verschiedenes(db: Database) -> None:
    """Without a closing "Verschiedenes" the topic is appended."""
    with db.session() as s:
        series_id = save_series(s, series_data())
        meeting_id = create_meeting(
            s, meeting_data(date(2026, 4, 21), agenda=(AgendaItemData(title="Begrüßung"),))
        )
        topic = add_backlog_topic(s, series_id, "Coworking")
        move_backlog_to_agenda(s, topic, meeting_id)
        agenda = get_meeting(s, meeting_id).data.agenda
    assert [a.title for a in agenda] == ["Begrüßung", "Coworking"]


# Wiedervorlage


def _task(s: object, meeting_id: int | None, text: str, **fields: object) -> int:
    item = ActionItem(meeting_id=meeting_id, text=text, **fields)
    s.add(item)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    return item.id


def test_wiedervorlage_lists_open_tasks_of_earlier_meetings(db: Database) -> None:
    """Only open tasks from earlier meetings of the same series come back."""
    ids = make_series(db)
    with db.session() as s:
        owner = factories.person(s, "Max", "Öhler")
        single = create_meeting(s, meeting_data(date(2026, 2, 3), title="Workshop"))
        open_1 = _task(s, ids[0], "Leerstände melden", owner_id=owner, due_date=date(2026, 4, 30))
        _task(s, ids[0], "Erledigt", done=True)
        open_2 = _task(s, ids[1], "Kita-Bedarf erheben", owner_text="Fr. Kühn")
        _task(s, ids[2], "Aus demselben Treffen")
        from_single = _task(s, single, "Aus dem Workshop")
        assert [
            (i.id, i.owner, i.from_meeting_title) for i in open_action_items_before(s, ids[2])
        ] == [
            (open_1, "Max Öhler", "1. Vernetzungstreffen"),
            (open_2, "Fr. Kühn", "2. Vernetzungstreffen"),
        ]
        later_single = create_meeting(s, meeting_data(date(2026, 10, 6), title="Workshop 2"))
        assert [i.id for i in open_action_items_before(s, later_single)] == [
            open_1,
            from_single,
            open_2,
        ]
        item_id = add_review_item(s, ids[2], [open_1, open_2])
        again = add_review_item(s, ids[2], [open_2])
        agenda = get_meeting(s, ids[2]).data.agenda
        with pytest.raises(ValidationError):
            add_review_item(s, ids[2], [])
    assert again == item_id  # one Wiedervorlage TOP per meeting
    assert [a.title for a in agenda][-2:] == ["Wiedervorlage: offene Aufgaben", "Verschiedenes"]
    assert agenda[-2].description == "• Kita-Bedarf erheben – Fr. Kühn"


def test_wiedervorlage_text_lists_owner_and_due_date(db: Database) -> None:
    """Each chosen task is one line: "• text – owner – bis dd.mm.yyyy"."""
    ids = make_series(db)
    with db.session() as s:
        first = _task(
            s, ids[0], "Leerstände melden", owner_text="Hr. Öhler", due_date=date(2026, 4, 30)
        )
        second = _task(s, ids[0], "Flyer drucken")
        item_id = add_review_item(s, ids[1], [first, second])
        item = s.get(AgendaItem, item_id)
        assert item is not None
        assert (
            item.description == "• Leerstände melden – Hr. Öhler – bis 30.04.2026\n• Flyer drucken"
        )
