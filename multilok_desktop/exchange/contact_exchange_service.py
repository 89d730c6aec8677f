"""Contact import and export for the UI: file in/out here, one session per step."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..services.contact_import import ImportPreview, ImportResult, apply_import, preview_import
from ..services.contact_records import ContactRecord, load_contact_records
from ..storage.database import Database
from .contacts_file import ParsedContacts, read_contacts_file, write_contacts_file


class ContactExchangeService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def read(self, path: str | Path) -> ParsedContacts:
        """Parse the whole file; raises ImportFileError naming the line at fault."""
        return read_contacts_file(Path(path))

    def preview(self, records: Sequence[ContactRecord]) -> ImportPreview:
        with self._database.session() as session:
            return preview_import(session, records)

    def apply(self, records: Sequence[ContactRecord], skip: set[int]) -> ImportResult:
        """All or nothing: an invalid record raises and the database stays as it was."""
        with self._database.session() as session:
            return apply_import(session, records, skip=skip)

    def export_contacts(self, path: str | Path, person_ids: list[int] | None = None) -> int:
        with self._database.session() as session:
            records = load_contact_records(session, person_ids)
        write_contacts_file(Path(path), records)
        return len(records)
