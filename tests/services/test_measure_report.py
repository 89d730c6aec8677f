"""Data of the measures' exports and reports: all columns, groups, the traffic-light rule,
"since the last meeting" and the open next steps of the follow-up report."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from multilok_desktop.domain import (
    ActionItem,
    Measure,
    MeasureHistory,
    MeasureStatus,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    TrafficLight,
)
from multilok_desktop.domain.taxonomy import (
    ActionField,
    PendingTopic,
    SpatialLevel,
    Strategy,
    TargetGroup,
)
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services import measure_report as report
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.measure_editing import MeasureInput, PartnerInput
from multilok_desktop.services.measure_list import MeasureFilter
from multilok_desktop.storage.database import Database
from tests import factories

ON = date(2027, 3, 1)  # "today" for the reports: before the spring meeting


def value_id(session, model, name: str) -> int:
    return session.scalar(select(model.id).where(model.name == name))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@dataclass(frozen=True)
class Scenario:
    spring_2026: int
    autumn_2026: int  # the previous meeting held in the series
    workshop: int  # held later, but not in the series
    spring_2027: int  # the meeting the follow-up is for
    boerse: int  # open, "im Plan" but past its target date
    blocked: int
    done: int
    paused: int


def build_scenario(db: Database) -> Scenario:
    """Three meetings of a series and a single workshop; four measures with history."""
    with db.session() as session:
        series = MeetingSeries(title="Vernetzungstreffen", recurrence="")
        session.add(series)
        session.flush()

        def meeting(title: str, start: datetime, status: MeetingStatus, series_id: int | None):
            row = Meeting(
                title=title, start=start, end=start.replace(hour=start.hour + 3),
                status=status, series_id=series_id,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return row.id

        spring = meeting(
            "6. Vernetzungstreffen", utc(2026, 3, 10, 13), MeetingStatus.CLOSED, series.id
        )
        autumn = meeting(
            "7. Vernetzungstreffen", utc(2026, 9, 8, 12), MeetingStatus.MINUTED, series.id
        )
        workshop = meeting("Workshop Wohnen", utc(2026, 10, 20, 12), MeetingStatus.HELD, None)
        next_one = meeting("8. Vernetzungstreffen", utc(2027, 3, 9, 13), MeetingStatus.INVITED, series.id)  # fmt: skip

        town = factories.organisation(session, "Gemeinde Großröhrsdorf")
        housing = factories.organisation(session, "WBG Glück Auf", kind="Wohnungswirtschaft")
        lead_person = factories.person(session, "Jürgen", "Müller", organisation_id=town)
        status = {n: value_id(session, MeasureStatus, n) for n in
                  ("in Umsetzung", "geplant", "umgesetzt", "zurückgestellt")}  # fmt: skip
        base = MeasureInput(
            title="",
            strategy_id=value_id(session, Strategy, "Multilokale sesshaft machen"),
            target_group_ids=(
                value_id(session, TargetGroup, "Incomings"),
                value_id(session, TargetGroup, "Outgoings"),
            ),
            action_field_ids=(value_id(session, ActionField, "Wohnen"),),
            spatial_level_id=value_id(session, SpatialLevel, "lokal"),
            lead_organisation_id=town,
        )
        boerse = editing.create_measure(
            session,
            replace(
                base,
                title="Wohnraumbörse für Pendler in Großröhrsdorf",
                status_id=status["in Umsetzung"],
                progress=40,
                priority=1,
                responsible_person_id=lead_person,
                partners=(PartnerInput(housing, "Wohnungsgeber"),),
                pending_topic_ids=(value_id(session, PendingTopic, "Kleine Wohnungen"),),
                start_date=date(2026, 4, 1),
                target_date=date(2026, 12, 31),
                origin_meeting_id=spring,
            ),
            author="kuehn",
        )
        blocked = editing.create_measure(
            session,
            replace(
                base,
                title="Boardinghouse am Bahnhof",
                status_id=status["geplant"],
                action_field_ids=(
                    value_id(session, ActionField, "Wohnen"),
                    value_id(session, ActionField, "Arbeit"),
                ),
                traffic_light=TrafficLight.BLOCKED,
                delay_reason="Fördermittel abgelehnt",
                target_date=date(2027, 12, 31),
                strategy_id=value_id(
                    session, Strategy, "Attraktive Lebensbedingungen für Multilokale schaffen"
                ),
            ),
            author="kuehn",
        )
        done = editing.create_measure(
            session,
            replace(base, title="Azubi-Wohnheim", status_id=status["umgesetzt"],
                    target_date=date(2026, 1, 31), progress=100),
        )  # fmt: skip
        paused = editing.create_measure(
            session,
            replace(base, title="Mitfahrbank", status_id=status["zurückgestellt"],
                    strategy_id=None, action_field_ids=()),
        )  # fmt: skip
        session.flush()
        # The börse's history: before the previous meeting, in it, after it, after this one.
        session.query(MeasureHistory).delete()
        for when, old, new, meeting_id in (
            (utc(2026, 5, 4, 9), "geplant", "in Umsetzung", None),
            (utc(2026, 9, 8, 14), "10", "25", autumn),
            (utc(2026, 12, 1, 10), "25", "40", None),
            (utc(2027, 3, 9, 16), "40", "55", next_one),
        ):
            session.add(
                MeasureHistory(
                    measure_id=boerse, changed_at=when, author="Anna Kühn",
                    field="progress" if old.isdigit() else "status",
                    old_value=old, new_value=new, meeting_id=meeting_id,
                )
            )  # fmt: skip
        session.add(
            MeasureHistory(
                measure_id=blocked, changed_at=utc(2026, 11, 3, 8), author="Anna Kühn",
                field="traffic_light", old_value="im Plan", new_value="blockiert",
                note="Fördermittel abgelehnt",
            )
        )  # fmt: skip
        for text, due, is_done in (
            ("Kostenschätzung einholen", date(2027, 1, 15), False),
            ("Standort besichtigen", date(2026, 10, 1), True),
            ("Zwischenbericht vorlegen", date(2027, 4, 30), False),
        ):
            session.add(
                ActionItem(text=text, measure_id=boerse, owner_text="Jürgen Müller",
                           due_date=due, done=is_done)
            )  # fmt: skip
    return Scenario(spring, autumn, workshop, next_one, boerse, blocked, done, paused)


@pytest.fixture
def scenario(db: Database) -> Scenario:
    return build_scenario(db)


def test_export_rows_carry_every_column(db: Database, scenario: Scenario) -> None:
    """One row per measure with taxonomy, partners with roles, meeting and German values."""
    with db.session() as session:
        rows = {r.id: r for r in report.export_rows(session, MeasureFilter(), on=ON)}
    assert set(rows) == {scenario.boerse, scenario.blocked, scenario.done, scenario.paused}
    boerse = rows[scenario.boerse]
    assert boerse.title == "Wohnraumbörse für Pendler in Großröhrsdorf"
    assert boerse.status == "in Umsetzung"
    assert boerse.strategy == "Multilokale sesshaft machen"
    assert boerse.target_groups == ("Incomings", "Outgoings")
    assert boerse.action_fields == ("Wohnen",)
    assert boerse.spatial_level == "lokal"
    assert boerse.pending_topics == ("Kleine Wohnungen",)
    assert boerse.lead == "Gemeinde Großröhrsdorf"
    assert boerse.partners == ("WBG Glück Auf (Wohnungsgeber)",)
    assert boerse.responsible == "Jürgen Müller"
    assert boerse.priority == "hoch"
    assert (boerse.progress, boerse.start_date) == (40, date(2026, 4, 1))
    assert boerse.origin_meeting == "6. Vernetzungstreffen (10.03.2026)"
    # Past its target date: delayed, whatever the stored light says.
    assert boerse.traffic_light == "verzögert"
    assert boerse.delay_reason.startswith("Zieltermin überschritten")
    assert rows[scenario.blocked].traffic_light == "blockiert"
    assert rows[scenario.blocked].delay_reason == "Fördermittel abgelehnt"
    assert rows[scenario.done].traffic_light == ""  # not open: no traffic light


def test_export_rows_follow_the_filter(db: Database, scenario: Scenario) -> None:
    with db.session() as session:
        query = report.filter_from_names(session, action_fields=["arbeit"], search="bahnhof")
        rows = report.export_rows(session, query, on=ON)
    assert [r.id for r in rows] == [scenario.blocked]


def test_unknown_value_name_is_refused_with_the_choices(db: Database) -> None:
    with db.session() as session, pytest.raises(ValidationError) as error:
        report.filter_from_names(session, statuses=["fertig"])
    assert "Status „fertig“" in str(error.value)
    assert "umgesetzt" in str(error.value)


def test_overview_groups_and_counts(db: Database, scenario: Scenario) -> None:
    """Grouped by strategy in the list's order, "Ohne Strategie" last; counts per status."""
    with db.session() as session:
        data = report.overview_data(session, MeasureFilter(), "strategy", on=ON)
        by_field = report.overview_data(session, MeasureFilter(), "action_field", on=ON)
    assert [g.title for g in data.groups] == [
        "Multilokale sesshaft machen",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "Ohne Strategie",
    ]
    assert data.total == 4
    assert dict(data.status_counts) == {
        "geplant": 1, "in Umsetzung": 1, "umgesetzt": 1, "zurückgestellt": 1
    }  # fmt: skip
    assert dict(data.light_counts) == {TrafficLight.BLOCKED: 1, TrafficLight.DELAYED: 1}
    # A measure with two fields stands in both groups; one without any in "Ohne …".
    groups = {g.title: [r.title for r in g.rows] for g in by_field.groups}
    assert "Boardinghouse am Bahnhof" in groups["Wohnen"]
    assert groups["Arbeit"] == ["Boardinghouse am Bahnhof"]
    assert groups["Ohne Handlungsfeld"] == ["Mitfahrbank"]
    assert list(groups)[-1] == "Ohne Handlungsfeld"


