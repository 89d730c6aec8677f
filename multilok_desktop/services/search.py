"""Turning what the user types into an FTS5 query (prefix search, every word must match)."""

from __future__ import annotations

import re

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
