"""Contact files as the command line and the address book's Import/Export see them.

The file's extension chooses the format: .vcf/.vcard → vCard, .csv/.txt → CSV (whose
flavour — Outlook, Thunderbird, Google … — is then recognised from its headers).
Reading never writes to the database; see `services.contact_import` for that.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..services.contact_records import ContactRecord
from .contacts_csv import format_contacts_csv, parse_contacts_csv
from .errors import ExportFileError, ImportFileError
from .files import read_import_file, write_export_file
from .vcard import format_vcards, parse_vcard_file

VCARD_EXTENSIONS = (".vcf", ".vcard")
CSV_EXTENSIONS = (".csv", ".txt")
MAX_FILE_SIZE = 50 * 1024 * 1024  # an address book of 100,000 people is ~30 MB


@dataclass(frozen=True)
class ParsedContacts:
    records: list[ContactRecord]
    format_name: str  # "vCard 2.1", "Outlook (deutsch)", …
    mapping: list[tuple[str, str]] | None  # CSV: (header, our field); None for vCard
    source: Path


def read_contacts_file(path: str | os.PathLike[str]) -> ParsedContacts:
    """Read a .vcf or .csv contact file; any problem raises `ImportFileError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in VCARD_EXTENSIONS + CSV_EXTENSIONS:
        raise ImportFileError(
            f"Unbekanntes Dateiformat „{path.suffix or path.name}“: Kontakte lassen sich aus "
            ".vcf-Dateien (vCard) und .csv-Dateien (Outlook, Thunderbird, Google, Excel) "
            "importieren."
        )
    data = read_import_file(path, MAX_FILE_SIZE, "Kontaktdatei")
    if suffix in VCARD_EXTENSIONS:
        parsed = parse_vcard_file(data, path.name)
        return ParsedContacts(parsed.records, parsed.format_name, None, path)
    result = parse_contacts_csv(data, path.name)
    return ParsedContacts(result.records, result.format_name, result.mapping, path)


def write_contacts_file(path: str | os.PathLike[str], records: Iterable[ContactRecord]) -> None:
    """Write the records as .vcf (vCard 3.0) or .csv (Multilok format, for Excel).

    The file is written next to its destination and then moved into place, so a
    failure never leaves half a file behind. Problems raise `ExportFileError`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in VCARD_EXTENSIONS:
        data = format_vcards(records).encode("utf-8")
    elif suffix == ".csv":
        data = format_contacts_csv(records)
    else:
        raise ExportFileError(
            f"Unbekanntes Dateiformat „{path.suffix or path.name}“: Kontakte lassen sich als "
            ".vcf (vCard) oder .csv (für Excel) exportieren."
        )
    write_export_file(path, data)
