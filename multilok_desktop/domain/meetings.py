"""Meeting series, meetings, agenda, invitations, attendance, protocols and their results."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .contacts import Organisation, Person
from .enums import (
    AttendanceStatus,
    InvitationMode,
    MeetingStatus,
    OutcomeKind,
    ProtocolStatus,
    Response,
    enum_column_type,
)
from .taxonomy import Department

series_department = Table(
    "series_department",
    Base.metadata,
    Column("series_id", ForeignKey("meeting_series.id", ondelete="CASCADE"), primary_key=True),
    Column("department_id", ForeignKey("department.id", ondelete="CASCADE"), primary_key=True),
)

meeting_topic = Table(
    "meeting_topic",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True),
)


class MeetingSeries(Base):
    """Treffenreihe with its rhythm as an RFC 5545 RRULE."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    recurrence: Mapped[str] = mapped_column(
        Text, default=""
    )  # e.g. FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU
    first_start: Mapped[datetime | None] = mapped_column(UTCDateTime)  # DTSTART of the rule
    default_location: Mapped[str] = mapped_column(String(300), default="")
    default_duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    description: Mapped[str] = mapped_column(Text, default="")

    departments: Mapped[list[Department]] = relationship(secondary=series_department)
    meetings: Mapped[list[Meeting]] = relationship(back_populates="series")
    invitees: Mapped[list[SeriesInvitee]] = relationship(cascade="all, delete-orphan")
    agenda_template: Mapped[list[AgendaTemplateItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaTemplateItem.position"
    )
    backlog: Mapped[list[BacklogTopic]] = relationship(cascade="all, delete-orphan")


class SeriesInvitee(Base):
    """Default invitee of a series: a person, an organisation or a distribution list."""

    __tablename__ = "series_invitee"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE")
    )
    list_id: Mapped[int | None] = mapped_column(
        ForeignKey("distribution_list.id", ondelete="CASCADE")
    )
    mode: Mapped[InvitationMode] = mapped_column(
        enum_column_type(InvitationMode), default=InvitationMode.INVITED
    )
    receives_protocol: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        CheckConstraint(
            # CASE, not boolean arithmetic: portable to PostgreSQL
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN list_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )


class AgendaTemplateItem(Base):
    """Standard TOP a new meeting of the series starts from."""

    __tablename__ = "agenda_template_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)


class BacklogTopic(Base):
    """An idea for a future agenda, collected between meetings."""

    __tablename__ = "backlog_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    proposed_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )  # set once moved into a meeting's agenda


class Topic(Base):
    """Schwerpunktthema; reused across meetings."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    # The occurrence of the series rule this meeting stands for (RECURRENCE-ID), kept when moved.
    occurrence_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(String(300))
    start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column_type(MeetingStatus), default=MeetingStatus.PLANNED
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    ical_uid: Mapped[str] = mapped_column(String(200), default="")
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    series: Mapped[MeetingSeries | None] = relationship(back_populates="meetings")
    topics: Mapped[list[Topic]] = relationship(secondary=meeting_topic, order_by=Topic.name)
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    protocol: Mapped[Protocol | None] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", foreign_keys="Protocol.meeting_id"
    )

    __table_args__ = (CheckConstraint('"end" >= start', name="end_after_start"),)
    __mapper_args__ = {"version_id_col": version}


class AgendaItem(Base):
    """TOP: numbered agenda item; notes are the minutes taken for it."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(10), default="")  # "3", "6a"
    title: Mapped[str] = mapped_column(String(300))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    presenter_text: Mapped[str] = mapped_column(String(200), default="")
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    description: Mapped[str] = mapped_column(Text, default="")
    non_public: Mapped[bool] = mapped_column(Boolean, default=False)
    notes_html: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unplanned: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)  # "TOP 4 wurde abgesetzt"

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    presenter: Mapped[Person | None] = relationship()
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="Outcome.position"
    )


class Invitation(Base):
    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    mode: Mapped[InvitationMode] = mapped_column(
        enum_column_type(InvitationMode), default=InvitationMode.INVITED
    )
    response: Mapped[Response] = mapped_column(enum_column_type(Response), default=Response.INVITED)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    receives_protocol: Mapped[bool] = mapped_column(Boolean, default=True)

    meeting: Mapped[Meeting] = relationship(back_populates="invitations")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class Attendance(Base):
    """Who was there; name_text keeps protocols readable if the person is erased."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    name_text: Mapped[str] = mapped_column(String(200), default="")
    organisation_text: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column_type(AttendanceStatus), default=AttendanceStatus.PRESENT
    )
    from_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    until_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person | None] = relationship()


class Protocol(Base):
    __tablename__ = "protocol"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[ProtocolStatus] = mapped_column(
        enum_column_type(ProtocolStatus), default=ProtocolStatus.DRAFT
    )
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    chair_text: Mapped[str] = mapped_column(String(200), default="")
    minute_taker_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    minute_taker_text: Mapped[str] = mapped_column(String(200), default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    # Objections raised in the next meeting, kept as a correction note on this protocol.
    objections: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    meeting: Mapped[Meeting] = relationship(back_populates="protocol", foreign_keys=[meeting_id])
    revisions: Mapped[list[ProtocolRevision]] = relationship(
        cascade="all, delete-orphan", order_by="ProtocolRevision.revision"
    )

    __mapper_args__ = {"version_id_col": version}


class ProtocolRevision(Base):
    """A frozen earlier revision of an approved protocol, kept when it is corrected."""

    __tablename__ = "protocol_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol_id: Mapped[int] = mapped_column(ForeignKey("protocol.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    snapshot_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (UniqueConstraint("protocol_id", "revision", name="uq_protocol_revision"),)


class Outcome(Base):
    """Ergebnis of a TOP: Information, Vereinbarung or Beschluss (with vote where voted)."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[OutcomeKind] = mapped_column(enum_column_type(OutcomeKind))
    text: Mapped[str] = mapped_column(Text)
    votes_yes: Mapped[int | None] = mapped_column(Integer)
    votes_no: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    # The measure this result started or moved on (Sitzungsmodus: "→ Maßnahme").
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure.id", ondelete="SET NULL"), index=True
    )

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="outcomes")


class ActionItem(Base):
    """Aufgabe / Wiedervorlage, from a meeting, on a measure, or both."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    owner_text: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[Person | None] = relationship()


class Attachment(Base):
    """Anlage to a protocol; the file itself is stored so backups carry it."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)  # order of the Anlage numbers
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded when read
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TextBlock(Base):
    """Textbaustein: a reusable sentence for the minutes ("Einstimmig beschlossen.")."""

    __tablename__ = "text_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120), unique=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
