"""The board's columns and the overview's counts, overdue and stalled lists."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from multilok_desktop.domain import (
    ActionItem,
    Measure,
    MeasureHistory,
    MeasureStatus,
    ToolCard,
    TrafficLight,
)
from multilok_desktop.domain.taxonomy import ActionField
from multilok_desktop.services import measure_actions
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services import measure_overview as board
from multilok_desktop.services.measure_editing import MeasureInput, PartnerInput
from multilok_desktop.services.measure_list import MeasureFilter
from multilok_desktop.services.measure_overview import Count
from multilok_desktop.storage.database import Database
from tests import factories

TODAY = date(2026, 6, 15)
STATUSES = ["Idee", "in Prüfung", "geplant", "in Umsetzung", "umgesetzt", "zurückgestellt",
            "verworfen"]  # fmt: skip


def status_id(session, name: str) -> int:
    return session.scalars(select(MeasureStatus.id).where(MeasureStatus.name == name)).one()


def field_id(session, name: str) -> int:
    return session.scalars(select(ActionField.id).where(ActionField.name == name)).one()


@pytest.fixture
def measures(db: Database) -> dict[str, int]:
    """Five measures across statuses, fields, two municipalities and a company."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen")
        city = factories.organisation(s, "Stadt Bad Rödenau")
        firm = factories.organisation(s, "Holzbau Müller GmbH", "Unternehmen")
        card = s.scalars(select(ToolCard.id).where(ToolCard.code == "X 001")).one()
        housing, work = field_id(s, "Wohnen"), field_id(s, "Arbeit")
        data = {
            "boerse": MeasureInput(
                title="Wohnraumbörse",
                status_id=status_id(s, "in Umsetzung"),
                action_field_ids=(housing, work),
                lead_organisation_id=town,
                partners=(PartnerInput(city, "Mitwirkung"),),
                target_date=date(2026, 3, 1),
                progress=40,
                tool_card_id=card,
                traffic_light=TrafficLight.DELAYED,
                delay_reason="Förderbescheid fehlt",
            ),
            "messe": MeasureInput(
                title="Ausbildungsmesse",
                status_id=status_id(s, "in Umsetzung"),
                action_field_ids=(work,),
                lead_organisation_id=firm,
                partners=(PartnerInput(town),),
                target_date=date(2026, 1, 10),
                priority=1,
            ),
            "wohnheim": MeasureInput(
                title="Azubi-Wohnheim",
                status_id=status_id(s, "umgesetzt"),
                action_field_ids=(housing,),
                lead_organisation_id=city,
                target_date=date(2025, 5, 1),
                progress=100,
                traffic_light=TrafficLight.BLOCKED,
                delay_reason="war einmal blockiert",
            ),
            "idee": MeasureInput(title="Pendlerstammtisch", status_id=status_id(s, "Idee")),
            "zukunft": MeasureInput(
                title="Coworking im Bahnhof",
                status_id=status_id(s, "geplant"),
                action_field_ids=(work,),
                target_date=date(2027, 1, 1),
            ),
        }
        return {key: editing.create_measure(s, item) for key, item in data.items()}


def counts(items: tuple[Count, ...]) -> dict[str, int]:
    return {c.name: c.count for c in items}


# --- board ---------------------------------------------------------------------------------


def test_board_has_a_column_per_status_with_its_cards(db: Database, measures) -> None:
    with db.session() as s:
        columns = board.board_columns(s, MeasureFilter(), today=TODAY)
    assert [c.name for c in columns] == STATUSES
    by_name = {c.name: c for c in columns}
    assert [card.title for card in by_name["in Umsetzung"].cards] == [
        "Ausbildungsmesse",  # priority 1 before priority 2
        "Wohnraumbörse",
    ]
    assert by_name["zurückgestellt"].cards == () and by_name["zurückgestellt"].total == 0
    card = by_name["in Umsetzung"].cards[1]
    assert (card.code, card.lead, card.progress, card.traffic_light, card.target_date) == (
        "X 001",
        "Gemeinde Großwöllmen",
        40,
        TrafficLight.DELAYED,
        date(2026, 3, 1),
    )
    assert card.overdue
    assert not by_name["umgesetzt"].cards[0].overdue  # done is never overdue
    assert not by_name["geplant"].cards[0].overdue  # target date still ahead


