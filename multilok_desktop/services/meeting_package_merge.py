"""Reading a Sitzungspaket into a database: a three-way merge per record, in one transaction.

For every merged record (meeting, TOP, result, action item, Wiedervorlage, attendance,
protocol) the package brings the new version and the fingerprint of the version the
sender started from (`base`); this database knows its own version. Then:

- same content here and there: nothing to do;
- only the package changed it: the package's version is taken;
- only this database changed it: this database's version stays;
- both changed it (or one deleted what the other changed): a conflict. Nothing is
  written unless every conflict has a choice — keep this database's version or take
  the package's; `PackageConflictError` lists them with both versions.

A database that does not own the meeting (the laptop) gets a copy: the meeting, the
people it needs, invitations, earlier meetings for the Wiedervorlage and the text blocks.
The owner (the office) never takes people from a package: its address book is the master,
the minutes keep the names as text. An approved protocol refuses the whole import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from ..domain import (
    ActionItem,
    ProtocolStatus,
)
from .clock import local
from .meeting_package_service import (
    FORMAT_VERSION,
    MERGED_KINDS,
    KeyMap,
    Link,
    MeetingPackage,
    MeetingPackageError,
    PackageRecord,
    fingerprint,
    load_meeting,
    local_records,
    review_fields,
)
from .protocol_search import html_to_text

LOCKED_MESSAGE = (
    "Das Protokoll dieses Treffens ist hier bereits genehmigt und damit gesperrt; "
    "das Sitzungspaket wurde nicht eingelesen. Für eine Änderung bitte eine Korrektur "
    "(neue Revision) anlegen."
)
KEPT = "kept"

FIELD_LABELS = {
    "title": "Titel", "start": "Beginn", "end": "Ende", "location": "Ort", "status": "Status",
    "position": "Reihenfolge", "number": "Nummer", "presenter": "Vortragende Person",
    "presenter_text": "Vortrag", "planned_minutes": "Geplante Minuten",
    "description": "Beschreibung", "non_public": "Nicht öffentlich", "notes_html": "Notizen",
    "started_at": "Begonnen", "ended_at": "Beendet", "unplanned": "Ergänzt",
    "withdrawn": "Abgesetzt", "agenda_item": "TOP", "kind": "Art", "text": "Text",
    "votes_yes": "Ja-Stimmen", "votes_no": "Nein-Stimmen", "votes_abstain": "Enthaltungen",
    "owner": "Verantwortlich (Adressbuch)", "owner_text": "Verantwortlich",
    "due_date": "Fällig", "done": "Erledigt", "done_at": "Erledigt am", "person": "Person",
    "name_text": "Name", "organisation_text": "Organisation", "from_item": "Ab TOP",
    "until_item": "Bis TOP", "chair": "Sitzungsleitung (Adressbuch)",
    "chair_text": "Sitzungsleitung", "minute_taker": "Protokollführung (Adressbuch)",
    "minute_taker_text": "Protokollführung",
}  # fmt: skip


class Choice(StrEnum):
    KEEP = "keep"  # keep this database's version (the office's, when importing a result)
    TAKE = "take"  # take the package's version (the laptop's)


@dataclass(frozen=True)
class FieldDifference:
    label: str
    here: str
    there: str


@dataclass(frozen=True)
class PackageConflict:
    key: str
    label: str  # "TOP 3 Wohnraum auf Zeit"
    reason: str  # "hier und im Paket geändert"
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class ImportSummary:
    meeting_title: str
    is_copy: bool  # this database does not own the meeting (a laptop)
    new_copy: bool  # the meeting is not here yet and will be created
    created: int
    updated: int
    deleted: int
    conflicts: tuple[PackageConflict, ...]


@dataclass(frozen=True)
class ImportResult:
    meeting_id: int
    is_copy: bool
    created: int
    updated: int
    deleted: int
    kept: int  # conflicts where this database's version stayed
    skipped: tuple[str, ...] = ()  # records that could not be placed (their TOP is gone)


class PackageConflictError(MeetingPackageError):
    """Records changed on both sides and no choice was given; nothing was written."""

    def __init__(self, conflicts: tuple[PackageConflict, ...]) -> None:
        super().__init__(
            f"{len(conflicts)} Einträge wurden hier und im Sitzungspaket geändert; es wurde "
            "nichts übernommen. Bitte je Eintrag wählen: hiesige Fassung behalten oder die "
            "des Pakets übernehmen."
        )
        self.conflicts = conflicts


@dataclass
class Step:
    kind: str
    key: str
    action: str  # create, update, delete, none, conflict
    incoming: PackageRecord | None
    here: PackageRecord | None
    conflict: PackageConflict | None = None
    if_taken: str = "none"  # what taking the package's version means for a conflict
    local_id: int | None = None  # a row found by content (the same person checked in twice)


@dataclass
class Plan:
    package: MeetingPackage
    keys: KeyMap
    meeting_id: int | None
    is_copy: bool
    steps: list[Step] = field(default_factory=list)

    def summary(self) -> ImportSummary:
        def count(action: str) -> int:
            return sum(1 for s in self.steps if s.action == action)

        return ImportSummary(
            meeting_title=self.package.title,
            is_copy=self.is_copy,
            new_copy=self.meeting_id is None,
            created=count("create"),
            updated=count("update"),
            deleted=count("delete"),
            conflicts=tuple(s.conflict for s in self.steps if s.conflict is not None),
        )


# --- planning ------------------------------------------------------------------------------


def plan_import(session: Session, package: MeetingPackage) -> Plan:
    """What importing the package would do, without writing anything but the database id."""
    if package.format_version > FORMAT_VERSION:
        raise MeetingPackageError(
            "Das Sitzungspaket stammt aus einer neueren Version von Multilok; bitte "
            "Multilok aktualisieren."
        )
    keys = KeyMap(session)
    meeting_id = keys.meeting_for(package.meeting_key)
    is_copy = not keys.is_own(package.meeting_key)
    if not is_copy and meeting_id is None:
        raise MeetingPackageError(
            f"Das Treffen „{package.title}“ aus dem Sitzungspaket gibt es in dieser "
            "Datenbank nicht mehr; es wurde nichts geändert."
        )
    plan = Plan(package, keys, meeting_id, is_copy)
    local: dict[str, PackageRecord] = {}
    store: dict[str, Link] = {}
    if meeting_id is not None:
        meeting = load_meeting(session, meeting_id)
        if meeting.protocol is not None and meeting.protocol.status == ProtocolStatus.APPROVED:
            raise MeetingPackageError(LOCKED_MESSAGE)
        local = local_records(session, meeting, keys)
        store = keys.stores.get(meeting_id, {})
    order = {kind: i for i, kind in enumerate(MERGED_KINDS)}
    incoming = sorted(
        (r for r in package.records if r.kind in MERGED_KINDS), key=lambda r: order[r.kind]
    )
    claimed = {r.key for r in incoming}
    unclaimed = [r for k, r in local.items() if r.kind == "attendance" and k not in claimed]
    for rec in incoming:
        here = local.get(rec.key) or _outside_record(session, keys, rec)
        link = store.get(rec.key) or keys.link(rec.key)
        known = meeting_id is not None and (keys.is_own(rec.key) or link is not None)
        ancestor = link.base if link is not None and link.base != KEPT else rec.base
        new = fingerprint(rec.fields)
        if here is None and not known and (twin := _same_person(rec, unclaimed)) is not None:
            unclaimed.remove(twin)
            twin_id = keys.local_id("attendance", twin.key)
            if fingerprint(twin.fields) == new:
                step = Step(rec.kind, rec.key, "none", rec, twin)
            else:
                step = _conflict(rec, twin, "hier und im Paket eingetragen", "update")
            step.local_id = twin_id
            plan.steps.append(step)
            continue
        if here is None:
            if not known:
                plan.steps.append(Step(rec.kind, rec.key, "create", rec, None))
            elif new == ancestor:
                plan.steps.append(Step(rec.kind, rec.key, "none", rec, None))
            else:
                plan.steps.append(
                    _conflict(rec, None, "hier gelöscht, im Paket geändert", "create")
                )
            continue
        current = fingerprint(here.fields)
        if current == new or new == ancestor:
            plan.steps.append(Step(rec.kind, rec.key, "none", rec, here))
        elif current == ancestor:
            plan.steps.append(Step(rec.kind, rec.key, "update", rec, here))
        else:
            plan.steps.append(_conflict(rec, here, "hier und im Paket geändert", "update"))
    seen = {r.key for r in package.records}
    gone = {r.key: r for r in package.deleted if r.kind in MERGED_KINDS}
    for key, link in store.items():
        if key not in seen and link.kind in MERGED_KINDS and key.startswith(package.origin + "/"):
            gone.setdefault(key, PackageRecord(link.kind, key, {}, link.base))
    for key, rec in gone.items():
        here = local.get(key)
        link = store.get(key)
        if here is None or rec.kind in ("meeting", "protocol") or (link and link.base == KEPT):
            continue
        ancestor = link.base if link is not None else rec.base
        if fingerprint(here.fields) == ancestor:
            plan.steps.append(Step(rec.kind, key, "delete", None, here))
        else:
            plan.steps.append(_conflict(rec, here, "im Paket gelöscht, hier geändert", "delete"))
    return plan


def _same_person(rec: PackageRecord, rows: list[PackageRecord]) -> PackageRecord | None:
    """A row of the attendance list here for the same person (or name, without a person)."""
    if rec.kind != "attendance":
        return None
    person, name = rec.fields.get("person"), str(rec.fields.get("name_text", "")).casefold()
    for row in rows:
        if person is not None and row.fields.get("person") == person:
            return row
        if person is None and row.fields.get("person") is None:
            if str(row.fields.get("name_text", "")).casefold() == name:
                return row
    return None


def _outside_record(session: Session, keys: KeyMap, rec: PackageRecord) -> PackageRecord | None:
    """A Wiedervorlage item no longer in this meeting's list (ticked off long ago)."""
    if rec.kind != "review_item":
        return None
    local = keys.local_id("review_item", rec.key)
    action = session.get(ActionItem, local) if local is not None else None
    return PackageRecord(rec.kind, rec.key, review_fields(action)) if action else None


