"""The measures table query: filters on every taxonomy field, search, overdue, saved filters."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from multilok_desktop.domain import MeasureStatus, TrafficLight
from multilok_desktop.domain.taxonomy import ActionField, PendingTopic, TargetGroup
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services import measure_list as listing
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.measure_editing import MeasureInput, PartnerInput
from multilok_desktop.services.measure_list import MeasureFilter, MeasureSort
from multilok_desktop.storage.database import Database
from tests import factories


def ids(session, model, *names: str) -> frozenset[int]:
    return frozenset(session.scalars(select(model.id).where(model.name.in_(names))))


@pytest.fixture
def measures(db: Database) -> dict[str, int]:
    with db.session() as session:
        town = factories.organisation(session, "Gemeinde Großröhrsdorf")
        housing = ids(session, ActionField, "Wohnen")
        work = ids(session, ActionField, "Arbeit")
        incomings = ids(session, TargetGroup, "Incomings")
        outgoings = ids(session, TargetGroup, "Outgoings")
        done = session.scalar(select(MeasureStatus.id).where(MeasureStatus.name == "umgesetzt"))
        created = {
            "boerse": MeasureInput(
                title="Wohnraumbörse für Pendler",
                action_field_ids=tuple(housing),
                target_group_ids=tuple(incomings),
                lead_organisation_id=town,
                target_date=date(2026, 3, 1),
            ),
            "wohnheim": MeasureInput(
                title="Azubi-Wohnheim",
                action_field_ids=tuple(housing),
                target_group_ids=tuple(outgoings),
                pending_topic_ids=tuple(ids(session, PendingTopic, "Kleine Wohnungen")),
                target_date=date(2026, 3, 1),
                status_id=done,
            ),
            "messe": MeasureInput(
                title="Ausbildungsmesse",
                description="Betriebe stellen sich Rückkehrern vor",
                action_field_ids=tuple(work),
                target_group_ids=tuple(incomings),
                partners=(PartnerInput(town, "Gastgeber"),),
                traffic_light=TrafficLight.BLOCKED,
                delay_reason="Halle belegt",
            ),
        }
        return {key: editing.create_measure(session, data) for key, data in created.items()}


def titles(db: Database, query: MeasureFilter) -> list[str]:
    with db.session() as session:
        rows = listing.measures_page(session, query)
        assert listing.count_measures(session, query) == len(rows)
        return [row.title for row in rows]


def test_housing_for_incomings(db: Database, measures) -> None:
    with db.session() as session:
        query = MeasureFilter(
            action_field_ids=ids(session, ActionField, "Wohnen"),
            target_group_ids=ids(session, TargetGroup, "Incomings"),
        )
    assert titles(db, query) == ["Wohnraumbörse für Pendler"]


def test_values_of_one_field_are_alternatives(db: Database, measures) -> None:
    with db.session() as session:
        query = MeasureFilter(action_field_ids=ids(session, ActionField, "Wohnen", "Arbeit"))
    assert titles(db, query) == ["Ausbildungsmesse", "Azubi-Wohnheim", "Wohnraumbörse für Pendler"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("borse", ["Wohnraumbörse für Pendler"]),
        ("RÜCKKEHR", ["Ausbildungsmesse"]),
        ("halle", ["Ausbildungsmesse"]),
        ("w 005", []),
        ("boerse", ["Wohnraumbörse für Pendler"]),
        ("börse pendler", ["Wohnraumbörse für Pendler"]),
        ("50%", []),
    ],
)
def test_full_text_search_ignores_case_and_umlauts(db: Database, measures, text, expected) -> None:
    assert titles(db, MeasureFilter(text=text)) == expected


def test_municipality_as_lead_or_partner_and_other_filters(db: Database, measures) -> None:
    blocked = MeasureFilter(traffic_lights=frozenset({TrafficLight.BLOCKED}))
    assert titles(db, blocked) == ["Ausbildungsmesse"]
    assert titles(db, MeasureFilter(open_only=True)) == [
        "Ausbildungsmesse",
        "Wohnraumbörse für Pendler",
    ]
    overdue = MeasureFilter(overdue_only=True, today=date(2026, 11, 25))
    assert titles(db, overdue) == ["Wohnraumbörse für Pendler"]
    with db.session() as session:
        rows = listing.measures_page(session, MeasureFilter(today=date(2026, 11, 25)))
        assert [r.overdue for r in rows] == [False, False, True]  # the done one is not overdue
        town = editing.measure_input(session, measures["boerse"]).lead_organisation_id
    # lead of one, partner of the other
    assert titles(db, MeasureFilter(organisation_id=town)) == [
        "Ausbildungsmesse",
        "Wohnraumbörse für Pendler",
    ]


def test_sort_by_target_date_puts_undated_last(db: Database, measures) -> None:
    assert titles(db, MeasureFilter(sort=MeasureSort.TARGET_DATE)) == [
        "Azubi-Wohnheim",
        "Wohnraumbörse für Pendler",
        "Ausbildungsmesse",
    ]


def test_saved_filter_round_trip_and_replace(db: Database, measures) -> None:
    with db.session() as session:
        query = MeasureFilter(
            text="wohn",
            action_field_ids=ids(session, ActionField, "Wohnen"),
            traffic_lights=frozenset({TrafficLight.DELAYED}),
            open_only=True,
        )
        first = listing.save_filter(session, "Wohnen offen", query)
        again = listing.save_filter(session, "wohnen OFFEN", MeasureFilter(text="börse"))
        assert first == again
        saved = listing.saved_filters(session)
        assert [(s.name, s.criteria) for s in saved] == [
            ("Wohnen offen", MeasureFilter(text="börse"))
        ]
        assert MeasureFilter.from_json(query.to_json()) == query
        with pytest.raises(ValidationError):
            listing.save_filter(session, "leer", MeasureFilter())
        with pytest.raises(ValidationError, match="beschädigt"):
            MeasureFilter.from_json('{"status_ids": ["x"]}')
        listing.delete_saved_filter(session, first)
        assert listing.saved_filters(session) == []
