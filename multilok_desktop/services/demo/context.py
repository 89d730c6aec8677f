"""What every step of the demo generator shares: the session, the random source, today, and
the rows collected so far with the ids given to them.

All rows are collected as plain dicts with ids assigned here and written with one bulk
INSERT per table, so even the large database takes seconds. Bulk inserts bypass the ORM
flush hook, so the address-book index is rebuilt once at the end.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from ...domain import (
    ActionField,
    ActionItem,
    AgendaItem,
    AgendaTemplateItem,
    Attendance,
    BacklogTopic,
    ConsentRecord,
    Department,
    DistributionList,
    DistributionListMember,
    Invitation,
    Measure,
    MeasureHistory,
    MeasureKind,
    MeasurePartner,
    MeasureStatus,
    Meeting,
    MeetingSeries,
    Membership,
    Organisation,
    OrganisationKind,
    Outcome,
    Person,
    ProjectType,
    Protocol,
    SeriesInvitee,
    SpatialLevel,
    Strategy,
    Tag,
    TargetGroup,
    ToolCard,
    Topic,
)
from ...domain.contacts import organisation_tag, person_tag
from ...domain.measures import (
    measure_action_field,
    measure_meeting,
    measure_pending_topic,
    measure_target_group,
    tool_card_action_field,
    tool_card_target_group,
)
from ...domain.meetings import meeting_topic, series_department
from ...storage import search_index
from ..clock import OFFICE_TZ
from .plans import Plan
from .records import at

# Tables in the order they are written, so every foreign key points to a row already there.
INSERT_ORDER: tuple[Any, ...] = (
    Tag, Organisation, organisation_tag, Person, person_tag, Membership, DistributionList,
    DistributionListMember, Topic, ToolCard, tool_card_target_group, tool_card_action_field,
    MeetingSeries, series_department, AgendaTemplateItem, SeriesInvitee, Meeting,
    meeting_topic, AgendaItem, BacklogTopic, Invitation, Attendance, Protocol, Outcome,
    Measure, measure_target_group, measure_action_field, measure_meeting,
    measure_pending_topic, MeasurePartner, MeasureHistory, ActionItem, ConsentRecord,
)  # fmt: skip

# Looked up by name; the user may have renamed or removed values.
TAXONOMIES: tuple[Any, ...] = (
    OrganisationKind, Department, Strategy, TargetGroup, SpatialLevel, ProjectType,
    ActionField, MeasureKind, MeasureStatus,
)  # fmt: skip


class Context:
    """The state all steps share; the rows are written only at the end (`write`)."""

    def __init__(self, session: Session, plan: Plan, rng: random.Random, today: date):
        self.session = session
        self.plan = plan
        self.rng = rng
        self.today = today
        self.now = at(today, 0) - timedelta(hours=1)  # everything "done" lies before this
        self.rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self.ids = {
            model: itertools.count((session.scalar(select(func.max(model.id))) or 0) + 1)
            for model in INSERT_ORDER
            if not isinstance(model, Table)
        }
        self.taxonomy: dict[Any, dict[str, int]] = {  # model → name → id
            model: dict(
                session.execute(
                    select(model.name, model.id).order_by(model.position, model.id)
                ).all()
            )
            for model in TAXONOMIES
        }
        self.unique_names: dict[str, dict[str, int]] = {}  # table → unique name → id

    def add(self, model: Any, **values: Any) -> dict[str, Any]:
        """A new row with the next free id; returned so later steps can complete it."""
        values["id"] = next(self.ids[model])
        self.rows[model].append(values)
        return values

    def link(self, table: Table, **values: int) -> None:
        self.rows[table].append(values)

    def named(self, model: Any, name: str, key: str = "name", **extra: Any) -> int:
        """Id of the row with this unique name, created if missing (tags, topics, lists …)."""
        cache = self.unique_names.get(model.__tablename__)
        if cache is None:
            cache = dict(self.session.execute(select(getattr(model, key), model.id)).all())
            self.unique_names[model.__tablename__] = cache
        if name not in cache:
            cache[name] = self.add(model, **{key: name}, **extra)["id"]
        return cache[name]

    def tax(self, model: Any, name: str | None) -> int | None:
        """A taxonomy value by name; None where the user renamed or removed it."""
        return self.taxonomy[model].get(name) if name else None

    def any_tax(self, model: Any) -> int | None:
        values = list(self.taxonomy[model].values())
        return self.rng.choice(values) if values else None

    def past_moment(self, earliest: datetime) -> datetime:
        """A random moment in office hours between `earliest` and now."""
        rng = self.rng
        first = earliest.astimezone(OFFICE_TZ).date()
        day = first + timedelta(days=rng.randint(0, max(0, (self.now.date() - first).days)))
        moment = at(day, rng.randint(7, 17), rng.randint(0, 59))
        return min(max(moment, earliest), self.now)

    def write(self) -> None:
        """One bulk INSERT per table, then the sequences and the address-book index."""
        for target in INSERT_ORDER:
            if self.rows[target]:
                self.session.execute(insert(target), self.rows[target])
        self._advance_sequences()
        search_index.rebuild(self.session.connection())

    def _advance_sequences(self) -> None:
        """On a PostgreSQL server the ids given here must not come back from its sequences."""
        if self.session.connection().dialect.name != "postgresql":
            return
        for model in self.ids:
            if self.rows[model]:
                table = model.__tablename__
                self.session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f'(SELECT max(id) FROM "{table}"))'
                    )
                )
