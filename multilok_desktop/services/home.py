"""The start page (Übersicht, DESIGN.md §8): what needs the office's attention today.

`home_summary(session, today, now)` gathers, in a handful of small indexed queries, the
next meeting with its replies and agenda, open action items that are overdue or due soon,
measures that changed lately or stalled, and people whose privacy review is due. Each
section carries a few lines and the total, so the page stays short on a large database.
`HomeService` is the UI's door to it (one session per call).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.enums import HISTORY_LABELS, MeetingStatus, Response, StatusPhase
from ..storage.database import Database
from .clock import OFFICE_TZ
from .home_tables import (
    action_item,
    agenda_item,
    invitation,
    measure,
    measure_history,
    measure_status,
    meeting,
    person,
)

DUE_SOON_DAYS = 14
CHANGED_DAYS = 30
STALLED_DAYS = 180
LINES_PER_SECTION = 8

# The meeting still lies ahead and is going to happen.
_UPCOMING_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.INVITED)

T = TypeVar("T")


@dataclass(frozen=True)
class NextMeeting:
    id: int
    title: str
    start: datetime
    end: datetime
    location: str
    status: MeetingStatus
    accepted: int  # zugesagt (or already teilgenommen)
    declined: int  # abgesagt or entschuldigt
    pending: int  # no reply yet
    agenda_items: int  # TOPs not withdrawn
    invitations_sent: bool  # status "eingeladen"

    @property
    def agenda_state(self) -> str:
        if not self.agenda_items:
            return "Tagesordnung fehlt"
        return "1 TOP" if self.agenda_items == 1 else f"{self.agenda_items} TOPs"

    @property
    def replies(self) -> str:
        """ "5 zugesagt · 2 abgesagt · 12 offen" or "noch niemand eingeladen"."""
        if not self.accepted + self.declined + self.pending:
            return "noch niemand eingeladen"
        return f"{self.accepted} zugesagt · {self.declined} abgesagt · {self.pending} offen"


@dataclass(frozen=True)
class DueAction:
    id: int
    text: str
    owner: str
    due_date: date
    # Where the item lives: its measure ("measure", measure id) or else the protocol of
    # its meeting ("protocol", meeting id); ("", 0) for a stray item.
    source_kind: str
    source_id: int
    source_title: str


@dataclass(frozen=True)
class MeasureChange:
    measure_id: int
    title: str
    changed_at: datetime
    change: str  # "Status: geplant → in Umsetzung"
    author: str


@dataclass(frozen=True)
class StalledMeasure:
    measure_id: int
    title: str
    status: str
    last_change: datetime


@dataclass(frozen=True)
class PrivacyReview:
    person_id: int
    name: str
    reason: str
    due: date | None


@dataclass(frozen=True)
class Section(Generic[T]):
    """The first lines of a list and how many there are in all."""

    lines: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.lines)


@dataclass(frozen=True)
class HomeSummary:
    today: date
    next_meeting: NextMeeting | None
    overdue: Section[DueAction]
    due_soon: Section[DueAction]
    changed: Section[MeasureChange]
    stalled: Section[StalledMeasure]
    # None: not asked for (the UI loads it in the background: privacy_due reads every
    # consent record, ≈ 0.1–0.3 s on the large demo) or no privacy module installed.
    privacy: Section[PrivacyReview] | None


def home_summary(
    session: Session,
    today: date,
    now: datetime,
    limit: int = LINES_PER_SECTION,
    *,
    with_privacy: bool = True,
) -> HomeSummary:
    """Everything the start page shows, as of `today` (Berlin) and `now` (aware)."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    overdue, due_soon = due_actions(session, today, limit)
    return HomeSummary(
        today=today,
        next_meeting=next_meeting(session, now),
        overdue=overdue,
        due_soon=due_soon,
        changed=changed_measures(session, now, limit),
        stalled=stalled_measures(session, now, limit),
        privacy=privacy_reviews(session, today, limit) if with_privacy else None,
    )


# --- next meeting -------------------------------------------------------------------------


