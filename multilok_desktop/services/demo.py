"""Realistic German demo data for the fictional Landkreis Talbach-Rhön (`multilok demo`).

`generate_demo()` fills an empty database with an address book, meeting series with past
and future meetings (agenda, invitations, attendance, minutes, results, action items,
protocols) and tracked measures. "small" is for trying the app out; "large" is the
benchmark database of DESIGN.md §6.

All rows are collected as plain dicts with ids assigned here and written with one bulk
INSERT per table, so even the large database takes seconds. Bulk inserts bypass the ORM
flush hook, so the address-book index is rebuilt once at the end. One `random.Random(seed)`
drives every choice: the same seed and `today` always give the same data.
"""

from __future__ import annotations

import html
import itertools
import random
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil.rrule import rrulestr
from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from ..domain import (
    ActionField,
    ActionItem,
    AgendaItem,
    AgendaTemplateItem,
    Attendance,
    AttendanceStatus,
    BacklogTopic,
    Department,
    DistributionList,
    DistributionListMember,
    Invitation,
    InvitationMode,
    Measure,
    MeasureHistory,
    MeasureKind,
    MeasurePartner,
    MeasureStatus,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Membership,
    Organisation,
    OrganisationKind,
    Outcome,
    OutcomeKind,
    Person,
    ProjectType,
    Protocol,
    ProtocolStatus,
    Response,
    SeriesInvitee,
    SpatialLevel,
    Strategy,
    Tag,
    TargetGroup,
    ToolCard,
    Topic,
)
from ..domain.contacts import organisation_tag, person_tag
from ..domain.measures import (
    measure_action_field,
    measure_meeting,
    measure_target_group,
    tool_card_action_field,
    tool_card_target_group,
)
from ..domain.meetings import meeting_topic, series_department
from ..domain.text import fold, transliterate
from ..storage import search_index
from . import demo_names as N
from .clock import OFFICE_TZ

SIZES = ("small", "large")


@dataclass(frozen=True)
class DemoSummary:
    organisations: int
    people: int
    meetings: int
    agenda_items: int
    measures: int


@dataclass(frozen=True)
class _Plan:
    organisations: dict[str, int]  # per OrganisationKind name
    people: int
    department_heads: tuple[int, int]  # per municipality, besides the mayor
    main_series: tuple[int, int]  # meetings (past, future)
    secondary_series: tuple[tuple[int, int], ...]  # per N.SECONDARY_SERIES
    single_meetings: tuple[int, int]
    extra_agenda_items: tuple[int, int]  # TOPs besides the standard frame
    invitees: tuple[int, int]
    action_items: tuple[int, int]  # per past meeting
    measures: int


_PLANS = {
    "small": _Plan(
        organisations={
            "Kreisverwaltung": 1,
            "Kommune": 12,
            "Unternehmen": 14,
            "Wohnungswirtschaft": 6,
            "Verein": 10,
            "Verband": 6,
            "Investor": 4,
            "Lokale Bevölkerung": 3,
            "Sonstige": 4,
        },
        people=200,
        department_heads=(2, 4),
        main_series=(7, 2),
        secondary_series=(),
        single_meetings=(1, 0),
        extra_agenda_items=(2, 4),
        invitees=(16, 26),
        action_items=(2, 4),
        measures=25,
    ),
    "large": _Plan(
        organisations={
            "Kreisverwaltung": 1,
            "Kommune": 120,
            "Unternehmen": 2600,
            "Wohnungswirtschaft": 250,
            "Verein": 1300,
            "Verband": 300,
            "Investor": 200,
            "Lokale Bevölkerung": 100,
            "Sonstige": 129,
        },
        people=20_000,
        department_heads=(3, 8),
        main_series=(18, 2),
        secondary_series=((60, 6), (30, 3), (20, 2), (60, 6), (24, 2), (30, 3)),
        single_meetings=(30, 4),
        extra_agenda_items=(12, 19),
        invitees=(20, 50),
        action_items=(2, 5),
        measures=3000,
    ),
}

# Tables in the order they are written, so every foreign key points to a row already there.
_INSERT_ORDER: tuple[Any, ...] = (
    Tag, Organisation, organisation_tag, Person, person_tag, Membership, DistributionList,
    DistributionListMember, Topic, ToolCard, tool_card_target_group, tool_card_action_field,
    MeetingSeries, series_department, AgendaTemplateItem, SeriesInvitee, Meeting,
    meeting_topic, AgendaItem, BacklogTopic, Invitation, Attendance, Protocol, Outcome,
    Measure, measure_target_group, measure_action_field, measure_meeting, MeasurePartner,
    MeasureHistory, ActionItem,
)  # fmt: skip

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

# Replies to an invitation, with their weights: after the meeting and before it.
_PAST_RESPONSES = (
    [Response.ATTENDED, Response.EXCUSED, Response.DECLINED, Response.INVITED],
    [72, 14, 8, 6],
)
_FUTURE_RESPONSES = (
    [Response.ACCEPTED, Response.DECLINED, Response.EXCUSED, Response.INVITED],
    [45, 10, 5, 40],
)

Votes = tuple[int, int, int] | None


def generate_demo(
    session: Session, size: str = "small", *, seed: int = 7, today: date | None = None
) -> DemoSummary:
    """Fill an empty database with demo data; committing is left to the caller's session."""
    plan = _PLANS.get(size)
    if plan is None:
        raise ValueError(f"Unbekannte Größe „{size}“ – möglich sind: {', '.join(SIZES)}.")
    has_people = session.scalar(select(Person.id).limit(1)) is not None
    if has_people or session.scalar(select(Organisation.id).limit(1)) is not None:
        raise ValueError(
            "Die Datenbank enthält bereits Daten (Personen oder Organisationen); "
            "Demodaten lassen sich nur in eine leere Datenbank laden."
        )
    return _Generator(session, plan, random.Random(seed), today or date.today()).run()


# --- small helpers ----------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=OFFICE_TZ)


def _ascii(text: str) -> str:
    """For e-mail addresses and domains: "Jürgen Groß-Yılmaz" → "juergen-gross-yilmaz"."""
    plain = fold(transliterate(text)).replace("ı", "i")
    chars = [c if c.isascii() and c.isalnum() else "-" for c in plain]
    return "-".join(part for part in "".join(chars).split("-") if part)


def _gendered(forms: tuple[str, str], female: bool) -> str:
    return forms[1] if female else forms[0]


