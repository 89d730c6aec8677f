"""German text rules shared by search, sorting and duplicate detection."""

from __future__ import annotations

import functools
import re
import unicodedata

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Letters that Unicode does not decompose into base letter + accent.
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Only the non-ASCII letters are looked up (and their folding remembered): several times
# faster than normalising the whole text, which matters as fold runs per row in searches.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    return _slow_fold(run)


def fold(text: str) -> str:
    """Lower case without diacritics: "Müller" → "muller", "Yılmaz" → "yilmaz"."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _NON_ASCII_RUN.sub(lambda match: _fold_run(match.group()), lowered)


def transliterate(text: str) -> str:
    """German spelling without umlauts: "Müller" → "mueller", "Groß" → "gross"."""
    return text.casefold().translate(_TRANSLITERATION)


def umlauts_from_digraphs(text: str) -> str:
    """ "boerse" → "börse": how a search typed without umlauts can still match them."""
    return text.casefold().replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")


def sort_key(text: str) -> str:
    """Sort key after DIN 5007-1 (ä = a, ß = ss), case-insensitive."""
    return fold(text).replace("ß", "ss").strip()


def directory_name(title: str, first_name: str, last_name: str) -> str:
    """ "Müller-Lüdenscheidt, Dr. Jürgen" — how an address list is sorted and read."""
    given = " ".join(p for p in (title, first_name) if p)
    if last_name and given:
        return f"{last_name}, {given}"
    return last_name or given