def test_board_uses_the_table_filter(db: Database, measures) -> None:
    with db.session() as s:
        query = MeasureFilter(action_field_ids=frozenset({field_id(s, "Wohnen")}))
        columns = board.board_columns(s, query, today=TODAY)
    titles = {c.name: [card.title for card in c.cards] for c in columns}
    assert titles["in Umsetzung"] == ["Wohnraumbörse"]
    assert titles["umgesetzt"] == ["Azubi-Wohnheim"]
    assert titles["Idee"] == [] and titles["geplant"] == []
    assert [c.name for c in columns] == STATUSES  # empty columns stay as drop targets


def test_retired_status_shows_only_while_it_holds_measures(db: Database, measures) -> None:
    with db.session() as s:
        s.execute(update(MeasureStatus).where(MeasureStatus.name.in_(["Idee", "verworfen"]))
                  .values(retired=True))  # fmt: skip
        names = [c.name for c in board.board_columns(s, MeasureFilter(), today=TODAY)]
    assert "Idee" in names  # still holds the Pendlerstammtisch
    assert "verworfen" not in names


def test_measures_without_status_get_their_own_first_column(db: Database, measures) -> None:
    with db.session() as s:
        editing.create_measure(s, MeasureInput(title="Noch ohne Status"))
        columns = board.board_columns(s, MeasureFilter(), today=TODAY)
    assert (columns[0].status_id, columns[0].name) == (None, "ohne Status")
    assert [c.title for c in columns[0].cards] == ["Noch ohne Status"]


def test_a_column_limit_keeps_the_total(db: Database, measures) -> None:
    with db.session() as s:
        columns = board.board_columns(s, MeasureFilter(), today=TODAY, limit_per_column=1)
    doing = next(c for c in columns if c.name == "in Umsetzung")
    assert (len(doing.cards), doing.total) == (1, 2)


# --- overview ------------------------------------------------------------------------------


def test_counts_per_status(db: Database, measures) -> None:
    with db.session() as s:
        result = board.overview(s, TODAY)
    assert counts(result.by_status) == {
        "Idee": 1, "in Prüfung": 0, "geplant": 1, "in Umsetzung": 2, "umgesetzt": 1,
        "zurückgestellt": 0, "verworfen": 0,
    }  # fmt: skip
    assert [c.name for c in result.by_status] == STATUSES
    assert (result.total, result.open, result.done) == (5, 4, 1)


def test_a_measure_with_two_fields_counts_in_both(db: Database, measures) -> None:
    with db.session() as s:
        result = board.overview(s, TODAY)
    field_counts = counts(result.by_action_field)
    assert field_counts["Wohnen"] == 2  # Wohnraumbörse, Azubi-Wohnheim
    assert field_counts["Arbeit"] == 3  # Wohnraumbörse, Ausbildungsmesse, Coworking
    assert field_counts["Mobilität"] == 0
    assert result.by_action_field[0] == Count(None, "ohne Handlungsfeld", 1)  # Stammtisch


def test_municipalities_count_as_lead_or_partner(db: Database, measures) -> None:
    with db.session() as s:
        result = board.overview(s, TODAY)
    rows = {m.name: (m.total, m.as_lead, m.open) for m in result.by_municipality}
    assert rows == {
        "Gemeinde Großwöllmen": (2, 1, 2),  # lead of the Börse, partner of the Messe
        "Stadt Bad Rödenau": (2, 1, 1),  # partner of the Börse, lead of the done Wohnheim
    }  # the company is no municipality
    assert [m.name for m in result.by_municipality][0] == "Gemeinde Großwöllmen"


def test_traffic_lights_count_open_measures_only(db: Database, measures) -> None:
    with db.session() as s:
        result = board.overview(s, TODAY)
    assert counts(result.by_traffic_light) == {"im Plan": 3, "verzögert": 1, "blockiert": 0}


