"""Office settings and school holiday periods."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.settings import (
    OfficeSettings,
    add_school_holiday,
    delete_school_holiday,
    load_settings,
    save_settings,
    school_holidays,
)
from multilok_desktop.storage.database import Database


def test_defaults_then_saved_values_come_back(db: Database) -> None:
    with db.session() as s:
        assert load_settings(s) == OfficeSettings()
        save_settings(s, replace(OfficeSettings(), office_name=" Koordinationsstelle Talbach ",
                                 office_city="Bad Rödenau", state="BY"))  # fmt: skip
    with db.session() as s:
        loaded = load_settings(s)
    assert loaded.office_name == "Koordinationsstelle Talbach"
    assert loaded.address_lines == ["Bad Rödenau"] and loaded.state == "BY"


def test_unknown_state_and_empty_name_are_refused(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError, match="Bundesland"):
            save_settings(s, replace(OfficeSettings(), state="XX"))
        with pytest.raises(ValidationError, match="Namen"):
            save_settings(s, replace(OfficeSettings(), office_name=" "))


def test_school_holidays(db: Database) -> None:
    with db.session() as s:
        winter = add_school_holiday(s, "Winterferien 2027", date(2027, 2, 8), date(2027, 2, 19))
        add_school_holiday(s, "Osterferien 2027", date(2027, 3, 26), date(2027, 4, 2))
        with pytest.raises(ValidationError, match="enden vor"):
            add_school_holiday(s, "falsch", date(2027, 5, 2), date(2027, 5, 1))
    with db.session() as s:
        assert [p.name for p in school_holidays(s)] == ["Winterferien 2027", "Osterferien 2027"]
        delete_school_holiday(s, winter)
        assert [p.name for p in school_holidays(s)] == ["Osterferien 2027"]
