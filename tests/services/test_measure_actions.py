"""Next steps on a measure, and the measure's details with history and links."""

from __future__ import annotations

from datetime import date

import pytest

from multilok_desktop.services import measure_actions, measure_editing, measures
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.measure_editing import MeasureInput
from multilok_desktop.storage.database import Database
from tests import factories


def test_action_items_on_a_measure_show_in_its_details(db: Database) -> None:
    with db.session() as session:
        owner = factories.person(session, "Jutta", "Kühn")
        measure_id = measure_editing.create_measure(session, MeasureInput(title="Mitfahrbank"))
        first = measure_actions.add_measure_action(
            session, measure_id, "Standorte prüfen", owner_id=owner, due_date=date(2026, 12, 1)
        )
        second = measure_actions.add_measure_action(session, measure_id, "Förderung klären")
        measure_actions.set_action_item_done(session, second, True)
        measure_actions.update_measure_action(
            session, first, "Standorte mit Bauhof prüfen", owner_id=owner, due_date=None
        )
        details = measures.measure_details(session, measure_id)
    assert [(a.text, a.owner, a.done) for a in details.action_items] == [
        ("Standorte mit Bauhof prüfen", "Jutta Kühn", False),
        ("Förderung klären", "", True),
    ]
    assert details.history[0].label == "angelegt"


def test_empty_action_is_refused(db: Database) -> None:
    with db.session() as session:
        measure_id = measure_editing.create_measure(session, MeasureInput(title="X"))
        with pytest.raises(ValidationError):
            measure_actions.add_measure_action(session, measure_id, "   ")


def test_delete_measure_action(db: Database) -> None:
    with db.session() as session:
        measure_id = measure_editing.create_measure(session, MeasureInput(title="X"))
        action = measure_actions.add_measure_action(session, measure_id, "tun")
        measure_actions.delete_action_item(session, action)
        assert measures.measure_details(session, measure_id).action_items == ()
