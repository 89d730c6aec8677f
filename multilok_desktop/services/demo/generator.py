"""`generate_demo()`: the steps of the demo generator in the order they draw from the one
random source, so the same seed and `today` always give the same data."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import AgendaItem, Measure, Meeting, Organisation, Person
from ..settings import OfficeSettings, save_settings
from .contacts import AddressBook
from .context import Context
from .measures import Measures
from .meetings import Calendar
from .minutes import Minutes
from .plans import PLANS, SIZES

# The fictional office that runs the demo's meetings (letterhead, organizer of invitations).
DEMO_OFFICE = OfficeSettings(
    office_name="Koordinationsstelle Multilokalität",
    office_unit="Landratsamt Talbach-Rhön, Referat Regionalentwicklung",
    office_street="Schloßplatz 1",
    office_postal_code="97650",
    office_city="Bad Rödenau",
    office_phone="09771 94-0",
    office_email="multilokalitaet@talbach-rhoen.de",
    office_website="www.talbach-rhoen.de/multilokalitaet",
    state="BY",
)


@dataclass(frozen=True)
class DemoSummary:
    organisations: int
    people: int
    meetings: int
    agenda_items: int
    measures: int


def generate_demo(
    session: Session, size: str = "small", *, seed: int = 7, today: date | None = None
) -> DemoSummary:
    """Fill an empty database with demo data; committing is left to the caller's session."""
    plan = PLANS.get(size)
    if plan is None:
        raise ValueError(f"Unbekannte Größe „{size}“ – möglich sind: {', '.join(SIZES)}.")
    has_people = session.scalar(select(Person.id).limit(1)) is not None
    if has_people or session.scalar(select(Organisation.id).limit(1)) is not None:
        raise ValueError(
            "Die Datenbank enthält bereits Daten (Personen oder Organisationen); "
            "Demodaten lassen sich nur in eine leere Datenbank laden."
        )
    ctx = Context(session, plan, random.Random(seed), today or date.today())
    book = AddressBook(ctx)
    book.build()
    calendar = Calendar(ctx, book)
    calendar.build()
    minutes = Minutes(ctx, book, calendar)
    for meeting in calendar.meetings:
        minutes.record(meeting)
    Measures(ctx, book, calendar).build()
    ctx.write()
    save_settings(session, DEMO_OFFICE)
    return DemoSummary(
        organisations=len(ctx.rows[Organisation]),
        people=len(ctx.rows[Person]),
        meetings=len(ctx.rows[Meeting]),
        agenda_items=len(ctx.rows[AgendaItem]),
        measures=len(ctx.rows[Measure]),
    )
