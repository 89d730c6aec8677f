"""Realistic German demo data for the fictional Landkreis Talbach-Rhön (`multilok demo`).

`generate_demo()` fills an empty database with an address book, meeting series with past
and future meetings (agenda, invitations, attendance, minutes, results, action items,
protocols) and tracked measures. "small" is for trying the app out; "large" is the
benchmark database of DESIGN.md §6.

Everything is written with bulk INSERTs (ids assigned here, rows kept as plain dicts), so
the large database takes seconds, not minutes; the address-book index is rebuilt once at
the end because bulk inserts bypass the ORM flush hook. One `random.Random(seed)` drives
every choice, so the same seed and `today` always give the same data.
"""

from __future__ import annotations

import html
import itertools
import random
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from sqlalchemy import Table, func, insert, select
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

BERLIN = ZoneInfo("Europe/Berlin")
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
        },  # fmt: skip
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
        },  # fmt: skip
        people=20_000,
        department_heads=(3, 8),
        main_series=(18, 2),
        secondary_series=((60, 6), (30, 3), (20, 2), (60, 6), (24, 2), (30, 3)),
        single_meetings=(30, 4),
        extra_agenda_items=(11, 19),
        invitees=(20, 50),
        action_items=(2, 5),
        measures=3000,
    ),
}

# Rows are inserted in this order, so every foreign key points to a row already there.
_INSERT_ORDER: tuple[Any, ...] = (
    Tag, Organisation, organisation_tag, Person, person_tag, Membership, DistributionList,
    DistributionListMember, Topic, ToolCard, tool_card_target_group, tool_card_action_field,
    MeetingSeries, series_department, AgendaTemplateItem, SeriesInvitee, Meeting,
    meeting_topic, AgendaItem, BacklogTopic, Invitation, Attendance, Protocol, Outcome,
    Measure, measure_target_group, measure_action_field, measure_meeting, MeasurePartner,
    MeasureHistory, ActionItem,
)  # fmt: skip

_STATUS_PATHS = {
    "Idee": ["Idee"],
    "in Prüfung": ["Idee", "in Prüfung"],
    "geplant": ["Idee", "in Prüfung", "geplant"],
    "in Umsetzung": ["Idee", "in Prüfung", "geplant", "in Umsetzung"],
    "umgesetzt": ["Idee", "in Prüfung", "geplant", "in Umsetzung", "umgesetzt"],
    "zurückgestellt": ["Idee", "in Prüfung", "zurückgestellt"],
    "verworfen": ["Idee", "in Prüfung", "verworfen"],
}
_STATUS_WEIGHTS = [20, 15, 15, 25, 12, 8, 5]  # in the order of _STATUS_PATHS


def generate_demo(
    session: Session, size: str = "small", *, seed: int = 7, today: date | None = None
) -> DemoSummary:
    """Fill an empty database with demo data; the caller's session commits it."""
    plan = _PLANS.get(size)
    if plan is None:
        raise ValueError(f"Unbekannte Größe „{size}“ – möglich sind: {', '.join(SIZES)}.")
    if session.scalar(select(Person.id).limit(1)) or session.scalar(
        select(Organisation.id).limit(1)
    ):
        raise ValueError(
            "Die Datenbank enthält bereits Daten (Personen oder Organisationen); "
            "Demodaten lassen sich nur in eine leere Datenbank laden."
        )
    return _Generator(session, plan, random.Random(seed), today or date.today()).run()


# --- small helpers ----------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def _ascii(text: str) -> str:
    """For e-mail addresses and domains: "Jürgen Groß-Yılmaz" → "juergen-gross-yilmaz"."""
    plain = fold(transliterate(text)).replace("ı", "i")
    chars = [c if c.isascii() and c.isalnum() else "-" for c in plain]
    return "-".join(part for part in "".join(chars).split("-") if part)


def _gendered(forms: tuple[str, str], female: bool) -> str:
    return forms[1] if female else forms[0]


def _de(day: date) -> str:
    return f"{day:%d.%m.%Y}"


@dataclass(slots=True)
class _Town:
    name: str
    postal_code: str
    area_code: str

    @property
    def adjective(self) -> str:
        """ "Großwöllmen" → "Großwöllmener", "Lüttgerode" → "Lüttgeroder"."""
        base = self.name.split(" an der ")[0].replace(" (Rhön)", "")
        return base + ("r" if base.endswith("e") else "er")


@dataclass(slots=True)
class _Org:
    id: int
    name: str
    kind: str
    town: _Town
    domain: str
    phone_base: str
    contacts: list[_Contact] = field(default_factory=list)


@dataclass(slots=True)
class _Contact:
    id: int
    name: str  # "Dr. Jürgen Müller"
    female: bool
    organisation: _Org | None
    role: str
    city: str
    tags: list[str]

    @property
    def organisation_text(self) -> str:
        if self.organisation:
            return self.organisation.name
        return f"{'Einwohnerin' if self.female else 'Einwohner'} {self.city}"


@dataclass(slots=True)
class _MeetingInfo:
    id: int
    title: str
    start: datetime
    end: datetime
    past: bool
    pool: list[_Contact]
    topics: list[str]
    series_id: int | None = None
    main: bool = False
    status: MeetingStatus = MeetingStatus.PLANNED
    previous: _MeetingInfo | None = None
    next: _MeetingInfo | None = None
    present: list[_Contact] = field(default_factory=list)


@dataclass(slots=True)
class _Item:
    id: int
    title: str
    minutes: int
    presenter: _Contact | None
    frame: bool  # a standard TOP of the series template


