"""Meeting documents for the UI: one session per document, ReportLab loaded on first use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..storage.database import Database

if TYPE_CHECKING:
    from ..services.measure_list import MeasureFilter
    from ..services.measure_report import MeetingChoice


class DocumentsService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def invitation(self, meeting_id: int, path: str | Path) -> Path:
        from ..services.meeting_documents import invitation_letter_data
        from .invitation import write_invitation_pdf

        with self._database.session() as session:
            data = invitation_letter_data(session, meeting_id)
        return write_invitation_pdf(data, path)

    def attendance(self, meeting_id: int, path: str | Path) -> Path:
        from ..services.meeting_documents import attendance_list_data
        from .attendance import write_attendance_pdf

        with self._database.session() as session:
            data = attendance_list_data(session, meeting_id)
        return write_attendance_pdf(data, path)

    def annual_plan(self, year: int, path: str | Path) -> Path:
        from ..services.meeting_documents import annual_plan_data
        from .annual_plan import write_annual_plan_pdf

        with self._database.session() as session:
            data = annual_plan_data(session, year)
        return write_annual_plan_pdf(data, path)

    def protocol(self, meeting_id: int, path: str | Path, *, variant: str = "full") -> Path:
        """variant: "full", "distribution" (without non-public TOPs) or "archival" (PDF/A-2b)."""
        from ..services.protocol_document import protocol_document
        from .protocol import write_protocol_pdf

        with self._database.session() as session:
            doc = protocol_document(session, meeting_id, distribution=variant == "distribution")
        return write_protocol_pdf(doc, path, archival=variant == "archival")

    def measures_overview(
        self, path: str | Path, query: MeasureFilter | None = None, group_by: str = "strategy"
    ) -> Path:
        """Maßnahmenübersicht of the filter's measures; group_by "strategy" or "action_field"."""
        from ..services.measure_list import MeasureFilter
        from ..services.measure_report import overview_data
        from .measures_overview import write_measures_overview_pdf

        with self._database.session() as session:
            data = overview_data(session, query or MeasureFilter(), group_by)
        return write_measures_overview_pdf(data, path)

    def follow_up_meetings(self) -> tuple[list[MeetingChoice], int | None]:
        """Meetings to choose for the Umsetzungsstand and the index of the next one."""
        from ..services.measure_report import follow_up_meetings

        with self._database.session() as session:
            return follow_up_meetings(session)

    def follow_up(
        self,
        meeting_id: int,
        path: str | Path,
        query: MeasureFilter | None = None,
        group_by: str | None = None,
    ) -> Path:
        """Umsetzungsstand of the open measures for a meeting."""
        from ..services.measure_report import follow_up_data
        from .follow_up import write_follow_up_pdf

        with self._database.session() as session:
            data = follow_up_data(session, meeting_id, query, group_by)
        return write_follow_up_pdf(data, path)