def test_bad_grouping_is_refused(db: Database) -> None:
    with db.session() as session, pytest.raises(ValidationError, match="Gruppieren"):
        report.overview_data(session, MeasureFilter(), "municipality")


def test_previous_meeting_is_the_last_held_one_of_the_series(
    db: Database, scenario: Scenario
) -> None:
    with db.session() as session:
        this = session.get(Meeting, scenario.spring_2027)
        previous = report.previous_meeting(session, this)
        assert previous is not None and previous.id == scenario.autumn_2026
        # A meeting outside any series looks at every meeting held before it.
        workshop = session.get(Meeting, scenario.workshop)
        previous = report.previous_meeting(session, workshop)
        assert previous is not None and previous.id == scenario.autumn_2026


def test_follow_up_shows_open_measures_with_changes_of_the_period(
    db: Database, scenario: Scenario
) -> None:
    """Blocked first; changes from the previous meeting's start to this one's start only;
    open next steps with the overdue ones marked."""
    with db.session() as session:
        data = report.follow_up_data(session, scenario.spring_2027, on=ON)
    assert data.previous_title == "7. Vernetzungstreffen"
    assert [e.id for e in data.entries] == [scenario.blocked, scenario.boerse]
    blocked, boerse = data.entries
    assert blocked.traffic_light is TrafficLight.BLOCKED
    assert blocked.delay_reason == "Fördermittel abgelehnt"
    assert [(c.label, c.new_value, c.note) for c in blocked.changes] == [
        ("Ampel", "blockiert", "Fördermittel abgelehnt")
    ]
    assert boerse.traffic_light is TrafficLight.DELAYED and boerse.light_derived
    assert boerse.delay_reason == "Zieltermin überschritten (31.12.2026)"
    assert [(c.old_value, c.new_value) for c in boerse.changes] == [("10", "25"), ("25", "40")]
    assert boerse.changes[0].meeting_title == "7. Vernetzungstreffen"
    assert [(a.text, a.overdue) for a in boerse.actions] == [
        ("Kostenschätzung einholen", True),
        ("Zwischenbericht vorlegen", False),
    ]


