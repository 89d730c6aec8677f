"""People in the address book: read one, create, change, delete, merge two."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    Attendance,
    Base,
    Department,
    DistributionList,
    DistributionListMember,
    Membership,
    Organisation,
    Person,
    Tag,
)
from .conflicts import ConflictError, check_version, describe, lost_update_guard
from .errors import NotFoundError, ValidationError

# The person's plain text fields, shared by reading, saving, merging and exporting.
PERSON_TEXT_FIELDS = (
    "salutation", "title", "first_name", "last_name", "function", "email", "phone",
    "mobile", "street", "postal_code", "city",
)  # fmt: skip

# Deliberately loose: one @, something before it, a dot in the domain, no spaces.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class MembershipData:
    organisation_id: int
    role: str = ""
    department_id: int | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    is_primary: bool = False
    # filled when read, ignored when saved:
    organisation_name: str = ""
    department_name: str = ""


@dataclass(frozen=True)
class PersonData:
    """What a person form edits; also what `get_person` returns (with id and extras)."""

    first_name: str = ""
    last_name: str = ""
    salutation: str = ""
    title: str = ""
    function: str = ""
    email: str = ""
    phone: str = ""
    mobile: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    memberships: tuple[MembershipData, ...] = ()
    version: int | None = None  # as loaded; a save checks it (services/conflicts.py)


@dataclass(frozen=True)
class PersonDetails:
    id: int
    data: PersonData
    distribution_lists: tuple[str, ...] = ()
    meetings_attended: int = 0
    open_action_items: int = 0

    @property
    def display_name(self) -> str:
        d = self.data
        return " ".join(p for p in (d.title, d.first_name, d.last_name) if p)


def validate_email(email: str, what: str = "Die E-Mail-Adresse") -> None:
    if email and not EMAIL_PATTERN.match(email):
        raise ValidationError(f"{what} „{email}“ ist ungültig.")


def validate_person(data: PersonData) -> None:
    if not (data.first_name.strip() or data.last_name.strip()):
        raise ValidationError("Bitte mindestens Vor- oder Nachnamen angeben.")
    validate_email(data.email.strip())
    for membership in data.memberships:
        if (
            membership.valid_from
            and membership.valid_until
            and membership.valid_until < membership.valid_from
        ):
            raise ValidationError(
                "Eine Zugehörigkeit endet vor ihrem Beginn "
                f"({membership.valid_from:%d.%m.%Y} – {membership.valid_until:%d.%m.%Y})."
            )
    organisation_ids = [m.organisation_id for m in data.memberships]
    if len(set(organisation_ids)) != len(organisation_ids):
        raise ValidationError("Dieselbe Organisation ist zweimal eingetragen.")
    _check_lengths(Person, data)


def _check_lengths(model: type[Base], data: object) -> None:
    """Friendly message instead of a silently cut value (SQLite would not cut it at all)."""
    labels = {
        "first_name": "Vorname",
        "last_name": "Nachname",
        "title": "Titel",
        "salutation": "Anrede",
        "function": "Funktion",
        "email": "E-Mail",
        "phone": "Telefon",
        "mobile": "Mobil",
        "street": "Straße",
        "postal_code": "PLZ",
        "city": "Ort",
        "name": "Name",
        "website": "Webseite",
    }
    table = model.__table__
    for key, label in labels.items():
        value = getattr(data, key, None)
        if not isinstance(value, str) or key not in table.c:
            continue
        length = getattr(table.c[key].type, "length", None)
        if length and len(value) > length:
            raise ValidationError(f"{label} ist zu lang (höchstens {length} Zeichen).")


def get_person(session: Session, person_id: int) -> PersonDetails:
    person = session.get(
        Person,
        person_id,
        options=[
            selectinload(Person.memberships).selectinload(Membership.organisation),
            selectinload(Person.memberships).selectinload(Membership.department),
            selectinload(Person.tags),
        ],
    )
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht.")
    memberships = tuple(
        MembershipData(
            organisation_id=m.organisation_id,
            role=m.role,
            department_id=m.department_id,
            valid_from=m.valid_from,
            valid_until=m.valid_until,
            is_primary=m.is_primary,
            organisation_name=m.organisation.name,
            department_name=m.department.name if m.department else "",
        )
        for m in person.memberships
    )
    lists = session.scalars(
        select(DistributionList.name)
        .join(DistributionListMember)
        .where(DistributionListMember.person_id == person_id)
        .order_by(DistributionList.name)
    ).all()
    attended = session.scalar(
        select(func.count()).select_from(Attendance).where(Attendance.person_id == person_id)
    )
    open_items = session.scalar(
        select(func.count())
        .select_from(ActionItem)
        .where(ActionItem.owner_id == person_id, ActionItem.done.is_(False))
    )
    return PersonDetails(
        id=person.id,
        data=PersonData(
            **{name: getattr(person, name) for name in PERSON_TEXT_FIELDS},
            notes=person.notes,
            tags=tuple(t.name for t in person.tags),
            memberships=memberships,
            version=person.version,
        ),
        distribution_lists=tuple(lists),
        meetings_attended=attended or 0,
        open_action_items=open_items or 0,
    )


def save_person(session: Session, data: PersonData, person_id: int | None = None) -> int:
    """Create (person_id None) or replace a person's data; returns the id."""
    data = _stripped(data)
    validate_person(data)

    def conflict() -> ConflictError:
        assert person_id is not None
        return _person_conflict(session, person_id, data)

    if person_id is None:
        person = Person()
        session.add(person)
    else:
        found = session.get(Person, person_id, options=[selectinload(Person.memberships)])
        if found is None:
            raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
        person = found
        check_version(data.version, person.version, conflict)
        person.version += 1  # also when only tags or memberships change
    for name in (*PERSON_TEXT_FIELDS, "notes"):
        setattr(person, name, getattr(data, name))
    person.tags = tags_by_name(session, data.tags)
    _replace_memberships(session, person, data.memberships)
    with lost_update_guard(session, conflict):
        session.flush()
    return person.id


