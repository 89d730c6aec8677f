"""The rhythm of a meeting series: RFC 5545 RRULEs built from a few choices, described in
plain German and evaluated in the office's wall time (python-dateutil).

A rule is always evaluated in Europe/Berlin local time: a series at 14:00 stays at 14:00
in March (UTC+1) and in September (UTC+2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from .clock import OFFICE_TZ
from .errors import ValidationError

if TYPE_CHECKING:
    from dateutil.rrule import rrule

FREQUENCIES = {"yearly": "YEARLY", "monthly": "MONTHLY", "weekly": "WEEKLY"}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = datetime.weekday()
WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
ORDINALS = (1, 2, 3, 4, -1)  # the choices the series editor offers; -1 = last

# frequency → (every one, every n)
_FREQUENCY_TEXT = {
    "YEARLY": ("jedes Jahr", "alle {n} Jahre"),
    "MONTHLY": ("jeden Monat", "alle {n} Monate"),
    "WEEKLY": ("jede Woche", "alle {n} Wochen"),
    "DAILY": ("jeden Tag", "alle {n} Tage"),
    "HOURLY": ("jede Stunde", "alle {n} Stunden"),
    "MINUTELY": ("jede Minute", "alle {n} Minuten"),
    "SECONDLY": ("jede Sekunde", "alle {n} Sekunden"),
}
_DESCRIBED_KEYS = {"FREQ", "INTERVAL", "BYMONTH", "BYDAY", "BYSETPOS", "BYMONTHDAY"}
_DESCRIBED_KEYS |= {"COUNT", "UNTIL", "WKST"}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")
_LIMIT = 1000  # occurrences returned at most when neither count nor until bounds the list


def rule_from_choice(
    frequency: str,
    months: Sequence[int] = (),
    weekday: int | None = None,
    ordinal: int | None = None,
    interval: int = 1,
) -> str:
    """The RRULE for the series editor's choices, e.g. yearly in March and September on the
    2nd Tuesday → "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"."""
    if frequency not in FREQUENCIES:
        raise ValidationError(f"Unbekannter Turnus „{frequency}“.")
    if interval < 1:
        raise ValidationError("Der Abstand muss mindestens 1 sein.")
    if any(not 1 <= m <= 12 for m in months):
        raise ValidationError("Monate bitte als 1 bis 12 angeben.")
    if weekday is not None and not 0 <= weekday <= 6:
        raise ValidationError("Wochentage bitte als 0 (Montag) bis 6 (Sonntag) angeben.")
    if ordinal is not None:
        if weekday is None:
            raise ValidationError("Zum „2.“ oder „letzten“ gehört ein Wochentag.")
        if ordinal not in ORDINALS:
            raise ValidationError("Bitte den 1. bis 4. oder den letzten Wochentag wählen.")
        if frequency == "weekly":
            raise ValidationError("Bei wöchentlichem Turnus gibt es keinen „2.“ Wochentag.")
    parts = [f"FREQ={FREQUENCIES[frequency]}"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if months:
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(months))))
    if weekday is not None:
        parts.append(f"BYDAY={ordinal or ''}{WEEKDAY_CODES[weekday]}")
    return ";".join(parts)


@dataclass(frozen=True)
class RuleChoice:
    """The series editor's choices for a rule (the inverse of `rule_from_choice`)."""

    frequency: str  # "yearly" | "monthly" | "weekly"
    months: tuple[int, ...] = ()
    weekday: int | None = None  # 0 = Monday
    ordinal: int | None = None  # 1..4, -1 = last
    interval: int = 1
    exact: bool = True  # False: the rule says more than the choices can (shown as text only)


