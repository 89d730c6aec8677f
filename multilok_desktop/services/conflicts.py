"""Two people, one record: the second save gets a ConflictError, never a silent overwrite.

Optimistic locking. The records people edit (person, organisation, meeting, measure, tool
card, protocol) carry a `version` that every ORM UPDATE checks and bumps
(`__mapper_args__ = {"version_id_col": version}` in domain/). A form keeps the version it
loaded (`PersonData.version`, `OrganisationData.version`, `MeetingData.version`,
`MeasureInput.version`) and the save function compares it first (`check_version`); a save
that races another one between that check and its UPDATE is caught at the flush
(`lost_update_guard`). Either way the error carries both versions — what the user typed
("Ihre Fassung") and what is stored now ("gespeicherte Fassung") — for the UI to show.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from .errors import ServiceError

# German labels of the form fields, in the order a dialog shows them.
FIELD_LABELS: Mapping[str, str] = {
    "salutation": "Anrede",
    "title": "Titel",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "name": "Name",
    "kind_id": "Art",
    "function": "Funktion",
    "email": "E-Mail",
    "phone": "Telefon",
    "mobile": "Mobil",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "website": "Website",
    "start": "Beginn",
    "end": "Ende",
    "location": "Ort",
    "status": "Status",
    "topics": "Schwerpunktthemen",
    "agenda": "Tagesordnung",
    "description": "Beschreibung",
    "status_id": "Status",
    "progress": "Fortschritt",
    "notes": "Notizen",
    "tags": "Schlagwörter",
    "memberships": "Organisationen",
    "partners": "Projektpartner",
}


class ConflictError(ServiceError):
    """Someone else saved the record since it was loaded; nothing of this save was stored.

    `yours` and `saved` map German field labels to readable values ("Ihre Fassung",
    "gespeicherte Fassung"); `differences` lists only the fields that differ.
    """

    def __init__(
        self,
        record: str,
        yours: Mapping[str, str],
        saved: Mapping[str, str],
        saved_version: int | None = None,
    ) -> None:
        self.record = record
        self.yours = dict(yours)
        self.saved = dict(saved)
        self.saved_version = saved_version
        super().__init__(
            f"{record} wurde inzwischen von jemand anderem geändert. Ihre Änderungen wurden "
            "nicht gespeichert, damit nichts überschrieben wird. Bitte laden Sie die "
            "gespeicherte Fassung neu und tragen Sie Ihre Änderungen erneut ein."
        )

    @property
    def differences(self) -> list[tuple[str, str, str]]:
        """(label, Ihre Fassung, gespeicherte Fassung) of every field that differs."""
        labels = list(dict.fromkeys([*self.yours, *self.saved]))
        return [
            (label, self.yours.get(label, ""), self.saved.get(label, ""))
            for label in labels
            if self.yours.get(label, "") != self.saved.get(label, "")
        ]


def describe(data: object, labels: Mapping[str, str] = FIELD_LABELS) -> dict[str, str]:
    """The labelled fields of a form dataclass as text (only fields with a label)."""
    if not dataclasses.is_dataclass(data) or isinstance(data, type):
        raise TypeError(f"not a dataclass instance: {data!r}")
    values = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    return {label: _text(values[name]) for name, label in labels.items() if name in values}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, tuple | list):
        return ", ".join(_text(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name in ("organisation_name", "title", "name", "organisation_id"):
            if hasattr(value, name) and getattr(value, name) not in ("", None):
                return _text(getattr(value, name))
    return str(value)


def check_version(
    expected: int | None, current: int, conflict: Callable[[], ConflictError]
) -> None:
    """A form's version (None: a caller that does not track versions) against the stored
    one; raises `conflict()` when they differ."""
    if expected is not None and expected != current:
        raise conflict()


@contextmanager
def lost_update_guard(session: Session, conflict: Callable[[], ConflictError]) -> Iterator[None]:
    """Turn the ORM's StaleDataError (another save won the race between our check and our
    UPDATE) into a ConflictError; the session is rolled back first so `conflict()` reads
    the stored version."""
    try:
        yield
    except StaleDataError:
        session.rollback()
        raise conflict() from None
