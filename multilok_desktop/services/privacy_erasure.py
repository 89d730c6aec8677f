"""Art. 17 DSGVO: erase a person so that protocols stay readable.

`erase_person` (one transaction):
- the person row goes, and with it (foreign keys ON DELETE CASCADE) memberships, tags,
  distribution-list and series-invitee entries and the consent records; the address
  book's search rows (`person_directory`, `person_fts`) are dropped by the index upkeep;
- invitations of the person are deleted (they only say that this person was invited);
- where a protocol recorded the person — attendance, Sitzungsleitung, Protokollführung,
  presenter of a TOP, owner of an action item — the link is removed and the recorded name
  becomes the neutral placeholder "[gelöschte Person]"; frozen protocol revisions and the
  measure history get the same placeholder where they name the person;
- free texts (notes, results, action item texts) are not rewritten: `name_mentions`
  lists them for the office beforehand;
- every approved (locked) protocol that changed gets a new revision whose reason records
  that an erasure happened — without the name.

Afterwards `storage.scrub.scrub_database` removes the traces SQLite keeps (old FTS
segments, free pages, the WAL): the caller runs it once the transaction is committed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from ..domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    BacklogTopic,
    Invitation,
    MeasureHistory,
    Person,
    Protocol,
    ProtocolRevision,
    ProtocolStatus,
    utcnow,
)
from .errors import NotFoundError
from .privacy import PLACEHOLDER as PLACEHOLDER
from .privacy_report import name_mentions, name_variants
from .protocol_search import refresh_protocol_index
from .protocols import protocol_snapshot

log = logging.getLogger(__name__)

ERASURE_REASON = (
    "Personenbezogene Daten einer Person wurden am {day} nach Art. 17 DSGVO gelöscht; "
    f"ihr Name ist im Protokoll durch „{PLACEHOLDER}“ ersetzt."
)


@dataclass(frozen=True)
class ErasurePreview:
    """What an erasure will touch; shown in the confirmation dialog."""

    person_id: int
    name: str
    meetings: int  # meetings whose protocol records the person
    approved_protocols: int  # of them approved: they get an erasure revision
    action_items: int
    mentions: int  # free-text mentions that stay as they are


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    protocol_rows_replaced: int
    approved_protocols_marked: int
    revisions_rewritten: int
    mentions_left: int


def _meetings_recording(session: Session, person_id: int) -> set[int]:
    meetings = set(
        session.scalars(select(Attendance.meeting_id).where(Attendance.person_id == person_id))
    )
    meetings |= set(
        session.scalars(
            select(Protocol.meeting_id).where(
                or_(Protocol.chair_id == person_id, Protocol.minute_taker_id == person_id)
            )
        )
    )
    meetings |= set(
        session.scalars(select(AgendaItem.meeting_id).where(AgendaItem.presenter_id == person_id))
    )
    meetings |= {
        m
        for m in session.scalars(
            select(ActionItem.meeting_id).where(ActionItem.owner_id == person_id)
        )
        if m is not None
    }
    return meetings


def _approved(session: Session, meeting_ids: set[int]) -> list[Protocol]:
    if not meeting_ids:
        return []
    return list(
        session.scalars(
            select(Protocol).where(
                Protocol.meeting_id.in_(meeting_ids), Protocol.status == ProtocolStatus.APPROVED
            )
        )
    )


def preview_erasure(session: Session, person_id: int) -> ErasurePreview:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
    meetings = _meetings_recording(session, person_id)
    actions = len(
        session.scalars(select(ActionItem.id).where(ActionItem.owner_id == person_id)).all()
    )
    return ErasurePreview(
        person_id=person_id,
        name=person.full_name,
        meetings=len(meetings),
        approved_protocols=len(_approved(session, meetings)),
        action_items=actions,
        mentions=len(name_mentions(session, person)),
    )


def erase_person(session: Session, person_id: int, today: date) -> ErasureResult:
    """Erase the person (see the module text); flushes, the caller commits."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
    variants = name_variants(person)
    mentions = len(name_mentions(session, person))
    meetings = _meetings_recording(session, person_id)
    approved = _approved(session, meetings)

    replaced = 0
    replaced += _replace(
        session, Attendance, Attendance.person_id == person_id,
        person_id=None, name_text=PLACEHOLDER,
    )  # fmt: skip
    replaced += _replace(
        session, Protocol, Protocol.chair_id == person_id, chair_id=None, chair_text=PLACEHOLDER
    )
    replaced += _replace(
        session, Protocol, Protocol.minute_taker_id == person_id,
        minute_taker_id=None, minute_taker_text=PLACEHOLDER,
    )  # fmt: skip
    replaced += _replace(
        session, AgendaItem, AgendaItem.presenter_id == person_id,
        presenter_id=None, presenter_text=PLACEHOLDER,
    )  # fmt: skip
    owned_items = [
        item_id
        for item_id in session.scalars(
            select(ActionItem.agenda_item_id).where(ActionItem.owner_id == person_id)
        )
        if item_id is not None
    ]
    replaced += _replace(
        session, ActionItem, ActionItem.owner_id == person_id,
        owner_id=None, owner_text=PLACEHOLDER,
    )  # fmt: skip
    names = list(variants)
    session.execute(delete(Invitation).where(Invitation.person_id == person_id))
    for column in (MeasureHistory.author, MeasureHistory.old_value, MeasureHistory.new_value):
        session.execute(
            update(MeasureHistory).where(column.in_(names)).values({column.key: PLACEHOLDER})
        )
    session.execute(
        update(BacklogTopic)
        .where(BacklogTopic.proposed_by.in_(names))
        .values(proposed_by=PLACEHOLDER)
    )
    rewritten = _rewrite_revisions(session, person_id, variants)

    session.delete(person)  # memberships, tags, lists, consents go with it; the index too
    session.flush()
    refresh_protocol_index(session.connection(), owned_items)

    if approved:
        reason = ERASURE_REASON.format(day=f"{today:%d.%m.%Y}")
        for protocol in approved:
            session.refresh(protocol)
            snapshot = protocol_snapshot(session, protocol.meeting)
            session.add(
                ProtocolRevision(
                    protocol_id=protocol.id,
                    revision=protocol.revision,
                    reason=reason,
                    snapshot_json=json.dumps(snapshot, ensure_ascii=False, indent=1),
                    created_at=utcnow(),
                    author="",
                )
            )
            protocol.revision += 1
        session.flush()
    log.info(
        "privacy: person %d erased (%d protocol rows, %d approved protocols)",
        person_id,
        replaced,
        len(approved),
    )
    return ErasureResult(
        person_id=person_id,
        protocol_rows_replaced=replaced,
        approved_protocols_marked=len(approved),
        revisions_rewritten=rewritten,
        mentions_left=mentions,
    )


