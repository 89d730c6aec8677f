"""The start page's light tables name real columns with the models' column types."""

from __future__ import annotations

from sqlalchemy import Enum

from multilok_desktop.domain import Base
from multilok_desktop.services.home_tables import TABLES


def test_every_light_column_matches_the_model() -> None:
    for light in TABLES:
        model = Base.metadata.tables[light.name]
        for column in light.c:
            assert column.name in model.c, f"{light.name}.{column.name} does not exist"
            real = model.c[column.name].type
            assert type(column.type) is type(real), f"{light.name}.{column.name}"
            if isinstance(real, Enum):
                assert column.type.enum_class is real.enum_class  # type: ignore[attr-defined]
                assert column.type.enums == real.enums  # type: ignore[attr-defined]
