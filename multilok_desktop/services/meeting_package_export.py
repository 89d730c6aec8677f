"""Export of one meeting as a Sitzungspaket: its merged records with their base
fingerprints, the records the sender deleted, and what a copy needs (series, earlier
meetings of the Wiedervorlage, the meeting's people, invitations, text blocks).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import ActionItem, Meeting, Person, ProtocolStatus, TextBlock
from .meeting_package_service import (
    MERGED_KINDS,
    KeyMap,
    MeetingPackage,
    MeetingPackageError,
    PackageRecord,
    day,
    fingerprint,
    iso,
    load_meeting,
    local_records,
    meeting_actions,
)
from .minute_results import open_items_for_review


def build_package(session: Session, meeting_id: int, now: datetime | None = None) -> MeetingPackage:
    """The package of one meeting: its minutes, the people and context a copy needs."""
    meeting = load_meeting(session, meeting_id)
    if meeting.protocol is not None and meeting.protocol.status == ProtocolStatus.APPROVED:
        raise MeetingPackageError(
            f"Das Protokoll von „{meeting.title}“ ist genehmigt und damit gesperrt; ein "
            "Sitzungspaket zum Protokollieren ist dafür nicht möglich."
        )
    keys = KeyMap(session)
    store = keys.stores.get(meeting.id, {})
    records: list[PackageRecord] = []
    for key, current in local_records(session, meeting, keys).items():
        link = store.get(key)
        base = link.base if link is not None and link.base != "kept" else None
        records.append(
            PackageRecord(current.kind, key, current.fields, base or fingerprint(current.fields))
        )
    deleted = [
        PackageRecord(link.kind, key, {}, link.base)
        for key, link in store.items()
        if link.kind in MERGED_KINDS
        and link.base not in (None, "kept")
        and key not in {r.key for r in records}
    ]
    records.extend(_copied_records(session, meeting, keys))
    meeting_key = keys.key_of("meeting", meeting.id)
    assert meeting_key is not None
    return MeetingPackage(
        origin=keys.origin,
        meeting_key=meeting_key,
        title=meeting.title,
        start=meeting.start,
        created_at=now or datetime.now(UTC),
        records=tuple(_with_info(session, records, keys)),
        deleted=tuple(deleted),
    )


def _with_info(
    session: Session, records: Iterable[PackageRecord], keys: KeyMap
) -> Iterable[PackageRecord]:
    """Review items and the meeting carry what a copy needs to show them."""
    for rec in records:
        if rec.kind == "review_item":
            local = keys.local_id("review_item", rec.key)
            action = session.get(ActionItem, local) if local is not None else None
            if action is not None:
                info = {
                    "text": action.text,
                    "owner_text": action.owner_text
                    or (action.owner.full_name if action.owner else ""),
                    "due_date": day(action.due_date),
                    "meeting": keys.key_of("meeting", action.meeting_id),
                }
                rec = PackageRecord(rec.kind, rec.key, rec.fields, rec.base, info)
        elif rec.kind == "meeting":
            local = keys.local_id("meeting", rec.key)
            meeting = session.get(Meeting, local) if local is not None else None
            if meeting is not None and meeting.series_id is not None:
                info = {"series": keys.key_of("series", meeting.series_id)}
                rec = PackageRecord(rec.kind, rec.key, rec.fields, rec.base, info)
        yield rec


def _copied_records(session: Session, meeting: Meeting, keys: KeyMap) -> list[PackageRecord]:
    records: list[PackageRecord] = []
    if meeting.series is not None:
        records.append(
            PackageRecord(
                "series",
                _key(keys, "series", meeting.series.id),
                {},
                info={"title": meeting.series.title},
            )  # fmt: skip
        )
    earlier_ids = {
        action.meeting_id
        for review in open_items_for_review(session, meeting.id)
        if (action := session.get(ActionItem, review.id)) is not None
        and action.meeting_id is not None
    }
    for earlier in session.scalars(select(Meeting).where(Meeting.id.in_(earlier_ids))):
        records.append(
            PackageRecord(
                "earlier_meeting",
                _key(keys, "meeting", earlier.id),
                {},
                info={
                    "title": earlier.title,
                    "start": iso(earlier.start),
                    "end": iso(earlier.end),
                    "series": keys.key_of("series", earlier.series_id),
                },
            )  # fmt: skip
        )
    people: dict[int, str] = {}  # person id → organisation named in the invitation
    for invitation in meeting.invitations:
        if invitation.person_id is not None:
            people[invitation.person_id] = (
                invitation.organisation.name if invitation.organisation else ""
            )
    referenced = [item.presenter_id for item in meeting.agenda]
    referenced += [row.person_id for row in meeting.attendance]
    referenced += [a.owner_id for a in meeting_actions(session, meeting.id)]
    if meeting.protocol is not None:
        referenced += [meeting.protocol.chair_id, meeting.protocol.minute_taker_id]
    for person_id in referenced:
        if person_id is not None:
            people.setdefault(person_id, "")
    persons = session.scalars(
        select(Person).where(Person.id.in_(people)).options(selectinload(Person.memberships))
    )
    for person in persons:
        records.append(
            PackageRecord(
                "person",
                _key(keys, "person", person.id),
                {},
                info=_person_info(person, people[person.id]),
            )  # fmt: skip
        )
    for invitation in meeting.invitations:
        if invitation.person_id is None:
            continue
        records.append(
            PackageRecord(
                "invitation",
                _key(keys, "invitation", invitation.id),
                {},
                info={
                    "person": keys.key_of("person", invitation.person_id),
                    "organisation": invitation.organisation.name if invitation.organisation else "",
                    "mode": invitation.mode.value,
                    "response": invitation.response.value,
                    "receives_protocol": invitation.receives_protocol,
                },
            )  # fmt: skip
        )
    for block in session.scalars(select(TextBlock).order_by(TextBlock.position, TextBlock.id)):
        records.append(
            PackageRecord(
                "text_block",
                _key(keys, "text_block", block.id),
                {},
                info={"title": block.title, "text": block.text},
            )  # fmt: skip
        )
    return records


def _key(keys: KeyMap, kind: str, local_id: int) -> str:
    key = keys.key_of(kind, local_id)
    assert key is not None
    return key


def _person_info(person: Person, invited_for: str) -> dict[str, Any]:
    memberships = list(person.memberships)
    chosen = next((m for m in memberships if m.organisation.name == invited_for), None)
    if chosen is None and memberships:
        chosen = memberships[0]
    return {
        "salutation": person.salutation,
        "title": person.title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "function": person.function,
        "organisation": chosen.organisation.name if chosen else invited_for,
        "role": chosen.role if chosen else "",
        "department": chosen.department.name if chosen and chosen.department else "",
    }
