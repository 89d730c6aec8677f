"""Recurring events of an .ics file as single meetings (part 5 of reading, see `ics_read`).

A Multilok meeting is one date, and an update finds its meeting by the UID, so a recurring
event becomes one `ImportedEvent` per occurrence whose identity is "<UID>#<date>" — the
UID and the Berlin date (ISO) of the occurrence it stands for (its RECURRENCE-ID):

- every override (a VEVENT with RECURRENCE-ID) is a meeting of its own, with its own time,
  title, place and status, wherever it was moved to; it carries the higher SEQUENCE of
  itself and its master, as Outlook raises the master's when an occurrence changes;
- the master's other occurrences (DTSTART, which RFC 5545 counts as the first, and the
  dates of its RRULE, less its EXDATEs) from today to two years ahead become meetings
  as the master describes them; earlier ones without an override are left out (a series
  begun long ago would otherwise flood the calendar with past meetings);
- a series with none of those — it ended before today, or repeats hourly or more often —
  gives only its first occurrence, with a note in the description, as before.

So a series exported by Multilok (`calendar_records.series_events`: master, EXDATEs for
cancelled and deleted dates, an override for each meeting that differs) is read back as
the same meetings, and importing the file again updates them instead of adding any.
Events repeated in a file (same UID, or the same override twice) count once: the one with
the highest SEQUENCE. Overrides without their master stand for themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from ..services.calendar_records import ImportedEvent
from .errors import ImportFileError
from .ics_zones import localize

OFFICE_TZ = ZoneInfo("Europe/Berlin")
YEARS_AHEAD = 2  # occurrences without override are imported up to two years from today
MAX_CANDIDATES = 100_000  # rule dates looked at per series (daily since 1900: 46,000)
FREQ_WORDS = {  # the frequencies expanded, as the note on a first-occurrence-only names them
    "YEARLY": ("jährlich", "Jahre"),
    "MONTHLY": ("monatlich", "Monate"),
    "WEEKLY": ("wöchentlich", "Wochen"),
    "DAILY": ("täglich", "Tage"),
}


@dataclass(frozen=True)
class Recurrence:
    """The recurrence of a master event as its file gives it."""

    start: datetime  # DTSTART, aware in the event's own zone: the rule runs in its wall time
    duration: timedelta
    rule: str  # the RRULE value, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU
    exdates: frozenset[datetime]  # in UTC


@dataclass(frozen=True)
class ReadEvent:
    """One VEVENT as read: the event (DTSTART/DTEND as written) and how it recurs."""

    event: ImportedEvent
    recurrence_id: datetime | None = None  # this VEVENT overrides that occurrence
    recurrence: Recurrence | None = None  # a master with RRULE


def one_meeting_each(read: list[ReadEvent], today: date) -> list[ImportedEvent]:
    """One event per meeting, in file order (a series' events by start, where its UID
    first appears); see the module docstring."""
    masters: dict[str, ReadEvent] = {}
    overrides: dict[str, dict[date, ReadEvent]] = {}
    order: list[str | ReadEvent] = []  # a UID stands for all its events
    for item in read:
        uid = item.event.uid
        if not uid:
            order.append(item)  # nothing to relate it to: on its own
            continue
        if uid not in masters and uid not in overrides:
            order.append(uid)
        if item.recurrence_id is None:
            if uid not in masters or item.event.sequence > masters[uid].event.sequence:
                masters[uid] = item  # the same event twice: the newer version
        else:
            moved = overrides.setdefault(uid, {})
            day = _day(item.recurrence_id)
            if day not in moved or item.event.sequence > moved[day].event.sequence:
                moved[day] = item
    result: list[ImportedEvent] = []
    for entry in order:
        if isinstance(entry, ReadEvent):
            result += _series(entry, {}, today) if entry.recurrence else [entry.event]
        else:
            result += _events_of(entry, masters.get(entry), overrides.get(entry, {}), today)
    return result


def _events_of(
    uid: str, master: ReadEvent | None, moved: dict[date, ReadEvent], today: date
) -> list[ImportedEvent]:
    if master is not None and master.recurrence is not None:
        return _series(master, moved, today)
    events = [master.event] if master is not None else []  # a single event (no RRULE)
    events += [_override(uid, day, item, master) for day, item in moved.items()]
    return sorted(events, key=lambda e: e.start)


def _series(master: ReadEvent, moved: dict[date, ReadEvent], today: date) -> list[ImportedEvent]:
    recurrence = master.recurrence
    assert recurrence is not None
    uid = master.event.uid
    events = [_override(uid, day, item, master) for day, item in moved.items()]
    if _rule_part(recurrence.rule, "FREQ") in FREQ_WORDS:
        first = datetime.combine(today, time(), OFFICE_TZ)
        after = datetime.combine(_years_later(today, YEARS_AHEAD), time(), OFFICE_TZ)
        taken = set(moved)
        for moment in _instants(master, recurrence):
            if moment >= after:
                break
            day = _day(moment)
            if moment >= first and day not in taken:
                taken.add(day)
                events.append(_occurrence(master.event, recurrence, moment, day))
    if not events:
        events.append(_first_only(master, recurrence))
    return sorted(events, key=lambda e: e.start)


def _override(uid: str, day: date, item: ReadEvent, master: ReadEvent | None) -> ImportedEvent:
    sequence = item.event.sequence
    rule = ""
    if master is not None:
        sequence = max(sequence, master.event.sequence)
        rule = master.recurrence.rule if master.recurrence else ""
    return replace(item.event, uid=_identity(uid, day), sequence=sequence, recurrence=rule)


def _occurrence(
    event: ImportedEvent, recurrence: Recurrence, moment: datetime, day: date
) -> ImportedEvent:
    return replace(
        event,
        uid=_identity(event.uid, day),
        start=moment.astimezone(UTC),
        end=(moment + recurrence.duration).astimezone(UTC),
        source=f"{event.source}, Termin am {day:%d.%m.%Y}",
    )


def _first_only(master: ReadEvent, recurrence: Recurrence) -> ImportedEvent:
    """The series' first occurrence not excluded, noted as standing for the series."""
    moment = next(_instants(master, recurrence), None)
    if moment is None:
        raise _fail(master, "Der Serientermin hat keinen einzigen Termin (alle ausgenommen).")
    event = _occurrence(master.event, recurrence, moment, _day(moment))
    note = f"(Serientermin, {_rule_label(recurrence.rule)}: übernommen wurde nur der erste Termin.)"
    description = f"{event.description}\n\n{note}" if event.description else note
    return replace(event, description=description, source=master.event.source)


