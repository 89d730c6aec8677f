"""Full-text search over the minutes of all meetings, and the upkeep of its index.

`protocol_fts` (FTS5, `unicode61 remove_diacritics 2`, made by migration 0003) holds one
row per TOP, rowid = agenda_item.id: the meeting's title, the TOP's title, its notes as
plain text, and its results and action items. The minute-taking services refresh the rows
of the TOPs they change; SQL triggers copy renamed titles and drop deleted TOPs; TOPs with
minutes written by other means (demo data, older databases) are indexed when a search
finds them missing. On a database without FTS5 (PostgreSQL) the search falls back to LIKE.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Integer, column, exists, func, literal_column, or_, select
from sqlalchemy import table as sql_table
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from ..domain import ActionItem, AgendaItem, Meeting, Outcome
from ..domain.text import fold
from .search import folded_contains, fts_query

CHUNK = 500  # ids per statement, well below SQLite's variable limit
SEARCH_LIMIT = 200
SNIPPET_TOKENS = 12

_HIDDEN = re.compile(r"<(head|style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

_fts = sql_table("protocol_fts", column("rowid", Integer))


@dataclass(frozen=True)
class SearchHit:
    meeting_id: int
    meeting_title: str
    start: datetime
    agenda_item_id: int
    item_title: str
    snippet: str  # the words found are marked like "… die [Kinderbetreuung] am …"


def html_to_text(markup: str) -> str:
    """The visible text of a note (Qt's rich text), for the index and for excerpts."""
    if "<" not in markup and "&" not in markup:
        return _SPACE.sub(" ", markup).strip()
    visible = _TAG.sub(" ", _HIDDEN.sub(" ", markup))
    return _SPACE.sub(" ", html.unescape(visible)).strip()


def has_fts(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


# --- upkeep -----------------------------------------------------------------------------


def refresh_protocol_index(connection: Connection, agenda_item_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these TOPs (a TOP that no longer exists loses its row)."""
    if not has_fts(connection):
        return
    ids = sorted({i for i in agenda_item_ids if i is not None})
    for chunk in _chunks(ids):
        connection.execute(
            sql_text(f"DELETE FROM protocol_fts WHERE rowid IN ({','.join(map(str, chunk))})")
        )
        items = connection.execute(
            select(AgendaItem.id, AgendaItem.title, AgendaItem.notes_html, Meeting.title)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.id.in_(chunk))
        ).all()
        if not items:
            continue
        results = _results_text(connection, chunk)
        connection.execute(
            sql_text(
                "INSERT INTO protocol_fts(rowid, meeting_title, item_title, notes, outcomes) "
                "VALUES (:rowid, :meeting_title, :item_title, :notes, :outcomes)"
            ),
            [
                {
                    "rowid": item_id,
                    "meeting_title": meeting_title,
                    "item_title": title,
                    "notes": html_to_text(notes_html),
                    "outcomes": " ".join(results.get(item_id, [])),
                }
                for item_id, title, notes_html, meeting_title in items
            ],
        )


def update_indexed_notes(connection: Connection, agenda_item_id: int, notes_html: str) -> None:
    """The autosave path: replace only the notes of an indexed TOP (one statement)."""
    if not has_fts(connection):
        return
    changed = connection.execute(
        sql_text("UPDATE protocol_fts SET notes = :notes WHERE rowid = :rowid"),
        {"notes": html_to_text(notes_html), "rowid": agenda_item_id},
    ).rowcount
    if not changed:
        refresh_protocol_index(connection, [agenda_item_id])


def rebuild_protocol_index(connection: Connection) -> None:
    """Index every TOP anew (older databases, demo data, `multilok check --repair`)."""
    if not has_fts(connection):
        return
    connection.execute(sql_text("DELETE FROM protocol_fts"))
    refresh_protocol_index(connection, connection.execute(select(AgendaItem.id)).scalars())


def index_missing(connection: Connection) -> int:
    """Index the TOPs that have minutes but no index row yet; returns how many."""
    if not has_fts(connection):
        return 0
    indexed = select(_fts.c.rowid)
    has_results = exists().where(Outcome.agenda_item_id == AgendaItem.id)
    missing = list(
        connection.execute(
            select(AgendaItem.id).where(
                or_(AgendaItem.notes_html != "", has_results), AgendaItem.id.not_in(indexed)
            )
        ).scalars()
    )
    refresh_protocol_index(connection, missing)
    return len(missing)


def _results_text(connection: Connection, item_ids: Sequence[int]) -> dict[int, list[str]]:
    """TOP id → the texts of its results and action items (with owners)."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for item_id, text in connection.execute(
        select(Outcome.agenda_item_id, Outcome.text)
        .where(Outcome.agenda_item_id.in_(item_ids))
        .order_by(Outcome.agenda_item_id, Outcome.position, Outcome.id)
    ):
        grouped[item_id].append(text)
    for action_item_id, text, owner in connection.execute(
        select(ActionItem.agenda_item_id, ActionItem.text, ActionItem.owner_text)
        .where(ActionItem.agenda_item_id.in_(item_ids))
        .order_by(ActionItem.agenda_item_id, ActionItem.id)
    ):
        if action_item_id is not None:
            grouped[action_item_id].append(f"{text} {owner}".strip())
    return grouped


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


# --- search -----------------------------------------------------------------------------


def search_protocols(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """TOPs whose minutes contain every word typed (as a word start), best matches first.

    Case and accents do not matter ("kinder", "KINDER" find "Kinderbetreuung").
    """
    connection = session.connection()
    if not has_fts(connection):
        return _search_like(session, text, limit)
    query = fts_query(text)
    if query is None:
        return []
    index_missing(connection)
    snippet = func.snippet(literal_column("protocol_fts"), -1, "[", "]", "…", SNIPPET_TOKENS).label(
        "snippet"
    )
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.start, AgendaItem.id, AgendaItem.title, snippet)
        .select_from(_fts)
        .join(AgendaItem, AgendaItem.id == _fts.c.rowid)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(sql_text("protocol_fts MATCH :query").bindparams(query=query))
        .order_by(sql_text("rank"), Meeting.start.desc(), AgendaItem.position)
        .limit(limit)
    )
    return [SearchHit(*row) for row in rows]


def _search_like(session: Session, text: str, limit: int) -> list[SearchHit]:
    """Without FTS5 (PostgreSQL): the same answers as the index, in portable SQL and Python.

    SQL narrows the TOPs to those with every word somewhere in the title, notes, results or
    action items (case and accents ignored); Python then keeps those where every word
    starts a word of the visible text (not of the note's markup), as FTS5 does.
    """
    words = _WORD_TOKEN.findall(fold(text))
    if not words:
        return []
    query = select(
        Meeting.id,
        Meeting.title,
        Meeting.start,
        AgendaItem.id,
        AgendaItem.title,
        AgendaItem.notes_html,
    ).join(Meeting, Meeting.id == AgendaItem.meeting_id)
    for word in words:
        query = query.where(
            or_(
                folded_contains((Meeting.title, AgendaItem.title, AgendaItem.notes_html), word),
                AgendaItem.notes_html.contains("&"),  # entities ("&ouml;"): Python decides
                exists().where(
                    Outcome.agenda_item_id == AgendaItem.id, folded_contains((Outcome.text,), word)
                ),
                exists().where(
                    ActionItem.agenda_item_id == AgendaItem.id,
                    folded_contains((ActionItem.text, ActionItem.owner_text), word),
                ),
            )
        )
    # Only TOPs with minutes, as in the index (the title alone is no protocol text).
    has_results = exists().where(Outcome.agenda_item_id == AgendaItem.id)
    query = query.where(or_(AgendaItem.notes_html != "", has_results))
    connection = session.connection()
    hits: list[SearchHit] = []
    for m_id, m_title, start, i_id, i_title, notes in session.execute(
        query.order_by(Meeting.start.desc(), AgendaItem.position)
    ):
        body = [html_to_text(notes), *_results_text(connection, [i_id]).get(i_id, [])]
        if all(any(_starts_word(t, w) for t in (m_title, i_title, *body)) for w in words):
            hits.append(SearchHit(m_id, m_title, start, i_id, i_title, _excerpt(body, words)))
            if len(hits) >= limit:
                break
    return hits


_WORD_TOKEN = re.compile(r"\w+")


def _folded(plain: str) -> tuple[str, list[int]]:
    """fold(plain) and, for every folded character, where it came from in `plain`."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(plain):
        folded = fold(char)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


def _starts_word(plain: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}", fold(plain)) is not None


def _excerpt(texts: Sequence[str], words: Sequence[str], width: int = 60) -> str:
    """ "… die [Kinderbetreuung] am …": the first word found, marked as a whole token."""
    for plain in texts:
        folded, origin = _folded(plain)
        for word in words:
            match = re.search(rf"(?<!\w){re.escape(word)}\w*", folded)
            if match is None:
                continue
            at, end = origin[match.start()], origin[match.end() - 1] + 1
            begin = max(0, at - width // 2)
            before = ("…" if begin else "") + plain[begin:at]
            after = plain[end : end + width // 2]
            return f"{before}[{plain[at:end]}]{after}…"
    return ""
