"""The calendar's views and date warnings, and the CalendarService facade for the UI."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from multilok_desktop.domain import MeetingSeries, MeetingStatus
from multilok_desktop.services.calendar import (
    EditScope,
    MeetingData,
    cancel_meeting,
    create_meeting,
    date_warnings,
    holidays_between,
    meetings_between,
    past,
    series_preview,
    upcoming,
)
from multilok_desktop.services.calendar_service import CalendarService
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.settings import OfficeSettings, add_school_holiday, save_settings
from multilok_desktop.storage.database import Database
from tests.services.calendar_helpers import (
    NEW_YEAR_2026,
    SPRING_AUTUMN,
    at,
    local_text,
    make_series,
    meeting_data,
    series_data,
)

# views


def test_calendar_views(db: Database) -> None:
    """Meetings of a span of days, upcoming ones soonest first, past ones newest first."""
    ids = make_series(db)
    with db.session() as s:
        late = create_meeting(
            s, MeetingData("Abendtermin", at(date(2026, 9, 7), 23), at(date(2026, 9, 8), 1))
        )
        between = meetings_between(s, date(2026, 9, 8), date(2026, 9, 8))
        assert [e.id for e in between] == [late, ids[1]]  # the late one reaches into the day
        assert between[1].status == MeetingStatus.PLANNED
        assert between[1].series_id is not None
        assert [e.id for e in upcoming(s, date(2026, 9, 8), limit=2)] == [ids[1], ids[2]]
        assert [e.id for e in past(s, date(2026, 9, 8))] == [late, ids[0]]


# warnings


def test_warning_for_christmas(db: Database) -> None:
    """25.12.2026 is a public holiday everywhere, named in German."""
    with db.session() as s:
        warnings = date_warnings(s, at(date(2026, 12, 25)), at(date(2026, 12, 25), 16))
    assert warnings == ["Feiertag in Sachsen: Erster Weihnachtstag (25.12.2026)"]


def test_holidays_follow_the_bundesland(db: Database) -> None:
    """Reformationstag (31.10.) and Buß- und Bettag count in Saxony, not in Bavaria."""
    reformation = (at(date(2026, 10, 31)), at(date(2026, 10, 31), 16))
    repentance = (at(date(2026, 11, 18)), at(date(2026, 11, 18), 16))
    with db.session() as s:
        assert "Feiertag in Sachsen: Reformationstag (31.10.2026)" in date_warnings(s, *reformation)
        assert date_warnings(s, *repentance) == [
            "Feiertag in Sachsen: Buß- und Bettag (18.11.2026)"
        ]
        save_settings(s, replace(OfficeSettings(), state="BY"))
    with db.session() as s:
        assert date_warnings(s, *reformation) == ["am Wochenende (Samstag, 31.10.2026)"]
        assert date_warnings(s, *repentance) == []


def test_warning_for_school_holidays_and_weekend(db: Database) -> None:
    """A day inside a school holiday period, and a Saturday, are named."""
    with db.session() as s:
        add_school_holiday(s, "Winterferien 2027", date(2027, 2, 8), date(2027, 2, 19))
        assert date_warnings(s, at(date(2027, 2, 19)), at(date(2027, 2, 19), 16)) == [
            "in den Winterferien 2027 (08.02.2027–19.02.2027)"
        ]
        assert date_warnings(s, at(date(2027, 2, 20)), at(date(2027, 2, 20), 16)) == [
            "am Wochenende (Samstag, 20.02.2027)"
        ]


def test_warning_for_clashing_meetings(db: Database) -> None:
    """Overlapping meetings clash, but not the meeting itself, a cancelled one, or one
    that ends when the other starts."""
    with db.session() as s:
        other = create_meeting(
            s,
            MeetingData(
                "7. Vernetzungstreffen", at(date(2026, 3, 10)), at(date(2026, 3, 10), 16, 30)
            ),
        )
        cancelled = create_meeting(s, meeting_data(date(2026, 3, 10), title="Abgesagt"))
        cancel_meeting(s, cancelled)
        start, end = at(date(2026, 3, 10), 16), at(date(2026, 3, 10), 18)
        assert date_warnings(s, start, end) == [
            "überschneidet sich mit „7. Vernetzungstreffen“ (10.03.2026 14:00–16:30)"
        ]
        assert date_warnings(s, start, end, exclude_meeting_id=other) == []
        assert date_warnings(s, at(date(2026, 3, 10), 16, 30), end) == []


def test_series_preview_lists_dates_with_warnings(db: Database) -> None:
    """The series editor sees the next dates and what speaks against each."""
    with db.session() as s:
        add_school_holiday(s, "Herbstferien 2026", date(2026, 10, 12), date(2026, 10, 24))
        preview = series_preview(
            s,
            "FREQ=MONTHLY;BYDAY=3WE",
            at(date(2026, 9, 1)),
            120,
            count=3,
            after=at(NEW_YEAR_2026),
        )
    assert [(local_text(d), w) for d, w in preview] == [
        ("16.09.2026 14:00", []),
        ("21.10.2026 14:00", ["in den Herbstferien 2026 (12.10.2026–24.10.2026)"]),
        ("18.11.2026 14:00", ["Feiertag in Sachsen: Buß- und Bettag (18.11.2026)"]),
    ]


def test_series_preview_ignores_the_series_own_meetings(db: Database) -> None:
    """Previewing an existing series does not warn about its own meetings."""
    make_series(db)
    with db.session() as s:
        series_id = s.scalars(select(MeetingSeries.id)).one()
        args = (SPRING_AUTUMN, at(date(2026, 3, 10)), 150)
        own = series_preview(s, *args, count=1, after=at(NEW_YEAR_2026), series_id=series_id)
        foreign = series_preview(s, *args, count=1, after=at(NEW_YEAR_2026))
    assert own[0][1] == []
    assert foreign[0][1] == [
        "überschneidet sich mit „1. Vernetzungstreffen“ (10.03.2026 14:00–16:30)"
    ]


def test_series_preview_refuses_a_bad_rule(db: Database) -> None:
    """The editor gets the German message for a broken rule."""
    with pytest.raises(ValidationError, match="Wiederholungsregel"), db.session() as s:
        series_preview(s, "FREQ=NEVER", at(NEW_YEAR_2026), 60)


# the facade


def test_calendar_service_runs_each_call_in_its_own_session(db: Database) -> None:
    """The UI's facade saves, generates, reads and warns without a session of its own."""
    service = CalendarService(db)
    series_id = service.save_series(series_data())
    ids = service.generate_meetings(series_id, date(2026, 12, 31), today=NEW_YEAR_2026)
    assert [e.id for e in service.meetings_between(date(2026, 3, 1), date(2026, 9, 30))] == ids
    assert service.list_series(now=at(NEW_YEAR_2026))[0].meeting_count == 2
    assert service.describe_rule(service.rule_from_choice("monthly", weekday=3, ordinal=-1)) == (
        "jeden Monat am letzten Donnerstag"
    )
    assert service.date_warnings(at(date(2026, 12, 26)), at(date(2026, 12, 26), 16)) == [
        "Feiertag in Sachsen: Zweiter Weihnachtstag (26.12.2026)",
        "am Wochenende (Samstag, 26.12.2026)",
    ]
    changed = service.update_meeting(
        ids[0], replace(service.get_meeting(ids[0]).data, location="Rathaus"), EditScope.ALL
    )
    assert changed == ids
    assert service.get_series(series_id).data.default_location == "Rathaus"
    assert any(d.name == "Bauamt" for d in service.departments())
    with pytest.raises(NotFoundError):
        service.get_meeting(9999)


