"""Meeting documents for the UI: one session per document, ReportLab loaded on first use."""

from __future__ import annotations

from pathlib import Path

from ..storage.database import Database


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