def choice_from_rule(rule: str) -> RuleChoice:
    """The editor's choices for a stored rule; rules beyond them come back as the nearest
    choice with `exact=False`."""
    parts = _parts(rule)
    normal = normalize_rule(rule)
    frequencies = {v: k for k, v in FREQUENCIES.items()}
    frequency = frequencies.get(parts["FREQ"], "monthly")
    months = tuple(sorted({int(m) for m in parts.get("BYMONTH", "").split(",") if m}))
    weekday = ordinal = None
    days = [_BYDAY.match(d) for d in parts.get("BYDAY", "").split(",") if d]
    if days and days[0] is not None:
        weekday = WEEKDAY_CODES.index(days[0].group(2))
        ordinal = int(days[0].group(1)) if days[0].group(1) else None
        position = parts.get("BYSETPOS", "")
        if ordinal is None and re.fullmatch(r"[+-]?\d{1,3}", position):
            ordinal = int(position)
    if ordinal not in (None, *ORDINALS) or frequency == "weekly":
        ordinal = None
    interval = int(parts.get("INTERVAL", "1"))
    exact = rule_from_choice(frequency, months, weekday, ordinal, interval) == normal
    return RuleChoice(frequency, months, weekday, ordinal, interval, exact)


def normalize_rule(rule: str) -> str:
    """The rule without an "RRULE:" prefix and spaces, upper case; invalid → ValidationError."""
    parts = _parts(rule)
    _build(parts, datetime(2000, 1, 1, tzinfo=OFFICE_TZ), rule)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def describe_rule(rule: str) -> str:
    """The rule in plain German: "jedes Jahr im März und September, am 2. Dienstag"."""
    parts = _parts(rule)
    _build(parts, datetime(2000, 1, 1, tzinfo=OFFICE_TZ), rule)
    interval = int(parts.get("INTERVAL", "1"))
    every_one, every_n = _FREQUENCY_TEXT[parts["FREQ"]]
    text = every_one if interval == 1 else every_n.format(n=interval)
    days = _describe_days(parts)
    if days is None or not set(parts) <= _DESCRIBED_KEYS:
        return f"{text}, nach besonderer Regel"
    if "BYMONTH" in parts:
        months = [MONTH_NAMES[int(m) - 1] for m in parts["BYMONTH"].split(",")]
        text += f" im {_join(months)}"
        if days:
            text += ","
    if days:
        text += f" am {days}"
    if "COUNT" in parts:
        text += f", {int(parts['COUNT'])}-mal"
    if "UNTIL" in parts:
        text += f", bis {_until(parts['UNTIL']).astimezone(OFFICE_TZ):%d.%m.%Y}"
    return text


def occurrences(
    rule: str,
    first_start: datetime,
    *,
    after: datetime | None = None,
    count: int | None = 5,
    until: datetime | None = None,
) -> list[datetime]:
    """Starts of the rule from `first_start` (DTSTART), in Berlin time.

    Only starts strictly after `after` and not later than `until` are listed, at most
    `count` of them (`count=None`: all up to `until`). All datetimes are aware.
    """
    for moment in (first_start, after, until):
        if moment is not None and moment.tzinfo is None:
            raise ValueError("naive datetime: times must carry a time zone")
    if count is not None and count <= 0:
        return []
    result: list[datetime] = []
    for start in _iterate(_rule(rule, first_start), after):
        if until is not None and start > until:
            break
        result.append(start)
        if len(result) == (count if count is not None else _LIMIT):
            break
    return result


def is_occurrence(rule: str, first_start: datetime, moment: datetime) -> bool:
    """Whether `moment` is one of the rule's starts (for a meeting entered by hand)."""
    found = _rule(rule, first_start).after(moment.astimezone(OFFICE_TZ), inc=True)
    return found is not None and found == moment


def _iterate(compiled: rrule, after: datetime | None) -> Iterator[datetime]:
    if after is None:
        return iter(compiled)
    return compiled.xafter(after.astimezone(OFFICE_TZ), inc=False)


def _rule(rule: str, first_start: datetime) -> rrule:
    if first_start.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    return _build(_parts(rule), first_start.astimezone(OFFICE_TZ), rule)