def _person_conflict(session: Session, person_id: int, yours: PersonData) -> ConflictError:
    saved = get_person(session, person_id)
    return ConflictError(
        f"Die Person „{saved.display_name}“",
        describe(yours),
        describe(saved.data),
        saved.data.version,
    )


def _stripped(data: PersonData) -> PersonData:
    return replace(
        data,
        **{name: getattr(data, name).strip() for name in PERSON_TEXT_FIELDS},
        tags=tuple(dict.fromkeys(t.strip() for t in data.tags if t.strip())),
    )


def _replace_memberships(
    session: Session, person: Person, memberships: tuple[MembershipData, ...]
) -> None:
    for item in memberships:
        if session.get(Organisation, item.organisation_id) is None:
            raise NotFoundError(f"Organisation {item.organisation_id} gibt es nicht (mehr).")
        if item.department_id is not None and session.get(Department, item.department_id) is None:
            raise NotFoundError(f"Ressort {item.department_id} gibt es nicht (mehr).")
    has_primary = any(m.is_primary for m in memberships)
    existing = {m.organisation_id: m for m in person.memberships}
    kept = []
    for index, item in enumerate(memberships):
        membership = existing.pop(item.organisation_id, None) or Membership(
            organisation_id=item.organisation_id
        )
        membership.role = item.role.strip()
        membership.department_id = item.department_id
        membership.valid_from = item.valid_from
        membership.valid_until = item.valid_until
        # Exactly one primary organisation: the chosen one, else the first.
        membership.is_primary = item.is_primary if has_primary else index == 0
        kept.append(membership)
    person.memberships = kept


def tags_by_name(session: Session, names: tuple[str, ...] | list[str]) -> list[Tag]:
    """The Tag rows for these names, creating missing ones (matched case-insensitively)."""
    wanted = [n.strip() for n in names if n.strip()]
    if not wanted:
        return []
    folded: dict[str, str] = {}
    for name in wanted:
        folded.setdefault(name.casefold(), name)  # the first spelling typed wins
    existing = {
        t.name.casefold(): t
        for t in session.scalars(select(Tag).where(func.lower(Tag.name).in_(list(folded))))
    }
    # SQLite's lower() folds ASCII only; check umlaut tags among all tags in Python.
    if len(existing) < len(folded):
        for known in session.scalars(select(Tag)):
            existing.setdefault(known.name.casefold(), known)
    tags: list[Tag] = []
    for key, name in folded.items():
        if key not in existing:
            existing[key] = Tag(name=name)
            session.add(existing[key])
        tags.append(existing[key])
    return tags


def delete_person(session: Session, person_id: int) -> None:
    """Delete a person; protocols keep the name they recorded (attendance name_text)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
    session.delete(person)
    session.flush()


def merge_people(session: Session, keep_id: int, remove_id: int) -> None:
    """Fold `remove` into `keep`: every link moves over, empty fields are filled in.

    Links are found from the schema (every foreign key to person.id), so a table added by
    a later feature is merged too without touching this function.
    """
    if keep_id == remove_id:
        raise ValidationError("Eine Person kann nicht mit sich selbst zusammengeführt werden.")
    keep = session.get(Person, keep_id, options=[selectinload(Person.memberships)])
    remove = session.get(Person, remove_id, options=[selectinload(Person.memberships)])
    if keep is None or remove is None:
        missing = keep_id if keep is None else remove_id
        raise NotFoundError(f"Person {missing} gibt es nicht (mehr).")

    for name in PERSON_TEXT_FIELDS:
        if not getattr(keep, name) and getattr(remove, name):
            setattr(keep, name, getattr(remove, name))
    if remove.notes:
        keep.notes = f"{keep.notes}\n{remove.notes}".strip()
    keep.tags = list({t.id: t for t in [*keep.tags, *remove.tags]}.values())

    kept_organisations = {m.organisation_id for m in keep.memberships}
    for membership in list(remove.memberships):
        if membership.organisation_id in kept_organisations:
            continue
        remove.memberships.remove(membership)
        membership.is_primary = False if keep.memberships else membership.is_primary
        keep.memberships.append(membership)
    session.flush()

    # Lists: drop the second entry where both were members.
    both = select(DistributionListMember.list_id).where(DistributionListMember.person_id == keep_id)
    session.execute(
        delete(DistributionListMember).where(
            DistributionListMember.person_id == remove_id,
            DistributionListMember.list_id.in_(both),
        )
    )
    _repoint_foreign_keys(session, remove_id, keep_id)
    session.expire(keep)
    session.delete(remove)
    session.flush()


# Handled above (merged rather than moved) or derived data rebuilt by the index.
_MERGED_ELSEWHERE = {"membership", "person_tag", "person_directory"}


def _repoint_foreign_keys(session: Session, old_id: int, new_id: int) -> None:
    person_id = Person.__table__.c.id
    for table in Base.metadata.sorted_tables:
        if table.name in _MERGED_ELSEWHERE:
            continue
        for fk in table.foreign_keys:
            if fk.column is person_id:
                column = fk.parent
                session.execute(update(table).where(column == old_id).values({column.name: new_id}))
