"""Writing a planned Sitzungspaket import: records created, changed or deleted, the copy's
people and context, the links remembered — in the caller's transaction.

`meeting_package_merge.plan_import` decides what happens to each record; this module
carries it out once every conflict has a choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
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
from .meeting_package_merge import (
    KEPT,
    Choice,
    ImportResult,
    PackageConflictError,
    Plan,
    Step,
    plan_import,
)
from .meeting_package_service import (
    COPIED_KINDS,
    Link,
    MeetingPackage,
    MeetingPackageError,
    PackageRecord,
    fingerprint,
)
from .protocol_search import refresh_protocol_index


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
        if step.local_id is not None:
            return step.local_id
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