def _parts(rule: str) -> dict[str, str]:
    """KEY → VALUE of the rule's text, upper case, checked for shape and ranges."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    parts: dict[str, str] = {}
    for piece in text.replace(" ", "").upper().split(";") if text else []:
        key, _, value = piece.partition("=")
        if not key or not value or key in parts:
            raise _invalid(rule)
        parts[key] = value
    if "FREQ" not in parts or "\n" in text:
        raise _invalid(rule)
    if parts["FREQ"] not in _FREQUENCY_TEXT:
        raise _invalid(rule)
    ranges = {"INTERVAL": (1, 9999), "COUNT": (1, 9999), "BYMONTH": (1, 12)}
    for key, (low, high) in ranges.items():
        for value in parts[key].split(",") if key in parts else []:
            if not value.isdigit() or not low <= int(value) <= high:
                raise _invalid(rule)
    for value in parts["BYMONTHDAY"].split(",") if "BYMONTHDAY" in parts else []:
        if not re.fullmatch(r"[+-]?\d{1,2}", value) or not 1 <= abs(int(value)) <= 31:
            raise _invalid(rule)
    if "UNTIL" in parts and not _UNTIL.match(parts["UNTIL"]):
        raise _invalid(rule)
    return parts


def _build(parts: dict[str, str], dtstart: datetime, original: str) -> rrule:
    from dateutil.rrule import rrule, rrulestr

    if "UNTIL" in parts:  # with a zoned DTSTART dateutil needs UNTIL in UTC
        until_utc = _until(parts["UNTIL"]).astimezone(UTC)
        parts = parts | {"UNTIL": f"{until_utc:%Y%m%dT%H%M%S}Z"}
    text = ";".join(f"{k}={v}" for k, v in parts.items())
    try:
        compiled = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, KeyError) as exc:
        raise _invalid(original) from exc
    if not isinstance(compiled, rrule):
        raise _invalid(original)
    return compiled


def _until(value: str) -> datetime:
    """UNTIL as an aware moment: UTC with "Z", else Berlin wall time (a date: its last second)."""
    match = _UNTIL.match(value)
    if match is None:
        raise _invalid(value)
    day, clock, utc = match.groups()
    moment = datetime.strptime(day, "%Y%m%d")
    if clock is None:
        moment = datetime.combine(moment.date(), time(23, 59, 59))
    else:
        moment += timedelta(hours=int(clock[:2]), minutes=int(clock[2:4]), seconds=int(clock[4:]))
    return moment.replace(tzinfo=UTC if utc else OFFICE_TZ)


def _describe_days(parts: dict[str, str]) -> str | None:
    """ "2. Dienstag", "Montag und Mittwoch", "15." — "" for none, None if not describable."""
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        return None
    if "BYMONTHDAY" in parts:
        if "BYSETPOS" in parts:
            return None
        month_days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        if any(d < -1 for d in month_days):
            return None
        return _join([f"{d}." if d > 0 else "letzten Tag des Monats" for d in month_days])
    if "BYDAY" not in parts:
        return None if "BYSETPOS" in parts else ""
    days: list[tuple[int | None, str]] = []
    for item in parts["BYDAY"].split(","):
        match = _BYDAY.match(item)
        if match is None:
            return None
        ordinal = int(match.group(1)) if match.group(1) else None
        days.append((ordinal, WEEKDAY_NAMES[WEEKDAY_CODES.index(match.group(2))]))
    if "BYSETPOS" in parts:
        position = parts["BYSETPOS"]
        if len(days) != 1 or days[0][0] is not None or not re.fullmatch(r"[+-]?\d{1,3}", position):
            return None
        days = [(int(position), days[0][1])]
    if any(n and _ordinal(n) is None for n, _ in days):
        return None
    return _join([f"{_ordinal(n)} {name}" if n else name for n, name in days])


def _ordinal(n: int) -> str | None:
    if n > 0:
        return f"{n}."
    return {-1: "letzten", -2: "vorletzten"}.get(n)


def _join(items: Sequence[str]) -> str:
    """ "a", "a und b", "a, b und c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " und " + items[-1]


def _invalid(rule: str) -> ValidationError:
    return ValidationError(f"Die Wiederholungsregel „{rule.strip()}“ ist ungültig.")
