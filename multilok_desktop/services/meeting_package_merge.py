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

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Department,
    Invitation,
    InvitationMode,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Membership,
    Organisation,
    Outcome,
    OutcomeKind,
    Person,
    Protocol,
    ProtocolStatus,
    Response,
    TextBlock,
)
from .meeting_package_service import (
    COPIED_KINDS,
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
from .protocol_search import refresh_protocol_index

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
    for rec in incoming:
        here = local.get(rec.key) or _outside_record(session, keys, rec)
        link = store.get(rec.key) or keys.link(rec.key)
        known = meeting_id is not None and (keys.is_own(rec.key) or link is not None)
        ancestor = link.base if link is not None and link.base != KEPT else rec.base
        new = fingerprint(rec.fields)
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
            _shown(here_fields.get(n)) if here is not None else "(gelöscht)",
            _shown(there_fields.get(n)) if there_fields else "(gelöscht)",
        )
        for n in names
        if here is None or not there_fields or here_fields.get(n) != there_fields.get(n)
    )
    label = _label(rec if rec.fields else (here or rec))
    conflict = PackageConflict(rec.key, label, reason, differences)
    return Step(
        rec.kind, rec.key, "conflict", rec if rec.fields else None, here, conflict, if_taken
    )


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, str) and len(value) > 19 and value[10:11] == "T":
        try:
            from .clock import local

            return local(datetime.fromisoformat(value)).strftime("%d.%m.%Y %H:%M")
        except ValueError:
            return value
    if (
        isinstance(value, str)
        and "/" in value
        and value.split("/")[0].isalnum()
        and len(value) > 33
    ):
        return "(Verweis)"
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


# --- applying ------------------------------------------------------------------------------


def apply_package(
    session: Session,
    package: MeetingPackage,
    choices: Mapping[str, Choice],
    default: Choice | None = None,
) -> ImportResult:
    """Import the package in this session (the caller commits); all or nothing."""
    plan = plan_import(session, package)
    unresolved = tuple(
        s.conflict
        for s in plan.steps
        if s.conflict is not None and choices.get(s.key, default) is None
    )
    if unresolved:
        raise PackageConflictError(unresolved)
    return _Writer(session, plan, choices, default).run()


