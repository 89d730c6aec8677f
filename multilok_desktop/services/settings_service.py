"""Office settings for the UI: one session per call."""

from __future__ import annotations

from datetime import date

from ..storage.backup import default_backup_dir
from ..storage.database import Database
from . import settings
from .settings import OfficeSettings, SchoolHolidayPeriod


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def load(self) -> OfficeSettings:
        with self._database.session() as session:
            return settings.load_settings(session)

    def save(self, office: OfficeSettings) -> None:
        with self._database.session() as session:
            settings.save_settings(session, office)

    def school_holidays(self) -> list[SchoolHolidayPeriod]:
        with self._database.session() as session:
            return settings.school_holidays(session)

    def add_school_holiday(self, name: str, first_day: date, last_day: date) -> int:
        with self._database.session() as session:
            return settings.add_school_holiday(session, name, first_day, last_day)

    def delete_school_holiday(self, holiday_id: int) -> None:
        with self._database.session() as session:
            settings.delete_school_holiday(session, holiday_id)

    def backup_folder(self) -> str:
        """The chosen backup folder, '' for the default one."""
        with self._database.session() as session:
            return settings.backup_folder(session)

    def save_backup_folder(self, folder: str) -> None:
        with self._database.session() as session:
            settings.save_backup_folder(session, folder)

    @staticmethod
    def default_backup_folder() -> str:
        return str(default_backup_dir())
