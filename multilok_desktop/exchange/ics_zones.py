"""Time zones of .ics files: TZID values as Outlook, Google and Thunderbird write them.

A TZID is looked up as an IANA name (also behind a vendor prefix such as
"/mozilla.org/20050126_1/Europe/Berlin"), as a Windows name ("W. Europe Standard Time",
which Outlook writes), and only then in the file's own VTIMEZONE. icalendar resolves
TZIDs itself, but caches a file's custom VTIMEZONE process-wide under its TZID (the
first file wins), so the reader takes only the wall-clock time from icalendar and
resolves the zone here, per file.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

_IANA_NAME = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")

# Windows time-zone names as Outlook writes them in TZID (CLDR windowsZones, territory 001).
WINDOWS_ZONES = {
    "W. Europe Standard Time": "Europe/Berlin",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "Romance Standard Time": "Europe/Paris",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "UTC": "UTC",
    "Coordinated Universal Time": "UTC",
    "E. Europe Standard Time": "Europe/Chisinau",
    "FLE Standard Time": "Europe/Kiev",
    "GTB Standard Time": "Europe/Bucharest",
    "Russian Standard Time": "Europe/Moscow",
    "Turkey Standard Time": "Europe/Istanbul",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver",
    "Pacific Standard Time": "America/Los_Angeles",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "India Standard Time": "Asia/Kolkata",
    "AUS Eastern Standard Time": "Australia/Sydney",
}


class Zones:
    """TZID → tzinfo: IANA names, Windows names, then the file's own VTIMEZONEs."""

    def __init__(self, calendar: Any) -> None:
        self._components: dict[str, Any] = {}
        for component in calendar.walk("VTIMEZONE"):
            self._components.setdefault(str(component.get("TZID") or "").strip(), component)
        self._cache: dict[str, tzinfo | None] = {}

    def get(self, tzid: str) -> tzinfo | None:
        if tzid not in self._cache:
            self._cache[tzid] = self._find(tzid)
        return self._cache[tzid]

    def _find(self, tzid: str) -> tzinfo | None:
        cleaned = tzid.strip().strip('"').strip()
        windows = WINDOWS_ZONES.get(cleaned) or _icalendar_windows_zone(cleaned)
        if windows:
            return _zoneinfo(windows)
        parts = cleaned.strip("/").split("/")
        for first in range(len(parts)):  # "/mozilla.org/20050126_1/Europe/Berlin"
            zone = _zoneinfo("/".join(parts[first:]))
            if zone is not None:
                return zone
        component = self._components.get(tzid.strip()) or self._components.get(cleaned)
        if component is None:
            return None
        try:
            zone = component.to_tz(lookup_tzid=False)
            datetime(2026, 6, 1, tzinfo=zone).utcoffset()  # fails here if it is broken
            return zone
        except Exception:  # noqa: BLE001 - a broken VTIMEZONE is an unknown zone
            return None


def _zoneinfo(name: str) -> tzinfo | None:
    if not _IANA_NAME.fullmatch(name) or name.startswith(("+", "-")):
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return None


def _icalendar_windows_zone(name: str) -> str | None:
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
    except ImportError:  # icalendar 6
        try:
            from icalendar.windows_to_olson import WINDOWS_TO_OLSON  # type: ignore[no-redef]
        except ImportError:
            return None
    found = WINDOWS_TO_OLSON.get(name)
    return found if isinstance(found, str) else None


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """A naive wall-clock time in the zone (pytz zones need their own `localize`)."""
    pytz_localize = getattr(zone, "localize", None)
    return pytz_localize(wall) if callable(pytz_localize) else wall.replace(tzinfo=zone)
