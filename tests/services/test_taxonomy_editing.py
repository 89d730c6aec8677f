"""Value lists: add, rename, reorder, retire and delete without losing history."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from multilok_desktop.domain import MeasureHistory, MeasureStatus, StatusPhase
from multilok_desktop.domain.taxonomy import ActionField, MeasureKind
from multilok_desktop.services import measure_editing, taxonomies
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.measure_editing import MeasureInput
from multilok_desktop.services.taxonomy_editing import TaxonomyService
from multilok_desktop.storage.database import Database
from tests import factories


def names(db: Database, key: str) -> list[str]:
    return [v.name for v in TaxonomyService(db).values(key)]


def value_id(db: Database, key: str, name: str) -> int:
    return next(v.id for v in TaxonomyService(db).values(key) if v.name == name)


def test_every_list_of_the_issue_is_editable(db: Database) -> None:
    """Measure kind, status, strategy … organisation kind and department are all offered."""
    keys = [row.key for row in TaxonomyService(db).lists()]
    assert keys == [
        "kind", "status", "strategy", "target_group", "spatial_level", "project_type",
        "action_field", "pending_topic", "organisation_kind", "department",
    ]  # fmt: skip
    for key in keys:
        assert names(db, key), key  # every list ships with its defaults


def test_add_appends_and_refuses_duplicates_ignoring_case(db: Database) -> None:
    service = TaxonomyService(db)
    new_id = service.add("action_field", "  Digitale   Infrastruktur ")
    assert names(db, "action_field")[-1] == "Digitale Infrastruktur"
    with pytest.raises(ValidationError, match="schon"):
        service.add("action_field", "WOHNEN")
    with pytest.raises(ValidationError, match="Namen"):
        service.add("action_field", "   ")
    with pytest.raises(ValidationError, match="schon"):
        service.rename("action_field", new_id, "wohnen")
    assert names(db, "action_field").count("Digitale Infrastruktur") == 1


def test_rename_keeps_the_records_and_the_history_as_it_was(db: Database) -> None:
    """A measure keeps its status after a rename; its history keeps the old name."""
    service = TaxonomyService(db)
    idee = value_id(db, "status", "Idee")
    with db.session() as s:
        measure_id = measure_editing.create_measure(
            s, MeasureInput(title="Wohnraumbörse", status_id=idee)
        )
        measure_editing.set_status(s, measure_id, value_id(db, "status", "geplant"))
    service.rename("status", idee, "Ideenskizze")
    with db.session() as s:
        measure = measure_editing.get_measure(s, measure_id)
        assert measure.status is not None and measure.status.name == "geplant"
        old = s.scalars(select(MeasureHistory.old_value).where(MeasureHistory.field == "status"))
        assert list(old) == ["Idee"]
    assert "Ideenskizze" in names(db, "status")
    service.rename("status", idee, "Idee")  # renaming back is the undo
    assert names(db, "status")[0] == "Idee"


def test_move_up_and_down_reorders_the_choices(db: Database) -> None:
    service = TaxonomyService(db)
    before = names(db, "spatial_level")
    moved = value_id(db, "spatial_level", before[1])
    service.move("spatial_level", moved, -1)
    assert names(db, "spatial_level") == [before[1], before[0], *before[2:]]
    service.move("spatial_level", moved, -1)  # already first: stays
    assert names(db, "spatial_level")[0] == before[1]
    service.move("spatial_level", moved, +1)
    assert names(db, "spatial_level") == before
    with db.session() as s:
        assert [c.name for c in taxonomies.choices(s, MeasureKind)] == names(db, "kind")


def test_retired_values_stay_on_records_but_are_no_longer_offered(db: Database) -> None:
    service = TaxonomyService(db)
    wohnen = value_id(db, "action_field", "Wohnen")
    service.set_retired("action_field", wohnen, True)
    with db.session() as s:
        offered = [c.name for c in taxonomies.choices(s, ActionField)]
        everything = [c.name for c in taxonomies.choices(s, ActionField, include_retired=True)]
    assert "Wohnen" not in offered and "Wohnen" in everything
    assert next(v for v in service.values("action_field") if v.id == wohnen).retired
    service.set_retired("action_field", wohnen, False)
    assert not next(v for v in service.values("action_field") if v.id == wohnen).retired


def test_a_value_in_use_cannot_be_deleted_an_unused_one_can(db: Database) -> None:
    service = TaxonomyService(db)
    with db.session() as s:
        factories.organisation(s, "Gemeinde Großwöllmen", kind="Kommune")
    kommune = value_id(db, "organisation_kind", "Kommune")
    assert next(v for v in service.values("organisation_kind") if v.id == kommune).uses == 1
    with pytest.raises(ValidationError, match="ausmustern"):
        service.delete("organisation_kind", kommune)
    assert "Kommune" in names(db, "organisation_kind")
    unused = service.add("organisation_kind", "Stiftung")
    service.delete("organisation_kind", unused)
    assert "Stiftung" not in names(db, "organisation_kind")


def test_a_value_used_by_a_tool_card_counts_as_in_use(db: Database) -> None:
    """X 001 carries its taxonomy: its strategy cannot be deleted from under it."""
    used = [v for v in TaxonomyService(db).values("strategy") if v.uses]
    assert used
    with pytest.raises(ValidationError):
        TaxonomyService(db).delete("strategy", used[0].id)


def test_status_phase_is_editable_but_open_and_done_stay_covered(db: Database) -> None:
    service = TaxonomyService(db)
    statuses = service.values("status")
    done = [v for v in statuses if v.phase is StatusPhase.DONE]
    assert len(done) == 1  # "umgesetzt"
    with pytest.raises(ValidationError, match="erledigt"):
        service.set_retired("status", done[0].id, True)
    with pytest.raises(ValidationError, match="erledigt"):
        service.set_phase(done[0].id, StatusPhase.OPEN)
    with pytest.raises(ValidationError):
        service.delete("status", done[0].id)
    second = service.add("status", "abgeschlossen", StatusPhase.DONE)
    service.set_retired("status", done[0].id, True)  # another done status exists now
    with pytest.raises(ValidationError, match="abgeschlossen"):
        service.set_phase(second, StatusPhase.PAUSED)  # now it is the only one
    service.set_retired("status", done[0].id, False)
    service.set_phase(second, StatusPhase.PAUSED)
    with db.session() as s:
        phases = {(st.name, st.phase, st.retired) for st in s.scalars(select(MeasureStatus))}
    assert ("abgeschlossen", StatusPhase.PAUSED, False) in phases
    assert ("umgesetzt", StatusPhase.DONE, False) in phases


def test_the_last_open_status_cannot_leave_its_phase(db: Database) -> None:
    service = TaxonomyService(db)
    open_ids = [v.id for v in service.values("status") if v.phase is StatusPhase.OPEN]
    for status_id in open_ids[:-1]:
        service.set_retired("status", status_id, True)
    with pytest.raises(ValidationError, match="offen"):
        service.set_retired("status", open_ids[-1], True)
    with pytest.raises(ValidationError, match="offen"):
        service.set_phase(open_ids[-1], StatusPhase.DROPPED)
    active = [v.id for v in service.values("status") if not v.retired]
    assert open_ids[-1] in active


def test_unknown_list_is_a_clear_error(db: Database) -> None:
    with pytest.raises(Exception, match="Werteliste"):
        TaxonomyService(db).values("colour")