def test_overdue_measures_oldest_first_and_open_only(db: Database, measures) -> None:
    with db.session() as s:
        result = board.overview(s, TODAY)
    assert [(m.title, m.days_overdue) for m in result.overdue_measures] == [
        ("Ausbildungsmesse", (TODAY - date(2026, 1, 10)).days),
        ("Wohnraumbörse", (TODAY - date(2026, 3, 1)).days),
    ]  # the Wohnheim is done, the Coworking not due yet
    assert result.overdue_measure_count == 2
    assert result.overdue_measures[1].code == "X 001"


def test_overdue_action_items_on_measures(db: Database, measures) -> None:
    with db.session() as s:
        owner = factories.person(s, "Jutta", "Kühn")
        late = measure_actions.add_measure_action(
            s, measures["idee"], "Raum suchen", owner_id=owner, due_date=date(2026, 5, 1)
        )
        measure_actions.add_measure_action(
            s, measures["boerse"], "Flyer", owner_text="Hr. Öhler", due_date=date(2026, 4, 1)
        )
        done = measure_actions.add_measure_action(
            s, measures["boerse"], "Erledigt", due_date=date(2026, 1, 1)
        )
        measure_actions.set_action_item_done(s, done, True)
        measure_actions.add_measure_action(
            s, measures["boerse"], "Später", due_date=date(2026, 9, 1)
        )
        s.add(ActionItem(text="Ohne Maßnahme", due_date=date(2026, 1, 1), done=False))
        result = board.overview(s, TODAY)
    assert [(a.text, a.owner, a.measure_title) for a in result.overdue_actions] == [
        ("Flyer", "Hr. Öhler", "Wohnraumbörse"),
        ("Raum suchen", "Jutta Kühn", "Pendlerstammtisch"),
    ]
    assert result.overdue_actions[1].id == late
    assert result.overdue_action_count == 2


def test_open_measures_without_history_for_half_a_year_have_stalled(db: Database, measures) -> None:
    def age(measure_id: int, days: int) -> None:
        moment = datetime(2026, 6, 15, 10, tzinfo=UTC) - timedelta(days=days)
        s.execute(update(MeasureHistory).where(MeasureHistory.measure_id == measure_id)
                  .values(changed_at=moment))  # fmt: skip
        s.execute(update(Measure).where(Measure.id == measure_id).values(created_at=moment))

    with db.session() as s:
        age(measures["idee"], 400)
        age(measures["messe"], 200)
        age(measures["boerse"], 179)  # not yet
        age(measures["wohnheim"], 500)  # done: finished, not stalled
        result = board.overview(s, TODAY)
        assert [(m.title, m.days) for m in result.stalled] == [
            ("Pendlerstammtisch", 400),
            ("Ausbildungsmesse", 200),
        ]
        assert result.stalled_count == 2
        # a new history entry (a status move) wakes it up again
        editing.set_status(s, measures["messe"], status_id(s, "umgesetzt"))
        editing.set_status(s, measures["messe"], status_id(s, "in Umsetzung"))
        assert [m.title for m in board.overview(s, TODAY).stalled] == ["Pendlerstammtisch"]


def test_overview_uses_the_table_filter(db: Database, measures) -> None:
    with db.session() as s:
        query = MeasureFilter(action_field_ids=frozenset({field_id(s, "Wohnen")}))
        result = board.overview(s, TODAY, query)
    assert (result.total, result.open, result.done) == (2, 1, 1)
    assert [m.title for m in result.overdue_measures] == ["Wohnraumbörse"]
    assert counts(result.by_action_field)["Arbeit"] == 1  # the Börse is in both fields
    assert "ohne Handlungsfeld" not in counts(result.by_action_field)


def test_text_search_works_on_board_and_overview(db: Database, measures) -> None:
    """The search also looks into the card code, which the board joins as well."""
    query = MeasureFilter(text="x 001", open_only=True)
    with db.session() as s:
        columns = board.board_columns(s, query, today=TODAY)
        result = board.overview(s, TODAY, query)
    assert [card.title for c in columns for card in c.cards] == ["Wohnraumbörse"]
    assert [m.title for m in result.overdue_measures] == ["Wohnraumbörse"]
    assert result.total == 1
