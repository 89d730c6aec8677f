"""The privacy use cases for the UI: one unit of work (session) per call, plain dataclasses.

An erasure commits first and then scrubs the file (`storage.scrub`), so nothing of the
person stays in the database file, its search index or its WAL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain import ConsentMethod, utcnow
from ..storage.database import Database
from . import privacy
from .privacy import ConsentInput, PrivacyDetails, PrivacyDueRow, PrivacySettings
from .settings import OfficeSettings, load_settings

if TYPE_CHECKING:  # the report and the erasure load the protocol modules: only when used
    from .privacy_erasure import ErasurePreview, ErasureResult

R = TypeVar("R")


class PrivacyService:
    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self._database = database
        self._today = today

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    def today(self) -> date:
        return self._today()

    def privacy(self, person_id: int) -> PrivacyDetails:
        return self._run(privacy.get_privacy, person_id)

    def set_privacy(self, person_id: int, settings: PrivacySettings) -> None:
        self._run(privacy.set_privacy, person_id, settings)

    def record_consent(self, person_id: int, consent: ConsentInput) -> int:
        return self._run(privacy.record_consent, person_id, consent, self._today())

    def withdraw_consent(
        self, person_id: int, method: ConsentMethod | None = None, note: str = ""
    ) -> int:
        return self._run(privacy.withdraw_consent, person_id, self._today(), method, note)

    def due(self) -> list[PrivacyDueRow]:
        return self._run(privacy.privacy_due, self._today())

    def access_report(self, person_id: int, now: datetime | None = None) -> dict[str, Any]:
        from . import privacy_report

        return self._run(privacy_report.access_report, person_id, now or utcnow())

    def office_settings(self) -> OfficeSettings:
        return self._run(load_settings)

    def preview_erasure(self, person_id: int) -> ErasurePreview:
        from . import privacy_erasure

        return self._run(privacy_erasure.preview_erasure, person_id)

    def erase(self, person_id: int) -> ErasureResult:
        from ..storage.scrub import scrub_database
        from . import privacy_erasure

        result = self._run(privacy_erasure.erase_person, person_id, self._today())
        scrub_database(self._database.engine)
        return result
