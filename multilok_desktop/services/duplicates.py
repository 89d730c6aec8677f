"""Finding people who are probably already in the address book."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from ..domain import PersonDirectoryRow
from ..domain.text import sort_key, transliterate

_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


@dataclass(frozen=True)
class DuplicateCandidate:
    person_id: int
    name: str
    organisation: str
    email: str
    reason: str  # "gleicher Name", "gleiche E-Mail-Adresse"


def name_keys(first_name: str, last_name: str) -> set[str]:
    """Every spelling under which "Jürgen Müller" may already be stored (Muller, Mueller)."""
    full = f"{last_name} {first_name}".strip()
    keys = {sort_key(full), sort_key(transliterate(full))}
    for key in list(keys):
        plain = key
        for digraph, vowel in _UMLAUT_SPELLINGS:
            plain = plain.replace(digraph, vowel)
        keys.add(plain)
    return {k for k in keys if k}


def find_duplicate_people(
    session: Session,
    first_name: str,
    last_name: str,
    email: str = "",
    *,
    exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """People with the same name (any umlaut spelling) or the same e-mail address."""
    conditions: list[ColumnElement[bool]] = []
    if last_name.strip():
        conditions.append(PersonDirectoryRow.sort_key.in_(name_keys(first_name, last_name)))
    email = email.strip().lower()
    if email:
        conditions.append(func.lower(PersonDirectoryRow.email) == email)
    if not conditions:
        return []
    query = select(PersonDirectoryRow).where(or_(*conditions)).order_by(PersonDirectoryRow.sort_key)
    if exclude_id is not None:
        query = query.where(PersonDirectoryRow.person_id != exclude_id)
    keys = name_keys(first_name, last_name) if last_name.strip() else set()
    candidates = []
    for row in session.scalars(query.limit(20)):
        same_email = bool(email) and row.email.lower() == email
        reason = "gleiche E-Mail-Adresse" if same_email else "gleicher Name"
        if same_email and row.sort_key in keys:
            reason = "gleicher Name und gleiche E-Mail-Adresse"
        candidates.append(
            DuplicateCandidate(row.person_id, row.name, row.organisation, row.email, reason)
        )
    return candidates
