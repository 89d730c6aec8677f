"""Series rhythms: RRULEs from the editor's choices, in plain German, evaluated in Berlin time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.recurrence import (
    RuleChoice,
    choice_from_rule,
    describe_rule,
    is_occurrence,
    normalize_rule,
    occurrences,
    rule_from_choice,
)

SPRING_AUTUMN = "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"


def berlin(year: int, month: int, day: int, hour: int = 14, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OFFICE_TZ)


@pytest.mark.parametrize(
    ("choice", "rule"),
    [
        ({"frequency": "yearly", "months": [9, 3], "weekday": 1, "ordinal": 2}, SPRING_AUTUMN),
        ({"frequency": "monthly", "weekday": 3, "ordinal": -1}, "FREQ=MONTHLY;BYDAY=-1TH"),
        ({"frequency": "weekly", "weekday": 2, "interval": 2}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        ({"frequency": "yearly", "months": [11, 11]}, "FREQ=YEARLY;BYMONTH=11"),
        ({"frequency": "monthly"}, "FREQ=MONTHLY"),
    ],
)
def test_rule_from_choice(choice: dict[str, object], rule: str) -> None:
    """The editor's choices become a plain RRULE, months sorted and without repeats."""
    assert rule_from_choice(**choice) == rule  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "choice",
    [
        {"frequency": "daily"},
        {"frequency": "yearly", "months": [13]},
        {"frequency": "monthly", "weekday": 7},
        {"frequency": "monthly", "ordinal": 2},
        {"frequency": "monthly", "weekday": 1, "ordinal": 5},
        {"frequency": "weekly", "weekday": 1, "ordinal": 2},
        {"frequency": "weekly", "interval": 0},
    ],
)
def test_rule_from_choice_refuses_impossible_choices(choice: dict[str, object]) -> None:
    """Choices that make no rhythm are a ValidationError, not a broken rule."""
    with pytest.raises(ValidationError):
        rule_from_choice(**choice)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (SPRING_AUTUMN, "jedes Jahr im März und September, am 2. Dienstag"),
        ("FREQ=MONTHLY;BYDAY=-1TH", "jeden Monat am letzten Donnerstag"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "alle 2 Wochen am Mittwoch"),
        ("FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1", "jeden Monat am letzten Donnerstag"),
        ("FREQ=YEARLY;BYMONTH=3,6,9", "jedes Jahr im März, Juni und September"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "jede Woche am Montag und Mittwoch"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "alle 3 Monate am 15."),
        ("FREQ=YEARLY;INTERVAL=2", "alle 2 Jahre"),
        ("FREQ=MONTHLY;BYDAY=1MO;COUNT=10", "jeden Monat am 1. Montag, 10-mal"),
        ("FREQ=WEEKLY;UNTIL=20271231T230000Z", "jede Woche, bis 01.01.2028"),
        ("FREQ=WEEKLY;UNTIL=20271231", "jede Woche, bis 31.12.2027"),
        ("rrule:freq=monthly;byday=-1th", "jeden Monat am letzten Donnerstag"),
        ("FREQ=YEARLY;BYWEEKNO=10;BYDAY=TU", "jedes Jahr, nach besonderer Regel"),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "jeden Monat, nach besonderer Regel"),
        ("FREQ=DAILY", "jeden Tag"),
    ],
)
def test_describe_rule_in_plain_german(rule: str, text: str) -> None:
    """Rules read as a clerk would say them; unusual valid rules get a generic text."""
    assert describe_rule(rule) == text


@pytest.mark.parametrize(
    "rule",
    [
        "",
        "FREQ=FOO",
        "BYDAY=TU",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;FREQ=MONTHLY",
        "FREQ=WEEKLY;NONSENSE=1",
        "FREQ=WEEKLY;UNTIL=morgen",
        "FREQ=WEEKLY\nEXDATE:20260101T000000",
    ],
)
def test_invalid_rule_is_a_validation_error(rule: str) -> None:
    """A broken rule is reported in German, never with a dateutil exception."""
    with pytest.raises(ValidationError, match="Wiederholungsregel"):
        describe_rule(rule)
    with pytest.raises(ValidationError):
        occurrences(rule, berlin(2026, 1, 1))


def test_normalize_rule() -> None:
    """The stored form has no prefix, no spaces and upper-case keys."""
    assert normalize_rule(" RRULE:freq=yearly; bymonth=3,9; byday=2tu ") == SPRING_AUTUMN


