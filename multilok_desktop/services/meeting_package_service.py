"""Sitzungspaket: one meeting taken to a laptop for minute-taking and brought back.

The package is plain data (`MeetingPackage`); its file format lives in
`exchange/meeting_package.py`, the export in `meeting_package_export.py`, the plan of an
import in `meeting_package_merge.py` and its writing in `meeting_package_write.py`. Here:
the data model, the keys that identify a record in every database, the fingerprints, the
link store, the records of a meeting as this database holds them, and the facade.

Identity. Every database gets a random id (setting `database_id`). A record is known by
the key "<database id of its origin>/<kind>/<id there>", in every database it reaches;
a database keeps, per meeting, which local row stands for which foreign key and the
fingerprint of the version it last saw (setting `meeting_package.links.<meeting id>`).

Fingerprints. A record's `fields` (references as keys, times in UTC ISO) hashed; two
databases holding the same content compute the same fingerprint. `base` is the version
the sender started from, so the receiver tells apart "changed here", "changed there" and
"changed on both sides" (a conflict, never overwritten).

Privacy (DSGVO): a package carries the people of this meeting only — invitees, presenters,
attendees, owners, chair and minute-taker — with name, function, organisation and
department; no address, e-mail or phone.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    Invitation,
    Meeting,
    Outcome,
    Protocol,
    ProtocolStatus,
    Setting,
)
from ..storage.database import Database
from .errors import NotFoundError, ServiceError
from .minute_results import open_items_for_review

if TYPE_CHECKING:
    from .meeting_package_merge import Choice, ImportResult, ImportSummary

FORMAT_VERSION = 1
DATABASE_ID_KEY = "database_id"
LINKS_PREFIX = "meeting_package.links."

# Records merged both ways (three-way, by fingerprint), in the order they are applied.
MERGED_KINDS = (
    "meeting",
    "agenda_item",
    "outcome",
    "action_item",
    "review_item",
    "attendance",
    "protocol",
)
# Records only copied into a database that does not own the meeting (the laptop).
COPIED_KINDS = ("series", "earlier_meeting", "person", "invitation", "text_block")
KINDS = frozenset(MERGED_KINDS + COPIED_KINDS)


class MeetingPackageError(ServiceError):
    """A package that cannot be used here; nothing was changed."""


@dataclass(frozen=True)
class PackageRecord:
    kind: str
    key: str
    fields: dict[str, Any]  # merged content (JSON values); empty for copied kinds
    base: str | None = None  # fingerprint of the version the sender started from
    info: dict[str, Any] = field(default_factory=dict)  # context used when creating a copy


@dataclass(frozen=True)
class MeetingPackage:
    origin: str  # database id of the sender
    meeting_key: str
    title: str
    start: datetime
    created_at: datetime
    records: tuple[PackageRecord, ...]
    deleted: tuple[PackageRecord, ...] = ()  # records the sender had and deleted (base only)
    format_version: int = FORMAT_VERSION


def fingerprint(fields: dict[str, Any]) -> str:
    data = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# --- database identity and links ---------------------------------------------------------


def database_id(session: Session) -> str:
    """This database's id, created on first use."""
    setting = session.get(Setting, DATABASE_ID_KEY)
    if setting is None or not setting.value:
        setting = Setting(key=DATABASE_ID_KEY, value=uuid.uuid4().hex)
        session.merge(setting)
        session.flush()
    return setting.value


@dataclass
class Link:
    kind: str
    local_id: int | None
    base: str | None  # fingerprint last seen; "kept" after a refused deletion