def test_follow_up_without_earlier_meeting_takes_all_history(
    db: Database, scenario: Scenario
) -> None:
    with db.session() as session:
        data = report.follow_up_data(session, scenario.spring_2026, on=ON)
    assert data.previous_start is None
    boerse = next(e for e in data.entries if e.id == scenario.boerse)
    assert boerse.changes == ()  # nothing happened before 10 March 2026
    # As of that meeting's day the target date had not passed yet.
    assert boerse.traffic_light is TrafficLight.ON_TRACK


def test_follow_up_grouped_by_action_field(db: Database, scenario: Scenario) -> None:
    with db.session() as session:
        data = report.follow_up_data(session, scenario.spring_2027, group_by="action_field", on=ON)
    groups = {g.title: [e.id for e in g.rows] for g in data.groups}
    assert groups == {"Wohnen": [scenario.blocked, scenario.boerse], "Arbeit": [scenario.blocked]}


def test_follow_up_of_an_unknown_meeting(db: Database) -> None:
    with db.session() as session, pytest.raises(NotFoundError):
        report.follow_up_data(session, 999)


def test_an_overdue_measure_left_on_track_counts_as_delayed() -> None:
    from multilok_desktop.domain import StatusPhase

    light, reason, derived = report.effective_light(
        TrafficLight.ON_TRACK, "", StatusPhase.OPEN, date(2027, 1, 1), date(2027, 1, 2)
    )
    assert (light, derived) == (TrafficLight.DELAYED, True)
    assert reason == "Zieltermin überschritten (01.01.2027)"
    # The office's own judgement stays; closed measures are never overdue.
    assert report.effective_light(
        TrafficLight.BLOCKED, "Klage", StatusPhase.OPEN, date(2027, 1, 1), date(2027, 1, 2)
    ) == (TrafficLight.BLOCKED, "Klage", False)
    assert (
        report.effective_light(
            TrafficLight.ON_TRACK, "", StatusPhase.DONE, date(2027, 1, 1), date(2027, 1, 2)
        )[0]
        is TrafficLight.ON_TRACK
    )
    assert Measure  # the model module is importable without Qt
