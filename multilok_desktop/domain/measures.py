"""Measures (Handlungsansätze, Projektideen, Projekte), tool cards and their history."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .contacts import Organisation, Person
from .enums import TrafficLight, enum_column_type
from .taxonomy import (
    ActionField,
    MeasureKind,
    MeasureStatus,
    PendingTopic,
    ProjectType,
    SpatialLevel,
    Strategy,
    TargetGroup,
)

if TYPE_CHECKING:
    from .meetings import Meeting

measure_target_group = Table(
    "measure_target_group",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column("target_group_id", ForeignKey("target_group.id", ondelete="CASCADE"), primary_key=True),
)

measure_action_field = Table(
    "measure_action_field",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column("action_field_id", ForeignKey("action_field.id", ondelete="CASCADE"), primary_key=True),
)

measure_meeting = Table(
    "measure_meeting",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
)

measure_pending_topic = Table(
    "measure_pending_topic",
    Base.metadata,
    Column("measure_id", ForeignKey("measure.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "pending_topic_id", ForeignKey("pending_topic.id", ondelete="CASCADE"), primary_key=True
    ),
)

tool_card_target_group = Table(
    "tool_card_target_group",
    Base.metadata,
    Column("tool_card_id", ForeignKey("tool_card.id", ondelete="CASCADE"), primary_key=True),
    Column("target_group_id", ForeignKey("target_group.id", ondelete="CASCADE"), primary_key=True),
)

tool_card_action_field = Table(
    "tool_card_action_field",
    Base.metadata,
    Column("tool_card_id", ForeignKey("tool_card.id", ondelete="CASCADE"), primary_key=True),
    Column("action_field_id", ForeignKey("action_field.id", ondelete="CASCADE"), primary_key=True),
)


class ToolCard(Base):
    """Planning card of the toolbox (e.g. "X 001 Regelmäßige regionale Vernetzungstreffen")."""

    __tablename__ = "tool_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(String(500), default="")  # Kurzbeschreibung
    description: Mapped[str] = mapped_column(Text, default="")  # the card's full text
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    strategy_id: Mapped[int | None] = mapped_column(ForeignKey("strategy.id", ondelete="SET NULL"))
    spatial_level_id: Mapped[int | None] = mapped_column(
        ForeignKey("spatial_level.id", ondelete="SET NULL")
    )
    project_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("project_type.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    strategy: Mapped[Strategy | None] = relationship()
    spatial_level: Mapped[SpatialLevel | None] = relationship()
    project_type: Mapped[ProjectType | None] = relationship()
    target_groups: Mapped[list[TargetGroup]] = relationship(secondary=tool_card_target_group)
    action_fields: Mapped[list[ActionField]] = relationship(secondary=tool_card_action_field)

    __mapper_args__ = {"version_id_col": version}


class Measure(Base):
    __tablename__ = "measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure_kind.id", ondelete="RESTRICT"), index=True
    )
    status_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure_status.id", ondelete="RESTRICT"), index=True
    )
    strategy_id: Mapped[int | None] = mapped_column(
        ForeignKey("strategy.id", ondelete="RESTRICT"), index=True
    )
    spatial_level_id: Mapped[int | None] = mapped_column(
        ForeignKey("spatial_level.id", ondelete="RESTRICT")
    )
    project_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("project_type.id", ondelete="RESTRICT")
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure.id", ondelete="SET NULL"), index=True
    )
    tool_card_id: Mapped[int | None] = mapped_column(
        ForeignKey("tool_card.id", ondelete="SET NULL")
    )
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    responsible_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    origin_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    priority: Mapped[int] = mapped_column(Integer, default=2)  # 1 hoch, 2 mittel, 3 niedrig
    progress: Mapped[int] = mapped_column(Integer, default=0)  # percent
    start_date: Mapped[date | None] = mapped_column(Date)
    target_date: Mapped[date | None] = mapped_column(Date)
    traffic_light: Mapped[TrafficLight] = mapped_column(
        enum_column_type(TrafficLight), default=TrafficLight.ON_TRACK
    )
    delay_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    kind: Mapped[MeasureKind | None] = relationship()
    status: Mapped[MeasureStatus | None] = relationship()
    strategy: Mapped[Strategy | None] = relationship()
    spatial_level: Mapped[SpatialLevel | None] = relationship()
    project_type: Mapped[ProjectType | None] = relationship()
    target_groups: Mapped[list[TargetGroup]] = relationship(secondary=measure_target_group)
    action_fields: Mapped[list[ActionField]] = relationship(secondary=measure_action_field)
    lead: Mapped[Organisation | None] = relationship()
    responsible: Mapped[Person | None] = relationship()
    partners: Mapped[list[MeasurePartner]] = relationship(cascade="all, delete-orphan")
    pending_topics: Mapped[list[PendingTopic]] = relationship(secondary=measure_pending_topic)
    tool_card: Mapped[ToolCard | None] = relationship()
    origin_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[origin_meeting_id])
    meetings: Mapped[list[Meeting]] = relationship(secondary=measure_meeting)  # related
    parent: Mapped[Measure | None] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list[Measure]] = relationship(back_populates="parent")
    history: Mapped[list[MeasureHistory]] = relationship(
        cascade="all, delete-orphan", order_by="MeasureHistory.changed_at"
    )

    __table_args__ = (CheckConstraint("progress BETWEEN 0 AND 100", name="progress_range"),)
    __mapper_args__ = {"version_id_col": version}


class MeasurePartner(Base):
    __tablename__ = "measure_partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(120), default="Projektpartner")

    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (UniqueConstraint("measure_id", "organisation_id", name="uq_measure_partner"),)


class MeasureHistory(Base):
    """One change of status, progress or responsibility, for the timeline."""

    __tablename__ = "measure_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(120), default="")
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")  # e.g. the reason for a delay


class SavedFilter(Base):
    """A named set of filter criteria of a list view (JSON), e.g. "Wohnen für Incomings"."""

    __tablename__ = "saved_filter"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(40))  # which view: "measures"
    name: Mapped[str] = mapped_column(String(120))
    criteria: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (UniqueConstraint("scope", "name", name="uq_saved_filter_name"),)
