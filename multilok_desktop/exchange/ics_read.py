"""Reading .ics files as Outlook, Google, Thunderbird and others write them.

`parse_calendar` returns one `ImportedEvent` per event and raises `ImportFileError` — and
nothing else, whatever the bytes — naming the line or event at fault in one German line
("Termin 3 ab Zeile 40 („Kreistag“): Beginn fehlt (DTSTART).").

1. Bytes to text: BOM (UTF-8/UTF-16) removed; UTF-8, else Windows-1252; NUL = not text.
2. Our own pass over the lines (CRLF, LF or CR; folds joined) checks BEGIN/END nesting,
   content lines and that there is a VEVENT — icalendar silently drops an unfinished
   component — and gives each VEVENT its line number.
3. icalendar parses; zones are resolved per file (`ics_zones`); "Z" is UTC; floating
   times and all-day DATEs are Europe/Berlin (all-day: 00:00 to 00:00 after the last day).
4. Each VEVENT is read on its own: a master keeps DTSTART, RRULE and EXDATEs.
5. `ics_overrides` makes one event per meeting: each occurrence of a recurring event —
   every override (RECURRENCE-ID), and the master's other dates from today to two years
   ahead — is an event of its own with the identity "<UID>#<date>".
"""

from __future__ import annotations

import codecs
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..services.calendar_records import Attendee, EventStatus, ImportedEvent, PartStat, Role
from .errors import ImportFileError
from .ics_overrides import ReadEvent, Recurrence, one_meeting_each
from .ics_zones import Zones, localize

OFFICE_TZ = ZoneInfo("Europe/Berlin")
MIN_YEAR, MAX_YEAR = 1900, 2200

_PHYSICAL_LINE = re.compile(r"\r\n|\r|\n")
_CONTENT_LINE = re.compile(r"[A-Za-z0-9_-]+(?:;[^:]*)?:")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_calendar(
    data: bytes, source_name: str, *, today: date | None = None
) -> list[ImportedEvent]:
    """All events of an .ics file (see the module docstring for the rules); `today`
    (default: today in Berlin) starts the span a series' occurrences are taken from."""
    text = _decode(data, source_name)
    lines = _logical_lines(text)
    event_lines = _check_structure(lines, source_name)
    with warnings.catch_warnings():
        # icalendar warns about guessed TZIDs and the like; what matters is in our errors.
        warnings.simplefilter("ignore")
        found = _icalendar(lines, source_name)
        lines_of: list[int | None] = list(event_lines)
        if len(found) != len(lines_of):  # cannot happen with the structure checked
            lines_of = [None] * len(found)
        read = [
            _EventReader(component, number, line, zones, cancel).read()
            for number, ((component, zones, cancel), line) in enumerate(
                zip(found, lines_of, strict=True), 1
            )
        ]
    return one_meeting_each(read, today or datetime.now(OFFICE_TZ).date())


# --- 1. bytes to text -------------------------------------------------------------------


def _decode(data: bytes, source_name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"Die Datei „{source_name}“ ist als UTF-16 gekennzeichnet, "
                "lässt sich so aber nicht lesen."
            ) from exc
    else:
        data = data.removeprefix(codecs.BOM_UTF8)
        if data.strip() and not data.lstrip()[:15].upper() == b"BEGIN:VCALENDAR":
            raise _not_icalendar(source_name)  # before complaining about its characters
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # older Outlook versions
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                raise ImportFileError(
                    f"Zeile {line}: Die Zeile enthält Zeichen, die sich weder als UTF-8 "
                    "noch als Windows-1252 lesen lassen.",
                    line=line,
                ) from exc
    if not text.strip():
        raise ImportFileError(f"Die Datei „{source_name}“ ist leer.")
    if "\x00" in text:
        raise ImportFileError(
            f"Die Datei „{source_name}“ ist keine Textdatei und damit keine iCalendar-Datei."
        )
    return _CONTROL.sub(" ", text)


# --- 2. lines and structure -------------------------------------------------------------


@dataclass
class _Line:
    number: int
    text: str


def _logical_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(_PHYSICAL_LINE.split(text), 1):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1].text += raw[1:]  # folded line (RFC 5545 §3.1)
        elif raw.strip():
            lines.append(_Line(number, raw))
    return lines


