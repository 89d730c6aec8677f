"""Errors of reading and writing exchange files, worded for the clerk (STYLE.md §8).

Import errors share one hierarchy with the import service, so a caller needs one
`except ContactImportError` (or `ServiceError`, as the command line does):

    ServiceError                       services/errors.py
    └── ContactImportError             services/contact_import.py
        ├── ImportRecordError          services/contact_import.py: one record is invalid
        └── ImportFileError            here: the file cannot be read (format, encoding, structure)

`ExportFileError` is the export's counterpart (unknown extension, folder not writable).
The message is always one German line naming the line or record at fault where known.
"""

from __future__ import annotations

from ..services.contact_import import ContactImportError, ImportRecordError
from ..services.errors import ServiceError

__all__ = ["ContactImportError", "ExportFileError", "ImportFileError", "ImportRecordError"]


class ImportFileError(ContactImportError):
    """The file is missing, unreadable, of an unknown format or broken; nothing was imported."""


class ExportFileError(ServiceError):
    """An export file cannot be written; the message says why."""
