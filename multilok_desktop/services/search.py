"""Turning what the user types into an FTS5 query (prefix search, every word must match),
and the same search in portable SQL for databases without FTS5 (a PostgreSQL server)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, func, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ..domain.text import fold, transliterate, umlauts_from_digraphs

_WORD = re.compile(r"\w", re.UNICODE)


def fts_query(text: str) -> str | None:
    """'müll gro' → '"müll"* "gro"*'; None when there is nothing to search for.

    Each word becomes a quoted prefix phrase, so characters that mean something to FTS5
    (quotes, AND, NEAR, -, :) are taken literally. "j.mueller@" becomes the phrase
    "j mueller" with a prefix on its last token — good for e-mail addresses.
    """
    terms = []
    for word in text.split():
        word = word.replace('"', "")
        if _WORD.search(word):
            terms.append(f'"{word}"*')
    return " ".join(terms) if terms else None


def like_pattern(text: str) -> str:
    """Fallback for databases without FTS5 (a shared PostgreSQL server)."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- folding in SQL, on every database ---------------------------------------------------


class sql_fold(FunctionElement[str]):  # noqa: N801 - used like a SQL function
    """`fold(text)` in SQL: lower case without diacritics, as `domain.text.fold` does.

    On SQLite the Python function registered on every connection (storage/database.py);
    elsewhere (PostgreSQL) portable SQL — `replace` for the letters that become two
    (ß → ss), `translate` for the Latin letters with accents, then `lower` — without any
    server extension such as `unaccent`.
    """

    type = String()
    name = "fold"
    inherit_cache = True


def _latin_fold_table() -> tuple[list[tuple[str, str]], str, str]:
    """From `domain.text.fold` itself, so SQL and Python agree on Latin-1 and Latin
    Extended-A/B (À…ɏ, plus ẞ): pairs for `replace`, FROM and TO for `translate`."""
    pairs: list[tuple[str, str]] = []
    source, target = [], []
    for code in [*range(0xC0, 0x250), 0x1E9E]:
        char = chr(code)
        folded = fold(char)
        if folded == char or not folded.isascii() or not folded.isalpha():
            continue
        if len(folded) == 1:
            source.append(char)
            target.append(folded)
        elif code < 0x180 or char == "ẞ":  # ß, æ, œ, ĳ — not the rare digraph letters
            pairs.append((char, folded))
    return pairs, "".join(source), "".join(target)


_REPLACED, _FROM, _TO = _latin_fold_table()


@compiles(sql_fold)
def _fold_sqlite(element: sql_fold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"fold({compiler.process(element.clauses, **kw)})"


@compiles(sql_fold, "postgresql")
def _fold_portable(element: sql_fold, compiler: SQLCompiler, **kw: Any) -> str:
    sql = compiler.process(element.clauses, **kw)
    for char, folded in _REPLACED:
        sql = f"replace({sql}, '{char}', '{folded}')"
    return f"lower(translate({sql}, '{_FROM}', '{_TO}'))"


def folded_contains(columns: Sequence[Any], word: str) -> ColumnElement[bool]:
    """The word inside one of the columns, ignoring case and accents and also written
    with or without umlauts ("muller", "mueller", "MÜLLER" all find "Müller")."""
    variants = sorted({fold(word), fold(umlauts_from_digraphs(word)), transliterate(word)})
    return or_(
        *(
            sql_fold(func.coalesce(column, "")).contains(variant, autoescape=True)
            for column in columns
            for variant in variants
        )
    )