class _Generator:
    def __init__(self, session: Session, plan: _Plan, rng: random.Random, today: date):
        self.session = session
        self.plan = plan
        self.rng = rng
        self.today = today
        self.now = _at(today, 0) - timedelta(hours=1)  # every stored "past" lies before this
        self.rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self.ids = {
            model: itertools.count((session.scalar(select(func.max(model.id))) or 0) + 1)
            for model in _INSERT_ORDER
            if not isinstance(model, Table)
        }
        self.taxonomy = {
            model: dict(session.execute(select(model.name, model.id)).all())
            for model in (
                OrganisationKind, Department, Strategy, TargetGroup, SpatialLevel,
                ProjectType, ActionField, MeasureKind, MeasureStatus,
            )
        }  # fmt: skip
        self.towns: list[_Town] = []
        self.orgs: list[_Org] = []
        self.orgs_by_kind: dict[str, list[_Org]] = defaultdict(list)
        self.contacts: list[_Contact] = []
        self.org_names: set[str] = set()
        self.meetings: list[_MeetingInfo] = []

    def run(self) -> DemoSummary:
        self._organisations()
        self._people()
        self._distribution_lists()
        self._meetings()
        self._measures()
        for target in _INSERT_ORDER:
            if self.rows[target]:
                self.session.execute(insert(target), self.rows[target])
        search_index.rebuild(self.session.connection())
        return DemoSummary(
            organisations=len(self.rows[Organisation]),
            people=len(self.rows[Person]),
            meetings=len(self.rows[Meeting]),
            agenda_items=len(self.rows[AgendaItem]),
            measures=len(self.rows[Measure]),
        )

    # --- generic ------------------------------------------------------------------------

    def _add(self, model: Any, **values: Any) -> int:
        values["id"] = next(self.ids[model])
        self.rows[model].append(values)
        return values["id"]

    def _named(self, model: Any, name: str, key: str = "name", **extra: Any) -> int:
        """Id of the row with this unique name, created if missing (tags, topics, lists…)."""
        cache = self.__dict__.setdefault(f"_named_{model.__tablename__}", {})
        if not cache:
            column = getattr(model, key)
            cache.update(self.session.execute(select(column, model.id)).all())
        if name not in cache:
            cache[name] = self._add(model, **{key: name}, **extra)
        return cache[name]

    def _tax(self, model: Any, name: str | None) -> int | None:
        """A taxonomy value by name; None where the user renamed or removed it."""
        return self.taxonomy[model].get(name) if name else None

    def _past_moment(self, earliest: datetime) -> datetime:
        span = max(0, int((self.now - earliest).total_seconds()) - 3600)
        return earliest + timedelta(seconds=self.rng.randint(0, span))

    def _uid(self) -> str:
        return f"{uuid.UUID(int=self.rng.getrandbits(128), version=4)}@multilok-desktop"

    # --- organisations ------------------------------------------------------------------

    def _organisations(self) -> None:
        counts = self.plan.organisations
        self.towns = self._make_towns(counts["Kommune"])
        self._add_organisation("Kreisverwaltung", self.towns[0], N.DISTRICT_OFFICE)
        for town in self.towns:
            kind_word = "Stadt" if town.name.startswith("Bad ") else None
            label = kind_word or self.rng.choice(N.MUNICIPALITY_TYPES)
            self._add_organisation("Kommune", town, f"{label} {town.name}")
        fixed = {
            "Verband": list(N.FEDERATION_FIXED) + [f"{g}-Innung {N.REGION}" for g in N.GUILDS],
            "Sonstige": list(N.OTHER_FIXED),
        }
        for kind, count in counts.items():
            for i in range(count if kind not in ("Kreisverwaltung", "Kommune") else 0):
                town = self.rng.choice(self.towns)
                pending = fixed.get(kind, [])
                name = pending[i] if i < len(pending) else self._organisation_name(kind, town)
                self._add_organisation(kind, town, name)

    def _make_towns(self, count: int) -> list[_Town]:
        rng = self.rng
        names = list(N.FIRST_TOWNS[:count])
        seen = set(names)
        while len(names) < count:
            prefix, stem = rng.choice(N.TOWN_PREFIXES), rng.choice(N.TOWN_STEMS)
            base = prefix + stem if prefix else stem.capitalize()
            form = rng.random()
            if form < 0.08 and not prefix:
                base = f"Bad {base}"
            elif form < 0.14:
                base = f"{base} an der Tälach"
            elif form < 0.2:
                base = f"{base} (Rhön)"
            if base not in seen:
                seen.add(base)
                names.append(base)
        postal_codes = rng.sample(range(36400, 36480), 40) + rng.sample(range(97610, 97800), 150)
        return [
            _Town(name, str(postal_codes[i % len(postal_codes)]), rng.choice(N.AREA_CODES))
            for i, name in enumerate(names)
        ]

    def _organisation_name(self, kind: str, town: _Town) -> str:
        for attempt in itertools.count():
            name = self._draw_organisation_name(kind, town)
            if name not in self.org_names:
                return name
            town = self.rng.choice(self.towns)
            if attempt > 50:
                return f"{name} ({attempt})"
        raise AssertionError("unreachable")

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
        }
        if kind == "Unternehmen":
            trade, legal = rng.choice(N.TRADES), rng.choice(N.LEGAL_FORMS)
            pattern = rng.choices(
                [
                    "{trade} {surname}",
                    "{surname} {trade} {legal}",
                    "{town_adj} {trade} {legal}",
                    "{surname} & {surname2} {trade} {legal}",
                    "{acronym} {trade} {legal}",
                ],
                weights=[25, 25, 30, 10, 10],
            )[0]
            return pattern.format(trade=trade, legal=legal, **values)
        patterns = {
            "Wohnungswirtschaft": N.HOUSING_PATTERNS,
            "Verein": N.CLUB_PATTERNS,
            "Verband": N.FEDERATION_PATTERNS,
            "Investor": N.INVESTOR_PATTERNS,
            "Lokale Bevölkerung": N.CITIZEN_GROUP_PATTERNS,
        }.get(kind, N.OTHER_PATTERNS)
        return rng.choice(patterns).format(**values)

    def _add_organisation(self, kind: str, town: _Town, name: str) -> _Org:
        rng = self.rng
        self.org_names.add(name)
        if kind == "Kreisverwaltung":
            domain, street = N.DISTRICT_DOMAIN, "Schloßplatz 1"
        else:
            words = [w for w in _ascii(name).split("-") if w not in ("gmbh", "co", "kg", "e", "v")]
            domain = "-".join(words[:3]) + ".de"
            street = f"{rng.choice(N.STREETS)} {rng.randint(1, 86)}"
        if kind == "Kommune":
            domain, street = _ascii(town.name) + ".de", rng.choice(["Rathausplatz 1", "Markt 1"])
        digits = 10 - len(town.area_code)
        phone_base = str(rng.randint(10 ** (digits - 1) * 2, 10**digits - 1))
        org = _Org(0, name, kind, town, domain, phone_base)
        mailbox = {"Kommune": "rathaus", "Kreisverwaltung": "poststelle", "Verein": "vorstand"}
        created = self._past_moment(self.now - timedelta(days=2000))
        org.id = self._add(
            Organisation,
            name=name,
            kind_id=self._tax(OrganisationKind, kind),
            street=street,
            postal_code=town.postal_code,
            city=town.name,
            phone=f"{town.area_code} {phone_base}-0",
            email=f"{mailbox.get(kind, 'info')}@{domain}",
            website=f"www.{domain}" if kind != "Lokale Bevölkerung" or rng.random() < 0.3 else "",
            notes="",
            created_at=created,
            updated_at=created,
        )
        self.orgs.append(org)
        self.orgs_by_kind[kind].append(org)
        tag = {"Verein": "Ehrenamt", "Wohnungswirtschaft": "Wohnraumbörse"}.get(kind)
        if "Kurier" in name or "Radio" in name:
            tag = "Presse"
        if tag and (tag == "Presse" or rng.random() < 0.3):
            self.rows[organisation_tag].append(
                {"organisation_id": org.id, "tag_id": self._named(Tag, tag)}
            )
        return org

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
        weights = {"Kreisverwaltung": 30, "Kommune": 6, "Unternehmen": 1.2, "Verein": 0.6}
        remaining = plan.people - citizens - len(self.contacts)
        for org in rng.choices(
            self.orgs, weights=[weights.get(o.kind, 1.0) for o in self.orgs], k=max(0, remaining)
        ):
            if org.kind in ("Kommune", "Kreisverwaltung"):
                department = rng.choice(departments)
                self._add_member(org, tuple(f"{r} {department}" for r in N.CLERK), department)
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
        """(female, first name, last name, title)"""
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
            last = f"{last}-{rng.choice([n for n in N.GERMAN_LAST if n != last])}"
        title_draw = rng.random()
        title = "Prof. Dr." if title_draw < 0.005 else "Dr." if title_draw < 0.065 else ""
        return female, first, last, title

    def _add_person(self, female: bool, first: str, last: str, title: str, **values: Any) -> int:
        created = self._past_moment(self.now - timedelta(days=1500))
        return self._add(
            Person,
            salutation="Frau" if female else "Herr",
            title=title,
            first_name=first,
            last_name=last,
            created_at=created,
            updated_at=created,
            **values,
        )

    def _mobile(self) -> str:
        return f"{self.rng.choice(N.MOBILE_PREFIXES)} {self.rng.randint(1_000_000, 99_999_999)}"

    def _add_member(self, org: _Org, roles: tuple[str, str], department: str | None) -> None:
        rng = self.rng
        female, first, last, title = self._draw_name()
        role = _gendered(roles, female)
        local = {
            "Kommune": f"{_ascii(first)[0]}.{_ascii(last)}",
            "Unternehmen": _ascii(last),
        }.get(org.kind, f"{_ascii(first)}.{_ascii(last)}")
        person_id = self._add_person(
            female, first, last, title,
            function=role,
            email=f"{local}@{org.domain}",
            phone=f"{org.town.area_code} {org.phone_base}-{rng.randint(10, 89)}",
            mobile=self._mobile() if rng.random() < 0.35 else "",
            street="", postal_code="", city="", notes="",
        )  # fmt: skip
        name = " ".join(p for p in (title, first, last) if p)
        contact = _Contact(person_id, name, female, org, role, org.town.name, [])
        if "Presse" in role or any("Kurier" in org.name for _ in (0,)):
            contact.tags.append("Presse")
        if any(word in role for word in ("Personal", "Ausbildung", "Wirtschaftsförderung")):
            contact.tags.append("Fachkräfte")
        if rng.random() < 0.12:
            contact.tags.append("Newsletter")
        self._tag_person(contact)
        self.contacts.append(contact)
        org.contacts.append(contact)
        since = self.today - timedelta(days=rng.randint(60, 5500))
        self._add_membership(person_id, org, role, department, since, None, primary=True)

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

    def _add_citizen(self) -> None:
        rng = self.rng
        female, first, last, title = self._draw_name()
        town = rng.choice(self.towns)
        person_id = self._add_person(
            female, first, last, title,
            function="",
            email=f"{_ascii(first)}.{_ascii(last)}@{rng.choice(N.PRIVATE_MAIL_DOMAINS)}",
            phone="", mobile=self._mobile(),
            street=f"{rng.choice(N.STREETS)} {rng.randint(1, 60)}",
            postal_code=town.postal_code, city=town.name, notes=rng.choice(N.CITIZEN_NOTES),
        )  # fmt: skip
        name = " ".join(p for p in (title, first, last) if p)
        tags = ["Pendlerinitiative"] if rng.random() < 0.4 else []
        contact = _Contact(person_id, name, female, None, "", town.name, tags)
        self._tag_person(contact)
        self.contacts.append(contact)

    def _tag_person(self, contact: _Contact) -> None:
        for tag in contact.tags:
            self.rows[person_tag].append({"person_id": contact.id, "tag_id": self._named(Tag, tag)})

    def _second_memberships(self) -> None:
        """Some people changed jobs (an ended membership), a few also chair a club."""
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
                until = self.today - timedelta(days=rng.randint(30, 900))
                since = until - timedelta(days=rng.randint(200, 3000))
                role = _gendered(
                    rng.choice(N.KIND_ROLES.get(former.kind, [N.CLERK])), contact.female
                )
                self._add_membership(contact.id, former, role, None, since, until, primary=False)
            elif draw < 0.09 and clubs:
                club = rng.choice(clubs)
                role = _gendered(rng.choice(N.KIND_ROLES["Verein"]), contact.female)
                since = self.today - timedelta(days=rng.randint(100, 4000))
                self._add_membership(contact.id, club, role, None, since, None, primary=False)

    def _distribution_lists(self) -> None:
        mayors = [c for c in self.contacts if c.role in N.MAYOR]
        lists = {
            "Presseverteiler": [c for c in self.contacts if "Presse" in c.tags],
            "Bürgermeisterinnen und Bürgermeister": mayors,
            "Newsletter Multilokalität": [c for c in self.contacts if "Newsletter" in c.tags],
        }
        for name, members in lists.items():
            list_id = self._named(DistributionList, name, description="")
            self.list_ids[name] = list_id
            for contact in members:
                self._add(
                    DistributionListMember,
                    list_id=list_id,
                    person_id=contact.id,
                    organisation_id=None,
                )

    @property
    def list_ids(self) -> dict[str, int]:
        return self.__dict__.setdefault("_list_ids", {})

    # --- meetings -----------------------------------------------------------------------

    def _meetings(self) -> None:
        district = self.orgs_by_kind["Kreisverwaltung"][0].contacts
        self.chair, self.minute_takers = district[1], district[2:4]
        self._series(
            N.MAIN_SERIES, N.MAIN_RRULE, "{n}. " + N.MAIN_SERIES, 14, 150, list(N.TOPICS),
            N.MAIN_SERIES_KINDS, self.plan.main_series, main=True,
        )  # fmt: skip
        for spec, counts in zip(N.SECONDARY_SERIES, self.plan.secondary_series, strict=False):
            self._series(*spec, counts)
        self._single_meetings()
        for meeting in self.meetings:
            self._fill_meeting(meeting)

    def _occurrences(self, rule: str, hour: int, past: int, future: int) -> list[datetime]:
        start = datetime(self.today.year - 12, 1, 1, hour)
        until = datetime(self.today.year + 4, 12, 31)
        dates = rrulestr(rule, dtstart=start).between(start, until, inc=True)
        split = bisect_left([d.date() for d in dates], self.today)
        return [d.replace(tzinfo=BERLIN) for d in dates[max(0, split - past) : split + future]]

    def _series_pool(self, kinds: Sequence[str | None]) -> list[_Contact]:
        pool = [
            c
            for c in self.contacts
            if (c.organisation.kind if c.organisation else None) in kinds
            and c is not self.chair
            and c not in self.minute_takers
        ]
        return self.rng.sample(pool, min(len(pool), self.plan.invitees[1] * 2))

    def _series(
        self,
        title: str,
        rule: str,
        pattern: str,
        hour: int,
        minutes: int,
        topics: list[str],
        kinds: Sequence[str | None],
        counts: tuple[int, int],
        *,
        main: bool = False,
    ) -> None:
        rng = self.rng
        starts = self._occurrences(rule, hour, *counts)
        if not starts:
            return
        pool = self._series_pool(kinds)
        series_id = self._add(
            MeetingSeries,
            title=title,
            recurrence=rule,
            first_start=starts[0],
            default_location=N.LOCATIONS[0],
            default_duration_minutes=minutes,
            description=f"Treffenreihe der Koordinationsstelle Multilokalität im {N.DISTRICT}.",
        )
        self._series_frame(series_id, pool, main)
        infos: list[_MeetingInfo] = []
        for n, start in enumerate(starts, 1):
            info = _MeetingInfo(
                id=0,
                title=pattern.format(n=n),
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
            info.status = MeetingStatus.CLOSED if info is not past[-1] else MeetingStatus.MINUTED
        for info in future:
            info.status = MeetingStatus.INVITED if info is future[0] else MeetingStatus.PLANNED
        for info in infos:
            moved = main and len(past) > 3 and info is past[-3]
            self._add_meeting(info, moved=moved)

    def _series_frame(self, series_id: int, pool: list[_Contact], main: bool) -> None:
        """Departments, standard agenda, default invitees and (main series) backlog."""
        departments = ["Hauptamt", "Bauamt", "Sozialamt", "Jugendamt", "Wirtschaftsförderung"]
        for name in departments if main else departments[:1] + departments[-1:]:
            if (department_id := self._tax(Department, name)) is not None:
                self.rows[series_department].append(
                    {"series_id": series_id, "department_id": department_id}
                )
        for position, (title, minutes) in enumerate(N.AGENDA_TEMPLATE, 1):
            self._add(
                AgendaTemplateItem,
                series_id=series_id,
                position=position,
                title=title,
                planned_minutes=minutes,
            )
        invitee = {"series_id": series_id, "person_id": None, "organisation_id": None}
        for contact in [self.chair, *self.minute_takers, *pool[:10]]:
            self._add(
                SeriesInvitee, **invitee | {"person_id": contact.id},
                list_id=None, mode=InvitationMode.INVITED, receives_protocol=True,
            )  # fmt: skip
        if not main:
            return
        for org in self.orgs_by_kind["Kommune"]:
            self._add(
                SeriesInvitee, **invitee | {"organisation_id": org.id},
                list_id=None, mode=InvitationMode.INVITED, receives_protocol=True,
            )  # fmt: skip
        self._add(
            SeriesInvitee, **invitee, list_id=self.list_ids["Presseverteiler"],
            mode=InvitationMode.INFORMED, receives_protocol=False,
        )  # fmt: skip
        self.backlog = []
        for title, proposed_by in N.BACKLOG:
            self.backlog.append(
                self._add(
                    BacklogTopic,
                    series_id=series_id,
                    title=title,
                    description="",
                    proposed_by=proposed_by,
                    created_at=self._past_moment(self.now - timedelta(days=120)),
                    agenda_item_id=None,
                )
            )

    def _single_meetings(self) -> None:
        rng = self.rng
        past, future = self.plan.single_meetings
        pool = self._series_pool([k for k in self.plan.organisations] + [None])
        for i in range(past + future):
            if i < past:
                day = self.today - timedelta(days=rng.randint(60, 1400))
            else:
                day = self.today + timedelta(days=rng.randint(20, 200))
            day += timedelta(days=(1 - day.weekday()) % 7 + rng.randint(0, 2))  # Tue–Thu
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
        if moved:  # the Tuesday after Easter holidays, or a clash: one week later
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
            ical_uid=self._uid(),
            ical_sequence=1 if moved else 0,
            created_at=min(info.start - timedelta(days=60), self.now),
            updated_at=min(info.end + timedelta(days=3), self.now),
        )
        for topic in info.topics:
            self.rows[meeting_topic].append(
                {"meeting_id": info.id, "topic_id": self._named(Topic, topic)}
            )
        self.meetings.append(info)

    def _fill_meeting(self, m: _MeetingInfo) -> None:
        self._invitations(m)
        items = self._agenda(m)
        if not m.past:
            return
        self._attendance(m, items)
        self._minutes(m, items)
        self._meeting_action_items(m, items)
        self._protocol(m)

    def _invitations(self, m: _MeetingInfo) -> None:
        rng = self.rng
        if m.status == MeetingStatus.PLANNED and not m.past:
            return
        count = min(len(m.pool), rng.randint(*self.plan.invitees) - 2)
        invitees = [self.chair, rng.choice(self.minute_takers), *rng.sample(m.pool, count)]
        responses, weights = (
            ([Response.ATTENDED, Response.EXCUSED, Response.DECLINED, Response.INVITED],
             [72, 14, 8, 6])
            if m.past
            else ([Response.ACCEPTED, Response.DECLINED, Response.EXCUSED, Response.INVITED],
                  [45, 10, 5, 40])
        )  # fmt: skip
        for position, contact in enumerate(invitees):
            response = rng.choices(responses, weights)[0] if position >= 2 else responses[0]
            responded = None
            if response != Response.INVITED:
                responded = min(m.start - timedelta(days=rng.randint(1, 20)), self.now)
            if response == Response.ATTENDED:
                m.present.append(contact)
            self._add(
                Invitation, meeting_id=m.id, person_id=contact.id,
                organisation_id=contact.organisation.id if contact.organisation else None,
                mode=InvitationMode.INVITED, response=response, responded_at=responded,
                receives_protocol=True,
            )  # fmt: skip

    def _agenda(self, m: _MeetingInfo) -> list[_Item]:
        rng, plan = self.rng, self.plan
        frame = N.AGENDA_TEMPLATE if m.series_id else N.SINGLE_FRAME
        head, tail = frame[:-1], frame[-1:]
        topical = [t for topic in m.topics for t in N.TOPICS[topic]]
        rng.shuffle(topical)
        extra = rng.randint(*plan.extra_agenda_items)
        towns = rng.sample(self.towns, min(len(self.towns), extra + 2))
        others = [o for o in self.orgs if o.kind not in ("Kommune", "Kreisverwaltung")]
        candidates = [
            *topical,
            *rng.sample(N.GENERAL_AGENDA, 3),
            *(f"Vorstellung: {o.name}" for o in rng.sample(others, 2)),
            *(rng.choice(N.TOWN_AGENDA).format(town=t.name) for t in towns),
        ][:extra]
        if m.main and m.status == MeetingStatus.INVITED and getattr(self, "backlog", None):
            candidates.insert(0, N.BACKLOG[0][0])
        budget = (m.end - m.start).total_seconds() / 60 - sum(minutes for _, minutes in frame)
        per_item = max(5, round(budget / max(1, len(candidates)) / 5) * 5)
        speakers = m.present or m.pool or [self.chair]
        items: list[_Item] = []
        entries = [(t, mins, True) for t, mins in head]
        entries += [(t, max(5, per_item + rng.choice([-5, 0, 0, 5])), False) for t in candidates]
        entries += [(t, mins, True) for t, mins in tail]
        for position, (title, minutes, is_frame) in enumerate(entries, 1):
            presenter = self.chair if is_frame else self._presenter(title, speakers)
            item = _Item(0, title, minutes, presenter, is_frame)
            description = "" if is_frame else rng.choice(N.AGENDA_DESCRIPTIONS)
            item.id = self._add(
                AgendaItem, meeting_id=m.id, position=position, number=str(position),
                title=title, presenter_id=presenter.id if presenter else None,
                presenter_text=presenter.name if presenter else "", planned_minutes=minutes,
                description=description.format(presenter=presenter.name if presenter else ""),
                non_public=False, notes_html="", started_at=None, ended_at=None,
                unplanned=False, withdrawn=False,
            )  # fmt: skip
            items.append(item)
            if title == N.BACKLOG[0][0] and not m.past:
                self.rows[BacklogTopic][0]["agenda_item_id"] = item.id
        return items

    def _presenter(self, title: str, speakers: list[_Contact]) -> _Contact:
        for org in self._orgs_named_in(title):
            if org.contacts:
                return org.contacts[0]
        return self.rng.choice(speakers)

    def _orgs_named_in(self, title: str) -> Iterator[_Org]:
        if title.startswith("Vorstellung: "):
            name = title.removeprefix("Vorstellung: ")
            yield from (o for o in self.orgs if o.name == name)
        elif title.startswith(("Bericht aus ", "Erfahrungen aus ")):
            town = title.split(" aus ", 1)[1]
            yield from (o for o in self.orgs_by_kind["Kommune"] if o.town.name == town)

    def _attendance(self, m: _MeetingInfo, items: list[_Item]) -> None:
        rng = self.rng
        invited = [r for r in self.rows[Invitation] if r["meeting_id"] == m.id]
        excused = {r["person_id"] for r in invited if r["response"] == Response.EXCUSED}
        by_id = {c.id: c for c in m.pool + [self.chair, *self.minute_takers]}
        middle = [i for i in items if not i.frame]
        for contact, status in [(c, AttendanceStatus.PRESENT) for c in m.present] + [
            (by_id[p], AttendanceStatus.EXCUSED) for p in sorted(excused)
        ]:
            leaves_early = status == AttendanceStatus.PRESENT and middle and rng.random() < 0.04
            self._add(
                Attendance, meeting_id=m.id, person_id=contact.id, name_text=contact.name,
                organisation_text=contact.organisation_text, status=status, from_item_id=None,
                until_item_id=rng.choice(middle).id if leaves_early else None,
            )  # fmt: skip
        for _ in range(rng.randint(0, 2)):
            female, first, last, title = self._draw_name()
            guest_org = rng.choice(self.orgs)
            self._add(
                Attendance, meeting_id=m.id, person_id=None,
                name_text=" ".join(p for p in (title, first, last) if p),
                organisation_text=guest_org.name, status=AttendanceStatus.GUEST,
                from_item_id=None, until_item_id=None,
            )  # fmt: skip

    def _minutes(self, m: _MeetingInfo, items: list[_Item]) -> None:
        """Notes, times and results of every TOP of a past meeting."""
        rng = self.rng
        rows = {r["id"]: r for r in self.rows[AgendaItem][-len(items) :]}
        present = len(m.present)
        clock = m.start + timedelta(minutes=rng.randint(0, 6))
        for item in items:
            row = rows[item.id]
            row["started_at"] = clock
            clock += timedelta(minutes=max(2, item.minutes + rng.randint(-3, 8)))
            row["ended_at"] = clock
            outcomes: list[tuple[OutcomeKind, str, tuple[int, int, int] | None]] = []
            if item.frame:
                text, outcomes = self._frame_minutes(m, item, present, row["started_at"], clock)
                paragraphs = [text]
            else:
                paragraphs = [
                    self._fill(s, presenter=item.presenter)
                    for s in rng.sample(N.NOTE_SENTENCES, rng.randint(2, 3))
                ]
                outcomes = self._topic_outcomes(present)
            row["notes_html"] = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            for position, (kind, text, votes) in enumerate(outcomes):
                yes, no, abstain = votes or (None, None, None)
                self._add(
                    Outcome, agenda_item_id=item.id, position=position, kind=kind, text=text,
                    votes_yes=yes, votes_no=no, votes_abstain=abstain,
                )  # fmt: skip

    def _frame_minutes(
        self, m: _MeetingInfo, item: _Item, present: int, started: datetime, ended: datetime
    ) -> tuple[str, list[tuple[OutcomeKind, str, tuple[int, int, int] | None]]]:
        chair = self.chair.name
        title = item.title
        if title in ("Eröffnung und Begrüßung", "Begrüßung und Einführung"):
            local = started.astimezone(BERLIN)
            return (
                f"{chair} begrüßt die Anwesenden und eröffnet die Sitzung um {local:%H:%M} Uhr.",
                [],
            )
        if title.startswith("Feststellung"):
            return (
                f"Die Einladung erfolgte form- und fristgerecht. Anwesend sind {present} Teilnehmende.",
                [],
            )
        if title == "Genehmigung der Tagesordnung":
            decision = (OutcomeKind.DECISION, "Die Tagesordnung wird genehmigt.", (present, 0, 0))
            return "Die Tagesordnung wird ohne Änderungen genehmigt.", [decision]
        if title.startswith("Genehmigung des Protokolls"):
            if m.previous is None:
                return "Entfällt, da dies die erste Sitzung der Reihe ist.", []
            text = f"Das Protokoll der Sitzung vom {_de(m.previous.start.date())} wird genehmigt."
            abstain = self.rng.randint(0, 2)
            return text, [(OutcomeKind.DECISION, text, (present - abstain, 0, abstain))]
        local_end = ended.astimezone(BERLIN)
        following = f" Der nächste Termin ist am {_de(m.next.start.date())}." if m.next else ""
        return (
            f"Keine weiteren Wortmeldungen.{following} {chair} dankt allen für die Teilnahme "
            f"und schließt die Sitzung um {local_end:%H:%M} Uhr.",
            [],
        )

    def _topic_outcomes(
        self, present: int
    ) -> list[tuple[OutcomeKind, str, tuple[int, int, int] | None]]:
        rng = self.rng
        outcomes: list[tuple[OutcomeKind, str, tuple[int, int, int] | None]] = []
        for _ in range(rng.choices([0, 1, 2], [35, 45, 20])[0]):
            kind = rng.choices(list(OutcomeKind), [45, 40, 15])[0]
            pool = {
                OutcomeKind.INFORMATION: N.INFORMATION_OUTCOMES,
                OutcomeKind.AGREEMENT: N.AGREEMENT_OUTCOMES,
                OutcomeKind.DECISION: N.DECISION_OUTCOMES,
            }[kind]
            votes = None
            if kind == OutcomeKind.DECISION and rng.random() < 0.6:
                no, abstain = rng.randint(0, 2), rng.randint(0, 3)
                votes = (max(0, present - no - abstain), no, abstain)
            outcomes.append((kind, self._fill(rng.choice(pool)), votes))
        return outcomes

    def _fill(self, template: str, presenter: _Contact | None = None) -> str:
        rng = self.rng
        return template.format(
            presenter=presenter.name if presenter else self.chair.name,
            town=rng.choice(self.towns).name,
            org=rng.choice(self.orgs).name,
            date=_de(self.today + timedelta(days=rng.randint(-200, 120))),
        )

    def _meeting_action_items(self, m: _MeetingInfo, items: list[_Item]) -> None:
        rng = self.rng
        owners = [c for c in m.present if c is not self.chair] or [self.chair]
        middle = [i for i in items if not i.frame] or items
        for _ in range(rng.randint(*self.plan.action_items)):
            owner = rng.choice(owners)
            due = m.start.date() + timedelta(days=rng.randint(14, 90))
            self._add_action(self._fill(rng.choice(N.ACTION_TEXTS)), owner, due, m.end,
                             meeting_id=m.id, agenda_item_id=rng.choice(middle).id)  # fmt: skip

    def _add_action(
        self,
        text: str,
        owner: _Contact,
        due: date,
        created: datetime,
        *,
        meeting_id: int | None = None,
        agenda_item_id: int | None = None,
        measure_id: int | None = None,
    ) -> None:
        done = self.rng.random() < (0.8 if due < self.today else 0.15)
        self._add(
            ActionItem, text=text, meeting_id=meeting_id, agenda_item_id=agenda_item_id,
            measure_id=measure_id, owner_id=owner.id, owner_text=owner.name, due_date=due,
            done=done, done_at=self._past_moment(created) if done else None,
            created_at=min(created, self.now),
        )  # fmt: skip

    def _protocol(self, m: _MeetingInfo) -> None:
        approved = m.status == MeetingStatus.CLOSED
        approved_on = None
        if approved:
            approved_on = m.next.start.date() if m.next else m.start.date() + timedelta(days=21)
        self._add(
            Protocol, meeting_id=m.id,
            status=ProtocolStatus.APPROVED if approved else ProtocolStatus.DRAFT,
            chair_id=self.chair.id, chair_text=self.chair.name,
            minute_taker_id=self.minute_takers[0].id, minute_taker_text=self.minute_takers[0].name,
            revision=1, approved_on=approved_on,
            approved_in_meeting_id=m.next.id if approved and m.next else None,
            updated_at=min(_at(approved_on, 17) if approved_on else m.end + timedelta(days=2),
                           self.now),
        )  # fmt: skip

    # --- measures -----------------------------------------------------------------------

    def _measures(self) -> None:
        rng = self.rng
        cards = {card[0]: card for card in N.TOOL_CARDS}
        card_ids = {code: self._tool_card(card) for code, card in cards.items()}
        total = self.plan.measures
        top_level = total - total // 8
        past_meetings = [m for m in self.meetings if m.past] or self.meetings
        statuses = list(_STATUS_PATHS)
        parents: list[dict[str, Any]] = []
        for i, (title, code, action_field, town) in enumerate(self._measure_titles(top_level)):
            status = statuses[i] if i < len(statuses) else rng.choices(statuses, _STATUS_WEIGHTS)[0]
            card = cards.get(code) if code else None
            lead = self._measure_lead(town)
            origin = rng.choice(past_meetings) if past_meetings else None
            row = self._add_measure(
                title, status, card, card_ids.get(code) if code else None, action_field,
                lead, origin, parent=None, spatial="lokal" if town else "regional",
            )  # fmt: skip
            if status in ("geplant", "in Umsetzung", "umgesetzt"):
                parents.append(row)
        for _ in range(total - top_level):
            parent = rng.choice(parents) if parents else None
            if parent is None:
                break
            step = rng.choice(N.SUB_MEASURE_STEPS)
            status = {
                "umgesetzt": "umgesetzt",
                "in Umsetzung": rng.choice(["umgesetzt", "in Umsetzung", "geplant"]),
            }.get(parent["_status"], "geplant")
            self._add_measure(
                f"{parent['title']}: {step}", status, None, parent["tool_card_id"],
                parent["_field"], parent["_lead"], parent["_origin"], parent=parent,
                spatial="lokal",
            )  # fmt: skip
        for row in self.rows[Measure]:
            for key in [k for k in row if k.startswith("_")]:
                del row[key]

    def _tool_card(self, card: tuple[Any, ...]) -> int:
        code, title, strategy, spatial, project_type, groups, fields = card
        existed = code in self.__dict__.get("_named_tool_card", {})
        card_id = self._named(
            ToolCard, code, key="code", title=title,
            description=f"Planungskarte der Toolbox: {title}.",
            strategy_id=self._tax(Strategy, strategy),
            spatial_level_id=self._tax(SpatialLevel, spatial),
            project_type_id=self._tax(ProjectType, project_type),
        )  # fmt: skip
        if existed or self.rows[ToolCard][-1]["id"] != card_id:
            return card_id
        for model, table, column, names in (
            (TargetGroup, tool_card_target_group, "target_group_id", groups),
            (ActionField, tool_card_action_field, "action_field_id", fields),
        ):
            for name in names:
                if (value := self._tax(model, name)) is not None:
                    self.rows[table].append({"tool_card_id": card_id, column: value})
        return card_id

    def _measure_titles(self, count: int) -> Iterator[tuple[str, str | None, str, _Town | None]]:
        rng = self.rng
        local = [(t, code, af, town) for t, code, af in N.MEASURE_TEMPLATES for town in self.towns]
        rng.shuffle(local)
        regional = [(t, code, af, None) for t, code, af in N.REGIONAL_MEASURES]
        pool = regional[:2] + local[: max(0, count - len(regional))] + regional[2:]
        for round_number in itertools.count(1):
            for title, code, action_field, town in pool:
                if count == 0:
                    return
                count -= 1
                text = title.format(town=town.name) if town else title
                yield (text if round_number == 1 else f"{text} ({round_number}. Phase)",
                       code, action_field, town)  # fmt: skip

    def _measure_lead(self, town: _Town | None) -> _Org:
        rng = self.rng
        if town is None:
            return rng.choice(self.orgs_by_kind["Kreisverwaltung"] + self.orgs_by_kind["Verband"])
        local = [o for o in self._orgs_in(town) if o.kind != "Kreisverwaltung"]
        municipal = [o for o in local if o.kind == "Kommune"]
        if municipal and (rng.random() < 0.6 or len(local) == len(municipal)):
            return municipal[0]
        return rng.choice(local) if local else rng.choice(self.orgs)

    def _orgs_in(self, town: _Town) -> list[_Org]:
        index = self.__dict__.setdefault("_orgs_by_town", {})
        if not index:
            for org in self.orgs:
                index.setdefault(org.town.name, []).append(org)
        return index.get(town.name, [])

    def _add_measure(
        self,
        title: str,
        status: str,
        card: tuple[Any, ...] | None,
        card_id: int | None,
        action_field: str,
        lead: _Org,
        origin: _MeetingInfo | None,
        *,
        parent: dict[str, Any] | None,
        spatial: str,
    ) -> dict[str, Any]:
        rng = self.rng
        created = min(origin.end if origin else self.now - timedelta(days=400), self.now)
        start, target, progress = self._measure_dates(status, created.date())
        responsible = lead.contacts[0] if lead.contacts else self.chair
        strategy = parent["strategy_id"] if parent else None
        if strategy is None:
            strategy = self._tax(
                Strategy, card[2] if card else rng.choice(list(self.taxonomy[Strategy]))
            )
        measure_id = self._add(
            Measure, title=title,
            description=" ".join(rng.sample(N.MEASURE_DESCRIPTIONS, 2)),
            kind_id=self._tax(MeasureKind, "Projekt" if parent else rng.choice(N.MEASURE_KINDS)),
            status_id=self._tax(MeasureStatus, status), strategy_id=strategy,
            spatial_level_id=self._tax(SpatialLevel, card[3] if card else spatial),
            project_type_id=self._tax(ProjectType, card[4] if card else rng.choice(N.PROJECT_TYPES)),
            parent_id=parent["id"] if parent else None, tool_card_id=card_id,
            lead_organisation_id=lead.id, responsible_person_id=responsible.id,
            origin_meeting_id=origin.id if origin else None, priority=rng.choice([1, 2, 2, 3]),
            progress=progress, start_date=start, target_date=target,
            created_at=created, updated_at=created,
            _status=status, _field=action_field, _lead=lead, _origin=origin,
        )  # fmt: skip
        row = self.rows[Measure][-1]
        groups = list(card[5]) if card else rng.sample(list(self.taxonomy[TargetGroup]), 2)
        fields = list(dict.fromkeys([action_field, *(card[6] if card else [])]))
        for model, table, column, names in (
            (TargetGroup, measure_target_group, "target_group_id", groups),
            (ActionField, measure_action_field, "action_field_id", fields),
        ):
            for name in names:
                if (value := self._tax(model, name)) is not None:
                    self.rows[table].append({"measure_id": measure_id, column: value})
        self._measure_links(row, lead, origin)
        self._measure_history(row, status, progress, created, responsible)
        return row

    def _measure_dates(self, status: str, created: date) -> tuple[date | None, date | None, int]:
        """(start, target, progress) that fit the status."""
        rng, today = self.rng, self.today
        later = today + timedelta(days=rng.randint(90, 720))
        if status == "Idee":
            return None, None, 0
        if status == "in Prüfung":
            return None, later, rng.choice([0, 5, 10])
        if status == "geplant":
            start = today + timedelta(days=rng.randint(20, 270))
            return start, start + timedelta(days=rng.randint(180, 720)), rng.choice([5, 10, 15, 20])
        began = created + timedelta(days=rng.randint(0, max(0, (today - created).days)))
        if status == "in Umsetzung":
            target = later if rng.random() < 0.85 else today - timedelta(days=rng.randint(5, 90))
            return began, target, rng.randrange(20, 95, 5)
        if status == "umgesetzt":
            return began, began + timedelta(days=rng.randint(0, max(0, (today - began).days))), 100
        return None, None, rng.choice([0, 0, 10, 20, 30]) if status == "zurückgestellt" else 0

    def _measure_links(self, row: dict[str, Any], lead: _Org, origin: _MeetingInfo | None) -> None:
        rng = self.rng
        for partner in rng.sample(self.orgs, rng.choice([0, 1, 1, 2, 2, 3])):
            if partner is lead:
                continue
            self._add(MeasurePartner, measure_id=row["id"], organisation_id=partner.id,
                      role=rng.choice(N.PARTNER_ROLES))  # fmt: skip
        if origin is None:
            return
        later = [m for m in self.meetings if m.main and m.past and m.start > origin.start]
        for meeting in [origin, *rng.sample(later, min(len(later), rng.randint(0, 2)))]:
            self.rows[measure_meeting].append({"measure_id": row["id"], "meeting_id": meeting.id})
        if row["_status"] in ("geplant", "in Umsetzung") and rng.random() < 0.2:
            owner = lead.contacts[0] if lead.contacts else self.chair
            due = self.today + timedelta(days=rng.randint(-30, 120))
            self._add_action(rng.choice(N.MEASURE_ACTION_TEXTS), owner, due, origin.end,
                             meeting_id=origin.id, measure_id=row["id"])  # fmt: skip

    def _measure_history(
        self,
        row: dict[str, Any],
        status: str,
        progress: int,
        created: datetime,
        responsible: _Contact,
    ) -> None:
        rng = self.rng
        path = _STATUS_PATHS[status]
        moments = sorted(self._past_moment(created) for _ in path[1:])
        author = rng.choice([self.chair, *self.minute_takers]).name
        for old, new, moment in zip(path, path[1:], moments, strict=True):
            meeting = next((m for m in self.meetings if m.past and m.start >= moment), None)
            self._add(
                MeasureHistory, measure_id=row["id"], changed_at=moment, author=author,
                field="status", old_value=old, new_value=new,
                meeting_id=meeting.id if meeting and rng.random() < 0.5 else None,
            )  # fmt: skip
        if 0 < progress < 100 and moments:
            self._add(
                MeasureHistory, measure_id=row["id"], changed_at=moments[-1], author=author,
                field="progress", old_value="0", new_value=str(progress), meeting_id=None,
            )  # fmt: skip
        if moments:
            row["updated_at"] = moments[-1]
