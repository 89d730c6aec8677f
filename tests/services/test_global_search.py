"""The one search box finds people, organisations, meetings, protocol text and measures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from multilok_desktop.domain import AgendaItem, Meeting, ToolCard, Topic
from multilok_desktop.services import measure_editing
from multilok_desktop.services.global_search import (
    GlobalSearchService,
    SearchResult,
    search_everything,
)
from multilok_desktop.services.measure_editing import MeasureInput
from multilok_desktop.storage.database import Database
from tests import factories

START = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)


@pytest.fixture
def filled(db: Database) -> dict[str, int]:
    with db.session() as s:
        ids = {
            "organisation": factories.organisation(s, "Müller Bau GmbH", "Unternehmen"),
            "other_organisation": factories.organisation(s, "Gemeinde Großwöllmen"),
        }
        ids["person"] = factories.person(
            s, "Jürgen", "Müller", organisation_id=ids["other_organisation"], role="Amtsleiter"
        )
        ids["other_person"] = factories.person(s, "Anna", "Köhler")
        topic = Topic(name="Wohnraum auf Zeit")
        workshop = Meeting(title="Werkstattgespräch", start=START, end=START + timedelta(hours=2),
                           location="Mühle Großwöllmen", topics=[topic])  # fmt: skip
        held = Meeting(title="Vernetzungstreffen bei Müllers", start=START - timedelta(days=90),
                       end=START - timedelta(days=90) + timedelta(hours=3))  # fmt: skip
        s.add_all([workshop, held])
        s.flush()
        ids["meeting"], ids["held"] = held.id, workshop.id
        s.add(
            AgendaItem(
                meeting_id=held.id, title="Wohnraumbörse", position=1,
                notes_html="<p>Frau <b>Müller</b> stellt die Börse vor.</p>",
            )
        )  # fmt: skip
        card = s.scalars(select(ToolCard.id).where(ToolCard.code == "X 001")).one()
        ids["measure"] = measure_editing.create_measure(
            s, MeasureInput(title="Wohnraumbörse für Pendler", description="Idee von Fr. Müller")
        )
        ids["card_measure"] = measure_editing.create_measure(
            s, MeasureInput(title="Regionale Vernetzung", tool_card_id=card)
        )
    return ids


def found(results: list[SearchResult]) -> set[tuple[str, int]]:
    return {(r.kind, r.id) for r in results}


@pytest.mark.parametrize("typed", ["muller", "Müller", "MÜLLER", "mueller"])
def test_mueller_is_found_in_every_kind_however_typed(
    db: Database, filled: dict[str, int], typed: str
) -> None:
    with db.session() as s:
        results = search_everything(s, typed)
    assert found(results) >= {
        ("person", filled["person"]),
        ("organisation", filled["organisation"]),
        ("meeting", filled["meeting"]),
        ("protocol", filled["meeting"]),
        ("measure", filled["measure"]),
    }
    assert ("person", filled["other_person"]) not in found(results)


def test_results_come_grouped_in_a_fixed_order(db: Database, filled: dict[str, int]) -> None:
    with db.session() as s:
        kinds = [r.kind for r in search_everything(s, "muller")]
    order = ["person", "organisation", "meeting", "protocol", "measure"]
    assert kinds == sorted(kinds, key=order.index)


def test_meetings_by_place_and_focus_topic(db: Database, filled: dict[str, int]) -> None:
    with db.session() as s:
        assert ("meeting", filled["held"]) in found(search_everything(s, "muehle"))
        by_topic = search_everything(s, "zeit wohnraum")
    assert ("meeting", filled["held"]) in found(by_topic)
    (hit,) = [r for r in by_topic if r.kind == "meeting"]
    assert hit.title == "Werkstattgespräch"
    assert "10.03.2026" in hit.subtitle and "Mühle Großwöllmen" in hit.subtitle


def test_protocol_hits_show_the_words_found(db: Database, filled: dict[str, int]) -> None:
    with db.session() as s:
        (hit,) = [r for r in search_everything(s, "muller") if r.kind == "protocol"]
    assert hit.title == "Vernetzungstreffen bei Müllers · TOP Wohnraumbörse"
    assert hit.subtitle.startswith("10.12.2025: ") and "[Müller" in hit.subtitle


def test_measures_by_part_of_a_compound_and_by_tool_card(
    db: Database, filled: dict[str, int]
) -> None:
    with db.session() as s:
        assert ("measure", filled["measure"]) in found(search_everything(s, "boerse"))
        by_card = [r for r in search_everything(s, "x 001") if r.kind == "measure"]
    assert [(r.id, r.title) for r in by_card] == [
        (filled["card_measure"], "X 001 Regionale Vernetzung")
    ]


def test_limit_per_kind_and_empty_text(db: Database) -> None:
    with db.session() as s:
        for n in range(5):
            factories.person(s, "Eva", f"Müller{n}")
    with db.session() as s:
        assert len(search_everything(s, "muller", limit_per_kind=3)) == 3
        assert search_everything(s, "   ") == []
        assert search_everything(s, '"*') == []  # nothing a search can use: no error


def test_the_service_searches_in_one_call(db: Database, filled: dict[str, int]) -> None:
    results = GlobalSearchService(db).search("Köhler")
    assert [(r.kind, r.id, r.title) for r in results] == [
        ("person", filled["other_person"], "Köhler, Anna")
    ]
