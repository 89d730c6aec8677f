"""What the meeting documents show: invitation letter, attendance list, annual plan.

Plain, frozen dataclasses read in one go from the database, so `reports/` can lay them
out without a session. Times are local (Europe/Berlin).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from ..domain import AgendaItem, Invitation, Meeting, MeetingSeries, MeetingStatus, Person
from ..domain.contacts import Membership
from ..domain.enums import InvitationMode, Response
from ..domain.text import directory_name, sort_key
from .clock import OFFICE_TZ, local
from .errors import NotFoundError, ValidationError
from .invitations import current_membership
from .settings import OfficeSettings, load_settings

REPLY_DAYS_BEFORE = 14  # default answer deadline: two weeks before the meeting
WALK_IN_ROWS = 10  # empty rows at the end of the attendance list
SINGLE_MEETINGS = "Einzeltermine"  # the annual plan's group of meetings outside a series


@dataclass(frozen=True)
class AgendaEntry:
    number: str  # "3", "6a"
    title: str
    presenter: str
    planned_minutes: int


@dataclass(frozen=True)
class InvitationLetter:
    settings: OfficeSettings
    meeting_id: int
    title: str  # "7. Vernetzungstreffen Multilokalität"
    start: datetime  # local
    end: datetime  # local
    location: str
    topics: tuple[str, ...]
    agenda: tuple[AgendaEntry, ...]
    reply_by: date
    contact_email: str
    contact_phone: str
    issued_on: date  # the letter's date


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int | None  # None: an invited organisation without a named person
    name: str  # "Yılmaz, Emine"; "" for an invited organisation without a named person
    organisation: str  # "Gemeinde Neißeaue, Bauamt"
    function: str  # "Bürgermeisterin"


@dataclass(frozen=True)
class AttendanceSheet:
    settings: OfficeSettings
    meeting_id: int
    title: str
    start: datetime  # local
    end: datetime  # local
    location: str
    rows: tuple[AttendanceRow, ...]
    blank_rows: int = WALK_IN_ROWS


@dataclass(frozen=True)
class PlanEntry:
    meeting_id: int
    start: datetime  # local
    end: datetime  # local
    title: str
    location: str
    status: str  # German, as stored: "geplant", "abgesagt" …
    cancelled: bool


@dataclass(frozen=True)
class PlanGroup:
    title: str  # the series' title, or "Einzeltermine"
    series_id: int | None
    entries: tuple[PlanEntry, ...]


@dataclass(frozen=True)
class AnnualPlan:
    settings: OfficeSettings
    year: int
    groups: tuple[PlanGroup, ...]  # series by title, single meetings last
    issued_on: date  # "Stand:"

    @property
    def meeting_count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


def _meeting(session: Session, meeting_id: int, *options: ORMOption) -> Meeting:
    meeting = session.get(Meeting, meeting_id, options=list(options))
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht.")
    return meeting


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)


def _today() -> date:
    return datetime.now(OFFICE_TZ).date()


def default_reply_by(meeting_day: date, today: date) -> date:
    """Two weeks before the meeting; if that has passed, three days before it, never
    before today. A past meeting (a reprint) keeps the two weeks."""
    reply_by = meeting_day - timedelta(days=REPLY_DAYS_BEFORE)
    if reply_by < today < meeting_day:
        reply_by = max(today, meeting_day - timedelta(days=3))
    return reply_by


def invitation_letter_data(
    session: Session, meeting_id: int, reply_by: date | None = None, *, today: date | None = None
) -> InvitationLetter:
    """The invitation letter of a meeting; withdrawn TOPs are left out. A cancelled meeting
    has none (ValidationError)."""
    meeting = _meeting(
        session,
        meeting_id,
        selectinload(Meeting.topics),
        selectinload(Meeting.agenda).selectinload(AgendaItem.presenter),
    )
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(
            f"„{meeting.title}“ ist abgesagt – dafür gibt es kein Einladungsschreiben."
        )
    settings = load_settings(session)
    today = today or _today()
    start, end = local(meeting.start), local(meeting.end)
    agenda = tuple(
        AgendaEntry(
            number=item.number or str(index),
            title=item.title,
            presenter=item.presenter_text
            or (_person_name(item.presenter) if item.presenter else ""),
            planned_minutes=item.planned_minutes,
        )
        for index, item in enumerate((i for i in meeting.agenda if not i.withdrawn), 1)
    )
    return InvitationLetter(
        settings=settings,
        meeting_id=meeting.id,
        title=meeting.title,
        start=start,
        end=end,
        location=meeting.location,
        topics=tuple(t.name for t in meeting.topics),
        agenda=agenda,
        reply_by=reply_by or default_reply_by(start.date(), today),
        contact_email=settings.office_email,
        contact_phone=settings.office_phone,
        issued_on=today,
    )


def _organisation_text(membership: Membership | None) -> str:
    """ "Gemeinde Neißeaue, Bauamt": the organisation with the person's department."""
    if membership is None:
        return ""
    department = membership.department
    name = membership.organisation.name
    return f"{name}, {department.name}" if department is not None else name