def _de(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _full_name(title: str, first: str, last: str) -> str:
    return " ".join(p for p in (title, first, last) if p)


@dataclass(slots=True, eq=False)
class _Town:
    name: str
    postal_code: str
    area_code: str

    @property
    def adjective(self) -> str:
        """ "Großwöllmen" → "Großwöllmener", "Lüttgerode" → "Lüttgeroder"."""
        base = self.name.split(" an der ")[0].replace(" (Rhön)", "")
        return base + ("r" if base.endswith("e") else "er")


@dataclass(slots=True, eq=False)
class _Org:
    id: int
    name: str
    kind: str
    town: _Town
    domain: str
    phone_base: str
    contacts: list[_Contact] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _Contact:
    id: int
    name: str  # "Dr. Jürgen Müller"
    female: bool
    organisation: _Org | None
    role: str
    city: str
    tags: list[str]
    since: date | None = None  # start of the primary membership

    @property
    def organisation_text(self) -> str:
        if self.organisation:
            return self.organisation.name
        return f"{'Einwohnerin' if self.female else 'Einwohner'} {self.city}"


@dataclass(slots=True, eq=False)
class _MeetingInfo:
    id: int
    title: str
    start: datetime
    end: datetime
    past: bool
    pool: list[_Contact]  # whom the invitations are drawn from
    topics: list[str]
    series_id: int | None = None
    main: bool = False
    status: MeetingStatus = MeetingStatus.PLANNED
    previous: _MeetingInfo | None = None
    next: _MeetingInfo | None = None
    minute_taker: _Contact | None = None
    present: list[_Contact] = field(default_factory=list)
    excused: list[_Contact] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _Item:
    row: dict[str, Any]  # the agenda_item row; the minutes of a past meeting complete it
    presenter: _Contact
    frame: bool  # a standard TOP (opening, approvals, closing)

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def title(self) -> str:
        return self.row["title"]


class _Generator:
    def __init__(self, session: Session, plan: _Plan, rng: random.Random, today: date):
        self.session = session
        self.plan = plan
        self.rng = rng
        self.today = today
        self.now = _at(today, 0) - timedelta(hours=1)  # everything "done" lies before this
        self.rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self.ids = {
            model: itertools.count((session.scalar(select(func.max(model.id))) or 0) + 1)
            for model in _INSERT_ORDER
            if not isinstance(model, Table)
        }
        self.taxonomy = {
            model: dict(
                session.execute(
                    select(model.name, model.id).order_by(model.position, model.id)
                ).all()
            )
            for model in (OrganisationKind, Department, Strategy, TargetGroup, SpatialLevel)
            + (ProjectType, ActionField, MeasureKind, MeasureStatus)
        }
        self.unique_names: dict[str, dict[str, int]] = {}  # table → unique name → id
        self.towns: list[_Town] = []
        self.orgs: list[_Org] = []
        self.orgs_by_kind: dict[str, list[_Org]] = defaultdict(list)
        self.orgs_by_town: dict[str, list[_Org]] = defaultdict(list)
        self.org_by_name: dict[str, _Org] = {}
        self.contacts: list[_Contact] = []
        self.list_ids: dict[str, int] = {}
        self.meetings: list[_MeetingInfo] = []
        self.past_meetings: list[_MeetingInfo] = []
        self.past_starts: list[datetime] = []
        self.backlog_rows: list[dict[str, Any]] = []
        self.measure_actions = 0
        # Set once the address book exists (see _meetings and _measures):
        self.chair: _Contact  # the head of the coordination office chairs every meeting
        self.minute_takers: list[_Contact] = []
        self.press: list[_Contact] = []
        self.presentable: list[_Org] = []  # organisations that may present themselves
        self.companies: list[_Org] = []
        self.town_hall: dict[str, _Org] = {}  # town → its municipality
        self.main_past: list[_MeetingInfo] = []

    def run(self) -> DemoSummary:
        self._organisations()
        self._people()
        self._distribution_lists()
        self._meetings()
        self._measures()
        for target in _INSERT_ORDER:
            if self.rows[target]:
                self.session.execute(insert(target), self.rows[target])
        self._advance_sequences()
        search_index.rebuild(self.session.connection())
        return DemoSummary(
            organisations=len(self.rows[Organisation]),
            people=len(self.rows[Person]),
            meetings=len(self.rows[Meeting]),
            agenda_items=len(self.rows[AgendaItem]),
            measures=len(self.rows[Measure]),
        )

    # --- generic ------------------------------------------------------------------------

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

    def _add(self, model: Any, **values: Any) -> dict[str, Any]:
        """A new row with the next free id; returned so later steps can complete it."""
        values["id"] = next(self.ids[model])
        self.rows[model].append(values)
        return values

    def _link(self, table: Table, **values: int) -> None:
        self.rows[table].append(values)

    def _named(self, model: Any, name: str, key: str = "name", **extra: Any) -> int:
        """Id of the row with this unique name, created if missing (tags, topics, lists …)."""
        cache = self.unique_names.get(model.__tablename__)
        if cache is None:
            cache = dict(self.session.execute(select(getattr(model, key), model.id)).all())
            self.unique_names[model.__tablename__] = cache
        if name not in cache:
            cache[name] = self._add(model, **{key: name}, **extra)["id"]
        return cache[name]

    def _tax(self, model: Any, name: str | None) -> int | None:
        """A taxonomy value by name; None where the user renamed or removed it."""
        return self.taxonomy[model].get(name) if name else None

    def _any_tax(self, model: Any) -> int | None:
        values = list(self.taxonomy[model].values())
        return self.rng.choice(values) if values else None

    def _past_moment(self, earliest: datetime) -> datetime:
        """A random moment in office hours between `earliest` and now."""
        rng = self.rng
        first = earliest.astimezone(OFFICE_TZ).date()
        day = first + timedelta(days=rng.randint(0, max(0, (self.now.date() - first).days)))
        moment = _at(day, rng.randint(7, 17), rng.randint(0, 59))
        return min(max(moment, earliest), self.now)

    # --- organisations ------------------------------------------------------------------

    def _organisations(self) -> None:
        counts = self.plan.organisations
        self.towns = self._make_towns(counts["Kommune"])
        self._add_organisation("Kreisverwaltung", self.towns[0], N.DISTRICT_OFFICE)
        for town in self.towns:
            label = (
                "Stadt" if town.name.startswith("Bad ") else self.rng.choice(N.MUNICIPALITY_TYPES)
            )
            self._add_organisation("Kommune", town, f"{label} {town.name}")
        fixed_names = {
            "Verband": N.FEDERATION_FIXED + [f"{g}-Innung {N.REGION}" for g in N.GUILDS],
            "Sonstige": N.OTHER_FIXED,
        }
        for kind, count in counts.items():
            if kind in ("Kreisverwaltung", "Kommune"):
                continue
            fixed = fixed_names.get(kind, [])
            for i in range(count):
                if i < len(fixed):  # regional institutions sit in the county town
                    self._add_organisation(kind, self.towns[0], fixed[i])
                    continue
                town = self.rng.choice(self.towns)
                name = self._organisation_name(kind, town)
                self._add_organisation(kind, town, name)

    def _make_towns(self, count: int) -> list[_Town]:
        rng = self.rng
        names = N.FIRST_TOWNS[:count]
        seen = set(names)
        while len(names) < count:
            prefix, stem = rng.choice(N.TOWN_PREFIXES), rng.choice(N.TOWN_STEMS)
            name = prefix + stem if prefix else stem.capitalize()
            form = rng.random()
            if form < 0.08 and not prefix:
                name = f"Bad {name}"
            elif form < 0.14:
                name = f"{name} an der Tälach"
            elif form < 0.2:
                name = f"{name} (Rhön)"
            if name not in seen:
                seen.add(name)
                names.append(name)
        codes = rng.sample(range(36400, 36480), 40) + rng.sample(range(97610, 97800), 150)
        codes = [N.COUNTY_TOWN_POSTAL_CODE] + [c for c in codes if c != N.COUNTY_TOWN_POSTAL_CODE]
        return [
            _Town(name, str(codes[i % len(codes)]), rng.choice(N.AREA_CODES))
            for i, name in enumerate(names)
        ]

    def _organisation_name(self, kind: str, town: _Town) -> str:
        for attempt in range(60):  # noqa: B007 (used after the loop)
            name = self._draw_organisation_name(kind, town)
            if name not in self.org_by_name:
                return name
            town = self.rng.choice(self.towns)
        return f"{name} ({attempt})"

    def _draw_organisation_name(self, kind: str, town: _Town) -> str:
        rng = self.rng
        values = {
            "town": town.name,
            "town_adj": town.adjective,
            "surname": rng.choice(N.GERMAN_LAST),
            "surname2": rng.choice(N.GERMAN_LAST),
            "acronym": rng.choice(N.COMPANY_ACRONYMS),
            "coop": rng.choice(N.COOPERATIVE_NAMES),
            "year": rng.randint(1862, 1996),
            "trade": rng.choice(N.TRADES),
            "legal": rng.choice(N.LEGAL_FORMS),
        }
        if kind == "Unternehmen":
            pattern = rng.choices(N.COMPANY_PATTERNS, weights=N.COMPANY_PATTERN_WEIGHTS)[0]
        else:
            pattern = rng.choice(N.NAME_PATTERNS.get(kind, N.OTHER_PATTERNS))
        return pattern.format(**values)

    def _add_organisation(self, kind: str, town: _Town, name: str) -> None:
        rng = self.rng
        if kind == "Kreisverwaltung":
            domain, street = N.DISTRICT_DOMAIN, "Schloßplatz 1"
        elif kind == "Kommune":
            domain, street = f"{_ascii(town.name)}.de", rng.choice(["Rathausplatz 1", "Markt 1"])
        else:
            words = [w for w in _ascii(name).split("-") if w not in N.LEGAL_WORDS]
            domain = "-".join(words[:3]) + ".de"
            street = f"{rng.choice(N.STREETS)} {rng.randint(1, 86)}"
        digits = 10 - len(town.area_code)
        phone_base = str(rng.randint(2 * 10 ** (digits - 1), 10**digits - 1))
        mailbox = N.MAILBOXES.get(kind, "info")
        has_website = kind != "Lokale Bevölkerung" or rng.random() < 0.3
        created = self._past_moment(self.now - timedelta(days=2000))
        row = self._add(
            Organisation,
            name=name,
            kind_id=self._tax(OrganisationKind, kind),
            street=street,
            postal_code=town.postal_code,
            city=town.name,
            phone=f"{town.area_code} {phone_base}-0",
            email=f"{mailbox}@{domain}",
            website=f"www.{domain}" if has_website else "",
            notes="",
            created_at=created,
            updated_at=created,
        )
        org = _Org(row["id"], name, kind, town, domain, phone_base)
        self.orgs.append(org)
        self.orgs_by_kind[kind].append(org)
        self.orgs_by_town[town.name].append(org)
        self.org_by_name[name] = org
        tag = "Presse" if name in N.PRESS else N.KIND_TAGS.get(kind)
        if tag and (tag == "Presse" or rng.random() < 0.3):
            self._link(organisation_tag, organisation_id=org.id, tag_id=self._named(Tag, tag))

    # --- people -------------------------------------------------------------------------

    def _people(self) -> None:
        plan, rng = self.plan, self.rng
        departments = [d for d in self.taxonomy[Department] if d != "Hauptamt"]
        district = self.orgs_by_kind["Kreisverwaltung"][0]
        for male_role, female_role, department in N.DISTRICT_STAFF:
            self._add_member(district, (male_role, female_role), department)
        for org in self.orgs_by_kind["Kommune"]:
            self._add_member(org, N.MAYOR, "Hauptamt")
            for department in rng.sample(departments, rng.randint(*plan.department_heads)):
                self._add_member(org, self._head_role(department), department)
        for org in self.orgs:
            if org.kind not in ("Kommune", "Kreisverwaltung"):
                self._add_member(org, N.KIND_ROLES[org.kind][0], None)
        citizens = max(3, round(plan.people * 0.04))
        remaining = max(0, plan.people - citizens - len(self.contacts))
        weights = [N.STAFF_WEIGHTS.get(o.kind, 1.0) for o in self.orgs]
        for org in rng.choices(self.orgs, weights=weights, k=remaining):
            if org.kind in ("Kommune", "Kreisverwaltung"):
                department = rng.choice(departments)
                clerk = (f"{N.CLERK[0]} {department}", f"{N.CLERK[1]} {department}")
                self._add_member(org, clerk, department)
            else:
                self._add_member(org, rng.choice(N.KIND_ROLES[org.kind]), None)
        for _ in range(citizens):
            self._add_citizen()
        self._second_memberships()

    @staticmethod
    def _head_role(department: str) -> tuple[str, str]:
        if department in N.DEPARTMENT_HEAD:
            return N.DEPARTMENT_HEAD[department]
        return (f"Amtsleiter {department}", f"Amtsleiterin {department}")

    def _draw_name(self) -> tuple[bool, str, str, str]:
        """(female, first name, last name, academic title)"""
        rng = self.rng
        female = rng.random() < 0.5
        draw = rng.random()
        for share, females, males, last_names in N.FOREIGN_NAME_POOLS:
            if draw < share:
                return female, rng.choice(females if female else males), rng.choice(last_names), ""
            draw -= share
        first = rng.choice(N.FEMALE_FIRST if female else N.MALE_FIRST)
        last = rng.choice(N.GERMAN_LAST)
        if rng.random() < N.DOUBLE_NAME_SHARE:
            second = rng.choice(N.GERMAN_LAST)
            last = f"{last}-{second}" if second != last else last
        title_draw = rng.random()
        title = next((t for t, share in N.TITLES if title_draw < share), "")
        return female, first, last, title

    def _add_person(self, female: bool, first: str, last: str, title: str, **values: Any) -> int:
        created = self._past_moment(self.now - timedelta(days=1500))
        defaults = dict(phone="", mobile="", street="", postal_code="", city="", notes="")
        return self._add(
            Person,
            salutation="Frau" if female else "Herr",
            title=title,
            first_name=first,
            last_name=last,
            created_at=created,
            updated_at=created,
            **defaults | values,
        )["id"]

    def _mobile(self) -> str:
        return f"{self.rng.choice(N.MOBILE_PREFIXES)} {self.rng.randint(1_000_000, 99_999_999)}"

    def _add_member(self, org: _Org, roles: tuple[str, str], department: str | None) -> None:
        rng = self.rng
        female, first, last, title = self._draw_name()
        role = _gendered(roles, female)
        if org.kind == "Kommune":
            local_part = f"{_ascii(first)[0]}.{_ascii(last)}"
        elif org.kind == "Unternehmen" and rng.random() < 0.5:
            local_part = _ascii(last)
        else:
            local_part = f"{_ascii(first)}.{_ascii(last)}"
        person_id = self._add_person(
            female,
            first,
            last,
            title,
            function=role,
            email=f"{local_part}@{org.domain}",
            phone=f"{org.town.area_code} {org.phone_base}-{rng.randint(10, 89)}",
            mobile=self._mobile() if rng.random() < 0.35 else "",
        )
        contact = _Contact(person_id, _full_name(title, first, last), female, org, role, "", [])
        contact.city = org.town.name
        if "Presse" in role or org.name in N.PRESS:
            contact.tags.append("Presse")
        if any(word in role for word in ("Personal", "Ausbildung", "Wirtschaftsförderung")):
            contact.tags.append("Fachkräfte")
        if rng.random() < 0.12:
            contact.tags.append("Newsletter")
        self._register(contact)
        org.contacts.append(contact)
        contact.since = self.today - timedelta(days=rng.randint(60, 5500))
        self._add_membership(person_id, org, role, department, contact.since, None, primary=True)

    def _add_citizen(self) -> None:
        """Local population: private address and mail, no organisation."""
        rng = self.rng
        female, first, last, title = self._draw_name()
        town = rng.choice(self.towns)
        person_id = self._add_person(
            female,
            first,
            last,
            title,
            function="",
            email=f"{_ascii(first)}.{_ascii(last)}@{rng.choice(N.PRIVATE_MAIL_DOMAINS)}",
            mobile=self._mobile(),
            street=f"{rng.choice(N.STREETS)} {rng.randint(1, 60)}",
            postal_code=town.postal_code,
            city=town.name,
            notes=rng.choice(N.CITIZEN_NOTES),
        )
        tags = ["Pendlerinitiative"] if rng.random() < 0.4 else []
        name = _full_name(title, first, last)
        self._register(_Contact(person_id, name, female, None, "", town.name, tags))

    def _register(self, contact: _Contact) -> None:
        self.contacts.append(contact)
        for tag in contact.tags:
            self._link(person_tag, person_id=contact.id, tag_id=self._named(Tag, tag))

    def _add_membership(
        self,
        person_id: int,
        org: _Org,
        role: str,
        department: str | None,
        valid_from: date,
        valid_until: date | None,
        *,
        primary: bool,
    ) -> None:
        self._add(
            Membership,
            person_id=person_id,
            organisation_id=org.id,
            role=role,
            department_id=self._tax(Department, department),
            valid_from=valid_from,
            valid_until=valid_until,
            is_primary=primary,
        )

    def _second_memberships(self) -> None:
        """Some people changed jobs (an ended membership), a few also hold a club office."""
        rng = self.rng
        clubs = self.orgs_by_kind["Verein"]
        for contact in self.contacts:
            if contact.organisation is None:
                continue
            draw = rng.random()
            if draw < 0.07:
                former = rng.choice(self.orgs)
                if former is contact.organisation:
                    continue
                roles = rng.choice(N.KIND_ROLES.get(former.kind, [N.CLERK]))
                until = contact.since - timedelta(days=rng.randint(1, 90))
                since = until - timedelta(days=rng.randint(200, 3000))
                role = _gendered(roles, contact.female)
                self._add_membership(contact.id, former, role, None, since, until, primary=False)
            elif draw < 0.09 and clubs:
                role = _gendered(rng.choice(N.KIND_ROLES["Verein"]), contact.female)
                since = self.today - timedelta(days=rng.randint(100, 4000))
                club = rng.choice(clubs)
                self._add_membership(contact.id, club, role, None, since, None, primary=False)

    def _distribution_lists(self) -> None:
        members = {
            "Presseverteiler": [c for c in self.contacts if "Presse" in c.tags],
            "Bürgermeisterinnen und Bürgermeister": [c for c in self.contacts if c.role in N.MAYOR],
            "Newsletter Multilokalität": [c for c in self.contacts if "Newsletter" in c.tags],
        }
        for name, contacts in members.items():
            list_id = self._named(DistributionList, name, description=N.LIST_DESCRIPTIONS[name])
            self.list_ids[name] = list_id
            for contact in contacts:
                self._add(
                    DistributionListMember,
                    list_id=list_id,
                    person_id=contact.id,
                    organisation_id=None,
                )

    # --- meetings -----------------------------------------------------------------------

    def _meetings(self) -> None:
        district = self.orgs_by_kind["Kreisverwaltung"][0].contacts
        self.chair, self.minute_takers = district[1], district[2:4]
        self.press = [c for c in self.contacts if "Presse" in c.tags and c not in district]
        self.presentable = [o for o in self.orgs if o.kind not in ("Kommune", "Kreisverwaltung")]
        self.town_hall = {o.town.name: o for o in self.orgs_by_kind["Kommune"]}
        self.companies = self.orgs_by_kind["Unternehmen"] + self.orgs_by_kind["Wohnungswirtschaft"]
        for topic in N.TOPICS:
            self._named(Topic, topic)
        main = (N.MAIN_SERIES, N.MAIN_RRULE, N.MAIN_TITLE, 14, 150, list(N.TOPICS))
        self._series(*main, N.MAIN_SERIES_KINDS, self.plan.main_series, main=True)
        for spec, counts in zip(N.SECONDARY_SERIES, self.plan.secondary_series, strict=False):
            self._series(*spec, counts)
        self._single_meetings()
        self.meetings.sort(key=lambda m: m.start)
        self.past_meetings = [m for m in self.meetings if m.past]
        self.past_starts = [m.start for m in self.past_meetings]
        for meeting in self.meetings:
            self._invitations(meeting)
            items = self._agenda(meeting)
            if meeting.past:
                self._attendance(meeting, items)
                self._minutes(meeting, items)
                self._meeting_action_items(meeting, items)
                self._protocol(meeting)

    def _occurrences(self, rule: str, hour: int, past: int, future: int) -> list[datetime]:
        """The last `past` occurrences before today and the first `future` ones from today."""
        start = datetime(self.today.year - 12, 1, 1, hour)
        until = datetime(self.today.year + 4, 12, 31)
        dates = rrulestr(rule, dtstart=start).between(start, until, inc=True)
        split = bisect_left([d.date() for d in dates], self.today)
        return [d.replace(tzinfo=OFFICE_TZ) for d in dates[max(0, split - past) : split + future]]

    def _pool(self, kinds: list[str | None]) -> list[_Contact]:
        """A stable circle of people who get invited, by the kind of their organisation."""
        organisers = [self.chair, *self.minute_takers]
        candidates = [
            c
            for c in self.contacts
            if (c.organisation.kind if c.organisation else None) in kinds and c not in organisers
        ]
        return self.rng.sample(candidates, min(len(candidates), self.plan.invitees[1] * 2))

    def _series(
        self,
        title: str,
        rule: str,
        meeting_title: str,
        hour: int,
        minutes: int,
        topics: list[str],
        kinds: list[str | None],
        counts: tuple[int, int],
        *,
        main: bool = False,
    ) -> None:
        rng = self.rng
        starts = self._occurrences(rule, hour, *counts)
        if not starts:
            return
        pool = self._pool(kinds)
        series_id = self._add(
            MeetingSeries,
            title=title,
            recurrence=rule,
            first_start=starts[0],
            default_location=N.LOCATIONS[0],
            default_duration_minutes=minutes,
            description=f"Treffenreihe der Koordinationsstelle Multilokalität im {N.DISTRICT}.",
        )["id"]
        self._series_frame(series_id, pool, main)
        infos: list[_MeetingInfo] = []
        for n, start in enumerate(starts, 1):
            info = _MeetingInfo(
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

    def _series_frame(self, series_id: int, pool: list[_Contact], main: bool) -> None:
        """Departments, standard agenda, default invitees and (main series) backlog."""
        departments = N.MAIN_DEPARTMENTS if main else N.MAIN_DEPARTMENTS[:1]
        for name in departments:
            if (department_id := self._tax(Department, name)) is not None:
                self._link(series_department, series_id=series_id, department_id=department_id)
        for position, (title, minutes) in enumerate(N.AGENDA_TEMPLATE, 1):
            self._add(
                AgendaTemplateItem,
                series_id=series_id,
                position=position,
                title=title,
                planned_minutes=minutes,
            )
        targets = [("person_id", c.id) for c in [self.chair, *self.minute_takers, *pool[:10]]]
        if main:
            targets += [("organisation_id", o.id) for o in self.orgs_by_kind["Kommune"]]
            targets += [("list_id", self.list_ids["Presseverteiler"])]
        for column, target_id in targets:
            self._add(
                SeriesInvitee,
                **{"series_id": series_id, "person_id": None, "organisation_id": None}
                | {"list_id": None, column: target_id},
                mode=InvitationMode.INFORMED if column == "list_id" else InvitationMode.INVITED,
                receives_protocol=column != "list_id",
            )
        for title, proposed_by in N.BACKLOG if main else []:
            row = self._add(
                BacklogTopic,
                series_id=series_id,
                title=title,
                description="",
                proposed_by=proposed_by,
                created_at=self._past_moment(self.now - timedelta(days=120)),
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
            start = _at(day, rng.choice([10, 14, 17]))
            title = N.SINGLE_MEETINGS[i % len(N.SINGLE_MEETINGS)]
            info = _MeetingInfo(
                id=0,
                title=title.format(town=rng.choice(self.towns).name),
                start=start,
                end=start + timedelta(minutes=rng.choice([120, 180, 240])),
                past=day < self.today,
                pool=pool,
                topics=[rng.choice(list(N.TOPICS))],
                status=MeetingStatus.CLOSED if day < self.today else MeetingStatus.PLANNED,
            )
            self._add_meeting(info, moved=False)

    def _add_meeting(self, info: _MeetingInfo, *, moved: bool) -> None:
        rng = self.rng
        occurrence = info.start if info.series_id else None
        if moved:  # a clash: this one took place a week later than the rule says
            info.start += timedelta(days=7)
            info.end += timedelta(days=7)
        location = N.LOCATIONS[0]
        if rng.random() < 0.4:
            location = rng.choice(N.LOCATIONS[1:]).format(town=rng.choice(self.towns).name)
        info.id = self._add(
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
            self._link(meeting_topic, meeting_id=info.id, topic_id=self._named(Topic, topic))
        self.meetings.append(info)

    def _invitations(self, m: _MeetingInfo) -> None:
        rng = self.rng
        if m.status == MeetingStatus.PLANNED:
            return  # not sent yet
        count = min(len(m.pool), rng.randint(*self.plan.invitees) - 2)
        m.minute_taker = rng.choice(self.minute_takers)
        invitees = [self.chair, m.minute_taker, *rng.sample(m.pool, count)]
        responses, weights = _PAST_RESPONSES if m.past else _FUTURE_RESPONSES
        for position, contact in enumerate(invitees):
            response = rng.choices(responses, weights)[0] if position >= 2 else responses[0]
            responded = None
            if response != Response.INVITED:
                responded = min(m.start - timedelta(days=rng.randint(1, 20)), self.now)
            if response == Response.ATTENDED:
                m.present.append(contact)
            elif response == Response.EXCUSED:
                m.excused.append(contact)
            self._invite(m, contact, InvitationMode.INVITED, response, responded)
        if m.main:  # the press is informed, not invited
            for contact in self.press[:2]:
                self._invite(m, contact, InvitationMode.INFORMED, Response.INVITED, None)

    def _invite(
        self,
        m: _MeetingInfo,
        contact: _Contact,
        mode: InvitationMode,
        response: Response,
        responded: datetime | None,
    ) -> None:
        self._add(
            Invitation,
            meeting_id=m.id,
            person_id=contact.id,
            organisation_id=contact.organisation.id if contact.organisation else None,
            mode=mode,
            response=response,
            responded_at=responded,
            receives_protocol=True,
        )

    def _agenda(self, m: _MeetingInfo) -> list[_Item]:
        rng = self.rng
        frame = N.AGENDA_TEMPLATE if m.series_id else N.SINGLE_FRAME
        topical = [title for topic in m.topics for title in N.TOPICS[topic]]
        rng.shuffle(topical)
        extra = rng.randint(*self.plan.extra_agenda_items)
        towns = rng.sample(self.towns, min(len(self.towns), extra + 2))
        titles = [
            *topical,
            *rng.sample(N.GENERAL_AGENDA, 3),
            *(f"Vorstellung: {o.name}" for o in rng.sample(self.presentable, 2)),
            *(rng.choice(N.TOWN_AGENDA).format(town=t.name) for t in towns),
        ][:extra]
        backlog = self.backlog_rows[0] if m.main and m.status == MeetingStatus.INVITED else None
        if backlog:
            titles.insert(0, backlog["title"])
        budget = (m.end - m.start).total_seconds() / 60 - sum(minutes for _, minutes in frame)
        per_item = max(5, int(budget / max(1, len(titles)) / 5) * 5)
        entries = [(title, minutes, True) for title, minutes in frame[:-1]]
        entries += [(t, max(5, per_item + rng.choice([-5, 0, 0, 5])), False) for t in titles]
        entries += [(title, minutes, True) for title, minutes in frame[-1:]]
        speakers = m.present or m.pool or [self.chair]
        items: list[_Item] = []
        for position, (title, minutes, is_frame) in enumerate(entries, 1):
            presenter = self.chair if is_frame else self._presenter(title, speakers)
            description = "" if is_frame else rng.choice(N.AGENDA_DESCRIPTIONS)
            row = self._add(
                AgendaItem,
                meeting_id=m.id,
                position=position,
                number=str(position),
                title=title,
                presenter_id=presenter.id,
                presenter_text=presenter.name,
                planned_minutes=minutes,
                description=description.format(presenter=presenter.name),
                non_public=False,
                notes_html="",
                started_at=None,
                ended_at=None,
                unplanned=False,
                withdrawn=False,
            )
            items.append(_Item(row, presenter, is_frame))
            if backlog and title == backlog["title"]:
                backlog["agenda_item_id"] = row["id"]
        return items

    def _presenter(self, title: str, speakers: list[_Contact]) -> _Contact:
        """Who reports on a TOP: the organisation presented, the town reporting, or anyone."""
        org = None
        if title.startswith("Vorstellung: "):
            org = self.org_by_name.get(title.removeprefix("Vorstellung: "))
        elif title.startswith(("Bericht aus ", "Erfahrungen aus ")):
            org = self.town_hall.get(title.split(" aus ", 1)[1])
        if org and org.contacts:
            return org.contacts[0]
        return self.rng.choice(speakers)

    def _attendance(self, m: _MeetingInfo, items: list[_Item]) -> None:
        rng = self.rng
        middle = [i for i in items if not i.frame]
        present = [(c, AttendanceStatus.PRESENT) for c in m.present]
        for contact, status in present + [(c, AttendanceStatus.EXCUSED) for c in m.excused]:
            leaves_early = status == AttendanceStatus.PRESENT and middle and rng.random() < 0.04
            self._add(
                Attendance,
                meeting_id=m.id,
                person_id=contact.id,
                name_text=contact.name,
                organisation_text=contact.organisation_text,
                status=status,
                from_item_id=None,
                until_item_id=rng.choice(middle).id if leaves_early else None,
            )
        for _ in range(rng.randint(0, 2)):  # guests who are not in the address book
            _female, first, last, title = self._draw_name()
            self._add(
                Attendance,
                meeting_id=m.id,
                person_id=None,
                name_text=_full_name(title, first, last),
                organisation_text=rng.choice(self.orgs).name,
                status=AttendanceStatus.GUEST,
                from_item_id=None,
                until_item_id=None,
            )

    def _minutes(self, m: _MeetingInfo, items: list[_Item]) -> None:
        """Notes, times and results of every TOP of a past meeting."""
        rng = self.rng
        clock = m.start + timedelta(minutes=rng.randint(0, 6))
        last_topic = max((i for i in items if not i.frame), key=lambda i: i.id, default=None)
        results = 0
        for item in items:
            started = clock
            clock += timedelta(minutes=max(2, item.row["planned_minutes"] + rng.randint(-3, 4)))
            item.row["started_at"], item.row["ended_at"] = started, clock
            if item.frame:
                text, outcomes = self._frame_minutes(m, item, started, clock)
                paragraphs = [text]
            else:
                sentences = [rng.choice(N.NOTE_OPENINGS), *rng.sample(N.NOTE_SENTENCES, 2)]
                paragraphs = [self._fill(s, presenter=item.presenter) for s in sentences]
                at_least = 1 if item is last_topic and results == 0 else 0
                outcomes = self._topic_outcomes(len(m.present), at_least)
                results += len(outcomes)
            item.row["notes_html"] = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            for position, (kind, text, votes) in enumerate(outcomes):
                yes, no, abstain = votes or (None, None, None)
                self._add(
                    Outcome,
                    agenda_item_id=item.id,
                    position=position,
                    kind=kind,
                    text=text,
                    votes_yes=yes,
                    votes_no=no,
                    votes_abstain=abstain,
                )

    def _frame_minutes(
        self, m: _MeetingInfo, item: _Item, started: datetime, ended: datetime
    ) -> tuple[str, list[tuple[OutcomeKind, str, Votes]]]:
        """The standard wording of the opening, approval and closing TOPs."""
        chair, present = self.chair.name, len(m.present)
        if item.title in ("Eröffnung und Begrüßung", "Begrüßung und Einführung"):
            opened = started.astimezone(OFFICE_TZ)
            return (
                f"{chair} begrüßt die Anwesenden und eröffnet die Sitzung um {opened:%H:%M} Uhr.",
                [],
            )
        if item.title.startswith("Feststellung"):
            return (
                "Die Einladung erfolgte form- und fristgerecht. "
                f"Anwesend sind {present} Teilnehmende; die Versammlung ist beschlussfähig.",
                [],
            )
        if item.title == "Genehmigung der Tagesordnung":
            decision = (OutcomeKind.DECISION, "Die Tagesordnung wird genehmigt.", (present, 0, 0))
            return "Die Tagesordnung wird ohne Änderungen genehmigt.", [decision]
        if item.title.startswith("Genehmigung des Protokolls"):
            if m.previous is None:
                return "Entfällt, da dies die erste Sitzung der Reihe ist.", []
            text = f"Das Protokoll der Sitzung vom {_de(m.previous.start.date())} wird genehmigt."
            abstain = self.rng.randint(0, 2)
            return text, [(OutcomeKind.DECISION, text, (present - abstain, 0, abstain))]
        closed = ended.astimezone(OFFICE_TZ)
        following = f" Der nächste Termin ist am {_de(m.next.start.date())}." if m.next else ""
        return (
            f"Keine weiteren Wortmeldungen.{following} {chair} dankt allen für die Teilnahme "
            f"und schließt die Sitzung um {closed:%H:%M} Uhr.",
            [],
        )

    def _topic_outcomes(self, present: int, at_least: int) -> list[tuple[OutcomeKind, str, Votes]]:
        rng = self.rng
        outcomes: list[tuple[OutcomeKind, str, Votes]] = []
        for _ in range(max(at_least, rng.choices([0, 1, 2], [35, 45, 20])[0])):
            kind = rng.choices(list(OutcomeKind), [45, 40, 15])[0]
            votes = None
            if kind == OutcomeKind.DECISION and rng.random() < 0.6:
                no, abstain = rng.randint(0, 2), rng.randint(0, 3)
                votes = (max(0, present - no - abstain), no, abstain)
            outcomes.append((kind, self._fill(rng.choice(N.OUTCOMES[kind.value])), votes))
        return outcomes

    def _fill(self, template: str, presenter: _Contact | None = None) -> str:
        rng = self.rng
        return template.format(
            presenter=(presenter or self.chair).name,
            town=rng.choice(self.towns).name,
            org=rng.choice(self.orgs).name,
            company=rng.choice(self.companies).name,
            date=_de(self.today + timedelta(days=rng.randint(-200, 120))),
        )

    def _meeting_action_items(self, m: _MeetingInfo, items: list[_Item]) -> None:
        rng = self.rng
        owners = [c for c in m.present if c is not self.chair] or [self.chair]
        middle = [i for i in items if not i.frame] or items
        for _ in range(rng.randint(*self.plan.action_items)):
            self._add_action(
                self._fill(rng.choice(N.ACTION_TEXTS)),
                owner=rng.choice(owners),
                due=m.start.date() + timedelta(days=rng.randint(14, 90)),
                created=m.end,
                meeting_id=m.id,
                agenda_item_id=rng.choice(middle).id,
            )

    def _add_action(
        self,
        text: str,
        *,
        owner: _Contact,
        due: date,
        created: datetime,
        meeting_id: int | None = None,
        agenda_item_id: int | None = None,
        measure_id: int | None = None,
    ) -> None:
        done = self.rng.random() < (0.8 if due < self.today else 0.15)
        self._add(
            ActionItem,
            text=text,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            measure_id=measure_id,
            owner_id=owner.id,
            owner_text=owner.name,
            due_date=due,
            done=done,
            done_at=self._past_moment(min(created, self.now)) if done else None,
            created_at=min(created, self.now),
        )

    def _protocol(self, m: _MeetingInfo) -> None:
        approved = m.status == MeetingStatus.CLOSED
        approved_on = None
        if approved:
            approved_on = m.next.start.date() if m.next else m.start.date() + timedelta(days=21)
        edited = _at(approved_on, 17) if approved_on else m.end + timedelta(days=2)
        self._add(
            Protocol,
            meeting_id=m.id,
            status=ProtocolStatus.APPROVED if approved else ProtocolStatus.DRAFT,
            chair_id=self.chair.id,
            chair_text=self.chair.name,
            minute_taker_id=m.minute_taker.id if m.minute_taker else None,
            minute_taker_text=m.minute_taker.name if m.minute_taker else "",
            revision=1,
            approved_on=approved_on,
            approved_in_meeting_id=m.next.id if approved and m.next else None,
            updated_at=min(edited, self.now),
        )

    # --- measures -----------------------------------------------------------------------

    def _measures(self) -> None:
        rng = self.rng
        cards = {card[0]: card for card in N.TOOL_CARDS}
        card_ids = {code: self._tool_card(card) for code, card in cards.items()}
        self.main_past = [m for m in self.past_meetings if m.main]
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
            status = N.SUB_MEASURE_STATUS.get(parent["_status"], ["geplant"])
            self._add_measure(
                f"{parent['title']}: {rng.choice(N.SUB_MEASURE_STEPS)}",
                rng.choice(status),
                card=None,
                card_id=parent["tool_card_id"],
                action_field=parent["_field"],
                lead=parent["_lead"],
                origin=parent["_origin"],
                spatial="lokal",
                parent=parent,
            )
        for row in self.rows[Measure]:
            for key in [k for k in row if k.startswith("_")]:
                del row[key]

    def _tool_card(self, card: tuple[Any, ...]) -> int:
        code, title, strategy, spatial, project_type, groups, fields = card
        before = len(self.rows[ToolCard])
        card_id = self._named(
            ToolCard,
            code,
            key="code",
            title=title,
            description=f"Planungskarte der Toolbox: {title}.",
            strategy_id=self._tax(Strategy, strategy),
            spatial_level_id=self._tax(SpatialLevel, spatial),
            project_type_id=self._tax(ProjectType, project_type),
        )
        if len(self.rows[ToolCard]) > before:  # new, not the user's own card with this code
            for name in groups:
                if (group_id := self._tax(TargetGroup, name)) is not None:
                    self._link(
                        tool_card_target_group, tool_card_id=card_id, target_group_id=group_id
                    )
            for name in fields:
                if (field_id := self._tax(ActionField, name)) is not None:
                    self._link(
                        tool_card_action_field, tool_card_id=card_id, action_field_id=field_id
                    )
        return card_id

    def _measure_titles(self, count: int) -> Iterator[tuple[str, str | None, str, _Town | None]]:
        """(title, tool card code, action field, town): regional ones and one per town."""
        local = [(t, code, af, town) for t, code, af in N.MEASURE_TEMPLATES for town in self.towns]
        self.rng.shuffle(local)
        regional = [(t, code, af, None) for t, code, af in N.REGIONAL_MEASURES]
        pool = regional[:2] + local[: max(0, count - len(regional))] + regional[2:]
        for phase in itertools.count(1):
            for title, code, action_field, town in pool:
                if count == 0:
                    return
                count -= 1
                text = title.format(town=town.name) if town else title
                yield (text if phase == 1 else f"{text} ({phase}. Phase)"), code, action_field, town

    def _measure_lead(self, town: _Town | None, *, regional_first: bool = False) -> _Org:
        """The town's administration or a local actor; for regional ones the district."""
        rng = self.rng
        if town is None:
            district = self.orgs_by_kind["Kreisverwaltung"][0]
            if regional_first or rng.random() < 0.5:
                return district
            return rng.choice(self.orgs_by_kind["Verband"] + self.orgs_by_kind["Sonstige"])
        local = [o for o in self.orgs_by_town[town.name] if o.kind != "Kreisverwaltung"]
        municipal = [o for o in local if o.kind == "Kommune"]
        if municipal and (rng.random() < 0.6 or len(local) == len(municipal)):
            return municipal[0]
        return rng.choice([o for o in local if o.kind != "Kommune"] or self.orgs)

    def _add_measure(
        self,
        title: str,
        status: str,
        *,
        card: tuple[Any, ...] | None,
        card_id: int | None,
        action_field: str,
        lead: _Org,
        origin: _MeetingInfo | None,
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
            strategy = self._tax(Strategy, card[2]) if card else self._any_tax(Strategy)
        row = self._add(
            Measure,
            title=title,
            description=" ".join(rng.sample(N.MEASURE_DESCRIPTIONS, 2)),
            kind_id=self._tax(MeasureKind, "Projekt") if parent else self._any_tax(MeasureKind),
            status_id=self._tax(MeasureStatus, status),
            strategy_id=strategy,
            spatial_level_id=self._tax(SpatialLevel, card[3] if card else spatial),
            project_type_id=self._tax(ProjectType, card[4]) if card else self._any_tax(ProjectType),
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
        groups = card[5] if card else rng.sample(list(self.taxonomy[TargetGroup]), 2)
        for name in groups:
            if (group_id := self._tax(TargetGroup, name)) is not None:
                self._link(measure_target_group, measure_id=row["id"], target_group_id=group_id)
        for name in dict.fromkeys([action_field, *(card[6] if card else [])]):
            if (field_id := self._tax(ActionField, name)) is not None:
                self._link(measure_action_field, measure_id=row["id"], action_field_id=field_id)
        self._measure_links(row, lead, origin)
        self._measure_history(row, timeline, progress)
        return row

    def _timeline(
        self, status: str, created: datetime
    ) -> list[tuple[str, str, datetime, _MeetingInfo | None]]:
        """The status changes that led here: (old, new, when, in which meeting)."""
        rng = self.rng
        later_meetings = self.past_meetings[bisect_left(self.past_starts, created) :]
        moments: list[tuple[datetime, _MeetingInfo | None]] = []
        path = _STATUS_PATHS[status]
        for _ in path[1:]:
            if later_meetings and rng.random() < 0.5:  # decided in a meeting
                meeting = rng.choice(later_meetings)
                moments.append((min(meeting.end, self.now), meeting))
            else:
                moments.append((self._past_moment(created), None))
        moments.sort(key=lambda moment: moment[0])
        return [
            (old, new, when, meeting)
            for old, new, (when, meeting) in zip(path[:-1], path[1:], moments, strict=True)
        ]

    def _measure_dates(
        self, status: str, timeline: list[tuple[str, str, datetime, _MeetingInfo | None]]
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

    def _measure_links(self, row: dict[str, Any], lead: _Org, origin: _MeetingInfo | None) -> None:
        """Partners, the meetings that discussed it, and now and then an action item."""
        rng = self.rng
        for partner in rng.sample(self.orgs, rng.choice([0, 1, 1, 2, 2, 3])):
            if partner is not lead:
                self._add(
                    MeasurePartner,
                    measure_id=row["id"],
                    organisation_id=partner.id,
                    role=rng.choice(N.PARTNER_ROLES),
                )
        if origin is None:
            return
        later = [m for m in self.main_past if m.start > origin.start]
        for meeting in [origin, *rng.sample(later, min(len(later), rng.randint(0, 2)))]:
            self._link(measure_meeting, measure_id=row["id"], meeting_id=meeting.id)
        active = row["_status"] in ("geplant", "in Umsetzung")
        if active and (rng.random() < 0.2 or not self.measure_actions):  # at least one
            self.measure_actions += 1
            self._add_action(
                rng.choice(N.MEASURE_ACTION_TEXTS),
                owner=lead.contacts[0] if lead.contacts else self.chair,
                due=self.today + timedelta(days=rng.randint(-30, 120)),
                created=origin.end,
                meeting_id=origin.id,
                measure_id=row["id"],
            )

    def _measure_history(
        self,
        row: dict[str, Any],
        timeline: list[tuple[str, str, datetime, _MeetingInfo | None]],
        progress: int,
    ) -> None:
        author = self.rng.choice([self.chair, *self.minute_takers]).name
        changes = [("status", old, new, when, meeting) for old, new, when, meeting in timeline]
        if 0 < progress < 100 and timeline:
            changes.append(("progress", "0", str(progress), timeline[-1][2], None))
        for field_name, old, new, when, meeting in changes:
            self._add(
                MeasureHistory,
                measure_id=row["id"],
                changed_at=when,
                author=author,
                field=field_name,
                old_value=old,
                new_value=new,
                meeting_id=meeting.id if meeting else None,
            )
            row["updated_at"] = when
