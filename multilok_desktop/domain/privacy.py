"""Personal data under the DSGVO: legal basis, consent records, review dates.

The legal basis, the source of the data and the review dates per data category are
columns of `Person` (so a merge keeps one set and an erasure removes them with the row);
the consent history is its own table, one row per event (given or withdrawn), never
edited: a withdrawal is a new row.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow
from .enums import enum_column_type


class LegalBasis(StrEnum):
    """Why the office may keep a person's data (Art. 6 Abs. 1 DSGVO)."""

    PUBLIC_TASK = "öffentliche Aufgabe"  # lit. e
    CONSENT = "Einwilligung"  # lit. a


LEGAL_BASIS_LABELS = {
    LegalBasis.PUBLIC_TASK: "öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)",
    LegalBasis.CONSENT: "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)",
}


class ConsentStatus(StrEnum):
    GIVEN = "erteilt"
    WITHDRAWN = "widerrufen"


class ConsentMethod(StrEnum):
    """How the consent (or its withdrawal) reached the office."""

    WRITTEN = "schriftlich"
    EMAIL = "E-Mail"
    ORAL = "mündlich"
    FORM = "Formular"


class DataCategory(StrEnum):
    """Data categories with their own review (erasure) date, columns of `Person`."""

    CONTACT = "Kontaktdaten"  # name, address, phone, e-mail, memberships
    PARTICIPATION = "Teilnahmen"  # invitations, attendance, action items


class ConsentRecord(Base):
    """One consent event of a person: given or withdrawn, when, how, for what, which text."""

    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[ConsentStatus] = mapped_column(enum_column_type(ConsentStatus))
    recorded_on: Mapped[date] = mapped_column(Date)  # the day it was given or withdrawn
    method: Mapped[ConsentMethod | None] = mapped_column(enum_column_type(ConsentMethod))
    purpose: Mapped[str] = mapped_column(String(300), default="")
    text_version: Mapped[str] = mapped_column(String(120), default="")  # "Einwilligung v2 (2025)"
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
