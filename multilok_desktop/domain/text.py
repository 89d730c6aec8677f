"""German text rules shared by search, sorting and duplicate detection."""

from __future__ import annotations

import unicodedata

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without diacritics: "Müller" → "muller", "Łódź" → "lodz"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def transliterate(text: str) -> str:
    """German spelling without umlauts: "Müller" → "mueller", "Groß" → "gross"."""
    return text.casefold().translate(_TRANSLITERATION)


def sort_key(text: str) -> str:
    """Sort key after DIN 5007-1 (ä = a, ß = ss), case-insensitive."""
    return fold(text).replace("ß", "ss").strip()