def _conflict(rec: PackageRecord, here: PackageRecord | None, reason: str, if_taken: str) -> Step:
    there_fields = rec.fields
    here_fields = here.fields if here is not None else {}
    names = [n for n in FIELD_LABELS if n in there_fields or n in here_fields]
    differences = tuple(
        FieldDifference(
            FIELD_LABELS[n],
            _shown(n, here_fields.get(n)) if here is not None else "(gelöscht)",
            _shown(n, there_fields.get(n)) if there_fields else "(gelöscht)",
        )
        for n in names
        if here is None or not there_fields or here_fields.get(n) != there_fields.get(n)
    )
    label = _label(rec if rec.fields else (here or rec))
    conflict = PackageConflict(rec.key, label, reason, differences)
    return Step(
        rec.kind, rec.key, "conflict", rec if rec.fields else None, here, conflict, if_taken
    )


REFERENCES = {"presenter", "owner", "person", "chair", "minute_taker", "agenda_item",
              "from_item", "until_item"}  # fmt: skip


def _shown(name: str, value: Any) -> str:
    """A field value as the user reads it: local times, plain text of the notes."""
    if value is None or value == "":
        return "—"
    if name in REFERENCES:
        return "verknüpft"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if name == "notes_html":
        return html_to_text(str(value))
    if name in ("start", "end", "started_at", "ended_at", "done_at"):
        try:
            return local(datetime.fromisoformat(str(value))).strftime("%d.%m.%Y %H:%M")
        except ValueError:
            return str(value)
    return str(value)


def _label(rec: PackageRecord) -> str:
    f = rec.fields
    text = str(f.get("text", ""))[:60]
    return {
        "meeting": f"Treffen „{f.get('title', '')}“",
        "agenda_item": f"TOP {f.get('number', '')} {f.get('title', '')}".strip(),
        "outcome": f"Ergebnis: {text}",
        "action_item": f"Aufgabe: {text}",
        "review_item": "Wiedervorlage (erledigt ja/nein)",
        "attendance": f"Anwesenheit: {f.get('name_text', '')}",
        "protocol": "Protokoll (Status, Sitzungsleitung, Protokollführung)",
    }.get(rec.kind, rec.kind)