class KeyMap:
    """Local id ↔ key in this database, from every meeting's link store."""

    def __init__(self, session: Session) -> None:
        self.origin = database_id(session)
        self._session = session
        self.stores: dict[int, dict[str, Link]] = {}
        for setting in session.scalars(select(Setting).where(Setting.key.startswith(LINKS_PREFIX))):
            meeting_id = int(setting.key.removeprefix(LINKS_PREFIX))
            raw = json.loads(setting.value or "{}").get("records", {})
            self.stores[meeting_id] = {k: Link(*v) for k, v in raw.items()}
        self._by_key: dict[str, Link] = {}
        self._reverse: dict[tuple[str, int], str] = {}
        for store in self.stores.values():
            for key, link in store.items():
                self.remember(key, link)

    def remember(self, key: str, link: Link) -> None:
        self._by_key[key] = link
        if link.local_id is not None and not self.is_own(key):
            self._reverse[(link.kind, link.local_id)] = key

    def is_own(self, key: str) -> bool:
        return key.startswith(self.origin + "/")

    def key_of(self, kind: str, local_id: int | None) -> str | None:
        if local_id is None:
            return None
        return self._reverse.get((kind, local_id)) or f"{self.origin}/{kind}/{local_id}"

    def local_id(self, kind: str, key: str | None) -> int | None:
        """The local row for a key, or None if this database does not know it (any more)."""
        if key is None:
            return None
        if self.is_own(key):
            own_kind, _, number = key.removeprefix(self.origin + "/").partition("/")
            return int(number) if own_kind == kind and number.isdigit() else None
        link = self._by_key.get(key)
        return link.local_id if link is not None and link.kind == kind else None

    def link(self, key: str) -> Link | None:
        return self._by_key.get(key)

    def set_link(self, meeting_id: int, key: str, link: Link) -> None:
        self.stores.setdefault(meeting_id, {})[key] = link
        self.remember(key, link)

    def save(self, meeting_id: int) -> None:
        records = {k: [v.kind, v.local_id, v.base] for k, v in self.stores[meeting_id].items()}
        self._session.merge(
            Setting(key=f"{LINKS_PREFIX}{meeting_id}", value=json.dumps({"records": records}))
        )
        self._session.flush()

    def meeting_for(self, meeting_key: str) -> int | None:
        """The local meeting for a package's meeting key (own or an earlier copy)."""
        local = self.local_id("meeting", meeting_key)
        if local is not None and self._session.get(Meeting, local) is not None:
            return local
        return None


# --- the fields of each merged record ----------------------------------------------------


def meeting_fields(meeting: Meeting) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "start": iso(meeting.start),
        "end": iso(meeting.end),
        "location": meeting.location,
        "status": meeting.status.value,
    }


def agenda_fields(item: AgendaItem, keys: KeyMap) -> dict[str, Any]:
    return {
        "position": item.position,
        "number": item.number,
        "title": item.title,
        "presenter": keys.key_of("person", item.presenter_id),
        "presenter_text": item.presenter_text,
        "planned_minutes": item.planned_minutes,
        "description": item.description,
        "non_public": item.non_public,
        "notes_html": item.notes_html,
        "started_at": iso(item.started_at),
        "ended_at": iso(item.ended_at),
        "unplanned": item.unplanned,
        "withdrawn": item.withdrawn,
    }


def outcome_fields(outcome: Outcome, keys: KeyMap) -> dict[str, Any]:
    return {
        "agenda_item": keys.key_of("agenda_item", outcome.agenda_item_id),
        "position": outcome.position,
        "kind": outcome.kind.value,
        "text": outcome.text,
        "votes_yes": outcome.votes_yes,
        "votes_no": outcome.votes_no,
        "votes_abstain": outcome.votes_abstain,
    }


def action_fields(action: ActionItem, keys: KeyMap) -> dict[str, Any]:
    return {
        "agenda_item": keys.key_of("agenda_item", action.agenda_item_id),
        "text": action.text,
        "owner": keys.key_of("person", action.owner_id),
        "owner_text": action.owner_text,
        "due_date": day(action.due_date),
        "done": action.done,
        "done_at": iso(action.done_at),
    }


def review_fields(action: ActionItem) -> dict[str, Any]:
    """A Wiedervorlage item of an earlier meeting: only ticking it off travels back."""
    return {"done": action.done, "done_at": iso(action.done_at)}


