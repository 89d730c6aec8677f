"""The demo's address book: towns, organisations, people, their memberships and tags, and
the distribution lists."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ...domain import (
    ConsentMethod,
    ConsentRecord,
    ConsentStatus,
    Department,
    DistributionList,
    DistributionListMember,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
    Tag,
)
from ...domain.contacts import organisation_tag, person_tag
from ...domain.privacy import LegalBasis
from . import names as N
from .context import Context
from .records import Contact, Org, Town, ascii_slug, at, full_name, gendered

PRIVACY_SEED = 4711  # own random source: the rest of the demo stays as it was
DATA_SOURCES = (
    "Visitenkarte beim Vernetzungstreffen",
    "Anmeldung zum Vernetzungstreffen",
    "Webseite der Organisation",
    "E-Mail an die Koordinationsstelle",
    "Empfehlung einer Gemeinde",
)
CONSENT_PURPOSE = "Einladungen, Protokolle und Informationen zu den Vernetzungstreffen"


class AddressBook:
    """Towns, organisations and people, kept so that later steps can draw from them."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.plan = ctx.plan
        self.rng = ctx.rng
        self.today = ctx.today
        self.now = ctx.now
        self.towns: list[Town] = []
        self.orgs: list[Org] = []
        self.orgs_by_kind: dict[str, list[Org]] = defaultdict(list)
        self.orgs_by_town: dict[str, list[Org]] = defaultdict(list)
        self.org_by_name: dict[str, Org] = {}
        self.contacts: list[Contact] = []
        self.list_ids: dict[str, int] = {}
        # The coordination office of the district: its head chairs every meeting.
        self.chair: Contact
        self.minute_takers: list[Contact] = []

    def build(self) -> None:
        self._organisations()
        self._people()
        district = self.orgs_by_kind["Kreisverwaltung"][0].contacts
        self.chair, self.minute_takers = district[1], district[2:4]
        self._distribution_lists()
        self._privacy()

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

    def _make_towns(self, count: int) -> list[Town]:
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
            Town(name, str(codes[i % len(codes)]), rng.choice(N.AREA_CODES))
            for i, name in enumerate(names)
        ]

    def _organisation_name(self, kind: str, town: Town) -> str:
        for attempt in range(60):  # noqa: B007 (used after the loop)
            name = self._draw_organisation_name(kind, town)
            if name not in self.org_by_name:
                return name
            town = self.rng.choice(self.towns)
        return f"{name} ({attempt})"

    def _draw_organisation_name(self, kind: str, town: Town) -> str:
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

    def _add_organisation(self, kind: str, town: Town, name: str) -> None:
        rng = self.rng
        if kind == "Kreisverwaltung":
            domain, street = N.DISTRICT_DOMAIN, "Schloßplatz 1"
        elif kind == "Kommune":
            domain, street = (
                f"{ascii_slug(town.name)}.de",
                rng.choice(["Rathausplatz 1", "Markt 1"]),
            )
        else:
            words = [w for w in ascii_slug(name).split("-") if w not in N.LEGAL_WORDS]
            domain = "-".join(words[:3]) + ".de"
            street = f"{rng.choice(N.STREETS)} {rng.randint(1, 86)}"
        digits = 10 - len(town.area_code)
        phone_base = str(rng.randint(2 * 10 ** (digits - 1), 10**digits - 1))
        mailbox = N.MAILBOXES.get(kind, "info")
        has_website = kind != "Lokale Bevölkerung" or rng.random() < 0.3
        created = self.ctx.past_moment(self.now - timedelta(days=2000))
        row = self.ctx.add(
            Organisation,
            name=name,
            kind_id=self.ctx.tax(OrganisationKind, kind),
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
        org = Org(row["id"], name, kind, town, domain, phone_base)
        self.orgs.append(org)
        self.orgs_by_kind[kind].append(org)
        self.orgs_by_town[town.name].append(org)
        self.org_by_name[name] = org
        tag = "Presse" if name in N.PRESS else N.KIND_TAGS.get(kind)
        if tag and (tag == "Presse" or rng.random() < 0.3):
            self.ctx.link(organisation_tag, organisation_id=org.id, tag_id=self.ctx.named(Tag, tag))

    # --- people -------------------------------------------------------------------------

    def _people(self) -> None:
        plan, rng = self.plan, self.rng
        departments = [d for d in self.ctx.taxonomy[Department] if d != "Hauptamt"]
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

    def draw_name(self) -> tuple[bool, str, str, str]:
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
        created = self.ctx.past_moment(self.now - timedelta(days=1500))
        defaults = dict(phone="", mobile="", street="", postal_code="", city="", notes="",
                        legal_basis=None, data_source="", contact_review_on=None,
                        participation_review_on=None)  # fmt: skip
        return self.ctx.add(
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

    def _add_member(self, org: Org, roles: tuple[str, str], department: str | None) -> None:
        rng = self.rng
        female, first, last, title = self.draw_name()
        role = gendered(roles, female)
        if org.kind == "Kommune":
            local_part = f"{ascii_slug(first)[0]}.{ascii_slug(last)}"
        elif org.kind == "Unternehmen" and rng.random() < 0.5:
            local_part = ascii_slug(last)
        else:
            local_part = f"{ascii_slug(first)}.{ascii_slug(last)}"
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
        contact = Contact(person_id, full_name(title, first, last), female, org, role, "", [])
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
        female, first, last, title = self.draw_name()
        town = rng.choice(self.towns)
        person_id = self._add_person(
            female,
            first,
            last,
            title,
            function="",
            email=f"{ascii_slug(first)}.{ascii_slug(last)}@{rng.choice(N.PRIVATE_MAIL_DOMAINS)}",
            mobile=self._mobile(),
            street=f"{rng.choice(N.STREETS)} {rng.randint(1, 60)}",
            postal_code=town.postal_code,
            city=town.name,
            notes=rng.choice(N.CITIZEN_NOTES),
        )
        tags = ["Pendlerinitiative"] if rng.random() < 0.4 else []
        name = full_name(title, first, last)
        self._register(Contact(person_id, name, female, None, "", town.name, tags))

    def _register(self, contact: Contact) -> None:
        self.contacts.append(contact)
        for tag in contact.tags:
            self.ctx.link(person_tag, person_id=contact.id, tag_id=self.ctx.named(Tag, tag))

    def _add_membership(
        self,
        person_id: int,
        org: Org,
        role: str,
        department: str | None,
        valid_from: date,
        valid_until: date | None,
        *,
        primary: bool,
    ) -> None:
        self.ctx.add(
            Membership,
            person_id=person_id,
            organisation_id=org.id,
            role=role,
            department_id=self.ctx.tax(Department, department),
            valid_from=valid_from,
            valid_until=valid_until,
            is_primary=primary,
        )

    def _second_memberships(self) -> None:
        """Some people changed jobs (an ended membership), a few also hold a club office."""
        rng = self.rng
        clubs = self.orgs_by_kind["Verein"]
        for contact in self.contacts:
            if contact.organisation is None or contact.since is None:  # no job to change
                continue
            draw = rng.random()
            if draw < 0.07:
                former = rng.choice(self.orgs)
                if former is contact.organisation:
                    continue
                roles = rng.choice(N.KIND_ROLES.get(former.kind, [N.CLERK]))
                until = contact.since - timedelta(days=rng.randint(1, 90))
                since = until - timedelta(days=rng.randint(200, 3000))
                role = gendered(roles, contact.female)
                self._add_membership(contact.id, former, role, None, since, until, primary=False)
            elif draw < 0.09 and clubs:
                role = gendered(rng.choice(N.KIND_ROLES["Verein"]), contact.female)
                since = self.today - timedelta(days=rng.randint(100, 4000))
                club = rng.choice(clubs)
                self._add_membership(contact.id, club, role, None, since, None, primary=False)

    # --- privacy (DSGVO) -----------------------------------------------------------------

    def _privacy(self) -> None:
        """A legal basis, source and review dates for everyone; consents for most people of
        companies, clubs and the local population — some withdrawn or missing, a few
        reviews due, so the Datenschutz-Prüfung has something to show."""
        rng = random.Random(PRIVACY_SEED)
        rows = {row["id"]: row for row in self.ctx.rows[Person]}
        administrations = ("Kommune", "Kreisverwaltung")
        for contact in self.contacts:
            row = rows[contact.id]
            kind = contact.organisation.kind if contact.organisation else None
            if kind in administrations or (kind is not None and rng.random() < 0.5):
                row["legal_basis"] = LegalBasis.PUBLIC_TASK
                row["data_source"] = (
                    "Meldung der Verwaltung" if kind in administrations
                    else rng.choice(DATA_SOURCES)
                )  # fmt: skip
            else:
                row["legal_basis"] = LegalBasis.CONSENT
                row["data_source"] = (
                    "Anmeldeformular Bürgerbeteiligung" if kind is None
                    else rng.choice(DATA_SOURCES)
                )  # fmt: skip
                self._consents(rng, contact.id)
            row["contact_review_on"] = self.today + timedelta(days=rng.randint(-40, 1400))
            if rng.random() < 0.5:
                row["participation_review_on"] = self.today + timedelta(days=rng.randint(-20, 2000))

    def _consents(self, rng: random.Random, person_id: int) -> None:
        draw = rng.random()
        if draw < 0.07:
            return  # consent asked for, not yet back: "Einwilligung fehlt"
        given = self.today - timedelta(days=rng.randint(30, 1800))
        version = "Einwilligung v1 (2022)" if given.year < 2024 else "Einwilligung v2 (2024)"
        values = dict(person_id=person_id, purpose=CONSENT_PURPOSE, text_version=version, note="")
        self.ctx.add(
            ConsentRecord, status=ConsentStatus.GIVEN, recorded_on=given,
            method=rng.choice(list(ConsentMethod)), created_at=at(given, 10), **values,
        )  # fmt: skip
        if draw < 0.15:
            withdrawn = given + timedelta(days=rng.randint(1, (self.today - given).days))
            self.ctx.add(
                ConsentRecord, status=ConsentStatus.WITHDRAWN, recorded_on=withdrawn,
                method=rng.choice([ConsentMethod.EMAIL, ConsentMethod.WRITTEN]),
                created_at=at(withdrawn, 11), **values,
            )  # fmt: skip

    def _distribution_lists(self) -> None:
        members = {
            "Presseverteiler": [c for c in self.contacts if "Presse" in c.tags],
            "Bürgermeisterinnen und Bürgermeister": [c for c in self.contacts if c.role in N.MAYOR],
            "Newsletter Multilokalität": [c for c in self.contacts if "Newsletter" in c.tags],
        }
        for name, contacts in members.items():
            list_id = self.ctx.named(DistributionList, name, description=N.LIST_DESCRIPTIONS[name])
            self.list_ids[name] = list_id
            for contact in contacts:
                self.ctx.add(
                    DistributionListMember,
                    list_id=list_id,
                    person_id=contact.id,
                    organisation_id=None,
                )
