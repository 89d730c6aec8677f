"""Upkeep of the address book's read models and their full-text index.

Whenever a flush touches a person, membership, organisation, tag or one of the value
lists shown in the lists, the affected rows of `person_directory` / `organisation_directory`
and their FTS5 twins are rewritten inside the same transaction. So every writer — the UI,
an import, the demo generator, a merge — keeps the index right without knowing about it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction

from ..domain import (
    Department,
    Membership,
    Organisation,
    OrganisationDirectoryRow,
    OrganisationKind,
    Person,
    PersonDirectoryRow,
    Tag,
)
from ..domain.contacts import organisation_tag, person_tag
from ..domain.text import directory_name, fold, sort_key, transliterate

CHUNK = 500  # ids per statement, well below SQLite's variable limit


def rebuild(connection: Connection) -> None:
    """Rewrite the whole index (after a restore, by `multilok check --repair`, in tests)."""
    connection.execute(delete(PersonDirectoryRow))
    connection.execute(delete(OrganisationDirectoryRow))
    if _has_fts(connection):
        connection.execute(text("DELETE FROM person_fts"))
        connection.execute(text("DELETE FROM organisation_fts"))
    refresh_people(connection, connection.execute(select(Person.id)).scalars())
    refresh_organisations(connection, connection.execute(select(Organisation.id)).scalars())


def refresh_after_flush(session: Session, _context: UOWTransaction) -> None:
    """After every flush (index_upkeep.py): rewrite the rows of what the flush touched."""
    people: set[int] = set()
    organisations: set[int] = set()
    people_of_organisations: set[int] = set()
    kinds: set[int] = set()
    departments: set[int] = set()
    tags: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Person):
            people.add(obj.id)
        elif isinstance(obj, Membership):
            people.update(_current_and_former(obj, "person_id"))
            organisations.update(_current_and_former(obj, "organisation_id"))
        elif isinstance(obj, Organisation):
            organisations.add(obj.id)
            people_of_organisations.add(obj.id)
        elif isinstance(obj, OrganisationKind):
            kinds.add(obj.id)
        elif isinstance(obj, Department):
            departments.add(obj.id)
        elif isinstance(obj, Tag):
            tags.add(obj.id)
    if not (people or organisations or kinds or departments or tags):
        return
    connection = session.connection()
    if kinds:
        organisations.update(_ids(connection, select(Organisation.id), Organisation.kind_id, kinds))
        people_of_organisations.update(
            _ids(connection, select(Organisation.id), Organisation.kind_id, kinds)
        )
    if departments:
        people.update(
            _ids(connection, select(Membership.person_id), Membership.department_id, departments)
        )
    if tags:
        people.update(_ids(connection, select(person_tag.c.person_id), person_tag.c.tag_id, tags))
        organisations.update(
            _ids(
                connection,
                select(organisation_tag.c.organisation_id),
                organisation_tag.c.tag_id,
                tags,
            )
        )
    if people_of_organisations:
        people.update(
            _ids(
                connection,
                select(Membership.person_id),
                Membership.organisation_id,
                people_of_organisations,
            )
        )
    refresh_people(connection, people)
    refresh_organisations(connection, organisations)


def _current_and_former(obj: Any, attribute: str) -> set[int]:
    """The value now and, if a merge moved the row, the value it had before."""
    history = inspect(obj).attrs[attribute].history
    values = set(chain(history.added, history.unchanged, history.deleted))
    current = getattr(obj, attribute)
    if current is not None:
        values.add(current)
    return {v for v in values if v is not None}


def _ids(connection: Connection, query: Any, column: Any, values: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(sorted(values)):
        found.update(connection.execute(query.where(column.in_(chunk))).scalars())
    return found


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _has_fts(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _id_list(values: Iterable[int]) -> str:
    """ ",3,17," — lets a filter test membership with one indexed-free LIKE on a short string."""
    unique = sorted(set(values))
    return f",{','.join(map(str, unique))}," if unique else ""


def _spellings(*texts: str) -> str:
    """Other spellings FTS5 does not derive itself: "mueller" for "Müller", "yilmaz" for "Yılmaz"."""
    variants = {v for t in texts if t for v in (transliterate(t), fold(t)) if v != t.casefold()}
    return " ".join(sorted(variants))


# --- people ---------------------------------------------------------------------------


def refresh_people(connection: Connection, person_ids: Iterable[int]) -> None:
    ids = sorted({i for i in person_ids if i is not None})
    fts = _has_fts(connection)
    today = date.today()
    for chunk in _chunks(ids):
        connection.execute(
            delete(PersonDirectoryRow).where(PersonDirectoryRow.person_id.in_(chunk))
        )
        if fts:
            connection.execute(
                text(f"DELETE FROM person_fts WHERE rowid IN ({','.join(map(str, chunk))})")
            )
        people = (
            connection.execute(select(Person.__table__).where(Person.id.in_(chunk)))
            .mappings()
            .all()
        )
        if not people:
            continue
        memberships = _memberships_by_person(connection, chunk)
        tags = _tags_by(connection, person_tag.c.person_id, person_tag, chunk)
        directory_rows = []
        fts_rows = []
        for person in people:
            person_id = person["id"]
            all_memberships = memberships.get(person_id, [])
            current = [
                m for m in all_memberships if m["valid_until"] is None or m["valid_until"] >= today
            ]
            primary = current[0] if current else None
            name = directory_name(person["title"], person["first_name"], person["last_name"])
            directory_rows.append(
                {
                    "person_id": person_id,
                    "sort_key": sort_key(f"{person['last_name']} {person['first_name']}"),
                    "name": name,
                    "organisation": primary["organisation_name"] if primary else "",
                    "organisation_sort_key": sort_key(primary["organisation_name"])
                    if primary
                    else "",
                    "organisation_ids": _id_list(m["organisation_id"] for m in current),
                    "kind_ids": _id_list(m["kind_id"] for m in current if m["kind_id"]),
                    "department_ids": _id_list(
                        m["department_id"] for m in current if m["department_id"]
                    ),
                    "function": person["function"] or (primary["role"] if primary else ""),
                    "department": primary["department_name"] or "" if primary else "",
                    "city": person["city"] or (primary["organisation_city"] if primary else ""),
                    "email": person["email"],
                    "phone": person["phone"] or person["mobile"],
                }
            )
            if fts:
                organisation_names = [m["organisation_name"] for m in all_memberships]
                fts_rows.append(
                    {
                        "rowid": person_id,
                        "name": f"{person['title']} {person['first_name']} {person['last_name']}",
                        "organisation": " ".join(
                            organisation_names
                            + [m["department_name"] or "" for m in all_memberships]
                        ),
                        "email": person["email"],
                        "place": " ".join(
                            [person["city"], person["postal_code"]]
                            + [m["organisation_city"] for m in all_memberships]
                        ),
                        "tags": " ".join(tags.get(person_id, [])),
                        "extra": " ".join(
                            [
                                person["function"],
                                _spellings(
                                    person["first_name"], person["last_name"], *organisation_names
                                ),
                            ]
                        ),
                    }
                )
        connection.execute(insert(PersonDirectoryRow), directory_rows)
        if fts_rows:
            connection.execute(
                text(
                    "INSERT INTO person_fts(rowid, name, organisation, email, place, tags, extra) "
                    "VALUES (:rowid, :name, :organisation, :email, :place, :tags, :extra)"
                ),
                fts_rows,
            )


def _memberships_by_person(
    connection: Connection, person_ids: Sequence[int]
) -> dict[int, list[Any]]:
    query = (
        select(
            Membership.person_id,
            Membership.organisation_id,
            Membership.role,
            Membership.department_id,
            Membership.valid_until,
            Organisation.name.label("organisation_name"),
            Organisation.city.label("organisation_city"),
            Organisation.kind_id,
            Department.name.label("department_name"),
        )
        .join(Organisation, Organisation.id == Membership.organisation_id)
        .outerjoin(Department, Department.id == Membership.department_id)
        .where(Membership.person_id.in_(person_ids))
        .order_by(Membership.person_id, Membership.is_primary.desc(), Membership.id)
    )
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in connection.execute(query).mappings():
        grouped[row["person_id"]].append(row)
    return grouped


def _tags_by(
    connection: Connection, owner_column: Any, table: Any, owner_ids: Sequence[int]
) -> dict[int, list[str]]:
    query = (
        select(owner_column, Tag.name)
        .join(Tag, Tag.id == table.c.tag_id)
        .where(owner_column.in_(owner_ids))
    )
    grouped: dict[int, list[str]] = defaultdict(list)
    for owner_id, name in connection.execute(query):
        grouped[owner_id].append(name)
    return grouped


# --- organisations --------------------------------------------------------------------


def refresh_organisations(connection: Connection, organisation_ids: Iterable[int]) -> None:
    ids = sorted({i for i in organisation_ids if i is not None})
    fts = _has_fts(connection)
    today = date.today()
    for chunk in _chunks(ids):
        connection.execute(
            delete(OrganisationDirectoryRow).where(
                OrganisationDirectoryRow.organisation_id.in_(chunk)
            )
        )
        if fts:
            connection.execute(
                text(f"DELETE FROM organisation_fts WHERE rowid IN ({','.join(map(str, chunk))})")
            )
        organisations = (
            connection.execute(
                select(Organisation.__table__, OrganisationKind.name.label("kind_name"))
                .outerjoin(OrganisationKind, OrganisationKind.id == Organisation.kind_id)
                .where(Organisation.id.in_(chunk))
            )
            .mappings()
            .all()
        )
        if not organisations:
            continue
        counts: dict[int, int] = defaultdict(int)
        for organisation_id, valid_until in connection.execute(
            select(Membership.organisation_id, Membership.valid_until).where(
                Membership.organisation_id.in_(chunk)
            )
        ):
            if valid_until is None or valid_until >= today:
                counts[organisation_id] += 1
        tags = _tags_by(connection, organisation_tag.c.organisation_id, organisation_tag, chunk)
        connection.execute(
            insert(OrganisationDirectoryRow),
            [
                {
                    "organisation_id": o["id"],
                    "sort_key": sort_key(o["name"]),
                    "name": o["name"],
                    "kind_id": o["kind_id"],
                    "kind": o["kind_name"] or "",
                    "city": o["city"],
                    "email": o["email"],
                    "phone": o["phone"],
                    "people_count": counts[o["id"]],
                }
                for o in organisations
            ],
        )
        if fts:
            connection.execute(
                text(
                    "INSERT INTO organisation_fts(rowid, name, kind, email, place, tags, extra) "
                    "VALUES (:rowid, :name, :kind, :email, :place, :tags, :extra)"
                ),
                [
                    {
                        "rowid": o["id"],
                        "name": o["name"],
                        "kind": o["kind_name"] or "",
                        "email": o["email"],
                        "place": f"{o['street']} {o['postal_code']} {o['city']}",
                        "tags": " ".join(tags.get(o["id"], [])),
                        "extra": _spellings(o["name"], o["city"]),
                    }
                    for o in organisations
                ],
            )
