"""The CSV formats we know: per format its name, signature headers and header → field table.

Kept apart from the reader (`contacts_csv`) because it is data: adding an export of yet
another address book means adding one `Format` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..services.contact_records import FIELD_LABELS

NOT_IMPORTED = "— wird nicht übernommen —"
UNKNOWN_FORMAT = "CSV (Spalten nach Überschrift zugeordnet)"


@dataclass(frozen=True)
class Column:
    field: str
    rank: int = 0


def key(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold()


def table(*entries: tuple[str, str] | tuple[str, str, int]) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for header, field, *rank in entries:
        table[key(header)] = Column(field, rank[0] if rank else 0)
    return table


@dataclass(frozen=True)
class Format:
    name: str
    signature: frozenset[str]  # headers that identify the format (all must be there)
    columns: dict[str, Column]
    numbered: tuple[tuple[re.Pattern[str], str], ...] = ()  # Google's "E-mail 2 - Value"


def signature(*headers: str) -> frozenset[str]:
    return frozenset(key(h) for h in headers)


# Google numbers repeated fields; the number is the rank.
GOOGLE_NUMBERED = (
    (re.compile(r"^e-mail (\d+) - value$"), "email"),
    (re.compile(r"^phone (\d+) - value$"), "phone_or_mobile"),
    (re.compile(r"^address (\d+) - street$"), "street"),
    (re.compile(r"^address (\d+) - city$"), "city"),
    (re.compile(r"^address (\d+) - postal code$"), "postal_code"),
    (re.compile(r"^website (\d+) - value$"), "website"),
)

MULTILOK = Format(
    "Multilok",
    signature("Titel", "Funktion", "Mobil", "PLZ"),
    table(*((label, field) for field, label in FIELD_LABELS.items())),
)
# The tables below are laid out by topic: name, organisation, address (business, then
# private and other as stand-ins), phones, e-mail, the rest.
OUTLOOK_DE = Format(
    "Outlook (deutsch)",
    signature("Weitere Vornamen", "Postleitzahl geschäftlich", "E-Mail-Adresse"),
    table(
        ("Anrede", "prefix"), ("Vorname", "first_name"), ("Weitere Vornamen", "middle_name"),
        ("Nachname", "last_name"),
        ("Firma", "organisation"), ("Abteilung", "department"), ("Position", "function"),
        ("Straße geschäftlich", "street"), ("Straße geschäftlich 2", "street"),
        ("Straße geschäftlich 3", "street"), ("Postleitzahl geschäftlich", "postal_code"),
        ("Ort geschäftlich", "city"),
        ("Straße privat", "street", 1), ("Straße privat 2", "street", 1),
        ("Straße privat 3", "street", 1), ("Postleitzahl privat", "postal_code", 1),
        ("Ort privat", "city", 1),
        ("Weitere Straße", "street", 2), ("Weitere Postleitzahl", "postal_code", 2),
        ("Weiterer Ort", "city", 2),
        ("Telefon geschäftlich", "phone"), ("Telefon geschäftlich 2", "phone", 1),
        ("Telefon Firma", "phone", 2), ("Haupttelefon", "phone", 3),
        ("Telefon privat", "phone", 4), ("Telefon (privat)", "phone", 4),
        ("Weiteres Telefon", "phone", 5), ("Mobiltelefon", "mobile"),
        ("Mobiltelefon 2", "mobile", 1),
        ("E-Mail-Adresse", "email"), ("E-Mail 2: Adresse", "email", 1),
        ("E-Mail 3: Adresse", "email", 2),
        ("Webseite", "website"), ("Notizen", "notes"), ("Kategorien", "categories"),
    ),
)  # fmt: skip
OUTLOOK_EN = Format(
    "Outlook (englisch)",
    signature("Middle Name", "Business Postal Code", "E-mail Address"),
    table(
        ("Title", "prefix"), ("First Name", "first_name"), ("Middle Name", "middle_name"),
        ("Last Name", "last_name"),
        ("Company", "organisation"), ("Department", "department"), ("Job Title", "function"),
        ("Business Street", "street"), ("Business Street 2", "street"),
        ("Business Street 3", "street"), ("Business Postal Code", "postal_code"),
        ("Business City", "city"),
        ("Home Street", "street", 1), ("Home Street 2", "street", 1),
        ("Home Street 3", "street", 1), ("Home Postal Code", "postal_code", 1),
        ("Home City", "city", 1),
        ("Other Street", "street", 2), ("Other Postal Code", "postal_code", 2),
        ("Other City", "city", 2),
        ("Business Phone", "phone"), ("Business Phone 2", "phone", 1),
        ("Company Main Phone", "phone", 2), ("Primary Phone", "phone", 3),
        ("Home Phone", "phone", 4), ("Other Phone", "phone", 5), ("Mobile Phone", "mobile"),
        ("E-mail Address", "email"), ("E-mail 2 Address", "email", 1),
        ("E-mail 3 Address", "email", 2),
        ("Web Page", "website"), ("Notes", "notes"), ("Categories", "categories"),
    ),
)  # fmt: skip
THUNDERBIRD = Format(
    "Thunderbird",
    signature("Primary Email", "Display Name"),
    table(
        ("First Name", "first_name"), ("Last Name", "last_name"), ("Display Name", "full_name"),
        ("Organization", "organisation"), ("Department", "department"),
        ("Job Title", "function"),
        ("Work Address", "street"), ("Work Address 2", "street"),
        ("Work ZipCode", "postal_code"), ("Work City", "city"),
        ("Home Address", "street", 1), ("Home Address 2", "street", 1),
        ("Home ZipCode", "postal_code", 1), ("Home City", "city", 1),
        ("Work Phone", "phone"), ("Home Phone", "phone", 1), ("Mobile Number", "mobile"),
        ("Primary Email", "email"), ("Secondary Email", "email", 1),
        ("Web Page 1", "website"), ("Web Page 2", "website", 1), ("Notes", "notes"),
    ),
)  # fmt: skip
THUNDERBIRD_DE = Format(
    "Thunderbird (deutsch)",
    signature("Primäre E-Mail-Adresse", "Anzeigename"),
    table(
        ("Vorname", "first_name"), ("Nachname", "last_name"), ("Anzeigename", "full_name"),
        ("Organisation", "organisation"), ("Abteilung", "department"),
        ("Arbeitstitel", "function"),
        # Thunderbird writes "Dienstlich: Ort"; some versions "Ort dienstlich"
        ("Dienstlich: Adresse", "street"), ("Dienstlich: Adresse 2", "street"),
        ("Dienstlich: PLZ", "postal_code"), ("Dienstlich: Ort", "city"),
        ("Adresse dienstlich", "street"), ("Adresse 2 dienstlich", "street"),
        ("PLZ dienstlich", "postal_code"), ("Ort dienstlich", "city"),
        ("Privat: Adresse", "street", 1), ("Privat: Adresse 2", "street", 1),
        ("Privat: PLZ", "postal_code", 1), ("Privat: Ort", "city", 1),
        ("Adresse privat", "street", 1), ("PLZ privat", "postal_code", 1),
        ("Ort privat", "city", 1),
        ("Tel. dienstlich", "phone"), ("Tel. privat", "phone", 1),
        ("Mobil-Tel.-Nr.", "mobile"),
        ("Primäre E-Mail-Adresse", "email"), ("Sekundäre E-Mail-Adresse", "email", 1),
        ("Webseite 1", "website"), ("Webseite 2", "website", 1), ("Notizen", "notes"),
    ),
)  # fmt: skip
GOOGLE = Format(
    "Google Kontakte",
    signature("Given Name", "Family Name", "Group Membership"),
    table(
        ("Name", "full_name"), ("Given Name", "first_name"),
        ("Additional Name", "middle_name"), ("Family Name", "last_name"),
        ("Name Prefix", "prefix"),
        ("Organization 1 - Name", "organisation"), ("Organization 1 - Title", "function"),
        ("Organization 1 - Department", "department"),
        ("Notes", "notes"), ("Group Membership", "groups"),
    ),
    GOOGLE_NUMBERED,
)  # fmt: skip
GOOGLE_NEW = Format(
    "Google Kontakte",
    signature("First Name", "Last Name", "Labels"),
    table(
        ("First Name", "first_name"), ("Middle Name", "middle_name"),
        ("Last Name", "last_name"), ("Name Prefix", "prefix"),
        ("Organization Name", "organisation"), ("Organization Title", "function"),
        ("Organization Department", "department"),
        ("Notes", "notes"), ("Labels", "groups"),
    ),
    GOOGLE_NUMBERED,
)  # fmt: skip
# Headers of lists people keep themselves (in Excel); with every format's headers after them.
GENERIC = table(
    ("Anrede", "prefix"), ("Titel", "title"), ("Vorname", "first_name"),
    ("Nachname", "last_name"), ("Name", "full_name"),
    ("Firma", "organisation"), ("Organisation", "organisation"),
    ("Institution", "organisation"), ("Unternehmen", "organisation"),
    ("Abteilung", "department"), ("Amt", "department"), ("Ressort", "department"),
    ("Funktion", "function"), ("Position", "function"), ("Rolle", "function"),
    ("Straße", "street"), ("Strasse", "street"), ("Anschrift", "street"),
    ("Adresse", "street"), ("PLZ", "postal_code"), ("Postleitzahl", "postal_code"),
    ("Ort", "city"), ("Stadt", "city"),
    ("Telefon", "phone"), ("Tel.", "phone"), ("Telefonnummer", "phone"),
    ("Mobil", "mobile"), ("Handy", "mobile"), ("Mobiltelefon", "mobile"),
    ("Mobilnummer", "mobile"),
    ("E-Mail", "email"), ("E-Mail-Adresse", "email"), ("Email", "email"), ("Mail", "email"),
    ("Webseite", "website"), ("Website", "website"), ("Homepage", "website"),
    ("Internet", "website"),
    ("Notizen", "notes"), ("Notiz", "notes"), ("Bemerkung", "notes"),
    ("Bemerkungen", "notes"), ("Kommentar", "notes"),
    ("Kategorien", "categories"), ("Kategorie", "categories"),
    ("Schlagworte", "categories"), ("Stichwörter", "categories"),
)  # fmt: skip
# In the order formats are tried; the first whose signature headers are all there wins.
FORMATS = (
    MULTILOK,
    OUTLOOK_DE,
    OUTLOOK_EN,
    GOOGLE_NEW,
    GOOGLE,
    THUNDERBIRD,
    THUNDERBIRD_DE,
)


def generic_format() -> Format:
    columns = dict(GENERIC)
    for known in FORMATS:
        for key, column in known.columns.items():
            columns.setdefault(key, column)
    return Format(UNKNOWN_FORMAT, frozenset(), columns, GOOGLE_NUMBERED)


ANY_FORMAT = generic_format()
