"""Importing contacts: a preview that writes nothing, then an all-or-nothing apply.

The records come from a file (`exchange.contacts_file`); this module never reads files.

Errors — one hierarchy for everything an import can refuse (DESIGN.md §4: "a bad file
changes nothing and the message names the line or record at fault"):

    ServiceError                       services/errors.py  (exit code 1 on the command line)
    └── ContactImportError             here: base of every import problem
        ├── ImportRecordError          here: one record is invalid (raised by apply_import)
        └── ImportFileError            exchange/errors.py: the file cannot be read at all

Every message is one German line that starts with the record or line at fault
("Zeile 14: Die E-Mail-Adresse „mueller@“ ist ungültig.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import (
    Department,
    Membership,
    Organisation,
    OrganisationDirectoryRow,
    OrganisationKind,
    Person,
    Tag,
)
from ..domain.text import sort_key
from .contact_records import FIELD_LABELS, ContactRecord
from .duplicates import DuplicateCandidate, find_duplicate_people, name_keys
from .errors import ServiceError, ValidationError
from .organisations import OrganisationData, save_organisation
from .people import EMAIL_PATTERN, MembershipData, PersonData, save_person

DEFAULT_ORGANISATION_KIND = "Sonstige"  # kind of organisations an import creates


class ContactImportError(ServiceError):
    """A contact import was refused; nothing was changed.

    `line` (a line of the file) or `record` (e.g. "Karte 3 ab Zeile 17 (Jürgen Müller)")
    say where, when known; the message already names it.
    """

    def __init__(self, message: str, *, line: int | None = None, record: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.record = record

    def __str__(self) -> str:
        return self.message


class ImportRecordError(ContactImportError):
    """One record of the file cannot be imported (no name, bad e-mail, text too long)."""


# --- preview --------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewItem:
    index: int
    record: ContactRecord
    duplicates: tuple[DuplicateCandidate, ...]  # people already in the address book
    duplicates_in_file: tuple[int, ...]  # indices of earlier records: same name or e-mail
    organisation_id: int | None  # the existing organisation the record names
    new_organisation: bool  # the record names an organisation the import will create
    problem: str  # why the record cannot be imported ("" if it can)

    @property
    def is_duplicate(self) -> bool:
        return bool(self.duplicates or self.duplicates_in_file)


@dataclass(frozen=True)
class ImportPreview:
    items: tuple[PreviewItem, ...]

    @property
    def new_organisations(self) -> list[str]:
        """Organisations the import would create, each once, as first spelled in the file."""
        names: dict[str, str] = {}
        for item in self.items:
            if item.new_organisation:
                names.setdefault(sort_key(item.record.organisation), item.record.organisation)
        return list(names.values())

    @property
    def duplicate_indices(self) -> frozenset[int]:
        """Records that are probably there already — what a user would usually skip."""
        return frozenset(item.index for item in self.items if item.is_duplicate)

    @property
    def problems(self) -> list[str]:
        return [item.problem for item in self.items if item.problem]


def preview_import(session: Session, records: Sequence[ContactRecord]) -> ImportPreview:
    """What `apply_import` would do with these records; writes nothing."""
    departments = _departments(session)
    organisations = _OrganisationLookup(session)
    seen: dict[str, int] = {}  # name key or e-mail → first record index
    items = []
    for index, record in enumerate(records):
        record = _clean(record)
        duplicates: tuple[DuplicateCandidate, ...] = ()
        in_file: list[int] = []
        if record.has_person:
            duplicates = tuple(
                find_duplicate_people(session, record.first_name, record.last_name, record.email)
            )
            for key in _identity_keys(record):
                first = seen.setdefault(key, index)
                if first != index and first not in in_file:
                    in_file.append(first)
        organisation_id = organisations.existing(record.organisation)
        items.append(
            PreviewItem(
                index=index,
                record=record,
                duplicates=duplicates,
                duplicates_in_file=tuple(sorted(in_file)),
                organisation_id=organisation_id,
                new_organisation=bool(record.organisation) and organisation_id is None,
                problem=record_problem(record, departments),
            )
        )
    return ImportPreview(tuple(items))


def _identity_keys(record: ContactRecord) -> list[str]:
    keys: list[str] = []
    if record.last_name:
        keys.extend(f"name:{key}" for key in sorted(name_keys(record.first_name, record.last_name)))
    if record.email:
        keys.append(f"email:{record.email.casefold()}")
    return keys


# --- validation -----------------------------------------------------------------------


def _length(column: object) -> int | None:
    return getattr(getattr(column, "type", None), "length", None)


# The column each record field ends up in, for the length check (never cut silently).
_COLUMNS = {
    "salutation": Person.__table__.c.salutation,
    "title": Person.__table__.c.title,
    "first_name": Person.__table__.c.first_name,
    "last_name": Person.__table__.c.last_name,
    "organisation": Organisation.__table__.c.name,
    "function": Person.__table__.c.function,
    "email": Person.__table__.c.email,
    "phone": Person.__table__.c.phone,
    "mobile": Person.__table__.c.mobile,
    "street": Person.__table__.c.street,
    "postal_code": Person.__table__.c.postal_code,
    "city": Person.__table__.c.city,
    "website": Organisation.__table__.c.website,
}
_ROLE_LENGTH = _length(Membership.__table__.c.role) or 120
_TAG_LENGTH = _length(Tag.__table__.c.name) or 80


def record_problem(record: ContactRecord, departments: dict[str, Department]) -> str:
    """Why this record cannot be imported, as a message naming it; "" if it can.

    `departments` are the Verwaltungsressorts by sort key (see `_departments`).
    """
    problem = _problem(record, departments)
    if problem and record.source:
        return f"{record.source}: {problem}"
    return problem


def _problem(record: ContactRecord, departments: dict[str, Department]) -> str:
    if not (record.first_name or record.last_name or record.organisation):
        return "Der Datensatz hat weder Vor- noch Nachnamen noch eine Organisation."
    if record.email and not EMAIL_PATTERN.match(record.email):
        return f"Die E-Mail-Adresse „{record.email}“ ist ungültig."
    for name, column in _COLUMNS.items():
        value = getattr(record, name)
        limit = _length(column)
        if limit and len(value) > limit:
            return _too_long(FIELD_LABELS[name], value, limit)
    for category in record.categories:
        if len(category) > _TAG_LENGTH:
            return _too_long("Kategorie", category, _TAG_LENGTH)
    role = _role(record, departments)[0]
    if len(role) > _ROLE_LENGTH:
        return (
            f"Funktion und Abteilung „{_shorten(role)}“ sind zusammen zu lang "
            f"({len(role)} Zeichen, erlaubt sind höchstens {_ROLE_LENGTH})."
        )
    return ""


def _too_long(label: str, value: str, limit: int) -> str:
    return (
        f"„{label}“ ist zu lang: „{_shorten(value)}“ hat {len(value)} Zeichen, "
        f"erlaubt sind höchstens {limit}."
    )


def _shorten(value: str, width: int = 30) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else f"{value[: width - 1]}…"


def _role(record: ContactRecord, departments: dict[str, Department]) -> tuple[str, int | None]:
    """Membership role text and department id: an unknown department goes into the role."""
    if not record.department:
        return record.function, None
    department = departments.get(sort_key(record.department))
    if department is not None:
        return record.function, department.id
    return ", ".join(p for p in (record.function, record.department) if p), None


def _departments(session: Session) -> dict[str, Department]:
    """The Verwaltungsressorts still offered for new records, by sort key."""
    rows = session.scalars(select(Department).where(Department.retired.is_(False)))
    result: dict[str, Department] = {}
    for department in rows:
        result.setdefault(sort_key(department.name), department)
    return result


# --- apply ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    people_created: int
    organisations_created: int
    skipped: int  # records the user chose not to import
    unchanged: int = 0  # organisation-only records whose organisation already existed
    person_ids: tuple[int, ...] = ()
    organisation_ids: tuple[int, ...] = ()  # the organisations created


def apply_import(
    session: Session,
    records: Sequence[ContactRecord],
    *,
    skip: set[int] | frozenset[int] = frozenset(),
) -> ImportResult:
    """Create people, organisations, memberships and tags for the records not skipped.

    Every record is checked before anything is written; the first invalid one raises
    `ImportRecordError` and the session is untouched. Works in the caller's session and
    does not commit (the caller does; on any error the caller must roll back, which
    `Database.session()` does). Existing organisations are linked, never changed;
    missing organisations get the kind "Sonstige". A record without a first or last
    name creates (or finds) only its organisation.
    """
    if any(index < 0 or index >= len(records) for index in skip):
        raise ValueError("skip holds an index that is not a record")
    chosen = [_clean(r) for i, r in enumerate(records) if i not in skip]
    departments = _departments(session)
    for record in chosen:
        problem = record_problem(record, departments)
        if problem:
            raise ImportRecordError(problem, record=record.source or None)

    organisations = _OrganisationLookup(session)
    existing_before = {
        key
        for key in {sort_key(r.organisation) for r in chosen if r.organisation}
        if organisations.existing_by_key(key) is not None
    }
    created = _create_organisations(session, chosen, organisations, existing_before)

    person_ids = []
    unchanged = 0
    for record in chosen:
        key = sort_key(record.organisation)
        if not record.has_person:
            if key in existing_before:
                unchanged += 1
            continue
        organisation_id = organisations.existing_by_key(key) if record.organisation else None
        person_ids.append(
            _save(session, _person_data(session, record, organisation_id, departments), record)
        )
    session.flush()
    return ImportResult(
        people_created=len(person_ids),
        organisations_created=len(created),
        skipped=len(skip),
        unchanged=unchanged,
        person_ids=tuple(person_ids),
        organisation_ids=tuple(created),
    )


def _clean(record: ContactRecord) -> ContactRecord:
    """One-line fields on one line ("Töpferstraße 3↵Haus B" → "Töpferstraße 3, Haus B"),
    without surplus blanks; empty and repeated categories dropped."""
    one_line = {
        name: _one_line(getattr(record, name))
        for name in FIELD_LABELS
        if name not in ("categories", "notes")
    }
    categories = list(dict.fromkeys(_one_line(c) for c in record.categories if c.strip()))
    return replace(record, **one_line, notes=record.notes.strip(), categories=categories)


def _one_line(value: str) -> str:
    return " ".join(_LINE_BREAK.sub(", ", value.strip()).split())


_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


class _OrganisationLookup:
    """Organisations by name, ignoring case and umlaut spelling, asked once per name."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int | None] = {}

    def existing(self, name: str) -> int | None:
        return self.existing_by_key(sort_key(name)) if name.strip() else None

    def existing_by_key(self, key: str) -> int | None:
        if key not in self._ids:
            self._ids[key] = self._session.scalar(
                select(OrganisationDirectoryRow.organisation_id)
                .where(OrganisationDirectoryRow.sort_key == key)
                .order_by(OrganisationDirectoryRow.organisation_id)
                .limit(1)
            )
        return self._ids[key]

    def remember(self, key: str, organisation_id: int) -> None:
        self._ids[key] = organisation_id


