"""The demo's measures: tool cards of the planning toolbox, measures and sub-measures with
their partners and the meetings that discussed them, and how their status came about."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from ...domain import (
    ActionField,
    ActionItem,
    Measure,
    MeasureHistory,
    MeasureKind,
    MeasurePartner,
    MeasureStatus,
    MeetingStatus,
    PendingTopic,
    ProjectType,
    SpatialLevel,
    Strategy,
    TargetGroup,
    ToolCard,
    TrafficLight,
)
from ...domain.measures import (
    measure_action_field,
    measure_meeting,
    measure_pending_topic,
    measure_target_group,
    tool_card_action_field,
    tool_card_target_group,
)
from ..clock import OFFICE_TZ
from . import texts as T
from .contacts import AddressBook
from .context import Context
from .meetings import Calendar
from .minutes import add_action_item
from .records import MeetingInfo, Org, Town
from .texts import ToolCardSpec

# How a measure got to its status, and how often each status occurs.
_STATUS_PATHS = {
    "Idee": ["Idee"],
    "in Prüfung": ["Idee", "in Prüfung"],
    "geplant": ["Idee", "in Prüfung", "geplant"],
    "in Umsetzung": ["Idee", "in Prüfung", "geplant", "in Umsetzung"],
    "umgesetzt": ["Idee", "in Prüfung", "geplant", "in Umsetzung", "umgesetzt"],
    "zurückgestellt": ["Idee", "in Prüfung", "zurückgestellt"],
    "verworfen": ["Idee", "in Prüfung", "verworfen"],
}
_STATUS_WEIGHTS = [20, 15, 15, 25, 12, 8, 5]

# A status change: (old status, new status, when, in which meeting).
Change = tuple[str, str, datetime, MeetingInfo | None]


class Measures:
    """Tool cards and measures; they refer to the past meetings that decided them."""

    def __init__(self, ctx: Context, book: AddressBook, calendar: Calendar):
        self.ctx = ctx
        self.book = book
        self.plan = ctx.plan
        self.rng = ctx.rng
        self.today = ctx.today
        self.now = ctx.now
        self.chair = book.chair
        self.minute_takers = book.minute_takers
        self.past_meetings = calendar.past_meetings
        self.past_starts = calendar.past_starts
        self.main_past = [m for m in calendar.past_meetings if m.main]
        self.measure_actions = 0
        self.pending_topics: dict[str, int] = {
            name: id_
            for name, id_ in ctx.session.execute(select(PendingTopic.name, PendingTopic.id))
        }
        self.overdue_actions = 0
        self.sub_steps: dict[int, list[str]] = {}  # parent id → steps not used yet

    def build(self) -> None:
        rng = self.rng
        cards = {card.code: card for card in T.TOOL_CARDS}
        card_ids = {code: self._tool_card(card) for code, card in cards.items()}
        total = self.plan.measures
        top_level = total - total // 8
        statuses = list(_STATUS_PATHS)
        first_statuses = ["in Umsetzung", *(s for s in statuses if s != "in Umsetzung")]
        parents: list[dict[str, Any]] = []
        for i, (title, code, action_field, town) in enumerate(self._measure_titles(top_level)):
            # The first ones cover every status, then they follow the weights.
            if i < len(first_statuses):
                status = first_statuses[i]
            else:
                status = rng.choices(statuses, _STATUS_WEIGHTS)[0]
            row = self._add_measure(
                title,
                status,
                card=cards.get(code or ""),
                card_id=card_ids.get(code or ""),
                action_field=action_field,
                lead=self._measure_lead(town, regional_first=i == 0),
                origin=rng.choice(self.past_meetings) if self.past_meetings else None,
                spatial="lokal" if town else "regional",
            )
            if status in ("geplant", "in Umsetzung", "umgesetzt"):
                parents.append(row)
        for _ in range(total - top_level if parents else 0):
            parent = rng.choice(parents)
            choices = T.SUB_MEASURE_STATUS.get(parent["_status"], ["geplant"])
            steps = self.sub_steps.setdefault(parent["id"], list(T.SUB_MEASURE_STEPS))
            step = steps.pop(rng.randrange(len(steps))) if steps else "Weitere Schritte"
            self._add_measure(
                f"{parent['title']}: {step}",
                rng.choice(choices),
                card=None,
                card_id=parent["tool_card_id"],
                action_field=parent["_field"],
                lead=parent["_lead"],
                origin=parent["_origin"],
                spatial="lokal",
                parent=parent,
            )
        for row in self.ctx.rows[Measure]:
            for key in [k for k in row if k.startswith("_")]:
                del row[key]

    def _tool_card(self, card: ToolCardSpec) -> int:
        code, title, strategy, spatial, project_type, groups, fields = card
        before = len(self.ctx.rows[ToolCard])
        card_id = self.ctx.named(
            ToolCard,
            code,
            key="code",
            title=title,
            description=f"Planungskarte der Toolbox: {title}.",
            strategy_id=self.ctx.tax(Strategy, strategy),
            spatial_level_id=self.ctx.tax(SpatialLevel, spatial),
            project_type_id=self.ctx.tax(ProjectType, project_type),
        )
        if len(self.ctx.rows[ToolCard]) > before:  # new, not the user's own card with this code
            for name in groups:
                if (group_id := self.ctx.tax(TargetGroup, name)) is not None:
                    self.ctx.link(
                        tool_card_target_group, tool_card_id=card_id, target_group_id=group_id
                    )
            for name in fields:
                if (field_id := self.ctx.tax(ActionField, name)) is not None:
                    self.ctx.link(
                        tool_card_action_field, tool_card_id=card_id, action_field_id=field_id
                    )
        return card_id

    def _measure_titles(self, count: int) -> Iterator[tuple[str, str | None, str, Town | None]]:
        """(title, tool card code, action field, town): regional ones and one per town."""
        local = [
            (t, code, af, town) for t, code, af in T.MEASURE_TEMPLATES for town in self.book.towns
        ]
        self.rng.shuffle(local)
        regional = [(t, code, af, None) for t, code, af in T.REGIONAL_MEASURES]
        pool = regional[:2] + local[: max(0, count - len(regional))] + regional[2:]
        for phase in itertools.count(1):
            for title, code, action_field, town in pool:
                if count == 0:
                    return
                count -= 1
                text = title.format(town=town.name) if town else title
                yield (text if phase == 1 else f"{text} ({phase}. Phase)"), code, action_field, town

    def _measure_lead(self, town: Town | None, *, regional_first: bool = False) -> Org:
        """The town's administration or a local actor; for regional ones the district."""
        rng = self.rng
        if town is None:
            district = self.book.orgs_by_kind["Kreisverwaltung"][0]
            if regional_first or rng.random() < 0.5:
                return district
            return rng.choice(
                self.book.orgs_by_kind["Verband"] + self.book.orgs_by_kind["Sonstige"]
            )
        local = [o for o in self.book.orgs_by_town[town.name] if o.kind != "Kreisverwaltung"]
        municipal = [o for o in local if o.kind == "Kommune"]
        if municipal and (rng.random() < 0.6 or len(local) == len(municipal)):
            return municipal[0]
        return rng.choice([o for o in local if o.kind != "Kommune"] or self.book.orgs)

    def _add_measure(
        self,
        title: str,
        status: str,
        *,
        card: ToolCardSpec | None,
        card_id: int | None,
        action_field: str,
        lead: Org,
        origin: MeetingInfo | None,
        spatial: str,
        parent: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        created = min(origin.end if origin else self.now - timedelta(days=400), self.now)
        timeline = self._timeline(status, created)
        start, target, progress = self._measure_dates(status, timeline)
        responsible = lead.contacts[0] if lead.contacts else self.chair
        if parent:
            strategy = parent["strategy_id"]
        else:
            strategy = self.ctx.tax(Strategy, card.strategy) if card else self.ctx.any_tax(Strategy)
        row = self.ctx.add(
            Measure,
            title=title,
            description=" ".join(rng.sample(T.MEASURE_DESCRIPTIONS, 2)),
            kind_id=self.ctx.tax(MeasureKind, "Projekt")
            if parent
            else self.ctx.any_tax(MeasureKind),
            status_id=self.ctx.tax(MeasureStatus, status),
            strategy_id=strategy,
            spatial_level_id=self.ctx.tax(SpatialLevel, card.spatial_level if card else spatial),
            project_type_id=self.ctx.tax(ProjectType, card.project_type)
            if card
            else self.ctx.any_tax(ProjectType),
            parent_id=parent["id"] if parent else None,
            tool_card_id=card_id,
            lead_organisation_id=lead.id,
            responsible_person_id=responsible.id,
            origin_meeting_id=origin.id if origin else None,
            priority=rng.choice([1, 2, 2, 3]),
            progress=progress,
            start_date=start,
            target_date=target,
            created_at=created,
            updated_at=created,
            # kept for sub-measures, removed before writing:
            _status=status,
            _field=action_field,
            _lead=lead,
            _origin=origin,
        )
        groups = card.target_groups if card else rng.sample(list(self.ctx.taxonomy[TargetGroup]), 2)
        for name in groups:
            if (group_id := self.ctx.tax(TargetGroup, name)) is not None:
                self.ctx.link(measure_target_group, measure_id=row["id"], target_group_id=group_id)
        for name in dict.fromkeys([action_field, *(card.action_fields if card else [])]):
            if (field_id := self.ctx.tax(ActionField, name)) is not None:
                self.ctx.link(measure_action_field, measure_id=row["id"], action_field_id=field_id)
        self._pending_topics(row, action_field)
        self._traffic_light(row, status, target, timeline)
        self._measure_links(row, lead, origin)
        self._measure_history(row, timeline, progress, lead)
        return row

    def _pending_topics(self, row: dict[str, Any], action_field: str) -> None:
        """Now and then the "sowieso anstehende" topics the measure touches."""
        rng = self.rng
        if rng.random() > 0.55:
            return
        names = list(T.PENDING_TOPICS_BY_FIELD.get(action_field, []))
        if rng.random() < 0.25:
            names.append(rng.choice(list(self.pending_topics) or [""]))
        for name in dict.fromkeys(rng.sample(names, min(len(names), 2))):
            if (topic_id := self.pending_topics.get(name)) is not None:
                self.ctx.link(
                    measure_pending_topic, measure_id=row["id"], pending_topic_id=topic_id
                )

    def _traffic_light(
        self, row: dict[str, Any], status: str, target: date | None, timeline: list[Change]
    ) -> None:
        """Most open measures are on track; some are delayed (more so when their target date
        has passed) or blocked, each with a reason and the change in the history."""
        rng = self.rng
        row["traffic_light"] = TrafficLight.ON_TRACK
        row["delay_reason"] = ""
        if status not in ("in Prüfung", "geplant", "in Umsetzung"):
            return
        chance = rng.random()
        overdue = target is not None and target < self.today
        if chance < 0.07:
            light, reason = TrafficLight.BLOCKED, rng.choice(T.BLOCK_REASONS)
        elif chance < (0.7 if overdue else 0.2):
            light, reason = TrafficLight.DELAYED, rng.choice(T.DELAY_REASONS)
        else:
            return
        row["traffic_light"], row["delay_reason"] = light, reason
        since = timeline[-1][2] if timeline else row["created_at"]
        later = self.past_meetings[bisect_left(self.past_starts, since) :]
        meeting = rng.choice(later) if later and rng.random() < 0.5 else None
        row["_light_change"] = (
            min(meeting.end, self.now) if meeting else self.ctx.past_moment(since),
            meeting,
            light,
            reason,
        )

    def _timeline(self, status: str, created: datetime) -> list[Change]:
        """The status changes that led here: (old, new, when, in which meeting)."""
        rng = self.rng
        later_meetings = self.past_meetings[bisect_left(self.past_starts, created) :]
        moments: list[tuple[datetime, MeetingInfo | None]] = []
        path = _STATUS_PATHS[status]
        for _ in path[1:]:
            if later_meetings and rng.random() < 0.65:  # decided in a meeting
                meeting = rng.choice(later_meetings)
                moments.append((min(meeting.end, self.now), meeting))
            else:
                moments.append((self.ctx.past_moment(created), None))
        moments.sort(key=lambda moment: moment[0])
        return [
            (old, new, when, meeting)
            for old, new, (when, meeting) in zip(path[:-1], path[1:], moments, strict=True)
        ]

    def _measure_dates(
        self, status: str, timeline: list[Change]
    ) -> tuple[date | None, date | None, int]:
        """(start, target, progress) that fit the status and its history."""
        rng, today = self.rng, self.today
        reached = {new: when.astimezone(OFFICE_TZ).date() for _, new, when, _ in timeline}
        later = today + timedelta(days=rng.randint(90, 720))
        if status == "Idee":
            return None, None, 0
        if status == "in Prüfung":
            return None, later, rng.choice([0, 5, 10])
        if status == "geplant":
            start = today + timedelta(days=rng.randint(20, 270))
            return start, start + timedelta(days=rng.randint(180, 720)), rng.choice([5, 10, 20])
        if status == "in Umsetzung":
            began = reached[status]
            overdue = rng.random() < 0.15
            target = today - timedelta(days=rng.randint(5, 90)) if overdue else later
            return began, max(target, began), rng.randrange(20, 95, 5)
        if status == "umgesetzt":
            return reached["in Umsetzung"], reached[status], 100
        if status == "zurückgestellt":
            return None, None, rng.choice([0, 0, 10, 20, 30])
        return None, None, 0

    def _measure_links(self, row: dict[str, Any], lead: Org, origin: MeetingInfo | None) -> None:
        """Partners, the meetings that discussed it, and now and then an action item."""
        rng = self.rng
        for partner in rng.sample(self.book.orgs, rng.choice([0, 1, 1, 2, 2, 3])):
            if partner is not lead:
                self.ctx.add(
                    MeasurePartner,
                    measure_id=row["id"],
                    organisation_id=partner.id,
                    role=rng.choice(T.PARTNER_ROLES),
                )
        if origin is None:
            return
        later = [m for m in self.main_past if m.start > origin.start]
        for meeting in [origin, *rng.sample(later, min(len(later), rng.randint(0, 2)))]:
            self._link_meeting(row, meeting)
        if row["_status"] not in ("in Prüfung", "geplant", "in Umsetzung"):
            return
        # Next steps since the origin or a later meeting: some done, some overdue.
        count = rng.choice([0, 1, 1, 2, 3]) if self.measure_actions else 2
        deciders = [origin, *later]
        owners = lead.contacts[:3] or [self.chair]
        for text in rng.sample(T.MEASURE_ACTION_TEXTS, count):
            self.measure_actions += 1
            meeting = rng.choice(deciders)
            add_action_item(
                self.ctx,
                text,
                owner=rng.choice(owners),
                due=max(
                    meeting.end.astimezone(OFFICE_TZ).date() + timedelta(days=14),
                    self.today + timedelta(days=rng.randint(-75, 150)),
                ),
                created=meeting.end,
                # Most are agreed with the lead between meetings, some in a meeting whose
                # protocol is closed (the draft protocol keeps the tasks of its minutes).
                meeting_id=meeting.id
                if meeting.status is MeetingStatus.CLOSED and rng.random() < 0.3
                else None,
                measure_id=row["id"],
            )
            action = self.ctx.rows[ActionItem][-1]
            if action["due_date"] < self.today and self.overdue_actions < 2:
                action.update(done=False, done_at=None)  # a few are overdue in any demo
            if action["due_date"] < self.today and not action["done"]:
                self.overdue_actions += 1

    def _link_meeting(self, row: dict[str, Any], meeting: MeetingInfo) -> None:
        """A related meeting of the measure (once)."""
        linked = row.setdefault("_meetings", set())
        if meeting.id not in linked:
            linked.add(meeting.id)
            self.ctx.link(measure_meeting, measure_id=row["id"], meeting_id=meeting.id)

    def _measure_history(
        self, row: dict[str, Any], timeline: list[Change], progress: int, lead: Org
    ) -> None:
        """Status moves (many decided in meetings), progress in steps, now and then a new
        person responsible and the traffic light, each with its author."""
        rng = self.rng
        authors = [self.chair, *self.minute_takers]
        changes: list[tuple[str, str, str, datetime, MeetingInfo | None, str]] = [
            ("status", old, new, when, meeting, "") for old, new, when, meeting in timeline
        ]
        if 0 < progress < 100 and timeline:
            steps = sorted(
                rng.sample(range(5, progress, 5), min(rng.randint(0, 2), progress // 5 - 1))
            )
            values = ["0", *(str(v) for v in steps), str(progress)]
            moments = sorted(self.ctx.past_moment(timeline[-1][2]) for _ in values[1:])
            moments[0] = timeline[-1][2]
            for old, new, when in zip(values, values[1:], moments, strict=False):
                changes.append(("progress", old, new, when, None, ""))
        contacts = lead.contacts
        if len(contacts) > 1 and timeline and rng.random() < 0.15:
            when = self.ctx.past_moment(timeline[0][2])
            changes.append(("responsible", contacts[1].name, contacts[0].name, when, None, ""))
        if "_light_change" in row:
            when, meeting, light, reason = row.pop("_light_change")
            changes.append(
                ("traffic_light", TrafficLight.ON_TRACK.value, light.value, when, meeting, reason)
            )
        for field_name, old, new, when, meeting, note in sorted(changes, key=lambda c: c[3]):
            self.ctx.add(
                MeasureHistory,
                measure_id=row["id"],
                changed_at=when,
                author=rng.choice(authors).name if meeting is None else self.chair.name,
                field=field_name,
                old_value=old,
                new_value=new,
                meeting_id=meeting.id if meeting else None,
                note=note,
            )
            if meeting is not None:
                self._link_meeting(row, meeting)
            row["updated_at"] = max(row["updated_at"], when)