def _attendance_row(invitation: Invitation, today: date) -> AttendanceRow | None:
    """The row to sign; None for an invitation whose person was erased (names nobody)."""
    person = invitation.person
    if person is None:
        organisation = invitation.organisation
        return AttendanceRow(None, "", organisation.name, "") if organisation else None
    membership = current_membership(person, today)
    return AttendanceRow(
        person_id=person.id,
        name=directory_name(person.title, person.first_name, person.last_name),
        organisation=_organisation_text(membership),
        function=person.function or (membership.role if membership else ""),
    )


def attendance_list_data(session: Session, meeting_id: int) -> AttendanceSheet:
    """Everyone invited to sign in, by last name (DIN 5007), then invited organisations
    without a named person; people informed only or who declined are left out, and so are
    invitations of people since erased. A person's organisation is their current one."""
    meeting = _meeting(session, meeting_id)
    invitations = session.scalars(
        select(Invitation)
        .where(
            Invitation.meeting_id == meeting_id,
            Invitation.mode == InvitationMode.INVITED,
            Invitation.response.not_in([Response.DECLINED, Response.EXCUSED]),
        )
        .options(
            selectinload(Invitation.organisation),
            selectinload(Invitation.person)
            .selectinload(Person.memberships)
            .selectinload(Membership.organisation),
            selectinload(Invitation.person)
            .selectinload(Person.memberships)
            .selectinload(Membership.department),
        )
    )
    rows: dict[tuple[object, ...], AttendanceRow] = {}
    today = _today()
    for invitation in invitations:
        row = _attendance_row(invitation, today)
        if row is None:
            continue
        if invitation.person_id is not None:
            key: tuple[object, ...] = ("person", invitation.person_id)
        else:
            key = ("organisation", invitation.organisation_id)
        rows.setdefault(key, row)
    ordered = sorted(
        rows.values(),
        key=lambda r: (r.name == "", sort_key(r.name), sort_key(r.organisation)),
    )
    return AttendanceSheet(
        settings=load_settings(session),
        meeting_id=meeting.id,
        title=meeting.title,
        start=local(meeting.start),
        end=local(meeting.end),
        location=meeting.location,
        rows=tuple(ordered),
    )


def annual_plan_data(session: Session, year: int, *, today: date | None = None) -> AnnualPlan:
    """Every meeting starting in the year (Berlin time), grouped by series."""
    if not 1900 < year < 9999:
        raise ValidationError(f"Das Jahr {year} ist nicht gültig.")
    first = datetime(year, 1, 1, tzinfo=OFFICE_TZ)
    after = datetime(year + 1, 1, 1, tzinfo=OFFICE_TZ)
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.start >= first, Meeting.start < after)
        .order_by(Meeting.start, Meeting.id)
    ).all()
    series_ids = {m.series_id for m in meetings if m.series_id is not None}
    titles: dict[int, str] = {
        series_id: title
        for series_id, title in session.execute(
            select(MeetingSeries.id, MeetingSeries.title).where(MeetingSeries.id.in_(series_ids))
        )
    }
    grouped: dict[int | None, list[PlanEntry]] = {}
    for meeting in meetings:
        grouped.setdefault(meeting.series_id, []).append(
            PlanEntry(
                meeting_id=meeting.id,
                start=local(meeting.start),
                end=local(meeting.end),
                title=meeting.title,
                location=meeting.location,
                status=meeting.status.value,
                cancelled=meeting.status == MeetingStatus.CANCELLED,
            )
        )
    groups = [
        PlanGroup(titles[series_id], series_id, tuple(entries))
        for series_id, entries in grouped.items()
        if series_id is not None
    ]
    groups.sort(key=lambda g: (sort_key(g.title), g.series_id or 0))
    if None in grouped:
        groups.append(PlanGroup(SINGLE_MEETINGS, None, tuple(grouped[None])))
    return AnnualPlan(
        settings=load_settings(session),
        year=year,
        groups=tuple(groups),
        issued_on=today or _today(),
    )