def _check_structure(lines: list[_Line], source_name: str) -> list[int]:
    """The line of each VEVENT, in file order; a broken structure raises."""
    if not lines or lines[0].text.strip().upper() != "BEGIN:VCALENDAR":
        raise _not_icalendar(source_name)
    stack: list[tuple[str, int]] = []
    events: list[int] = []
    for line in lines:
        if not _CONTENT_LINE.match(line.text):
            raise ImportFileError(
                f"Zeile {line.number}: „{_snippet(line.text)}“ ist keine iCalendar-Zeile "
                "(„NAME:Wert“).",
                line=line.number,
            )
        name, _, value = line.text.partition(":")
        name = name.split(";", 1)[0].upper()
        value = value.strip().upper()
        if name == "BEGIN":
            if not stack and value != "VCALENDAR":
                raise _outside(line)
            stack.append((value, line.number))
            if value == "VEVENT":
                events.append(line.number)
        elif name == "END":
            if not stack or stack[-1][0] != value:
                expected = f"„END:{stack[-1][0]}“ (zu Zeile {stack[-1][1]})" if stack else "nichts"
                raise ImportFileError(
                    f"Zeile {line.number}: „END:{value}“ steht dort, wo {expected} "
                    "erwartet wird – die Datei ist beschädigt.",
                    line=line.number,
                )
            stack.pop()
        elif not stack:
            raise _outside(line)
        elif name == "RRULE" and stack[-1][0] in ("STANDARD", "DAYLIGHT"):
            if "FREQ=YEARLY" not in value.replace(" ", ""):  # else tzinfo may take hours
                raise ImportFileError(
                    f"Zeile {line.number}: Die Zeitzone hat die unbrauchbare Regel "
                    f"„{_snippet(line.text)}“.",
                    line=line.number,
                )
    if stack:
        kind, start = stack[-1]
        what = f"Termin {events.index(start) + 1}" if kind == "VEVENT" else f"„BEGIN:{kind}“"
        raise ImportFileError(
            f"{what} ab Zeile {start} endet nicht mit „END:{kind}“ – die Datei ist "
            "unvollständig oder beschädigt.",
            line=start,
        )
    if not events:
        raise ImportFileError(
            f"Die Datei „{source_name}“ enthält keinen Termin (kein „BEGIN:VEVENT“)."
        )
    return events


def _not_icalendar(source_name: str) -> ImportFileError:
    return ImportFileError(
        f"Die Datei „{source_name}“ ist keine iCalendar-Datei "
        "(sie beginnt nicht mit „BEGIN:VCALENDAR“)."
    )


def _outside(line: _Line) -> ImportFileError:
    return ImportFileError(
        f"Zeile {line.number}: „{_snippet(line.text)}“ steht außerhalb des Kalenders "
        "(vor „BEGIN:VCALENDAR“ oder nach „END:VCALENDAR“).",
        line=line.number,
    )


def _snippet(text: str, width: int = 40) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)  # one line in the message
    return text if len(text) <= width else f"{text[: width - 1]}…"


# --- 3. icalendar ----------------------------------------------------------------------


def _icalendar(lines: list[_Line], source_name: str) -> list[tuple[Any, Zones, bool]]:
    """Each VEVENT with its calendar's time zones and whether its METHOD is CANCEL."""
    from icalendar import Calendar

    text = "\r\n".join(line.text for line in lines) + "\r\n"
    found = []
    try:  # icalendar raises all kinds of errors on odd input; each means "broken file"
        for calendar in Calendar.from_ical(text, multiple=True):
            cancel = _str(calendar.get("METHOD")).strip().upper() == "CANCEL"
            zones = Zones(calendar)  # the VEVENTs are parsed only when walked
            found += [(component, zones, cancel) for component in calendar.walk("VEVENT")]
    except Exception as exc:  # noqa: BLE001
        raise ImportFileError(
            f"Die Datei „{source_name}“ lässt sich nicht als iCalendar lesen – sie ist beschädigt."
        ) from exc
    return found


# --- 4. one event -----------------------------------------------------------------------


