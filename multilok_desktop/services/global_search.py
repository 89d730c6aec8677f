"""The one search box (Strg+K): people, organisations, meetings, protocol text and measures.

Each kind is searched the way its own view searches, so a hit here is a hit there: the
address book's FTS5 tables (umlauts, "mueller", prefixes), the protocol index, the measures
table's text filter; meetings (few hundred) by their title, place and focus topics through
SQL `fold()`. Case and umlauts never matter ("muller" finds "Müller").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from ..domain import Measure, MeasureKind, MeasureStatus, Meeting, Organisation, ToolCard, Topic
from ..domain.meetings import meeting_topic
from ..domain.text import fold, umlauts_from_digraphs
from ..storage.database import Database
from . import address_book, measure_list, protocol_search
from .clock import local
from .search import fts_query, sql_fold

LIMIT_PER_KIND = 8

# The kinds in the order the results are shown, with their heading.
KINDS: dict[str, str] = {
    "person": "Personen",
    "organisation": "Organisationen",
    "meeting": "Treffen",
    "protocol": "Protokolle",
    "measure": "Maßnahmen",
}


@dataclass(frozen=True)
class SearchResult:
    """One hit: `kind` and `id` are what MainWindow.go_to opens (a protocol by its
    meeting's id); `subtitle` says where or what it is, or shows the words found."""

    kind: str
    id: int
    title: str
    subtitle: str


def search_everything(
    session: Session, text: str, limit_per_kind: int = LIMIT_PER_KIND
) -> list[SearchResult]:
    """Up to `limit_per_kind` hits of each kind, grouped in the order of KINDS."""
    if fts_query(text) is None:  # no letter or digit to look for
        return []
    return [
        *search_people(session, text, limit_per_kind),
        *search_organisations(session, text, limit_per_kind),
        *search_meetings(session, text, limit_per_kind),
        *search_protocol_text(session, text, limit_per_kind),
        *search_measures(session, text, limit_per_kind),
    ]


def search_people(session: Session, text: str, limit: int) -> list[SearchResult]:
    rows = address_book.people_page(session, address_book.PeopleQuery(text=text), 0, limit)
    return [
        SearchResult("person", r.id, r.name, _join(r.function, r.organisation, r.city))
        for r in rows
    ]


def search_organisations(session: Session, text: str, limit: int) -> list[SearchResult]:
    rows = address_book.organisations_page(
        session, address_book.OrganisationsQuery(text=text), 0, limit
    )
    return [SearchResult("organisation", r.id, r.name, _join(r.kind, r.city)) for r in rows]


def search_meetings(session: Session, text: str, limit: int) -> list[SearchResult]:
    """Every word in the title, place or a focus topic; the latest meetings first."""
    place = sql_fold(Meeting.title + " " + Meeting.location)
    topic_name = sql_fold(Topic.name)
    statement = select(Meeting.id, Meeting.title, Meeting.start, Meeting.location, Meeting.status)
    for word in text.split():
        in_topic = (
            select(meeting_topic.c.meeting_id)
            .join(Topic, Topic.id == meeting_topic.c.topic_id)
            .where(meeting_topic.c.meeting_id == Meeting.id, _contains(topic_name, word))
            .exists()
        )
        statement = statement.where(or_(_contains(place, word), in_topic))
    rows = session.execute(statement.order_by(Meeting.start.desc(), Meeting.id).limit(limit))
    return [
        SearchResult("meeting", meeting_id, title, _join(_when(start), location, str(status)))
        for meeting_id, title, start, location, status in rows
    ]


def search_protocol_text(session: Session, text: str, limit: int) -> list[SearchResult]:
    """TOPs whose minutes contain the words; opens the protocol of the TOP's meeting.
    "mueller" also looks for "müller" (the protocol index knows no transliteration)."""
    hits: dict[int, protocol_search.SearchHit] = {}
    for variant in _variants(text):
        for hit in protocol_search.search_protocols(session, variant, limit):
            hits.setdefault(hit.agenda_item_id, hit)
    hits_found = list(hits.values())[:limit]
    return [
        SearchResult(
            "protocol",
            hit.meeting_id,
            f"{hit.meeting_title} · TOP {hit.item_title}",
            f"{_when(hit.start)}: {hit.snippet}" if hit.snippet else _when(hit.start),
        )
        for hit in hits_found
    ]


def search_measures(session: Session, text: str, limit: int) -> list[SearchResult]:
    """Title, description or delay reason (word starts, through `measure_fts`), parts of
    the title ("börse" finds "Wohnraumbörse") or the tool card's code ("X 001"); without
    FTS5 the measures table's own text filter."""
    if session.get_bind().dialect.name != "sqlite":
        return [
            SearchResult("measure", r.id, _titled(r.code, r.title), _join(r.kind, r.status, r.lead))
            for r in measure_list.measures_page(
                session, measure_list.MeasureFilter(text=text), 0, limit
            )
        ]
    # measure_list's substring filter folds every description in Python (≈ 0.2 s on 3,000
    # measures); the index answers word starts in well under a millisecond.
    matches: list[ColumnElement[bool]] = []
    for variant in _variants(text):
        query = fts_query(variant)
        if query is not None:
            hits = sql_text("SELECT rowid FROM measure_fts WHERE measure_fts MATCH :q")
            matches.append(Measure.id.in_(hits.bindparams(q=query)))
    words = text.split()
    if words:
        matches.append(and_(*(_title_contains(word) for word in words)))
    code = fold(" ".join(words))
    if any(c.isdigit() for c in code):  # "x 001", "W 00"
        codes = select(ToolCard.id).where(sql_fold(ToolCard.code).startswith(code, autoescape=True))
        matches.append(Measure.tool_card_id.in_(codes))
    if not matches:
        return []
    rows = session.execute(
        select(
            Measure.id,
            Measure.title,
            ToolCard.code,
            MeasureKind.name,
            MeasureStatus.name,
            Organisation.name,
        )  # fmt: skip
        .outerjoin(ToolCard, ToolCard.id == Measure.tool_card_id)
        .outerjoin(MeasureKind, MeasureKind.id == Measure.kind_id)
        .outerjoin(MeasureStatus, MeasureStatus.id == Measure.status_id)
        .outerjoin(Organisation, Organisation.id == Measure.lead_organisation_id)
        .where(or_(*matches))
        .order_by(Measure.updated_at.desc(), Measure.id)
        .limit(limit)
    )
    return [
        SearchResult("measure", measure_id, _titled(code, title), _join(kind, status, lead))
        for measure_id, title, code, kind, status, lead in rows
    ]


def _title_contains(word: str) -> ColumnElement[bool]:
    """LIKE ignores the case of ASCII letters only: try the word as typed, in lower case
    and capitalised, each also with umlauts for "ae", "oe", "ue"."""
    forms = {word, word.lower(), word.capitalize()}
    forms |= {umlauts_from_digraphs(f) for f in forms} | {
        umlauts_from_digraphs(f).capitalize() for f in forms
    }
    return or_(*(Measure.title.contains(f, autoescape=True) for f in sorted(forms)))


def _titled(code: str | None, title: str) -> str:
    return f"{code} {title}" if code else title


def _variants(text: str) -> list[str]:
    """The text, and with umlauts for "ae", "oe", "ue" if that makes a difference."""
    return list(dict.fromkeys([text.casefold(), umlauts_from_digraphs(text)]))


def _contains(haystack: Any, word: str) -> ColumnElement[bool]:
    """The word anywhere, also written without umlauts ("Groesse" finds "Größe")."""
    variants = sorted({fold(word), fold(umlauts_from_digraphs(word))})
    return or_(*(haystack.contains(v, autoescape=True) for v in variants))


def _when(moment: datetime) -> str:
    return f"{local(moment):%d.%m.%Y}"


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


class GlobalSearchService:
    """The search box's door for the UI: one session per search."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def search(self, text: str, limit_per_kind: int = LIMIT_PER_KIND) -> list[SearchResult]:
        with self._database.session() as session:
            return search_everything(session, text, limit_per_kind)
