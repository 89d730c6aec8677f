"""Minute-taking and protocols for the UI: each call is one unit of work (one session).

Widgets never see a Session or an ORM object; they call these methods and get plain
dataclasses back. The functions behind them are in `minutes`, `attendance`,
`minute_results`, `protocols`, `attachments` and `protocol_search`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain import AttendanceStatus, OutcomeKind, ProtocolStatus
from ..storage.database import Database
from . import attachments as attachment_files
from . import attendance, minute_measures, minute_results, minutes, protocol_search, protocols
from .attachments import AttachmentRow
from .measure_editing import default_author
from .minute_measures import (
    LinkedMeasure,
    MeasurePick,
    MeasureUpdateData,
    NewMeasureData,
    OutcomeMeasureForm,
)
from .minute_results import ReviewItem, TextBlockRow
from .minutes import (
    ActionRow,
    AttendanceRow,
    MinutesView,
    OutcomeRow,
    ProtocolInfo,
    ProtocolLockedError,
    TopView,
)
from .protocol_search import SearchHit
from .protocols import ProtocolSummary, RevisionRow

if TYPE_CHECKING:
    from .protocol_card import ProtocolCard

R = TypeVar("R")

__all__ = [
    "ActionRow",
    "AttachmentRow",
    "AttendanceRow",
    "AttendanceStatus",
    "LinkedMeasure",
    "MeasurePick",
    "MeasureUpdateData",
    "MinutesService",
    "NewMeasureData",
    "OutcomeMeasureForm",
    "MinutesView",
    "OutcomeKind",
    "OutcomeRow",
    "ProtocolInfo",
    "ProtocolLockedError",
    "ProtocolStatus",
    "ProtocolSummary",
    "ReviewItem",
    "RevisionRow",
    "SearchHit",
    "TextBlockRow",
    "TopView",
]


class MinutesService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    # the minute-taking window
    def minutes_view(self, meeting_id: int) -> MinutesView:
        return self._run(minutes.minutes_view, meeting_id)

    def save_notes(self, agenda_item_id: int, notes_html: str) -> None:
        self._run(minutes.save_notes, agenda_item_id, notes_html)

    def start_item(self, agenda_item_id: int, at: datetime) -> None:
        self._run(minutes.start_item, agenda_item_id, at)

    def finish_item(self, agenda_item_id: int, at: datetime) -> None:
        self._run(minutes.finish_item, agenda_item_id, at)

    def add_unplanned_item(
        self, meeting_id: int, title: str, after_item_id: int | None = None
    ) -> int:
        return self._run(minutes.add_unplanned_item, meeting_id, title, after_item_id)

    def withdraw_item(self, agenda_item_id: int, withdrawn: bool = True) -> None:
        self._run(minutes.withdraw_item, agenda_item_id, withdrawn)

    # attendance
    def prepare_attendance(self, meeting_id: int) -> int:
        return self._run(attendance.prepare_attendance, meeting_id)

    def set_attendance(
        self,
        attendance_id: int,
        status: AttendanceStatus,
        from_item_id: int | None = None,
        until_item_id: int | None = None,
    ) -> None:
        self._run(attendance.set_attendance, attendance_id, status, from_item_id, until_item_id)

    def add_walk_in(
        self,
        meeting_id: int,
        *,
        person_id: int | None = None,
        name: str = "",
        organisation: str = "",
        status: AttendanceStatus = AttendanceStatus.GUEST,
    ) -> int:
        return self._run(
            attendance.add_walk_in,
            meeting_id,
            person_id=person_id,
            name=name,
            organisation=organisation,
            status=status,
        )

    def remove_attendance(self, attendance_id: int) -> None:
        self._run(attendance.remove_attendance, attendance_id)

    # results
    def add_outcome(
        self,
        agenda_item_id: int,
        kind: OutcomeKind,
        text: str,
        votes_yes: int | None = None,
        votes_no: int | None = None,
        votes_abstain: int | None = None,
    ) -> int:
        return self._run(
            minute_results.add_outcome,
            agenda_item_id,
            kind,
            text,
            votes_yes,
            votes_no,
            votes_abstain,
        )

    def update_outcome(
        self,
        outcome_id: int,
        kind: OutcomeKind,
        text: str,
        votes_yes: int | None = None,
        votes_no: int | None = None,
        votes_abstain: int | None = None,
    ) -> None:
        self._run(
            minute_results.update_outcome,
            outcome_id,
            kind,
            text,
            votes_yes,
            votes_no,
            votes_abstain,
        )

    def delete_outcome(self, outcome_id: int) -> None:
        self._run(minute_results.delete_outcome, outcome_id)

    # action items
    def add_action_item(
        self,
        agenda_item_id: int,
        text: str,
        *,
        owner_id: int | None = None,
        owner_text: str = "",
        due_date: date | None = None,
    ) -> int:
        return self._run(
            minute_results.add_action_item,
            agenda_item_id,
            text,
            owner_id=owner_id,
            owner_text=owner_text,
            due_date=due_date,
        )

    def update_action_item(
        self,
        action_item_id: int,
        text: str,
        *,
        owner_id: int | None = None,
        owner_text: str = "",
        due_date: date | None = None,
    ) -> None:
        self._run(
            minute_results.update_action_item,
            action_item_id,
            text,
            owner_id=owner_id,
            owner_text=owner_text,
            due_date=due_date,
        )

    def set_action_item_done(self, action_item_id: int, done: bool) -> None:
        self._run(minute_results.set_action_item_done, action_item_id, done)

    def delete_action_item(self, action_item_id: int) -> None:
        self._run(minute_results.delete_action_item, action_item_id)

    def open_items_for_review(self, meeting_id: int) -> list[ReviewItem]:
        return self._run(minute_results.open_items_for_review, meeting_id)

    # results and action items → measures (minute_measures)
    def outcome_measure_form(self, outcome_id: int) -> OutcomeMeasureForm:
        return self._run(minute_measures.outcome_measure_form, outcome_id)

    def find_measures(self, text: str) -> list[MeasurePick]:
        return self._run(minute_measures.find_measures, text)

    def new_measure_from_outcome(self, outcome_id: int, data: NewMeasureData) -> int:
        return self._run(
            minute_measures.new_measure_from_outcome, outcome_id, data, author=default_author()
        )

    def update_measure_from_outcome(self, outcome_id: int, data: MeasureUpdateData) -> list[str]:
        return self._run(
            minute_measures.update_measure_from_outcome, outcome_id, data, author=default_author()
        )

    def unlink_outcome(self, outcome_id: int) -> None:
        self._run(minute_measures.unlink_outcome, outcome_id)

    def outcome_measures(self, meeting_id: int) -> dict[int, LinkedMeasure]:
        return self._run(minute_measures.outcome_measures, meeting_id)

    def action_item_measures(self, meeting_id: int) -> dict[int, LinkedMeasure]:
        return self._run(minute_measures.action_item_measures, meeting_id)

    def link_action_item(self, action_item_id: int, measure_id: int | None) -> None:
        self._run(minute_measures.link_action_item, action_item_id, measure_id)

    # text blocks
    def text_blocks(self) -> list[TextBlockRow]:
        return self._run(minute_results.text_blocks)

    def save_text_block(self, title: str, text: str, block_id: int | None = None) -> int:
        return self._run(minute_results.save_text_block, title, text, block_id)

    def delete_text_block(self, block_id: int) -> None:
        self._run(minute_results.delete_text_block, block_id)

    # the protocol's life
    def set_roles(
        self,
        meeting_id: int,
        *,
        chair_id: int | None = None,
        chair_text: str = "",
        minute_taker_id: int | None = None,
        minute_taker_text: str = "",
    ) -> None:
        self._run(
            protocols.set_roles,
            meeting_id,
            chair_id=chair_id,
            chair_text=chair_text,
            minute_taker_id=minute_taker_id,
            minute_taker_text=minute_taker_text,
        )

    def send_for_approval(self, meeting_id: int) -> None:
        self._run(protocols.send_for_approval, meeting_id)

    def approve(self, meeting_id: int, approved_on: date, in_meeting_id: int | None = None) -> None:
        self._run(protocols.approve, meeting_id, approved_on, in_meeting_id)

    def start_correction(self, meeting_id: int, reason: str, author: str = "") -> int:
        return self._run(protocols.start_correction, meeting_id, reason, author)

    def protocol_card(self, meeting_id: int) -> ProtocolCard:
        """What the protocols view shows of one meeting (one session, counts only)."""
        from .protocol_card import protocol_card

        return self._run(protocol_card, meeting_id)

    def series_titles(self) -> list[tuple[int, str]]:
        from .protocol_card import series_titles

        return self._run(series_titles)

    def revisions(self, meeting_id: int) -> list[RevisionRow]:
        return self._run(protocols.revisions, meeting_id)

    def revision_snapshot(self, meeting_id: int, revision: int) -> dict[str, Any]:
        return self._run(protocols.revision_snapshot, meeting_id, revision)

    def record_objection(self, meeting_id: int, text: str) -> int:
        return self._run(protocols.record_objection, meeting_id, text)

    # attachments
    def add_attachment(
        self,
        meeting_id: int,
        filename: str,
        data: bytes,
        media_type: str = "",
        agenda_item_id: int | None = None,
    ) -> int:
        return self._run(
            attachment_files.add_attachment, meeting_id, filename, data, media_type, agenda_item_id
        )

    def attachments(self, meeting_id: int) -> list[AttachmentRow]:
        return self._run(attachment_files.attachments, meeting_id)

    def attachment_file(self, attachment_id: int) -> tuple[str, bytes]:
        return self._run(attachment_files.attachment_file, attachment_id)

    def delete_attachment(self, attachment_id: int) -> None:
        self._run(attachment_files.delete_attachment, attachment_id)

    # overview and search
    def protocol_list(
        self, *, series_id: int | None = None, year: int | None = None
    ) -> list[ProtocolSummary]:
        return self._run(protocols.protocol_list, series_id=series_id, year=year)

    def search_protocols(self, text: str) -> list[SearchHit]:
        return self._run(protocol_search.search_protocols, text)

    def rebuild_protocol_index(self) -> None:
        with self._database.session() as session:
            protocol_search.rebuild_protocol_index(session.connection())