def next_meeting(session: Session, now: datetime) -> NextMeeting | None:
    """The soonest meeting that has not ended yet and is neither cancelled nor held."""
    row = session.execute(
        select(
            meeting.c.id,
            meeting.c.title,
            meeting.c.start,
            meeting.c.end,
            meeting.c.location,
            meeting.c.status,
        )
        .where(meeting.c.end > now, meeting.c.status.in_(_UPCOMING_STATUSES))
        .order_by(meeting.c.start, meeting.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    meeting_id = row.id
    counts = dict.fromkeys(Response, 0)
    for response, n in session.execute(
        select(invitation.c.response, func.count())
        .where(invitation.c.meeting_id == meeting_id)
        .group_by(invitation.c.response)
    ):
        counts[response] = n
    agenda_items = session.scalar(
        select(func.count()).where(agenda_item.c.meeting_id == meeting_id, ~agenda_item.c.withdrawn)
    )
    return NextMeeting(
        id=meeting_id,
        title=row.title,
        start=row.start,
        end=row.end,
        location=row.location,
        status=row.status,
        accepted=counts[Response.ACCEPTED] + counts[Response.ATTENDED],
        declined=counts[Response.DECLINED] + counts[Response.EXCUSED],
        pending=counts[Response.INVITED],
        agenda_items=agenda_items or 0,
        invitations_sent=row.status == MeetingStatus.INVITED,
    )


# --- action items -------------------------------------------------------------------------


def due_actions(
    session: Session, today: date, limit: int = LINES_PER_SECTION
) -> tuple[Section[DueAction], Section[DueAction]]:
    """Open action items overdue (due before today, oldest first) and due within the next
    14 days (today included, soonest first)."""
    soon_until = today + timedelta(days=DUE_SOON_DAYS)
    open_items = and_(~action_item.c.done, action_item.c.due_date.is_not(None))
    overdue_total, soon_total = session.execute(
        select(
            func.count().filter(action_item.c.due_date < today),
            func.count().filter(action_item.c.due_date >= today),
        ).where(open_items, action_item.c.due_date <= soon_until)
    ).one()
    owner = person.alias("owner")
    columns = select(
        action_item.c.id,
        action_item.c.text,
        action_item.c.owner_text,
        owner.c.title,
        owner.c.first_name,
        owner.c.last_name,
        action_item.c.due_date,
        action_item.c.measure_id,
        measure.c.title,
        action_item.c.meeting_id,
        meeting.c.title,
    ).select_from(action_item)
    columns = (
        columns.outerjoin(owner, owner.c.id == action_item.c.owner_id)
        .outerjoin(measure, measure.c.id == action_item.c.measure_id)
        .outerjoin(meeting, meeting.c.id == action_item.c.meeting_id)
        .where(open_items)
        .order_by(action_item.c.due_date, action_item.c.id)
        .limit(limit)
    )
    overdue = session.execute(columns.where(action_item.c.due_date < today)).all()
    soon = session.execute(
        columns.where(action_item.c.due_date >= today, action_item.c.due_date <= soon_until)
    ).all()
    return (
        Section(tuple(_due_action(r) for r in overdue), overdue_total),
        Section(tuple(_due_action(r) for r in soon), soon_total),
    )


def _due_action(row: Any) -> DueAction:
    (item_id, text, owner_text, title, first, last, due, measure_id, measure_title,
     meeting_id, meeting_title) = row  # fmt: skip
    owner = owner_text or " ".join(p for p in (title, first, last) if p)
    if measure_id is not None:
        source = ("measure", measure_id, measure_title)
    elif meeting_id is not None:
        source = ("protocol", meeting_id, meeting_title)
    else:
        source = ("", 0, "")
    return DueAction(item_id, " ".join(text.split()), owner, due, *source)


# --- measures -----------------------------------------------------------------------------


def changed_measures(
    session: Session, now: datetime, limit: int = LINES_PER_SECTION
) -> Section[MeasureChange]:
    """Measures with a history entry in the last 30 days, latest change first, each with
    that latest entry."""
    since = now - timedelta(days=CHANGED_DAYS)
    ranked = (
        select(
            measure_history.c.measure_id,
            measure_history.c.changed_at,
            measure_history.c.field,
            measure_history.c.old_value,
            measure_history.c.new_value,
            measure_history.c.author,
            func.row_number()
            .over(
                partition_by=measure_history.c.measure_id,
                order_by=(measure_history.c.changed_at.desc(), measure_history.c.id.desc()),
            )
            .label("rank"),
        )
        .where(measure_history.c.changed_at >= since)
        .subquery()
    )
    latest = select(ranked).where(ranked.c.rank == 1).subquery()
    rows = session.execute(
        select(
            latest.c.measure_id,
            measure.c.title,
            latest.c.changed_at,
            latest.c.field,
            latest.c.old_value,
            latest.c.new_value,
            latest.c.author,
            func.count().over().label("total"),
        )
        .join(measure, measure.c.id == latest.c.measure_id)
        .order_by(latest.c.changed_at.desc(), latest.c.measure_id)
        .limit(limit)
    ).all()
    lines = tuple(
        MeasureChange(measure_id, title, changed_at, describe_change(field, old, new), author)
        for measure_id, title, changed_at, field, old, new, author, _ in rows
    )
    return Section(lines, rows[0].total if rows else 0)


def describe_change(field: str, old: str, new: str) -> str:
    """One history entry in words: "Status: geplant → in Umsetzung", "angelegt"."""
    label = HISTORY_LABELS.get(field, field)
    if field == "created":
        return label
    if field == "progress":
        old, new = (f"{v} %" if v else v for v in (old, new))
    if old and new:
        return f"{label}: {old} → {new}"
    if new:
        return f"{label}: {new}"
    return f"{label}: {old} entfernt" if old else label


def stalled_measures(
    session: Session, now: datetime, limit: int = LINES_PER_SECTION
) -> Section[StalledMeasure]:
    """Open measures without any change (edit or history entry) for 180 days, the longest
    stalled first."""
    cutoff = now - timedelta(days=STALLED_DAYS)
    # An edit moves updated_at, so only measures untouched since the cutoff are candidates;
    # of those, the ones without a newer history entry (e.g. dated to a meeting) stalled.
    latest_history = (
        select(func.max(measure_history.c.changed_at))
        .where(measure_history.c.measure_id == measure.c.id)
        .correlate(measure)
        .scalar_subquery()
    )
    open_statuses = select(measure_status.c.id).where(measure_status.c.phase == StatusPhase.OPEN)
    stalled = and_(
        or_(measure.c.status_id.is_(None), measure.c.status_id.in_(open_statuses)),
        measure.c.updated_at < cutoff,
        ~select(measure_history.c.id)
        .where(measure_history.c.measure_id == measure.c.id, measure_history.c.changed_at >= cutoff)
        .exists(),
    )
    last_change = case(
        (latest_history > measure.c.updated_at, latest_history), else_=measure.c.updated_at
    )
    rows = session.execute(
        select(
            measure.c.id,
            measure.c.title,
            measure_status.c.name,
            measure.c.updated_at,
            latest_history.label("history_at"),
            func.count().over().label("total"),
        )
        .outerjoin(measure_status, measure_status.c.id == measure.c.status_id)
        .where(stalled)
        .order_by(last_change, measure.c.id)
        .limit(limit)
    ).all()
    lines = tuple(
        StalledMeasure(measure_id, title, status or "", max(updated, history_at or updated))
        for measure_id, title, status, updated, history_at, _ in rows
    )
    return Section(lines, rows[0].total if rows else 0)


# --- privacy ------------------------------------------------------------------------------


def privacy_reviews(
    session: Session, today: date, limit: int = LINES_PER_SECTION
) -> Section[PrivacyReview] | None:
    """People whose privacy review is due (services/privacy.py), or None without it."""
    try:
        from .privacy import privacy_due
    except ImportError:
        return None
    rows = privacy_due(session, today)
    lines = tuple(PrivacyReview(r.person_id, r.name, r.reason, r.due) for r in rows[:limit])
    return Section(lines, len(rows))


class HomeService:
    """The start page's door for the UI: one session per call, plain dataclasses back."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def summary(
        self, today: date | None = None, now: datetime | None = None, *, with_privacy: bool = True
    ) -> HomeSummary:
        """As of now in the office's time zone unless told otherwise."""
        now = now or datetime.now(OFFICE_TZ)
        today = today or now.astimezone(OFFICE_TZ).date()
        with self._database.session() as session:
            return home_summary(session, today, now, with_privacy=with_privacy)

    def privacy_reviews(self, today: date | None = None) -> Section[PrivacyReview] | None:
        """The privacy section alone (safe to call from a worker thread: its own session)."""
        today = today or datetime.now(OFFICE_TZ).date()
        with self._database.session() as session:
            return privacy_reviews(session, today)
