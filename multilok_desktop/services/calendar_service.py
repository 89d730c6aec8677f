"""The calendar's use cases for the UI: each call is one unit of work (one session).

Widgets never see a Session or an ORM object; they call these methods and get plain
dataclasses back (STYLE.md §6). The functions behind them are in `calendar`,
`invitations` and `recurrence`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

from ..domain import Department, InvitationMode, MeetingStatus, Response
from ..storage.database import Database
from . import calendar, invitations, meetings, recurrence, settings, taxonomies
from .calendar import (
    BacklogEntry,
    CalendarEntry,
    EditScope,
    MeetingData,
    MeetingEdit,
    OpenActionItem,
    SeriesData,
    SeriesDetails,
    SeriesSummary,
)
from .invitations import InvitationRow
from .meetings import MeetingDetails
from .recurrence import RuleChoice
from .settings import OfficeSettings, SchoolHolidayPeriod
from .taxonomies import Choice

R = TypeVar("R")

__all__ = ["CalendarService", "EditScope", "InvitationMode", "MeetingStatus", "Response"]


class CalendarService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    # rules (no database needed)
    @staticmethod
    def rule_from_choice(
        frequency: str,
        months: Sequence[int] = (),
        weekday: int | None = None,
        ordinal: int | None = None,
        interval: int = 1,
    ) -> str:
        return recurrence.rule_from_choice(frequency, months, weekday, ordinal, interval)

    @staticmethod
    def describe_rule(rule: str) -> str:
        return recurrence.describe_rule(rule)

    @staticmethod
    def choice_from_rule(rule: str) -> RuleChoice:
        return recurrence.choice_from_rule(rule)

    # series
    def list_series(self, now: datetime | None = None) -> list[SeriesSummary]:
        return self._run(calendar.list_series, now)

    def get_series(self, series_id: int, now: datetime | None = None) -> SeriesDetails:
        return self._run(calendar.get_series, series_id, now)

    def save_series(self, data: SeriesData, series_id: int | None = None) -> int:
        return self._run(calendar.save_series, data, series_id)

    def delete_series(self, series_id: int) -> None:
        self._run(calendar.delete_series, series_id)

    def generate_meetings(
        self, series_id: int, until: date, today: date | None = None
    ) -> list[int]:
        return self._run(calendar.generate_meetings, series_id, until, today)

    def series_preview(
        self,
        rule: str,
        first_start: datetime,
        duration_minutes: int,
        count: int = 6,
        *,
        after: datetime | None = None,
        series_id: int | None = None,
    ) -> list[tuple[datetime, list[str]]]:
        return self._run(
            calendar.series_preview,
            rule,
            first_start,
            duration_minutes,
            count,
            after=after,
            series_id=series_id,
        )

    # one meeting
    def get_meeting(self, meeting_id: int) -> MeetingEdit:
        return self._run(calendar.get_meeting, meeting_id)

    def meeting_details(self, meeting_id: int) -> MeetingDetails:
        return self._run(meetings.meeting_details, meeting_id)

    def create_meeting(self, data: MeetingData, series_id: int | None = None) -> int:
        return self._run(calendar.create_meeting, data, series_id)

    def update_meeting(
        self, meeting_id: int, data: MeetingData, scope: EditScope = EditScope.THIS
    ) -> list[int]:
        return self._run(calendar.update_meeting, meeting_id, data, scope)

    def cancel_meeting(self, meeting_id: int) -> None:
        self._run(calendar.cancel_meeting, meeting_id)

    def delete_meeting(self, meeting_id: int) -> None:
        self._run(calendar.delete_meeting, meeting_id)

    def topic_names(self) -> list[str]:
        return self._run(calendar.topic_names)

    # views
    def meetings_between(self, first_day: date, last_day: date) -> list[CalendarEntry]:
        return self._run(calendar.meetings_between, first_day, last_day)

    def upcoming(self, today: date, limit: int = 50) -> list[CalendarEntry]:
        return self._run(calendar.upcoming, today, limit)

    def past(self, today: date, limit: int = 50) -> list[CalendarEntry]:
        return self._run(calendar.past, today, limit)

    # warnings
    def date_warnings(
        self,
        start: datetime,
        end: datetime,
        exclude_meeting_id: int | None = None,
        *,
        exclude_series_id: int | None = None,
    ) -> list[str]:
        return self._run(
            calendar.date_warnings,
            start,
            end,
            exclude_meeting_id,
            exclude_series_id=exclude_series_id,
        )

    def holidays_between(self, first_day: date, last_day: date) -> dict[date, str]:
        return self._run(calendar.holidays_between, first_day, last_day)

    # topic backlog
    def add_backlog_topic(
        self, series_id: int, title: str, description: str = "", proposed_by: str = ""
    ) -> int:
        return self._run(calendar.add_backlog_topic, series_id, title, description, proposed_by)

    def backlog(self, series_id: int) -> list[BacklogEntry]:
        return self._run(calendar.backlog, series_id)

    def move_backlog_to_agenda(self, topic_id: int, meeting_id: int) -> int:
        return self._run(calendar.move_backlog_to_agenda, topic_id, meeting_id)

    def delete_backlog_topic(self, topic_id: int) -> None:
        self._run(calendar.delete_backlog_topic, topic_id)

    # Wiedervorlage
    def open_action_items_before(self, meeting_id: int) -> list[OpenActionItem]:
        return self._run(calendar.open_action_items_before, meeting_id)

    def add_review_item(self, meeting_id: int, action_item_ids: Sequence[int]) -> int:
        return self._run(calendar.add_review_item, meeting_id, action_item_ids)

    # invitations
    def invite(
        self,
        meeting_id: int,
        *,
        person_ids: Iterable[int] = (),
        organisation_ids: Iterable[int] = (),
        list_ids: Iterable[int] = (),
        mode: InvitationMode = InvitationMode.INVITED,
    ) -> int:
        return self._run(
            invitations.invite,
            meeting_id,
            person_ids=tuple(person_ids),
            organisation_ids=tuple(organisation_ids),
            list_ids=tuple(list_ids),
            mode=mode,
        )

    def invitation_rows(self, meeting_id: int) -> list[InvitationRow]:
        return self._run(invitations.invitation_rows, meeting_id)

    def set_response(
        self, invitation_id: int, response: Response, when: datetime | None = None
    ) -> None:
        self._run(invitations.set_response, invitation_id, response, when)

    def remove_invitation(self, invitation_id: int) -> None:
        self._run(invitations.remove_invitation, invitation_id)

    def response_counts(self, meeting_id: int) -> dict[Response, int]:
        return self._run(invitations.response_counts, meeting_id)

    def invitee_emails(self, meeting_id: int) -> list[tuple[str, str]]:
        return self._run(invitations.invitee_emails, meeting_id)

    def mark_invited(self, meeting_id: int) -> bool:
        return self._run(invitations.mark_invited, meeting_id)

    # office settings and value lists the calendar needs
    def settings(self) -> OfficeSettings:
        return self._run(settings.load_settings)

    def school_holidays(self) -> list[SchoolHolidayPeriod]:
        return self._run(settings.school_holidays)

    def departments(self) -> list[Choice]:
        return self._run(taxonomies.choices, Department)
