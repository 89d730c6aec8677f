"""German text rules: fold ignores case and diacritics the same way, fast path or not."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from multilok_desktop.domain.text import fold, umlauts_from_digraphs


def reference_fold(text: str) -> str:
    special = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(special))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_examples() -> None:
    assert fold("Müller") == "muller"
    assert fold("MÜLLER") == "muller"
    assert fold("Yılmaz") == "yilmaz"
    assert fold("Großröhrsdorf") == "grossrohrsdorf"
    assert fold("Wohnraumbörse") == "wohnraumborse"
    assert umlauts_from_digraphs("Boerse") == "börse"


@given(st.text())
def test_fold_equals_normalising_the_whole_text(text: str) -> None:
    assert fold(text) == reference_fold(text)
