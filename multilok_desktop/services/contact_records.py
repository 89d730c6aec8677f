"""The neutral exchange form of one contact, and reading the address book into it.

`ContactRecord` is what every contact file format is read into (vCard, Outlook/Thunderbird/
Google CSV …) and written from; the import (`contact_import`) turns records into people,
organisations and memberships, `load_contact_records` turns people back into records.
The name helpers here are shared by the file formats, which all mix salutation, academic
title and name in their own way ("Herr Dr.", "Müller-Lüdenscheidt, Dr. Jürgen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import Membership, Person
from ..domain.text import sort_key
from .people import PERSON_TEXT_FIELDS

CHUNK = 500  # ids per query, well below SQLite's variable limit


@dataclass
class ContactRecord:
    """One contact as a file holds it; `source` says where ("Zeile 7") for messages only."""

    salutation: str = ""  # Frau, Herr
    title: str = ""  # Dr., Prof.
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    department: str = ""
    function: str = ""  # job title / role: Amtsleiterin, Bürgermeister …
    email: str = ""
    phone: str = ""
    mobile: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    website: str = ""
    notes: str = ""
    categories: list[str] = field(default_factory=list)  # → Tags
    source: str = field(default="", compare=False)

    @property
    def has_person(self) -> bool:
        """A person's contact (else only an organisation's)."""
        return bool(self.first_name or self.last_name)

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.title, self.first_name, self.last_name) if p)
        return name or self.organisation or self.email


# German labels of the record's fields, in the order forms and exported files show them.
FIELD_LABELS: dict[str, str] = {
    "salutation": "Anrede",
    "title": "Titel",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "organisation": "Organisation",
    "department": "Abteilung",
    "function": "Funktion",
    "email": "E-Mail",
    "phone": "Telefon",
    "mobile": "Mobil",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "website": "Webseite",
    "categories": "Kategorien",
    "notes": "Notizen",
}

# --- names ----------------------------------------------------------------------------

_SALUTATIONS = {
    "herr": "Herr",
    "hr.": "Herr",
    "mr.": "Herr",
    "mr": "Herr",
    "frau": "Frau",
    "fr.": "Frau",
    "mrs.": "Frau",
    "mrs": "Frau",
    "ms.": "Frau",
    "ms": "Frau",
    "miss": "Frau",
}
# Words that belong to the family name: "Anna von der Heide" → last name "von der Heide".
_NAME_PARTICLES = {"von", "vom", "zu", "zum", "zur", "der", "den", "van", "de", "del", "di", "da"}


def split_salutation(prefix: str) -> tuple[str, str]:
    """ "Herr Dr." → ("Herr", "Dr."); "Prof. Dr." → ("", "Prof. Dr."); "Mrs." → ("Frau", "")."""
    salutation = ""
    title = []
    for word in prefix.split():
        known = _SALUTATIONS.get(word.casefold())
        if known and not salutation:
            salutation = known
        else:
            title.append(word)
    return salutation, " ".join(title)


def _is_prefix_word(word: str) -> bool:
    """Salutation or abbreviated title in front of a name: Herr, Dr., Prof., Dipl.-Ing."""
    return word.casefold() in _SALUTATIONS or (word.endswith(".") and len(word) > 2)


# Legal forms and words for public bodies: a name field holding an organisation's name.
_ORGANISATION_WORDS = re.compile(
    r"(?:^|\s)(?:e\.\s?V\.|g?GmbH|mbH|AG|eG|KG|OHG|GbR|UG|SE|Verein|Verband|Stiftung|"
    r"Genossenschaft|Gemeinde|Stadt|Landkreis|Landratsamt|Stadtverwaltung|Amt|Ministerium|"
    r"Hochschule|Universität|Schule|Kirchgemeinde|Bürgerinitiative)(?=$|[\s,.;&/)])"
)


def looks_like_organisation(name: str) -> bool:
    """ "Kreisjugendring Bautzen e. V.", "Stadt Kamenz" — not a person's name."""
    return bool(_ORGANISATION_WORDS.search(name))


def split_full_name(text: str) -> tuple[str, str, str, str]:
    """A name in one field → (salutation, title, first name, last name).

    "Dr. Jürgen Müller", "Müller-Lüdenscheidt, Dr. Jürgen", "Anna von der Heide".
    """
    text = " ".join(text.split())
    if "," in text:
        last, _, rest = text.partition(",")
        words = rest.split()
        last = last.strip()
    else:
        words = text.split()
        last = ""
    prefix = []
    while words and _is_prefix_word(words[0]) and (last or len(words) > 1):
        prefix.append(words.pop(0))
    salutation, title = split_salutation(" ".join(prefix))
    if not last and words:
        last_words = [words.pop()]
        while len(words) > 1 and words[-1].casefold() in _NAME_PARTICLES:
            last_words.insert(0, words.pop())
        last = " ".join(last_words)
    return salutation, title, " ".join(words), last


# --- export ---------------------------------------------------------------------------


def load_contact_records(
    session: Session, person_ids: Iterable[int] | None = None
) -> list[ContactRecord]:
    """People as records for an export, sorted by last and first name.

    Organisation, department and function come from the person's primary current
    membership; the organisation's website and (if the person has none) its address
    stand in, because a contact file has only one of each.
    """
    query = select(Person).options(
        selectinload(Person.memberships).selectinload(Membership.organisation),
        selectinload(Person.memberships).selectinload(Membership.department),
        selectinload(Person.tags),
    )
    if person_ids is None:
        people = list(session.scalars(query))
    else:
        ids = sorted(set(person_ids))
        people = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            people.extend(session.scalars(query.where(Person.id.in_(chunk))))
    people.sort(key=lambda p: (sort_key(f"{p.last_name} {p.first_name}"), p.id))
    today = date.today()
    return [_record(person, today) for person in people]


def _record(person: Person, today: date) -> ContactRecord:
    current = [m for m in person.memberships if m.valid_until is None or m.valid_until >= today]
    membership = current[0] if current else None  # ordered: primary first
    record = ContactRecord(
        **{name: getattr(person, name) for name in PERSON_TEXT_FIELDS},
        notes=person.notes,
        categories=[tag.name for tag in person.tags],
        source=f"Person {person.id} ({person.full_name})",
    )
    if membership is None:
        return record
    organisation = membership.organisation
    record.organisation = organisation.name
    record.website = organisation.website
    if not (person.street or person.postal_code or person.city):
        record.street = organisation.street
        record.postal_code = organisation.postal_code
        record.city = organisation.city
    role = membership.role
    if membership.department is not None:
        record.department = membership.department.name
    elif person.function and role.startswith(f"{person.function}, "):
        # The import keeps a department that is no Verwaltungsressort in the role text.
        record.department = role[len(person.function) + 2 :]
        role = person.function
    if not record.function:
        record.function = role
    return record
