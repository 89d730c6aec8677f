"""Contact import and export for the UI: file in/out here, one session per step."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage.autobackup import safety_backup_of
from ..storage.database import Database

# The parsers (vobject, csv tables) load on first use, not at start-up (DESIGN.md §6).
if TYPE_CHECKING:
    from ..services.contact_import import ImportPreview, ImportResult
    from ..services.contact_records import ContactRecord
    from .contacts_file import ParsedContacts


class ContactExchangeService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def read(self, path: str | Path) -> ParsedContacts:
        """Parse the whole file; raises ImportFileError naming the line at fault."""
        from .contacts_file import read_contacts_file

        return read_contacts_file(Path(path))

    def preview(self, records: Sequence[ContactRecord]) -> ImportPreview:
        from ..services.contact_import import preview_import

        with self._database.session() as session:
            return preview_import(session, records)

    def apply(self, records: Sequence[ContactRecord], skip: set[int]) -> ImportResult:
        """All or nothing: an invalid record raises and the database stays as it was."""
        from ..services.contact_import import apply_import

        safety_backup_of(self._database.url)  # a verified copy before every import
        with self._database.session() as session:
            return apply_import(session, records, skip=skip)

    def export_contacts(self, path: str | Path, person_ids: list[int] | None = None) -> int:
        from ..services.contact_records import load_contact_records
        from .contacts_file import write_contacts_file

        with self._database.session() as session:
            records = load_contact_records(session, person_ids)
        write_contacts_file(Path(path), records)
        return len(records)
