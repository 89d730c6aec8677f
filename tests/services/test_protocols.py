"""The protocol's life: roles, approval and lock, corrections as revisions, objections in
the next meeting, the overview and the full-text search."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text, update

from multilok_desktop.domain import AgendaItem, MeetingStatus
from multilok_desktop.services.calendar import (
    MeetingData,
    create_meeting,
    delete_meeting,
    get_meeting,
    update_meeting,
)
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.minutes_service import OutcomeKind, ProtocolStatus
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.minutes_helpers import AUTUMN, SPRING, at, two_meetings


def test_roles_send_and_approve_lock_the_protocol_and_close_the_meeting(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    with db.session() as s:
        kuehn = factories.person(s, "Jutta", "Kühn", title="Dr.")
    service.set_roles(setup.spring, chair_id=kuehn, minute_taker_text="Max Öhler")
    service.send_for_approval(setup.spring)
    view = service.minutes_view(setup.spring)
    assert (view.protocol.chair_id, view.protocol.chair, view.protocol.minute_taker) == (
        kuehn,
        "Dr. Jutta Kühn",
        "Max Öhler",
    )
    assert view.protocol.status == ProtocolStatus.SENT
    assert view.meeting_status == MeetingStatus.MINUTED

    with pytest.raises(ValidationError, match="nicht vor der Sitzung"):
        service.approve(setup.spring, date(2025, 1, 1))
    service.approve(setup.spring, AUTUMN, setup.autumn)
    view = service.minutes_view(setup.spring)
    assert view.protocol.status == ProtocolStatus.APPROVED and view.protocol.locked
    assert (view.protocol.approved_on, view.protocol.approved_in_meeting_id) == (
        AUTUMN,
        setup.autumn,
    )
    assert view.meeting_status == MeetingStatus.CLOSED
    with pytest.raises(ValidationError, match="bereits genehmigt"):
        service.approve(setup.spring, AUTUMN)
    with pytest.raises(ValidationError, match="bereits genehmigt"):
        service.send_for_approval(setup.spring)


def test_a_correction_keeps_revision_one_and_opens_revision_two(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    service.save_notes(top, "<p>Die Kita öffnet um 7 Uhr.</p>")
    service.add_outcome(top, OutcomeKind.DECISION, "Kita-Börse starten", 9, 0, 1)
    service.add_action_item(top, "Flyer drucken", owner_text="Frau Kühn")
    service.add_walk_in(setup.spring, name="Ömer Yılmaz", organisation="WBG")
    service.set_roles(setup.spring, chair_text="Dr. Jutta Kühn")
    with pytest.raises(ValidationError, match="Nur ein genehmigtes"):
        service.start_correction(setup.spring, "Uhrzeit falsch")
    service.approve(setup.spring, AUTUMN, setup.autumn)
    with pytest.raises(ValidationError, match="Grund"):
        service.start_correction(setup.spring, "  ")

    assert service.start_correction(setup.spring, "Uhrzeit falsch", "Anna Sommer") == 2
    view = service.minutes_view(setup.spring)
    assert (view.protocol.status, view.protocol.revision, view.protocol.locked) == (
        ProtocolStatus.DRAFT,
        2,
        False,
    )
    assert view.protocol.approved_on is None
    assert view.meeting_status == MeetingStatus.MINUTED
    service.save_notes(top, "<p>Die Kita öffnet um 6 Uhr.</p>")  # editable again

    [row] = service.revisions(setup.spring)
    assert (row.revision, row.reason, row.author) == (1, "Uhrzeit falsch", "Anna Sommer")
    snapshot = service.revision_snapshot(setup.spring, 1)
    assert snapshot["revision"] == 1 and snapshot["status"] == "genehmigt"
    assert snapshot["approved_on"] == "2025-09-09"
    assert snapshot["chair"]["name"] == "Dr. Jutta Kühn"
    kita = snapshot["agenda"][3]
    assert kita["notes_html"] == "<p>Die Kita öffnet um 7 Uhr.</p>"
    assert kita["outcomes"][0]["votes_abstain"] == 1
    assert snapshot["action_items"][0]["owner"] == "Frau Kühn"
    assert snapshot["attendance"][0]["name"] == "Ömer Yılmaz"

    service.approve(setup.spring, date(2025, 10, 1))
    assert service.start_correction(setup.spring, "Tippfehler") == 3
    assert [(r.revision, r.reason) for r in service.revisions(setup.spring)] == [
        (1, "Uhrzeit falsch"),
        (2, "Tippfehler"),
    ]
    assert "6 Uhr" in service.revision_snapshot(setup.spring, 2)["agenda"][3]["notes_html"]
    assert "7 Uhr" in service.revision_snapshot(setup.spring, 1)["agenda"][3]["notes_html"]


def test_an_objection_lands_in_this_meeting_and_on_the_last_protocol(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    with pytest.raises(ValidationError, match="keine frühere Sitzung"):
        service.record_objection(setup.spring, "Einwand")
    service.approve(setup.spring, AUTUMN, setup.autumn)  # locked: the note is still added
    outcome = service.record_objection(setup.autumn, "Frau Kühn war anwesend, nicht entschuldigt.")
    approval_top = service.minutes_view(setup.autumn).agenda[2]
    assert approval_top.title == "Genehmigung des Protokolls der letzten Sitzung"
    [result] = approval_top.outcomes
    assert (result.id, result.kind, result.text) == (
        outcome,
        OutcomeKind.INFORMATION,
        "Einwand zum Protokoll der letzten Sitzung: Frau Kühn war anwesend, nicht entschuldigt.",
    )
    service.record_objection(setup.autumn, "TOP 4: Beginn 7 Uhr.")
    objections = service.minutes_view(setup.spring).protocol.objections
    assert objections.splitlines() == [
        "Einwand in der Sitzung vom 09.09.2025: Frau Kühn war anwesend, nicht entschuldigt.",
        "Einwand in der Sitzung vom 09.09.2025: TOP 4: Beginn 7 Uhr.",
    ]
    with pytest.raises(ValidationError, match="Einwand angeben"):
        service.record_objection(setup.autumn, " ")


def test_an_objection_needs_a_top_on_the_protocol(db: Database) -> None:
    setup = two_meetings(db)
    with db.session() as s:
        s.execute(
            update(AgendaItem)
            .where(AgendaItem.meeting_id == setup.autumn)
            .values(title="Anderes Thema")
        )
    setup.service.minutes_view(setup.spring)
    with pytest.raises(ValidationError, match="keinen TOP"):
        setup.service.record_objection(setup.autumn, "Einwand")


def test_the_overview_lists_protocols_and_past_meetings_with_filters(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    with db.session() as s:
        future = create_meeting(
            s,
            MeetingData("Zukunft", at(date(2099, 3, 10)), at(date(2099, 3, 10), 16)),
        )
        single = create_meeting(
            s, MeetingData("Workshop", at(date(2024, 5, 6)), at(date(2024, 5, 6), 16))
        )
    top = setup.tops(setup.spring)[3]
    service.add_action_item(top, "offen")
    done = service.add_action_item(top, "erledigt")
    service.set_action_item_done(done, True)
    service.approve(setup.spring, AUTUMN, setup.autumn)

    rows = service.protocol_list()
    assert [(r.title, r.status, r.revision, r.open_action_items) for r in rows] == [
        ("7. Vernetzungstreffen", None, None, 0),
        ("6. Vernetzungstreffen", ProtocolStatus.APPROVED, 1, 1),
        ("Workshop", None, None, 0),
    ]
    assert future not in [r.meeting_id for r in rows]
    service.minutes_view(future)  # a protocol begun ahead of time is listed
    assert rows[0].meeting_id == setup.autumn
    assert future in [r.meeting_id for r in service.protocol_list()]
    assert [r.meeting_id for r in service.protocol_list(series_id=setup.series_id)] == [
        setup.autumn,
        setup.spring,
    ]
    assert [r.meeting_id for r in service.protocol_list(year=2024)] == [single]
    assert service.protocol_list(year=2023) == []


def test_a_meeting_in_the_first_berlin_hour_of_a_year_counts_for_that_year(db: Database) -> None:
    setup = two_meetings(db)
    with db.session() as s:
        start = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Berlin
        new_year = create_meeting(
            s, MeetingData("Neujahr", start, start.replace(hour=23, minute=59))
        )
    assert [r.meeting_id for r in setup.service.protocol_list(year=2026)] == [new_year]


# --- search -------------------------------------------------------------------------------


def test_search_finds_words_regardless_of_case_and_accents(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    spring_tops = setup.tops(setup.spring)
    service.save_notes(
        spring_tops[1],
        "<html><head><style>p { font-family: 'Sans Serif'; }</style></head><body>"
        "<p>Die <b>Kinderbetreuung</b> in Gr&ouml;&szlig;r&ouml;hrsdorf ist Thema.</p></body>",
    )
    service.add_outcome(spring_tops[2], OutcomeKind.AGREEMENT, "Öffnungszeiten der Kitas prüfen")
    for query in ("kinderbetreuung", "KINDER", "Kinderbetreuung"):
        [hit] = service.search_protocols(query)
        assert (hit.meeting_id, hit.agenda_item_id) == (setup.spring, spring_tops[1])
        assert "[Kinderbetreuung]" in hit.snippet
        assert hit.meeting_title == "6. Vernetzungstreffen" and hit.start == at(SPRING)
    [hit] = service.search_protocols("großrohrsdorf")  # entities decoded, accents ignored
    assert hit.agenda_item_id == spring_tops[1]


def test_search_is_accent_insensitive_and_searches_results_and_titles(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    spring_tops = setup.tops(setup.spring)
    service.add_outcome(spring_tops[2], OutcomeKind.AGREEMENT, "Öffnungszeiten der Kitas prüfen")
    [hit] = service.search_protocols("offnungszeit")
    assert hit.agenda_item_id == spring_tops[2] and "[Öffnungszeiten]" in hit.snippet
    assert service.search_protocols("sans serif") == []  # the note's style is not text
    assert service.search_protocols("  ") == []
    assert service.search_protocols('"') == []
    # Only TOPs with minutes are indexed when found missing; the title is searched with them.
    assert [h.agenda_item_id for h in service.search_protocols("genehmigung protokolls")] == [
        spring_tops[2]
    ]


def test_search_follows_renames_deletions_and_minutes_written_elsewhere(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.autumn)[3]
    service.save_notes(top, "<p>Wohnraumbörse für Pendler</p>")
    with db.session() as s:  # minutes written without the services (demo data, old files)
        s.execute(
            update(AgendaItem)
            .where(AgendaItem.id == setup.tops(setup.spring)[3])
            .values(notes_html="<p>Wohnraum auf Zeit</p>")
        )
    assert {h.meeting_id for h in service.search_protocols("wohnraum")} == {
        setup.spring,
        setup.autumn,
    }
    with db.session() as s:
        edit = get_meeting(s, setup.autumn)
        update_meeting(s, setup.autumn, replace(edit.data, title="Herbsttreffen"))
    [hit] = service.search_protocols("herbsttreffen pendler")
    assert hit.meeting_title == "Herbsttreffen"
    with db.session() as s:
        delete_meeting(s, setup.autumn)
    assert [h.meeting_id for h in service.search_protocols("wohnraum")] == [setup.spring]
    if db.engine.dialect.name == "sqlite":  # PostgreSQL searches the tables themselves
        with db.session() as s:
            indexed = s.execute(text("SELECT count(*) FROM protocol_fts")).scalar()
        assert indexed == 1


def test_rebuilding_the_index_gives_the_same_answers(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    service.save_notes(top, "<p>Kinderbetreuung</p>")
    service.add_action_item(top, "Bedarf erheben", owner_text="Frau Kühn")
    before = service.search_protocols("kühn")
    service.rebuild_protocol_index()
    assert service.search_protocols("kühn") == before and len(before) == 1


def test_the_protocol_card_counts_attendees_and_tops_and_lists_revisions(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    service.prepare_attendance(setup.spring)
    service.add_walk_in(setup.spring, name="Ömer Yılmaz", organisation="WBG")
    service.approve(setup.spring, AUTUMN, setup.autumn)
    service.start_correction(setup.spring, "Uhrzeit falsch", "Anna Sommer")

    card = service.protocol_card(setup.spring)
    view = service.minutes_view(setup.spring)
    present = [a for a in view.attendance if a.status and a.status.value in ("anwesend", "Gast")]
    assert card.present == len(present) >= 1  # the walk-in at least
    assert card.agenda_items == len(view.agenda) > 0
    assert (card.protocol.status, card.protocol.revision) == (ProtocolStatus.DRAFT, 2)
    assert [r.reason for r in card.revisions] == ["Uhrzeit falsch"]
    assert card.attachments == ()
    assert (card.title, card.start) == (view.title, view.start)
    assert service.series_titles() == [(setup.series_id, "Vernetzung")]