def test_calendar_service_reads_the_office_settings(db: Database) -> None:
    """The calendar gets the office's Bundesland and school holidays through its facade."""
    service = CalendarService(db)
    with db.session() as s:
        add_school_holiday(s, "Winterferien 2027", date(2027, 2, 8), date(2027, 2, 19))
    assert service.settings().state == "SN"
    assert [p.name for p in service.school_holidays()] == ["Winterferien 2027"]


def test_holidays_between_for_the_month_view(db: Database) -> None:
    """The month view marks the Bundesland's holidays of the days it shows."""
    with db.session() as s:
        assert holidays_between(s, date(2026, 10, 25), date(2026, 11, 30)) == {
            date(2026, 10, 31): "Reformationstag",
            date(2026, 11, 18): "Buß- und Bettag",
        }
        assert list(holidays_between(s, date(2026, 12, 30), date(2027, 1, 2)).values()) == [
            "Neujahr"
        ]


def test_public_holidays_are_stored_and_read_back_without_the_package(
    db: Database, monkeypatch
) -> None:  # noqa: ANN001
    from multilok_desktop.domain import Setting
    from multilok_desktop.services import calendar as calendar_module

    calendar_module._KNOWN_HOLIDAYS.clear()  # the process-wide memory of other tests
    with db.session() as s:
        first = calendar_module.public_holidays(s, "SN", 2027)
        assert first[date(2027, 10, 31)] == "Reformationstag"
    calendar_module._KNOWN_HOLIDAYS.clear()

    def no_package(state: str, year: int) -> dict[date, str]:
        raise AssertionError("the stored list should have been used")

    monkeypatch.setattr(calendar_module, "_public_holidays", no_package)
    with db.session() as s:
        assert calendar_module.public_holidays(s, "SN", 2027) == first
        row = next(r for r in s.query(Setting) if r.key.endswith(":SN:2027"))
        row.value = "kaputt"
    calendar_module._KNOWN_HOLIDAYS.clear()
    monkeypatch.undo()
    with db.session() as s:  # a damaged entry is worked out again
        assert calendar_module.public_holidays(s, "SN", 2027) == first