def test_spring_and_autumn_dates_at_local_time() -> None:
    """ "Frühjahr und Herbst" from 2026: 10.03.2026, 08.09.2026, 09.03.2027 … at 14:00."""
    starts = occurrences(SPRING_AUTUMN, berlin(2026, 3, 10), count=4)
    assert [s.strftime("%d.%m.%Y %H:%M") for s in starts] == [
        "10.03.2026 14:00",
        "08.09.2026 14:00",
        "09.03.2027 14:00",
        "14.09.2027 14:00",
    ]


def test_wall_time_is_kept_across_daylight_saving() -> None:
    """14:00 stays 14:00: UTC+1 in March, UTC+2 in September (13:00 and 12:00 UTC)."""
    first_start_utc = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)  # = 14:00 in Berlin
    march, september = occurrences(SPRING_AUTUMN, first_start_utc, count=2)
    assert march.utcoffset() == timedelta(hours=1)
    assert september.utcoffset() == timedelta(hours=2)
    assert (march.astimezone(UTC).hour, september.astimezone(UTC).hour) == (13, 12)
    assert (march.hour, september.hour) == (14, 14)


def test_after_is_exclusive_and_until_inclusive() -> None:
    """`after` leaves out a start at that very moment; `until` keeps one."""
    first = berlin(2026, 3, 10)
    starts = occurrences(SPRING_AUTUMN, first, after=first, until=berlin(2027, 3, 9), count=None)
    assert [s.date().isoformat() for s in starts] == ["2026-09-08", "2027-03-09"]


def test_count_limits_the_list() -> None:
    """At most `count` starts; none for count 0."""
    assert len(occurrences("FREQ=WEEKLY", berlin(2026, 1, 5), count=3)) == 3
    assert occurrences("FREQ=WEEKLY", berlin(2026, 1, 5), count=0) == []


def test_rule_with_its_own_end() -> None:
    """COUNT and UNTIL in the rule end the list (UNTIL as Berlin wall time when without Z)."""
    assert len(occurrences("FREQ=MONTHLY;COUNT=3", berlin(2026, 1, 1), count=10)) == 3
    starts = occurrences("FREQ=MONTHLY;UNTIL=20260401T140000", berlin(2026, 1, 1), count=10)
    assert starts[-1] == berlin(2026, 4, 1)


def test_naive_datetimes_are_refused() -> None:
    """Times without a zone are a programming error, not something to guess."""
    with pytest.raises(ValueError, match="naive"):
        occurrences(SPRING_AUTUMN, datetime(2026, 3, 10, 14))


def test_is_occurrence() -> None:
    """A start on the rule's date and time is an occurrence; a day later is not."""
    assert is_occurrence(SPRING_AUTUMN, berlin(2026, 3, 10), berlin(2026, 9, 8))
    assert not is_occurrence(SPRING_AUTUMN, berlin(2026, 3, 10), berlin(2026, 9, 9))
    assert not is_occurrence(SPRING_AUTUMN, berlin(2026, 3, 10), berlin(2026, 9, 8, 15))


@pytest.mark.parametrize(
    ("rule", "choice"),
    [
        (SPRING_AUTUMN, RuleChoice("yearly", (3, 9), 1, 2)),
        ("FREQ=MONTHLY;BYDAY=-1TH", RuleChoice("monthly", (), 3, -1)),
        ("FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1", RuleChoice("monthly", (), 3, -1, exact=False)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", RuleChoice("weekly", (), 2, None, 2)),
        ("FREQ=WEEKLY;BYDAY=MO,WE", RuleChoice("weekly", (), 0, None, exact=False)),
        ("FREQ=DAILY", RuleChoice("monthly", exact=False)),
    ],
)
def test_choice_from_rule(rule: str, choice: RuleChoice) -> None:
    """A stored rule fills the editor again; what the choices cannot say is flagged."""
    assert choice_from_rule(rule) == choice


def test_choice_round_trip() -> None:
    """Every choice the editor offers comes back unchanged from its rule."""
    for frequency in ("yearly", "monthly", "weekly"):
        for ordinal in (None, 1, -1) if frequency != "weekly" else (None,):
            choice = RuleChoice(frequency, (3, 9), 1, ordinal, 2)
            rule = rule_from_choice(frequency, [3, 9], 1, ordinal, 2)
            assert choice_from_rule(rule) == choice