class _EventReader:
    def __init__(
        self, component: Any, number: int, line: int | None, zones: Zones, cancel: bool
    ) -> None:
        self.component = component
        self.zones = zones
        self.cancel = cancel
        self.summary = _one_line(_str(_first(component.get("SUMMARY"))))
        where = f"Termin {number}" + (f" ab Zeile {line}" if line else "")
        self.source = f"{where} („{_snippet(self.summary)}“)" if self.summary else where

    def fail(self, problem: str) -> ImportFileError:
        return ImportFileError(f"{self.source}: {problem}", record=self.source)

    def read(self) -> ReadEvent:
        try:
            return self._read()
        except ImportFileError:
            raise
        except Exception as exc:  # noqa: BLE001 - icalendar's values may fail in any way
            raise self.fail("Der Termin ist beschädigt und lässt sich nicht lesen.") from exc

    def _read(self) -> ReadEvent:
        get = self.component.get
        start, all_day = self.moment("DTSTART", "Beginn", required=True)
        assert start is not None
        end, _ = self.moment("DTEND", "Ende")
        if end is None:
            duration = _first(get("DURATION"))
            if duration is not None:
                length = _dt(duration)
                if not isinstance(length, timedelta):
                    raise self.fail(f"Die Dauer „{_raw(duration)}“ ist unlesbar.")
                end = start + length
            else:
                end = start + timedelta(days=1) if all_day else start
        if end < start:
            raise self.fail(f"Das Ende ({_shown(end)}) liegt vor dem Beginn ({_shown(start)}).")
        recurrence_id, _ = self.moment("RECURRENCE-ID", "RECURRENCE-ID")
        rule = _first(get("RRULE"))
        rule_text = _str(rule.to_ical()).strip() if rule is not None else ""
        description = _str(_first(get("DESCRIPTION"))).replace("\r\n", "\n").strip()
        recurrence = None
        if rule_text and recurrence_id is None:
            exdates = frozenset(self.exdates(start))
            recurrence = Recurrence(start, end - start, rule_text, exdates)
        status = _str(_first(get("STATUS"))).strip().upper()
        organizer = _first(get("ORGANIZER"))
        event = ImportedEvent(
            summary=self.summary,
            start=start.astimezone(UTC),
            end=end.astimezone(UTC),
            uid=_one_line(_str(_first(get("UID")))),
            sequence=self.sequence(),
            status=(
                EventStatus.CANCELLED
                if self.cancel or status == "CANCELLED"
                else EventStatus.CONFIRMED
            ),
            location=_one_line(_str(_first(get("LOCATION")))),
            description=description,
            all_day=all_day,
            recurrence=rule_text,
            organizer=_attendee(organizer, organizer=True) if organizer is not None else None,
            attendees=tuple(
                a for a in (_attendee(v) for v in _all(get("ATTENDEE"))) if a is not None
            ),
            source=self.source,
        )
        return ReadEvent(event, recurrence_id, recurrence)

    def moment(
        self, name: str, label: str, *, required: bool = False
    ) -> tuple[datetime | None, bool]:
        """The property as an aware datetime, and whether it was a DATE (all-day)."""
        prop = _first(self.component.get(name))
        if prop is None:
            if required:
                raise self.fail(f"{label} fehlt ({name}).")
            return None, False
        try:
            value = _dt(prop)
        except Exception as exc:  # noqa: BLE001 - icalendar's vBroken raises on .dt
            raise self.fail(f"{label} „{_raw(prop)}“ ist unlesbar.") from exc
        tzid = _str(getattr(prop, "params", {}).get("TZID"))
        result = self.aware(value, tzid, label, prop)
        if not MIN_YEAR <= result.year <= MAX_YEAR:
            raise self.fail(
                f"{label} {_shown(result)} liegt nicht zwischen {MIN_YEAR} und {MAX_YEAR}."
            )
        return result, isinstance(value, date) and not isinstance(value, datetime)

    def aware(self, value: object, tzid: str, label: str, prop: Any) -> datetime:
        if isinstance(value, datetime):
            if tzid:
                zone = self.zones.get(tzid)
                if zone is None:
                    raise self.fail(f"{label}: Die Zeitzone „{_snippet(tzid)}“ ist unbekannt.")
                return localize(value.replace(tzinfo=None), zone)
            if value.tzinfo is not None:
                return value  # "Z": UTC
            return value.replace(tzinfo=OFFICE_TZ)  # floating time: the office's
        if isinstance(value, date):
            return datetime.combine(value, time(0), OFFICE_TZ)
        raise self.fail(f"{label} „{_raw(prop)}“ ist kein Zeitpunkt.")

    def sequence(self) -> int:
        prop = _first(self.component.get("SEQUENCE"))
        if prop is None:
            return 0
        try:
            return max(int(prop), 0)
        except (TypeError, ValueError, OverflowError) as exc:
            raise self.fail(f"SEQUENCE „{_raw(prop)}“ ist keine Zahl.") from exc

    def exdates(self, start: datetime) -> set[datetime]:
        result: set[datetime] = set()
        for prop in _all(self.component.get("EXDATE")):
            tzid = _str(getattr(prop, "params", {}).get("TZID"))
            for item in getattr(prop, "dts", []):
                value = _dt(item)
                if isinstance(value, date) and not isinstance(value, datetime):
                    value = datetime.combine(value, start.astimezone(OFFICE_TZ).timetz())
                result.add(self.aware(value, tzid, "EXDATE", prop).astimezone(UTC))
        return result


def _attendee(prop: Any, *, organizer: bool = False) -> Attendee | None:
    address = _str(prop).strip()
    email = address[7:] if address.lower().startswith("mailto:") else address
    if not email:
        return None
    params = getattr(prop, "params", {})
    name = _one_line(_str(params.get("CN")))
    if organizer:
        return Attendee(name, email.strip(), role="CHAIR", partstat=PartStat.ACCEPTED.value)
    return Attendee(
        name=name,
        email=email.strip(),
        role=_str(params.get("ROLE")).upper() or Role.REQUIRED.value,
        partstat=_str(params.get("PARTSTAT")).upper() or PartStat.NEEDS_ACTION.value,
    )


# --- values -----------------------------------------------------------------------------


def _all(value: Any) -> list[Any]:
    """A property that appears more than once comes as a list."""
    return [] if value is None else list(value) if isinstance(value, list) else [value]


def _first(value: Any) -> Any:
    return next(iter(_all(value)), None)


def _dt(prop: Any) -> Any:
    return prop.dt if hasattr(prop, "dt") else prop


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _raw(prop: Any) -> str:
    try:
        return _snippet(_str(prop.to_ical()))
    except Exception:  # noqa: BLE001 - only for the message
        return _snippet(_str(prop))


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _shown(moment: datetime) -> str:
    try:
        moment = moment.astimezone(OFFICE_TZ)
    except (OverflowError, ValueError):
        pass  # year 1 or 9999: shown in its own zone
    return f"{moment:%d.%m.%Y %H:%M}"
