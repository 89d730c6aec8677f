"""What the generator remembers about the rows it wrote, so later steps can refer to them,
and the small formatting helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from ...domain import MeetingStatus
from ...domain.text import fold, transliterate
from ..clock import OFFICE_TZ


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=OFFICE_TZ)


def ascii_slug(text: str) -> str:
    """For e-mail addresses and domains: "Jürgen Groß-Yılmaz" → "juergen-gross-yilmaz"."""
    plain = fold(transliterate(text)).replace("ı", "i")
    chars = [c if c.isascii() and c.isalnum() else "-" for c in plain]
    return "-".join(part for part in "".join(chars).split("-") if part)


def gendered(forms: tuple[str, str], female: bool) -> str:
    return forms[1] if female else forms[0]


def german_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def full_name(title: str, first: str, last: str) -> str:
    return " ".join(p for p in (title, first, last) if p)


@dataclass(slots=True, eq=False)
class Town:
    name: str
    postal_code: str
    area_code: str

    @property
    def adjective(self) -> str:
        """ "Großwöllmen" → "Großwöllmener", "Lüttgerode" → "Lüttgeroder"."""
        base = self.name.split(" an der ")[0].replace(" (Rhön)", "")
        return base + ("r" if base.endswith("e") else "er")


@dataclass(slots=True, eq=False)
class Org:
    id: int
    name: str
    kind: str
    town: Town
    domain: str
    phone_base: str
    contacts: list[Contact] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Contact:
    id: int
    name: str  # "Dr. Jürgen Müller"
    female: bool
    organisation: Org | None
    role: str
    city: str
    tags: list[str]
    since: date | None = None  # start of the primary membership (people in an organisation)

    @property
    def organisation_text(self) -> str:
        if self.organisation:
            return self.organisation.name
        return f"{'Einwohnerin' if self.female else 'Einwohner'} {self.city}"


@dataclass(slots=True, eq=False)
class MeetingInfo:
    id: int
    title: str
    start: datetime
    end: datetime
    past: bool
    pool: list[Contact]  # whom the invitations are drawn from
    topics: list[str]
    series_id: int | None = None
    main: bool = False
    status: MeetingStatus = MeetingStatus.PLANNED
    previous: MeetingInfo | None = None
    next: MeetingInfo | None = None
    minute_taker: Contact | None = None
    present: list[Contact] = field(default_factory=list)
    excused: list[Contact] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Item:
    row: dict[str, Any]  # the agenda_item row; the minutes of a past meeting complete it
    presenter: Contact
    frame: bool  # a standard TOP (opening, approvals, closing)

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def title(self) -> str:
        return self.row["title"]
