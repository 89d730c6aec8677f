"""Personal data under the DSGVO: legal basis, source, review dates and consent records.

`privacy_due(session, today)` is what the home view and the address book's
"Datenschutz-Prüfung" list: people whose review is due, whose consent is missing although
consent is their legal basis, or whose consent was withdrawn.

Consent records are events and are never edited: a withdrawal is a new record. The state
of a consent is the latest record per purpose; a person "has consent" while at least one
purpose's latest record is "erteilt".

Logging: only ids, never names or e-mail addresses (see `multilok_desktop.logs`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from ..domain import (
    ConsentRecord,
    DataCategory,
    Person,
    PersonDirectoryRow,
)
from ..domain.privacy import LEGAL_BASIS_LABELS as LEGAL_BASIS_LABELS
from ..domain.privacy import ConsentMethod as ConsentMethod  # for the UI, which sees no domain
from ..domain.privacy import ConsentStatus as ConsentStatus
from ..domain.privacy import LegalBasis as LegalBasis
from .errors import NotFoundError, ValidationError

log = logging.getLogger(__name__)

PLACEHOLDER = "[gelöschte Person]"  # stands for an erased person in protocols (Art. 17)
DEFAULT_PURPOSE = "Einladungen, Protokolle und Informationen zu den Vernetzungstreffen"
SOURCE_MAX = 300
PURPOSE_MAX = 300
TEXT_VERSION_MAX = 120


class ConsentState(StrEnum):
    NONE = "keine"
    GIVEN = "ja"
    WITHDRAWN = "widerrufen"


@dataclass(frozen=True)
class ConsentInput:
    """A consent event to record (given or withdrawn)."""

    recorded_on: date
    status: ConsentStatus = ConsentStatus.GIVEN
    method: ConsentMethod | None = None
    purpose: str = DEFAULT_PURPOSE
    text_version: str = ""
    note: str = ""


@dataclass(frozen=True)
class ConsentRow:
    id: int
    status: ConsentStatus
    recorded_on: date
    method: ConsentMethod | None
    purpose: str
    text_version: str
    note: str


@dataclass(frozen=True)
class PrivacySettings:
    """What the person form edits on its "Datenschutz" tab."""

    legal_basis: LegalBasis | None = None
    data_source: str = ""
    contact_review_on: date | None = None
    participation_review_on: date | None = None

    def review_dates(self) -> dict[DataCategory, date | None]:
        return {
            DataCategory.CONTACT: self.contact_review_on,
            DataCategory.PARTICIPATION: self.participation_review_on,
        }


@dataclass(frozen=True)
class PrivacyDetails:
    person_id: int
    settings: PrivacySettings
    consents: tuple[ConsentRow, ...]  # newest first
    state: ConsentState
    state_since: date | None  # day of the record that made the state

    @property
    def summary(self) -> str:
        """ "ja (2026)", "widerrufen (2025)", "keine" — the detail pane's line."""
        if self.state_since is None:
            return self.state.value
        return f"{self.state.value} ({self.state_since.year})"

    @property
    def next_review(self) -> date | None:
        dates = [d for d in self.settings.review_dates().values() if d is not None]
        return min(dates) if dates else None


@dataclass(frozen=True)
class PrivacyDueRow:
    """One person in the privacy review list.

    reason: German, several reasons joined by "; " (e.g. "Einwilligung widerrufen;
    Prüfung Kontaktdaten fällig"); due: the earliest date that made the person due —
    None when nothing dates it (consent missing): such rows come first.
    """

    person_id: int
    name: str  # "Müller, Dr. Jürgen" as in the address book
    reason: str
    due: date | None


def legal_basis_label(basis: LegalBasis | None) -> str:
    return LEGAL_BASIS_LABELS[basis] if basis is not None else "nicht erfasst"


# --- reading -----------------------------------------------------------------------------


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
    return person


def _row(record: ConsentRecord) -> ConsentRow:
    return ConsentRow(
        id=record.id,
        status=record.status,
        recorded_on=record.recorded_on,
        method=record.method,
        purpose=record.purpose,
        text_version=record.text_version,
        note=record.note,
    )