class _Writer:
    def __init__(
        self, session: Session, plan: Plan, choices: Mapping[str, Choice], default: Choice | None
    ) -> None:
        self.session, self.plan, self.keys = session, plan, plan.keys
        self.choices, self.default = choices, default
        self.counts = {"create": 0, "update": 0, "delete": 0, "kept": 0}
        self.skipped: list[str] = []
        self.meeting_id = plan.meeting_id
        self.pending_links: list[tuple[str, Link]] = []

    def run(self) -> ImportResult:
        copies = {kind: [r for r in self.plan.package.records if r.kind == kind]
                  for kind in COPIED_KINDS}  # fmt: skip
        if self.plan.is_copy:
            for rec in copies["series"]:
                self._copy_series(rec)
        for step in self.plan.steps:
            self._step(step)
            if step.kind == "meeting" and self.plan.is_copy:
                for rec in copies["person"]:  # before the records that name them
                    self._copy_person(rec)
                for rec in copies["earlier_meeting"]:  # before the Wiedervorlage
                    self._copy_earlier_meeting(rec)
        assert self.meeting_id is not None
        if self.plan.is_copy:
            for rec in copies["invitation"]:
                self._copy_invitation(rec)
            for rec in copies["text_block"]:
                self._copy_text_block(rec)
        for key, link in self.pending_links:
            self.keys.set_link(self.meeting_id, key, link)
        self.keys.stores.setdefault(self.meeting_id, {})
        self.keys.save(self.meeting_id)
        item_ids = self.session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == self.meeting_id)
        ).all()
        refresh_protocol_index(self.session.connection(), item_ids)
        return ImportResult(
            meeting_id=self.meeting_id,
            is_copy=self.plan.is_copy,
            created=self.counts["create"],
            updated=self.counts["update"],
            deleted=self.counts["delete"],
            kept=self.counts["kept"],
            skipped=tuple(self.skipped),
        )

    # -- merged records --

    def _step(self, step: Step) -> None:
        action = step.action
        if action == "conflict":
            if self.choices.get(step.key, self.default) == Choice.TAKE:
                action = step.if_taken
            else:
                self.counts["kept"] += 1
                action = "none"
                if step.if_taken == "delete":  # the package deleted it; this side keeps it
                    self._link(step.key, step.kind, self._local(step), KEPT)
                    return
        if action == "delete":
            self._delete(step)
            return
        rec = step.incoming
        assert rec is not None
        local_id = self._local(step)
        if action == "create":
            local_id = self._create(rec)
            if local_id is None:
                return
        elif action == "update":
            self._write(rec, local_id)
        if action in ("create", "update"):
            self.counts[action] += 1
        if rec.kind == "meeting" and local_id is not None:
            self.meeting_id = local_id
        self._link(rec.key, rec.kind, local_id, fingerprint(rec.fields))

    def _local(self, step: Step) -> int | None:
        if step.kind == "protocol":
            return self.meeting_id
        return self.keys.local_id(step.kind, step.key)

    def _link(self, key: str, kind: str, local_id: int | None, base: str | None) -> None:
        link = Link(kind, local_id, base)
        if self.meeting_id is None:  # the copy's meeting is not created yet
            self.keys.remember(key, link)
            self.pending_links.append((key, link))
        else:
            self.keys.set_link(self.meeting_id, key, link)

    def _delete(self, step: Step) -> None:
        local_id = self._local(step)
        model: type[Any] = {"agenda_item": AgendaItem, "outcome": Outcome, "review_item": ActionItem,
                            "action_item": ActionItem, "attendance": Attendance}[step.kind]  # fmt: skip
        row = self.session.get(model, local_id) if local_id is not None else None
        if row is not None:
            if step.kind == "review_item":  # an earlier meeting's item is only un-ticked
                row.done, row.done_at = False, None
            else:
                self.session.delete(row)
            self.session.flush()
            self.counts["delete"] += 1
        if self.meeting_id is not None:
            self.keys.stores.get(self.meeting_id, {}).pop(step.key, None)

    def _create(self, rec: PackageRecord) -> int | None:
        kind, f = rec.kind, _Fields(rec)
        row: Any
        if kind == "meeting":
            series_key = rec.info.get("series")
            row = Meeting(series_id=self.keys.local_id("series", series_key))
            self.session.add(row)
        elif kind == "agenda_item":
            row = AgendaItem(meeting_id=self.meeting_id)
            self.session.add(row)
        elif kind == "outcome":
            item_id = self.keys.local_id("agenda_item", f.ref("agenda_item"))
            if item_id is None:
                self.skipped.append(f"Ergebnis „{f.text('text')[:60]}“ (sein TOP fehlt)")
                return None
            row = Outcome(agenda_item_id=item_id)
            self.session.add(row)
        elif kind == "action_item":
            row = ActionItem(meeting_id=self.meeting_id)
            self.session.add(row)
        elif kind == "review_item":
            earlier = self.keys.local_id("earlier_meeting", rec.info.get("meeting"))
            row = ActionItem(
                meeting_id=earlier,
                text=str(rec.info.get("text") or "—"),
                owner_text=str(rec.info.get("owner_text") or "")[:200],
                due_date=_Fields(PackageRecord(kind, rec.key, rec.info)).day("due_date"),
            )
            self.session.add(row)
        elif kind == "attendance":
            row = Attendance(meeting_id=self.meeting_id)
            self.session.add(row)
        else:  # protocol: one per meeting
            assert self.meeting_id is not None
            self._write(rec, self.meeting_id)
            return self.meeting_id
        self._write(rec, None, row)
        return int(row.id)

    def _write(self, rec: PackageRecord, local_id: int | None, row: Any = None) -> None:
        f, keys, kind = _Fields(rec), self.keys, rec.kind
        if kind == "protocol":
            meeting = self.session.get(Meeting, local_id)
            assert meeting is not None
            if meeting.protocol is None:
                meeting.protocol = Protocol(revision=1)
            row = meeting.protocol
        elif row is None:
            model: type[Any] = {"meeting": Meeting, "agenda_item": AgendaItem, "outcome": Outcome,
                                "action_item": ActionItem, "review_item": ActionItem,
                                "attendance": Attendance}[kind]  # fmt: skip
            row = self.session.get(model, local_id)
            if row is None:
                return
        person = lambda name: keys.local_id("person", f.ref(name))  # noqa: E731
        item = lambda name: keys.local_id("agenda_item", f.ref(name))  # noqa: E731
        if kind == "meeting":
            row.title, row.location = f.text("title", 300), f.text("location", 300)
            row.start, row.end = f.moment("start", required=True), f.moment("end", required=True)
            row.status = f.choice("status", MeetingStatus)
            if row.end < row.start:
                raise f.error("end")
        elif kind == "agenda_item":
            row.position, row.number = f.number("position"), f.text("number", 10)
            row.title, row.presenter_id = f.text("title", 300), person("presenter")
            row.presenter_text = f.text("presenter_text", 200)
            row.planned_minutes, row.description = (
                f.number("planned_minutes"),
                f.text("description"),
            )
            row.non_public, row.notes_html = f.flag("non_public"), f.text("notes_html")
            row.started_at, row.ended_at = f.moment("started_at"), f.moment("ended_at")
            row.unplanned, row.withdrawn = f.flag("unplanned"), f.flag("withdrawn")
        elif kind == "outcome":
            row.position, row.kind = f.number("position"), f.choice("kind", OutcomeKind)
            row.text = f.text("text")
            row.votes_yes = f.number("votes_yes", optional=True)
            row.votes_no = f.number("votes_no", optional=True)
            row.votes_abstain = f.number("votes_abstain", optional=True)
        elif kind == "action_item":
            row.agenda_item_id, row.text = item("agenda_item"), f.text("text")
            row.owner_id, row.owner_text = person("owner"), f.text("owner_text", 200)
            row.due_date, row.done, row.done_at = (
                f.day("due_date"),
                f.flag("done"),
                f.moment("done_at"),
            )
        elif kind == "review_item":
            row.done, row.done_at = f.flag("done"), f.moment("done_at")
        elif kind == "attendance":
            row.person_id, row.name_text = person("person"), f.text("name_text", 200)
            row.organisation_text = f.text("organisation_text", 200)
            row.status = f.choice("status", AttendanceStatus)
            row.from_item_id, row.until_item_id = item("from_item"), item("until_item")
        else:
            row.status = f.choice("status", ProtocolStatus)
            row.chair_id, row.chair_text = person("chair"), f.text("chair_text", 200)
            row.minute_taker_id = person("minute_taker")
            row.minute_taker_text = f.text("minute_taker_text", 200)
        self.session.flush()

    # -- copies for a database that does not own the meeting --

    def _known(self, kind: str, key: str, model: type[Any]) -> bool:
        local = self.keys.local_id(kind, key)
        return local is not None and self.session.get(model, local) is not None

    def _copy_series(self, rec: PackageRecord) -> None:
        if self._known("series", rec.key, MeetingSeries):
            return
        series = MeetingSeries(title=str(rec.info.get("title") or "Treffenreihe")[:200])
        self.session.add(series)
        self.session.flush()
        self._link(rec.key, "series", series.id, None)

    def _copy_earlier_meeting(self, rec: PackageRecord) -> None:
        if self._known("earlier_meeting", rec.key, Meeting):
            return
        f = _Fields(PackageRecord(rec.kind, rec.key, rec.info))
        meeting = Meeting(
            title=f.text("title", 300), start=f.moment("start", required=True),
            end=f.moment("end", required=True), status=MeetingStatus.HELD,
            series_id=self.keys.local_id("series", f.ref("series")),
        )  # fmt: skip
        self.session.add(meeting)
        self.session.flush()
        self._link(rec.key, "earlier_meeting", meeting.id, None)

    def _copy_person(self, rec: PackageRecord) -> None:
        if self._known("person", rec.key, Person):
            return
        f = _Fields(PackageRecord(rec.kind, rec.key, rec.info))
        person = Person(
            salutation=f.text("salutation", 20), title=f.text("title", 40),
            first_name=f.text("first_name", 100), last_name=f.text("last_name", 100),
            function=f.text("function", 120),
            data_source=f"Sitzungspaket „{self.plan.package.title}“"[:300],
        )  # fmt: skip
        if organisation_name := f.text("organisation", 200):
            department = self.session.scalar(
                select(Department).where(Department.name == f.text("department"))
            )
            person.memberships.append(
                Membership(organisation=self._organisation(organisation_name),
                           role=f.text("role", 120), department=department, is_primary=True)
            )  # fmt: skip
        self.session.add(person)
        self.session.flush()
        self._link(rec.key, "person", person.id, None)

    def _organisation(self, name: str) -> Organisation:
        found = self.session.scalar(select(Organisation).where(Organisation.name == name).limit(1))
        if found is None:
            found = Organisation(name=name)
            self.session.add(found)
        return found

    def _copy_invitation(self, rec: PackageRecord) -> None:
        if self._known("invitation", rec.key, Invitation):
            return
        f = _Fields(PackageRecord(rec.kind, rec.key, rec.info))
        name = f.text("organisation", 200)
        invitation = Invitation(
            meeting_id=self.meeting_id,
            person_id=self.keys.local_id("person", f.ref("person")),
            organisation=self._organisation(name) if name else None,
            mode=f.choice("mode", InvitationMode), response=f.choice("response", Response),
            receives_protocol=f.flag("receives_protocol"),
        )  # fmt: skip
        self.session.add(invitation)
        self.session.flush()
        self._link(rec.key, "invitation", invitation.id, None)

    def _copy_text_block(self, rec: PackageRecord) -> None:
        f = _Fields(PackageRecord(rec.kind, rec.key, rec.info))
        title = f.text("title", 120)
        if self.session.scalar(select(TextBlock.id).where(TextBlock.title == title)) is None:
            self.session.add(TextBlock(title=title, text=f.text("text"), position=10_000))
            self.session.flush()


