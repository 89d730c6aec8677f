"""`multilok check`: is the file sound, are the links right, is the search index complete?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select, text

from ..domain import Organisation, OrganisationDirectoryRow, Person, PersonDirectoryRow
from . import search_index
from .migrate import current_revision, head_revision


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(engine: Engine, *, repair_index: bool = True) -> CheckReport:
    report = CheckReport()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            results = connection.execute(text("PRAGMA integrity_check")).scalars().all()
            if results != ["ok"]:
                report.problems.append("Die Datei ist beschädigt: " + "; ".join(results[:5]))
            broken_links = connection.execute(text("PRAGMA foreign_key_check")).all()
            if broken_links:
                tables = sorted({row[0] for row in broken_links})
                report.problems.append(
                    f"{len(broken_links)} Verweise ins Leere (Tabellen: {', '.join(tables)})."
                )
        revision = current_revision(engine)
        if revision != head_revision():
            report.problems.append(f"Schema-Version {revision}, erwartet {head_revision()}.")
        people = connection.scalar(select(func.count()).select_from(Person)) or 0
        organisations = connection.scalar(select(func.count()).select_from(Organisation)) or 0
        indexed_people = connection.scalar(select(func.count()).select_from(PersonDirectoryRow))
        indexed_organisations = connection.scalar(
            select(func.count()).select_from(OrganisationDirectoryRow)
        )
        report.facts.append(f"{people} Personen, {organisations} Organisationen")
    if (indexed_people, indexed_organisations) != (people, organisations):
        if repair_index and report.ok:
            with engine.begin() as connection:
                search_index.rebuild(connection)
            report.facts.append("Suchindex war unvollständig und wurde neu aufgebaut")
        else:
            report.problems.append("Der Suchindex ist unvollständig.")
    return report