def consent_history(session: Session, person_id: int) -> list[ConsentRow]:
    """Every consent event of a person, newest first."""
    records = session.scalars(
        select(ConsentRecord)
        .where(ConsentRecord.person_id == person_id)
        .order_by(ConsentRecord.recorded_on.desc(), ConsentRecord.id.desc())
    )
    return [_row(r) for r in records]


def current_consents(history: Iterable[ConsentRow]) -> dict[str, ConsentRow]:
    """Purpose → its latest record (ties on the same day: the later entry wins)."""
    latest: dict[str, ConsentRow] = {}
    for row in sorted(history, key=lambda r: (r.recorded_on, r.id)):
        latest[row.purpose] = row
    return latest


def consent_state(history: Sequence[ConsentRow]) -> tuple[ConsentState, date | None]:
    current = current_consents(history).values()
    given = [r.recorded_on for r in current if r.status == ConsentStatus.GIVEN]
    if given:
        return ConsentState.GIVEN, max(given)
    withdrawn = [r.recorded_on for r in current if r.status == ConsentStatus.WITHDRAWN]
    if withdrawn:
        return ConsentState.WITHDRAWN, max(withdrawn)
    return ConsentState.NONE, None


def get_privacy(session: Session, person_id: int) -> PrivacyDetails:
    person = _person(session, person_id)
    history = consent_history(session, person_id)
    state, since = consent_state(history)
    return PrivacyDetails(
        person_id=person_id,
        settings=PrivacySettings(
            legal_basis=person.legal_basis,
            data_source=person.data_source,
            contact_review_on=person.contact_review_on,
            participation_review_on=person.participation_review_on,
        ),
        consents=tuple(history),
        state=state,
        state_since=since,
    )


# --- writing -----------------------------------------------------------------------------


def set_privacy(session: Session, person_id: int, settings: PrivacySettings) -> None:
    """Legal basis, source of the data and the review dates of a person."""
    source = settings.data_source.strip()
    if len(source) > SOURCE_MAX:
        raise ValidationError(f"Die Herkunft ist zu lang (höchstens {SOURCE_MAX} Zeichen).")
    person = _person(session, person_id)
    person.legal_basis = settings.legal_basis
    person.data_source = source
    person.contact_review_on = settings.contact_review_on
    person.participation_review_on = settings.participation_review_on
    session.flush()
    log.info("privacy: settings of person %d saved", person_id)


def validate_consent(consent: ConsentInput, today: date | None = None) -> None:
    if today is not None and consent.recorded_on > today:
        raise ValidationError("Das Datum der Einwilligung liegt in der Zukunft.")
    if len(consent.purpose.strip()) > PURPOSE_MAX:
        raise ValidationError(f"Der Zweck ist zu lang (höchstens {PURPOSE_MAX} Zeichen).")
    if len(consent.text_version.strip()) > TEXT_VERSION_MAX:
        raise ValidationError(
            f"Die Textfassung ist zu lang (höchstens {TEXT_VERSION_MAX} Zeichen)."
        )


def record_consent(
    session: Session, person_id: int, consent: ConsentInput, today: date | None = None
) -> int:
    """Record a consent given (or a withdrawal written down in detail); returns its id."""
    validate_consent(consent, today)
    _person(session, person_id)
    record = ConsentRecord(
        person_id=person_id,
        status=consent.status,
        recorded_on=consent.recorded_on,
        method=consent.method,
        purpose=consent.purpose.strip(),
        text_version=consent.text_version.strip(),
        note=consent.note.strip(),
    )
    session.add(record)
    session.flush()
    log.info("privacy: consent %s recorded for person %d", consent.status.name, person_id)
    return record.id


def withdraw_consent(
    session: Session,
    person_id: int,
    on: date,
    method: ConsentMethod | None = None,
    note: str = "",
) -> int:
    """The one-click withdrawal: every purpose still consented to is withdrawn on `on`.

    Returns how many purposes were withdrawn; an error if there is no consent to withdraw.
    """
    _person(session, person_id)
    given = [
        row
        for row in current_consents(consent_history(session, person_id)).values()
        if row.status == ConsentStatus.GIVEN
    ]
    if not given:
        raise ValidationError(
            "Es liegt keine erteilte Einwilligung vor, die widerrufen werden kann."
        )
    for row in given:
        session.add(
            ConsentRecord(
                person_id=person_id,
                status=ConsentStatus.WITHDRAWN,
                recorded_on=max(on, row.recorded_on),
                method=method,
                purpose=row.purpose,
                text_version=row.text_version,
                note=note.strip(),
            )
        )
    session.flush()
    log.info("privacy: consent withdrawn for person %d (%d purposes)", person_id, len(given))
    return len(given)


