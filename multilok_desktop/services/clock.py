"""The office's time zone: stored in UTC, shown in Europe/Berlin (DESIGN.md §3)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

OFFICE_TZ = ZoneInfo("Europe/Berlin")


def local(moment: datetime) -> datetime:
    return moment.astimezone(OFFICE_TZ)


def iso_local(moment: datetime | None) -> str | None:
    """ISO 8601 with the Berlin offset, e.g. 2026-03-10T14:00:00+01:00 (for --json)."""
    return local(moment).isoformat() if moment is not None else None