def attendance_fields(row: Attendance, keys: KeyMap) -> dict[str, Any]:
    return {
        "person": keys.key_of("person", row.person_id),
        "name_text": row.name_text,
        "organisation_text": row.organisation_text,
        "status": row.status.value,
        "from_item": keys.key_of("agenda_item", row.from_item_id),
        "until_item": keys.key_of("agenda_item", row.until_item_id),
    }


def protocol_fields(protocol: Protocol | None, keys: KeyMap) -> dict[str, Any]:
    """A meeting without a protocol yet has the fields of a new draft."""
    if protocol is None:
        return {"status": ProtocolStatus.DRAFT.value, "chair": None, "chair_text": "",
                "minute_taker": None, "minute_taker_text": ""}  # fmt: skip
    return {
        "status": protocol.status.value,
        "chair": keys.key_of("person", protocol.chair_id),
        "chair_text": protocol.chair_text,
        "minute_taker": keys.key_of("person", protocol.minute_taker_id),
        "minute_taker_text": protocol.minute_taker_text,
    }


def protocol_key(meeting_key: str) -> str:
    return f"{meeting_key}/protocol"


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.agenda).selectinload(AgendaItem.outcomes),
            selectinload(Meeting.attendance),
            selectinload(Meeting.invitations).selectinload(Invitation.organisation),
            selectinload(Meeting.protocol),
            selectinload(Meeting.series),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    return meeting


def meeting_actions(session: Session, meeting_id: int) -> list[ActionItem]:
    return list(
        session.scalars(
            select(ActionItem).where(ActionItem.meeting_id == meeting_id).order_by(ActionItem.id)
        )
    )


def local_records(session: Session, meeting: Meeting, keys: KeyMap) -> dict[str, PackageRecord]:
    """The merged records of a meeting as this database holds them, by key."""
    meeting_key = keys.key_of("meeting", meeting.id)
    assert meeting_key is not None
    found: list[PackageRecord] = [PackageRecord("meeting", meeting_key, meeting_fields(meeting))]
    for item in meeting.agenda:
        found.append(record(keys, "agenda_item", item.id, agenda_fields(item, keys)))
        for outcome in item.outcomes:
            found.append(record(keys, "outcome", outcome.id, outcome_fields(outcome, keys)))
    for action in meeting_actions(session, meeting.id):
        found.append(record(keys, "action_item", action.id, action_fields(action, keys)))
    for review in open_items_for_review(session, meeting.id):
        earlier = session.get(ActionItem, review.id)
        if earlier is not None and earlier.meeting_id is not None:
            found.append(record(keys, "review_item", earlier.id, review_fields(earlier)))
    for row in meeting.attendance:
        found.append(record(keys, "attendance", row.id, attendance_fields(row, keys)))
    found.append(
        PackageRecord(
            "protocol", protocol_key(meeting_key), protocol_fields(meeting.protocol, keys)
        )
    )
    return {r.key: r for r in found}


def record(keys: KeyMap, kind: str, local_id: int, fields: dict[str, Any]) -> PackageRecord:
    key = keys.key_of(kind, local_id)
    assert key is not None
    return PackageRecord(kind, key, fields)


# --- the facade --------------------------------------------------------------------------


class MeetingPackageService:
    """Sitzungspaket for the UI and the command line: one session per call.

    The file format is `exchange/meeting_package.py`; this facade works on plain data.
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    def build(self, meeting_id: int) -> MeetingPackage:
        from .meeting_package_export import build_package

        with self._database.session() as session:  # commits the database id on first use
            return build_package(session, meeting_id)

    def preview(self, package: MeetingPackage) -> ImportSummary:
        from .meeting_package_merge import plan_import

        with self._database.session() as session:
            plan = plan_import(session, package)
            session.rollback()  # a preview writes nothing (not even the database id)
            return plan.summary()

    def apply(
        self,
        package: MeetingPackage,
        choices: Mapping[str, Choice] | None = None,
        default: Choice | None = None,
    ) -> ImportResult:
        from .meeting_package_write import apply_package

        with self._database.session() as session:
            return apply_package(session, package, choices or {}, default)
