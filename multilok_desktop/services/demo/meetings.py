"""The demo's calendar: meeting series with their past and future meetings, and one-off
events. What happened in each meeting is written by `minutes`."""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from dateutil.rrule import rrulestr

from ...domain import (
    AgendaTemplateItem,
    BacklogTopic,
    Department,
    InvitationMode,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    SeriesInvitee,
    Topic,
)
from ...domain.meetings import meeting_topic, series_department
from ..clock import OFFICE_TZ
from . import texts as T
from .contacts import AddressBook
from .context import Context
from .names import DISTRICT
from .records import Contact, MeetingInfo, at
from .texts import SeriesSpec


class Calendar:
    """Series and one-off meetings; after `build()` sorted by start."""

    def __init__(self, ctx: Context, book: AddressBook):
        self.ctx = ctx
        self.book = book
        self.plan = ctx.plan
        self.rng = ctx.rng
        self.today = ctx.today
        self.now = ctx.now
        self.chair = book.chair
        self.minute_takers = book.minute_takers
        self.meetings: list[MeetingInfo] = []  # by start, once built
        self.past_meetings: list[MeetingInfo] = []
        self.past_starts: list[datetime] = []
        self.backlog_rows: list[dict[str, Any]] = []  # of the main series

    def build(self) -> None:
        for topic in T.TOPICS:
            self.ctx.named(Topic, topic)
        self._series(T.MAIN_SERIES, self.plan.main_series, main=True)
        for spec, counts in zip(T.SECONDARY_SERIES, self.plan.secondary_series, strict=False):
            self._series(spec, counts)
        self._single_meetings()
        self.meetings.sort(key=lambda m: m.start)
        self.past_meetings = [m for m in self.meetings if m.past]
        self.past_starts = [m.start for m in self.past_meetings]

    def _occurrences(self, rule: str, hour: int, past: int, future: int) -> list[datetime]:
        """The last `past` occurrences before today and the first `future` ones from today."""
        start = datetime(self.today.year - 12, 1, 1, hour)
        until = datetime(self.today.year + 4, 12, 31)
        dates = rrulestr(rule, dtstart=start).between(start, until, inc=True)
        split = bisect_left([d.date() for d in dates], self.today)
        return [d.replace(tzinfo=OFFICE_TZ) for d in dates[max(0, split - past) : split + future]]

    def _pool(self, kinds: Sequence[str | None]) -> list[Contact]:
        """A stable circle of people who get invited, by the kind of their organisation."""
        organisers = [self.chair, *self.minute_takers]
        candidates = [
            c
            for c in self.book.contacts
            if (c.organisation.kind if c.organisation else None) in kinds and c not in organisers
        ]
        return self.rng.sample(candidates, min(len(candidates), self.plan.invitees[1] * 2))

    def _series(self, spec: SeriesSpec, counts: tuple[int, int], *, main: bool = False) -> None:
        rng = self.rng
        title, rule, meeting_title, hour, minutes, topics, kinds = spec
        starts = self._occurrences(rule, hour, *counts)
        if not starts:
            return
        pool = self._pool(kinds)
        series_id = self.ctx.add(
            MeetingSeries,
            title=title,
            recurrence=rule,
            first_start=starts[0],
            default_location=T.LOCATIONS[0],
            default_duration_minutes=minutes,
            description=f"Treffenreihe der Koordinationsstelle Multilokalität im {DISTRICT}.",
        )["id"]
        self._series_frame(series_id, pool, main)
        infos: list[MeetingInfo] = []
        for n, start in enumerate(starts, 1):
            info = MeetingInfo(
                id=0,
                title=meeting_title.format(n=n),
                start=start,
                end=start + timedelta(minutes=minutes),
                past=start.date() < self.today,
                pool=pool,
                topics=rng.sample(topics, min(len(topics), rng.randint(1, 2))),
                series_id=series_id,
                main=main,
            )
            if infos:
                info.previous, infos[-1].next = infos[-1], info
            infos.append(info)
        past = [i for i in infos if i.past]
        future = [i for i in infos if not i.past]
        for info in past:
            info.status = MeetingStatus.MINUTED if info is past[-1] else MeetingStatus.CLOSED
        for info in future:
            info.status = MeetingStatus.INVITED if info is future[0] else MeetingStatus.PLANNED
        for info in infos:
            self._add_meeting(info, moved=main and len(past) > 3 and info is past[-3])

    def _series_frame(self, series_id: int, pool: list[Contact], main: bool) -> None:
        """Departments, standard agenda, default invitees and (main series) backlog."""
        departments = T.MAIN_DEPARTMENTS if main else T.MAIN_DEPARTMENTS[:1]
        for name in departments:
            if (department_id := self.ctx.tax(Department, name)) is not None:
                self.ctx.link(series_department, series_id=series_id, department_id=department_id)
        for position, (title, minutes) in enumerate(T.AGENDA_TEMPLATE, 1):
            self.ctx.add(
                AgendaTemplateItem,
                series_id=series_id,
                position=position,
                title=title,
                planned_minutes=minutes,
            )
        targets = [("person_id", c.id) for c in [self.chair, *self.minute_takers, *pool[:10]]]
        if main:
            targets += [("organisation_id", o.id) for o in self.book.orgs_by_kind["Kommune"]]
            targets += [("list_id", self.book.list_ids["Presseverteiler"])]
        for column, target_id in targets:
            self.ctx.add(
                SeriesInvitee,
                **{"series_id": series_id, "person_id": None, "organisation_id": None}
                | {"list_id": None, column: target_id},
                mode=InvitationMode.INFORMED if column == "list_id" else InvitationMode.INVITED,
                receives_protocol=column != "list_id",
            )
        for title, proposed_by in T.BACKLOG if main else []:
            row = self.ctx.add(
                BacklogTopic,
                series_id=series_id,
                title=title,
                description="",
                proposed_by=proposed_by,
                created_at=self.ctx.past_moment(self.now - timedelta(days=120)),
                agenda_item_id=None,
            )
            self.backlog_rows.append(row)

    def _single_meetings(self) -> None:
        """Workshops and other one-off events, outside any series."""
        rng = self.rng
        past, future = self.plan.single_meetings
        pool = self._pool([*self.plan.organisations, None])
        for i in range(past + future):
            if i < past:
                day = self.today - timedelta(days=rng.randint(60, 1400))
            else:
                day = self.today + timedelta(days=rng.randint(20, 200))
            day += timedelta(days=(1 - day.weekday()) % 7 + rng.randint(0, 2))  # Tue to Thu
            start = at(day, rng.choice([10, 14, 17]))
            title = T.SINGLE_MEETINGS[i % len(T.SINGLE_MEETINGS)]
            info = MeetingInfo(
                id=0,
                title=title.format(town=rng.choice(self.book.towns).name),
                start=start,
                end=start + timedelta(minutes=rng.choice([120, 180, 240])),
                past=day < self.today,
                pool=pool,
                topics=[rng.choice(list(T.TOPICS))],
                status=MeetingStatus.CLOSED if day < self.today else MeetingStatus.PLANNED,
            )
            self._add_meeting(info, moved=False)

    def _add_meeting(self, info: MeetingInfo, *, moved: bool) -> None:
        rng = self.rng
        occurrence = info.start if info.series_id else None
        if moved:  # a clash: this one took place a week later than the rule says
            info.start += timedelta(days=7)
            info.end += timedelta(days=7)
        location = T.LOCATIONS[0]
        if rng.random() < 0.4:
            location = rng.choice(T.LOCATIONS[1:]).format(town=rng.choice(self.book.towns).name)
        info.id = self.ctx.add(
            Meeting,
            series_id=info.series_id,
            occurrence_start=occurrence,
            title=info.title,
            start=info.start,
            end=info.end,
            location=location,
            status=info.status,
            notes="Wegen einer Terminüberschneidung um eine Woche verschoben." if moved else "",
            ical_uid=f"{uuid.UUID(int=rng.getrandbits(128), version=4)}@multilok-desktop",
            ical_sequence=1 if moved else 0,
            created_at=min(info.start - timedelta(days=60), self.now),
            updated_at=min(info.end + timedelta(days=3), self.now),
        )["id"]
        for topic in info.topics:
            self.ctx.link(meeting_topic, meeting_id=info.id, topic_id=self.ctx.named(Topic, topic))
        self.meetings.append(info)
