"""Office-wide settings stored in the database (shared by everyone who opens the file).

Per-PC things (window size, last folder) stay in QSettings; what belongs to the office —
letterhead, Bundesland for holidays, school holiday periods — lives here.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SchoolHoliday(Base):
    """A school holiday period of the office's Bundesland (entered once a year)."""

    __tablename__ = "school_holiday"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))  # "Winterferien 2027"
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