def _replace(session: Session, model: Any, condition: Any, **values: Any) -> int:
    result = session.execute(update(model).where(condition).values(**values))
    return int(getattr(result, "rowcount", 0) or 0)


def _rewrite_revisions(session: Session, person_id: int, variants: set[str]) -> int:
    """Frozen revisions are JSON: replace the person where they record them by id or name."""
    changed = 0
    for revision in session.scalars(select(ProtocolRevision)):
        snapshot = json.loads(revision.snapshot_json)
        if _anonymise_snapshot(snapshot, person_id, variants):
            revision.snapshot_json = json.dumps(snapshot, ensure_ascii=False, indent=1)
            changed += 1
    session.flush()
    return changed


def _anonymise_snapshot(snapshot: dict[str, Any], person_id: int, variants: set[str]) -> bool:
    changed = False

    def scrub(entry: dict[str, Any], id_key: str, name_key: str) -> None:
        nonlocal changed
        if entry.get(id_key) == person_id or entry.get(name_key) in variants:
            entry[id_key] = None
            entry[name_key] = PLACEHOLDER
            changed = True

    for role in ("chair", "minute_taker"):
        if isinstance(snapshot.get(role), dict):
            scrub(snapshot[role], "id", "name")
    for entry in snapshot.get("attendance", []):
        scrub(entry, "person_id", "name")
    for entry in snapshot.get("action_items", []):
        scrub(entry, "owner_id", "owner")
    for item in snapshot.get("agenda", []):
        if item.get("presenter") in variants:
            item["presenter"] = PLACEHOLDER
            changed = True
    return changed