def _create_organisations(
    session: Session,
    chosen: list[ContactRecord],
    organisations: _OrganisationLookup,
    existing_before: set[str],
) -> list[int]:
    """Each missing organisation once; details from its own record if the file has one."""
    kind_id = session.scalar(
        select(OrganisationKind.id).where(OrganisationKind.name == DEFAULT_ORGANISATION_KIND)
    )
    wanted: dict[str, ContactRecord] = {}
    for record in chosen:
        if not record.organisation:
            continue
        key = sort_key(record.organisation)
        if key in existing_before:
            continue
        first = wanted.setdefault(key, record)
        if not record.has_person and first.has_person:
            # The organisation's own record (no person) knows its address; the name
            # keeps the spelling first seen.
            wanted[key] = replace(record, organisation=first.organisation)
        elif first.has_person and not first.website and record.website:
            wanted[key] = replace(first, website=record.website)
    created = []
    for key, record in wanted.items():
        own = not record.has_person
        data = OrganisationData(name=record.organisation, kind_id=kind_id, website=record.website)
        if own:  # an organisation-only record brings the organisation's own details
            data = replace(
                data,
                street=record.street,
                postal_code=record.postal_code,
                city=record.city,
                phone=record.phone or record.mobile,
                email=record.email,
                notes=record.notes,
                tags=tuple(record.categories),
            )
        organisation_id = _save_organisation(session, data, record)
        organisations.remember(key, organisation_id)
        created.append(organisation_id)
    return created


