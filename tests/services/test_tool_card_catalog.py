"""Planning-card catalogue: codes like "W 005", required title, taxonomy, retiring."""

from __future__ import annotations

from dataclasses import replace

import pytest

from multilok_desktop.services import measure_editing
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.tool_card_catalog import (
    ToolCardCatalog,
    ToolCardInput,
    normalised_code,
)
from multilok_desktop.storage.database import Database


def choice(catalog: ToolCardCatalog, key: str, name: str) -> int:
    return next(c.id for c in catalog.choices(key) if c.name == name)


def test_x001_ships_with_its_full_text(db: Database) -> None:
    catalog = ToolCardCatalog(db)
    x001 = next(r for r in catalog.cards() if r.code == "X 001")
    details = catalog.details(x001.id)
    assert details.title.startswith("Regelmäßige regionale Vernetzungstreffen")
    assert len(details.description) > 500 and details.summary
    assert details.target_groups and details.strategy


def test_create_normalises_the_code_and_keeps_the_taxonomy(db: Database) -> None:
    catalog = ToolCardCatalog(db)
    card_id = catalog.create(
        ToolCardInput(
            code=" w005 ",
            title="  Wohnraum auf   Zeit ",
            summary="Möblierte Wohnungen für Wochenpendler",
            description="Langtext …",
            spatial_level_id=choice(catalog, "spatial_level", "regional"),
            target_group_ids=(choice(catalog, "target_group", "Incomings"),),
            action_field_ids=(choice(catalog, "action_field", "Wohnen"),),
        )
    )
    details = catalog.details(card_id)
    assert (details.code, details.title) == ("W 005", "Wohnraum auf Zeit")
    assert details.target_groups == ("Incomings",) and details.action_fields == ("Wohnen",)
    assert details.spatial_level == "regional"
    assert [r.code for r in catalog.cards(search="wohnraum")] == ["W 005"]
    # a measure started from the card inherits its taxonomy and keeps the link
    with db.session() as s:
        data = measure_editing.input_from_tool_card(s, card_id)
    assert data.tool_card_id == card_id and data.title == "Wohnraum auf Zeit"
    assert data.action_field_ids == (choice(catalog, "action_field", "Wohnen"),)


@pytest.mark.parametrize(
    ("typed", "expected"), [("W 005", "W 005"), ("tsi1", "TSI 001"), ("BE-12", "BE 012")]
)
def test_codes_are_written_one_way(typed: str, expected: str) -> None:
    assert normalised_code(typed) == expected


@pytest.mark.parametrize("bad", ["", "005", "W", "Wohnen 5a", "W 0005"])
def test_a_code_without_letters_and_number_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="Kartennummer"):
        normalised_code(bad)


def test_code_unique_and_title_required_change_nothing(db: Database) -> None:
    catalog = ToolCardCatalog(db)
    before = catalog.cards()
    with pytest.raises(ValidationError, match="schon vergeben"):
        catalog.create(ToolCardInput(code="x001", title="Doppelt"))
    with pytest.raises(ValidationError, match="Titel"):
        catalog.create(ToolCardInput(code="BE 001", title="   "))
    assert catalog.cards() == before
    card_id = catalog.create(ToolCardInput(code="BE 001", title="Ehrenamtsbörse"))
    data = catalog.card_input(card_id)
    with pytest.raises(ValidationError, match="schon vergeben"):
        catalog.update(card_id, replace(data, code="X 001"))
    catalog.update(card_id, replace(data, title="Ehrenamtsbörse für Pendler"))
    assert catalog.details(card_id).title == "Ehrenamtsbörse für Pendler"


def test_retired_cards_are_kept_but_not_offered(db: Database) -> None:
    catalog = ToolCardCatalog(db)
    card_id = catalog.create(ToolCardInput(code="TSI 001", title="Coworking im Dorf"))
    catalog.set_retired(card_id, True)
    assert card_id not in [r.id for r in catalog.cards(include_retired=False)]
    assert next(r for r in catalog.cards() if r.id == card_id).retired
    catalog.set_retired(card_id, False)
    assert card_id in [r.id for r in catalog.cards(include_retired=False)]