# --- the review list -----------------------------------------------------------------------


def privacy_due(session: Session, today: date) -> list[PrivacyDueRow]:
    """People whose privacy needs the office's attention today, one row per person.

    Reasons: a review date (Kontaktdaten, Teilnahmen) on or before `today`; legal basis
    "Einwilligung" without any consent record ("Einwilligung fehlt"); all consents
    withdrawn while the legal basis is not the public task ("Einwilligung widerrufen").
    Sorted by due date (undated first), then name. Runs in a few indexed queries.
    """
    reasons: dict[int, list[tuple[date | None, str]]] = defaultdict(list)
    for person_id, contact_on, participation_on in session.execute(
        select(Person.id, Person.contact_review_on, Person.participation_review_on).where(
            or_(Person.contact_review_on <= today, Person.participation_review_on <= today)
        )
    ):
        for category, due in (
            (DataCategory.CONTACT, contact_on),
            (DataCategory.PARTICIPATION, participation_on),
        ):
            if due is not None and due <= today:
                reasons[person_id].append((due, f"Prüfung {category.value} fällig"))

    missing = select(Person.id).where(
        Person.legal_basis == LegalBasis.CONSENT,
        ~select(ConsentRecord.id).where(ConsentRecord.person_id == Person.id).exists(),
    )
    for person_id in session.scalars(missing):
        reasons[person_id].append((None, "Einwilligung fehlt"))
    for person_id, since in _withdrawn_consents(session):
        reasons[person_id].append((since, f"Einwilligung widerrufen am {since:%d.%m.%Y}"))

    names = _directory_names(session, list(reasons))
    rows = []
    for person_id, found in reasons.items():
        dates = [d for d, _ in found if d is not None]
        due = None if any(d is None for d, _ in found) else min(dates)
        text = "; ".join(reason for _, reason in sorted(found, key=lambda f: f[0] or date.min))
        name, key = names.get(person_id, (f"Person {person_id}", ""))
        rows.append((PrivacyDueRow(person_id, name, text, due), key))
    rows.sort(key=lambda r: (r[0].due is not None, r[0].due or date.min, r[1], r[0].person_id))
    return [row for row, _ in rows]


def _withdrawn_consents(session: Session) -> Iterable[tuple[int, date]]:
    """People whose consent state (consent_state) is "withdrawn" — the latest record of
    every purpose withdraws, none gives — with the latest withdrawal, unless their legal
    basis is the public task. In SQL: a window over all records instead of a history per
    person in Python (≈ 80 ms less on the large demo database)."""
    latest = select(
        ConsentRecord.person_id,
        ConsentRecord.status,
        ConsentRecord.recorded_on,
        func.row_number()
        .over(
            partition_by=(ConsentRecord.person_id, ConsentRecord.purpose),
            order_by=(ConsentRecord.recorded_on.desc(), ConsentRecord.id.desc()),
        )
        .label("rank"),
    ).subquery()
    given = func.sum(case((latest.c.status == ConsentStatus.GIVEN, 1), else_=0))
    rows = session.execute(
        select(latest.c.person_id, func.max(latest.c.recorded_on))
        .join(Person, Person.id == latest.c.person_id)
        .where(latest.c.rank == 1, Person.legal_basis.is_distinct_from(LegalBasis.PUBLIC_TASK))
        .group_by(latest.c.person_id)
        .having(given == 0)
    )
    return [(person_id, since) for person_id, since in rows]


def _directory_names(session: Session, person_ids: list[int]) -> dict[int, tuple[str, str]]:
    found: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(sorted(person_ids)):
        for person_id, name, key in session.execute(
            select(
                PersonDirectoryRow.person_id, PersonDirectoryRow.name, PersonDirectoryRow.sort_key
            ).where(PersonDirectoryRow.person_id.in_(chunk))
        ):
            found[person_id] = (name, key)
    return found


def _chunks(values: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