class _Fields:
    """Typed reading of a record's fields; a wrong value names the record at fault."""

    def __init__(self, rec: PackageRecord) -> None:
        self.rec = rec

    def error(self, name: str) -> MeetingPackageError:
        return MeetingPackageError(
            f"Das Sitzungspaket ist fehlerhaft: Eintrag {self.rec.key}, Feld „{name}“; "
            "es wurde nichts geändert."
        )

    def _get(self, name: str, types: tuple[type, ...], optional: bool) -> Any:
        value = self.rec.fields.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise self.error(name)
        return value

    def text(self, name: str, limit: int | None = None) -> str:
        value = self._get(name, (str,), optional=True) or ""
        if limit is not None and len(value) > limit:
            raise self.error(name)
        return str(value)

    def ref(self, name: str) -> str | None:
        value = self._get(name, (str,), optional=True)
        return None if value is None else str(value)

    def number(self, name: str, optional: bool = False) -> Any:
        return self._get(name, (int,), optional)

    def flag(self, name: str) -> bool:
        return bool(self._get(name, (bool,), optional=True))

    def moment(self, name: str, required: bool = False) -> Any:
        value = self._get(name, (str,), optional=not required)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.error(name) from None
        if moment.tzinfo is None:
            raise self.error(name)
        return moment

    def day(self, name: str) -> date | None:
        value = self._get(name, (str,), optional=True)
        try:
            return None if value is None else date.fromisoformat(value)
        except ValueError:
            raise self.error(name) from None

    def choice(self, name: str, enum: type[Any]) -> Any:
        try:
            return enum(self._get(name, (str,), optional=False))
        except ValueError:
            raise self.error(name) from None
