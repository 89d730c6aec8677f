"""German date input and output ("01.03.2026")."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

_GERMAN = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str, what: str = "Datum") -> date | None:
    """'1.3.26', '01.03.2026' or '2026-03-01' → date; empty → None; else a clear error."""
    if not text.strip():
        return None
    if match := _GERMAN.match(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000
    elif match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValidationError(f"{what} „{text.strip()}“ bitte als TT.MM.JJJJ angeben.")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(f"{what} „{text.strip()}“ gibt es nicht.") from exc


def format_date(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""
