"""Measures: saving with validation, the history timeline and the roll-up to parents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from multilok_desktop.domain import (
    Measure,
    MeasureHistory,
    MeasureStatus,
    StatusPhase,
    TrafficLight,
)
from multilok_desktop.domain.taxonomy import ActionField, MeasureKind, TargetGroup
from multilok_desktop.services import measure_editing as editing
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.measure_editing import MeasureInput, PartnerInput
from multilok_desktop.storage.database import Database
from tests import factories


def status_id(session, name: str) -> int:
    return session.scalar(select(MeasureStatus.id).where(MeasureStatus.name == name))


def value_id(session, model, name: str) -> int:
    return session.scalar(select(model.id).where(model.name == name))


def history(session, measure_id: int) -> list[tuple[str, str, str]]:
    rows = session.scalars(
        select(MeasureHistory)
        .where(MeasureHistory.measure_id == measure_id)
        .order_by(MeasureHistory.id)
    )
    return [(h.field, h.old_value, h.new_value) for h in rows]


def test_create_and_read_back_every_field(db: Database) -> None:
    with db.session() as session:
        lead = factories.organisation(session, "Gemeinde Großröhrsdorf")
        partner = factories.organisation(session, "WBG Glück Auf", kind="Wohnungswirtschaft")
        data = MeasureInput(
            title="  Wohnraumbörse   für Pendler ",
            description="Freie Wohnungen melden",
            kind_id=value_id(session, MeasureKind, "Projektidee"),
            status_id=status_id(session, "geplant"),
            target_group_ids=(value_id(session, TargetGroup, "Incomings"),),
            action_field_ids=(value_id(session, ActionField, "Wohnen"),),
            lead_organisation_id=lead,
            partners=(PartnerInput(partner, "Wohnungsgeber"),),
            progress=10,
            start_date=date(2026, 1, 1),
            target_date=date(2026, 12, 31),
        )
        measure_id = editing.create_measure(session, data, author="kuehn")
    with db.session() as session:
        back = editing.measure_input(session, measure_id)
        assert back.title == "Wohnraumbörse für Pendler"
        assert back.partners == (PartnerInput(partner, "Wohnungsgeber"),)
        assert back.target_group_ids == data.target_group_ids
        assert back.lead_organisation_id == lead
        assert history(session, measure_id) == [("created", "", "Wohnraumbörse für Pendler")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "Titel"),
        ({"progress": 120}, "Fortschritt"),
        ({"start_date": date(2026, 5, 1), "target_date": date(2026, 4, 1)}, "Zieltermin"),
        ({"traffic_light": TrafficLight.DELAYED}, "Grund"),
        ({"priority": 7}, "Priorität"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(db: Database, change, message) -> None:
    with db.session() as session:
        with pytest.raises(ValidationError, match=message):
            editing.create_measure(session, replace(MeasureInput(title="Azubi-Wohnheim"), **change))
    with db.session() as session:
        assert session.scalar(select(Measure.id)) is None


def test_lead_cannot_also_be_partner(db: Database) -> None:
    with db.session() as session:
        org = factories.organisation(session, "Gemeinde Talbach")
        with pytest.raises(ValidationError, match="Projektträger"):
            editing.create_measure(
                session,
                MeasureInput(title="X", lead_organisation_id=org, partners=(PartnerInput(org),)),
            )


def test_changes_of_tracked_fields_go_into_the_history_with_meeting(db: Database) -> None:
    with db.session() as session:
        person = factories.person(session, "Jutta", "Kühn")
        measure_id = editing.create_measure(
            session, MeasureInput(title="Mitfahrbank", status_id=status_id(session, "Idee"))
        )
        data = editing.measure_input(session, measure_id)
        changed = editing.update_measure(
            session,
            measure_id,
            replace(
                data,
                status_id=status_id(session, "in Umsetzung"),
                progress=40,
                responsible_person_id=person,
                traffic_light=TrafficLight.DELAYED,
                delay_reason="Förderbescheid fehlt",
                description="nur Text – nicht in der Historie",
            ),
            author="kuehn",
        )
        assert set(changed) == {"Status", "Fortschritt", "Verantwortlich", "Ampel"}
        entries = history(session, measure_id)[1:]
        assert ("status", "Idee", "in Umsetzung") in entries
        assert ("progress", "0 %", "40 %") in entries
        assert ("traffic_light", "im Plan", "verzögert") in entries
        note = session.scalar(
            select(MeasureHistory.note).where(MeasureHistory.field == "traffic_light")
        )
        assert note == "Förderbescheid fehlt"
        assert len(entries) == 4


def test_board_move_to_done_sets_progress_to_100(db: Database) -> None:
    with db.session() as session:
        measure_id = editing.create_measure(session, MeasureInput(title="Sprachcafé"))
        editing.set_status(session, measure_id, status_id(session, "umgesetzt"), author="a")
        assert session.get(Measure, measure_id).progress == 100


def test_parent_rolls_up_status_and_progress(db: Database) -> None:
    with db.session() as session:
        parent = editing.create_measure(
            session, MeasureInput(title="Wohnraumbörse", status_id=status_id(session, "Idee"))
        )

        def child(title: str, status: str, progress: int) -> int:
            return editing.create_measure(
                session,
                MeasureInput(
                    title=title,
                    status_id=status_id(session, status),
                    progress=progress,
                    parent_id=parent,
                ),
            )

        first = child("Bestandsaufnahme", "geplant", 0)
        assert session.get(Measure, parent).status.name == "geplant"
        child("Pilotphase", "in Prüfung", 20)
        assert session.get(Measure, parent).status.name == "geplant"
        assert session.get(Measure, parent).progress == 10
        editing.set_status(session, first, status_id(session, "umgesetzt"))
        rolled = session.get(Measure, parent)
        assert rolled.status.name == "in Umsetzung"  # one part done: work has begun
        assert rolled.progress == 60
        assert ("status", "geplant", "in Umsetzung") in history(session, parent)


def test_all_children_done_or_dropped_makes_parent_done(db: Database) -> None:
    with db.session() as session:
        parent = editing.create_measure(session, MeasureInput(title="Rufbus"))
        a = editing.create_measure(session, MeasureInput(title="a", parent_id=parent))
        b = editing.create_measure(session, MeasureInput(title="b", parent_id=parent))
        editing.set_status(session, a, status_id(session, "umgesetzt"))
        editing.set_status(session, b, status_id(session, "verworfen"))
        rolled = session.get(Measure, parent)
        assert rolled.status.phase is StatusPhase.DONE
        assert rolled.progress == 100


def test_a_measure_cannot_be_its_own_ancestor(db: Database) -> None:
    with db.session() as session:
        top = editing.create_measure(session, MeasureInput(title="oben"))
        below = editing.create_measure(session, MeasureInput(title="unten", parent_id=top))
        data = editing.measure_input(session, top)
        with pytest.raises(ValidationError, match="sich selbst"):
            editing.update_measure(session, top, replace(data, parent_id=below))


def test_start_from_tool_card_inherits_taxonomy_and_keeps_link(db: Database) -> None:
    from multilok_desktop.domain import ToolCard

    with db.session() as session:
        card = session.scalar(select(ToolCard).where(ToolCard.code == "X 001"))
        data = editing.input_from_tool_card(session, card.id)
        assert data.tool_card_id == card.id
        assert data.strategy_id == card.strategy_id
        assert set(data.target_group_ids) == {t.id for t in card.target_groups}
        measure_id = editing.create_measure(session, data)
        assert session.get(Measure, measure_id).tool_card.code == "X 001"
        assert "Vernetzungstreffen" in card.description and len(card.description) > 1000


def test_delete_keeps_children_as_measures(db: Database) -> None:
    with db.session() as session:
        top = editing.create_measure(session, MeasureInput(title="oben"))
        child = editing.create_measure(session, MeasureInput(title="unten", parent_id=top))
        editing.delete_measure(session, top)
        assert session.get(Measure, child).parent_id is None
        with pytest.raises(NotFoundError):
            editing.delete_measure(session, top)