def _person_data(
    session: Session,
    record: ContactRecord,
    organisation_id: int | None,
    departments: dict[str, Department],
) -> PersonData:
    notes = record.notes
    organisation = session.get(Organisation, organisation_id) if organisation_id else None
    if record.website and (organisation is None or organisation.website != record.website):
        # People have no website of their own; keep it where the user will find it.
        notes = "\n".join(p for p in (notes, f"Webseite: {record.website}") if p)
    memberships: tuple[MembershipData, ...] = ()
    if organisation_id is not None:
        role, department_id = _role(record, departments)
        memberships = (
            MembershipData(
                organisation_id=organisation_id,
                role=role,
                department_id=department_id,
                is_primary=True,
            ),
        )
    return PersonData(
        first_name=record.first_name,
        last_name=record.last_name,
        salutation=record.salutation,
        title=record.title,
        function=record.function,
        email=record.email,
        phone=record.phone,
        mobile=record.mobile,
        street=record.street,
        postal_code=record.postal_code,
        city=record.city,
        notes=notes,
        tags=tuple(record.categories),
        memberships=memberships,
    )


def _save(session: Session, data: PersonData, record: ContactRecord) -> int:
    try:
        return save_person(session, data)
    except ValidationError as exc:  # checked above already; name the record all the same
        raise ImportRecordError(f"{record.source}: {exc}", record=record.source) from exc


def _save_organisation(session: Session, data: OrganisationData, record: ContactRecord) -> int:
    try:
        return save_organisation(session, data)
    except ValidationError as exc:
        raise ImportRecordError(f"{record.source}: {exc}", record=record.source) from exc
