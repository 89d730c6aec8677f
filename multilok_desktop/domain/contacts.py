"""The address book of actors: organisations, people, their memberships, distribution lists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .enums import enum_column_type
from .privacy import LegalBasis
from .taxonomy import Department, OrganisationKind


class Tag(Base):
    """Free keyword on organisations and people ("Pendlerbörse", "Presse" …)."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


organisation_tag = Table(
    "organisation_tag",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)

person_tag = Table(
    "person_tag",
    Base.metadata,
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_kind.id", ondelete="RESTRICT"), index=True
    )
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    kind: Mapped[OrganisationKind | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=organisation_tag, order_by=Tag.name)
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )

    # Optimistic locking: every UPDATE checks and bumps `version` (services/conflicts.py).
    __mapper_args__ = {"version_id_col": version}


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    salutation: Mapped[str] = mapped_column(String(20), default="")  # Frau, Herr, (leer)
    title: Mapped[str] = mapped_column(String(40), default="")  # Dr., Prof. …
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    function: Mapped[str] = mapped_column(String(120), default="")  # Amtsleiterin, Bürgermeister …
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    mobile: Mapped[str] = mapped_column(String(60), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # DSGVO (domain/privacy.py): legal basis, where the data came from, review dates.
    legal_basis: Mapped[LegalBasis | None] = mapped_column(enum_column_type(LegalBasis))
    data_source: Mapped[str] = mapped_column(String(300), default="")
    contact_review_on: Mapped[date | None] = mapped_column(Date, index=True)
    participation_review_on: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    tags: Mapped[list[Tag]] = relationship(secondary=person_tag, order_by=Tag.name)
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        order_by="(Membership.is_primary.desc(), Membership.id)",
    )

    __table_args__ = (Index("ix_person_name", "last_name", "first_name"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)


class Membership(Base):
    """A person's place in an organisation: role, department and period."""

    __tablename__ = "membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(120), default="")
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="RESTRICT"), index=True
    )
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    department: Mapped[Department | None] = relationship()

    __table_args__ = (
        CheckConstraint(
            "valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from",
            name="period",
        ),
    )


class DistributionList(Base):
    """Verteiler: a named group of people and organisations for invitations."""

    __tablename__ = "distribution_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[DistributionListMember]] = relationship(
        back_populates="distribution_list", cascade="all, delete-orphan"
    )


class DistributionListMember(Base):
    __tablename__ = "distribution_list_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("distribution_list.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )

    distribution_list: Mapped[DistributionList] = relationship(back_populates="members")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (
        CheckConstraint(
            "(person_id IS NULL) <> (organisation_id IS NULL)", name="person_xor_organisation"
        ),
        UniqueConstraint("list_id", "person_id", "organisation_id", name="uq_list_member"),
    )