def _instants(master: ReadEvent, recurrence: Recurrence) -> Iterator[datetime]:
    """DTSTART, then the rule's dates, in the event's zone and order, without EXDATEs."""
    from dateutil.rrule import rrulestr

    zone = recurrence.start.tzinfo or OFFICE_TZ
    wall = recurrence.start.replace(tzinfo=None)
    try:
        dates = rrulestr(f"RRULE:{recurrence.rule}", dtstart=wall, ignoretz=True)
        for candidate in _with_start(wall, dates):
            moment = localize(candidate, zone)
            if moment.astimezone(UTC) not in recurrence.exdates:
                yield moment
    except Exception as exc:  # noqa: BLE001 - dateutil fails on odd rules in many ways
        raise _fail(
            master, f"Die Wiederholung „{_snippet(recurrence.rule)}“ ist unlesbar."
        ) from exc


def _with_start(wall: datetime, dates: Iterable[datetime]) -> Iterator[datetime]:
    yield wall  # RFC 5545: DTSTART is always the first instance, rule or not
    for candidate in islice(dates, MAX_CANDIDATES):
        if candidate != wall:
            yield candidate


def _fail(master: ReadEvent, problem: str) -> ImportFileError:
    source = master.event.source
    return ImportFileError(f"{source}: {problem}" if source else problem, record=source or None)


def _identity(uid: str, day: date) -> str:
    return f"{uid}#{day.isoformat()}" if uid else ""


def _day(moment: datetime) -> date:
    return moment.astimezone(OFFICE_TZ).date()


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _rule_part(rule: str, name: str) -> str:
    for part in rule.upper().split(";"):
        key, _, value = part.partition("=")
        if key.strip() == name:
            return value.strip()
    return ""


def _rule_label(rule: str) -> str:
    word, unit = FREQ_WORDS.get(_rule_part(rule, "FREQ"), ("wiederholt", ""))
    interval = _rule_part(rule, "INTERVAL")
    if unit and interval.isdigit() and int(interval) > 1:
        return f"alle {int(interval)} {unit}"
    return word


def _snippet(text: str, width: int = 40) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= width else f"{text[: width - 1]}…"
