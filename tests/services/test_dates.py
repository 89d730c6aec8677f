"""German date input."""

from datetime import date

import pytest

from multilok_desktop.services.dates import format_date, parse_date
from multilok_desktop.services.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1.3.2026", date(2026, 3, 1)), ("01.03.26", date(2026, 3, 1)),
     ("2026-03-01", date(2026, 3, 1)), ("  ", None)],
)  # fmt: skip
def test_parse_accepts_german_and_iso(typed: str, expected: date | None) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31.02.2026", "März", "1/3/2026"])
def test_parse_rejects_with_message(typed: str) -> None:
    with pytest.raises(ValidationError, match="Beginn"):
        parse_date(typed, "Beginn")


def test_format() -> None:
    assert format_date(date(2026, 3, 1)) == "01.03.2026" and format_date(None) == ""
