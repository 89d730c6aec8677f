"""Minute-taking: the window's data, attendance, notes, TOP times, added TOPs, results,
action items, the Wiedervorlage, text blocks and attachments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from multilok_desktop.domain import (
    ActionItem,
    AgendaItem,
    Invitation,
    InvitationMode,
    Protocol,
    Response,
)
from multilok_desktop.services import attachments as attachment_module
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.invitations import invite, set_response
from multilok_desktop.services.minutes_service import (
    AttendanceStatus,
    OutcomeKind,
    ProtocolLockedError,
    ProtocolStatus,
)
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.minutes_helpers import AUTUMN, SPRING, at, two_meetings

# --- the window and attendance ------------------------------------------------------------


def test_the_view_creates_a_draft_protocol_once(db: Database) -> None:
    setup = two_meetings(db)
    view = setup.service.minutes_view(setup.spring)
    assert view.protocol.status == ProtocolStatus.DRAFT and view.protocol.revision == 1
    assert not view.protocol.locked
    assert [t.number for t in view.agenda] == ["1", "2", "3", "4", "5"]
    setup.service.minutes_view(setup.spring)
    with db.session() as s:
        assert len(s.scalars(select(Protocol)).all()) == 1


def test_attendance_is_prepared_from_the_invitations(db: Database) -> None:
    """Invited people are listed once; who declined is excused, the rest not checked in."""
    setup = two_meetings(db)
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Neißeaue")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=town, title="Dr.")
        oehler = factories.person(s, "Max", "Öhler")
        informed = factories.person(s, "Ina", "Info")
        invite(s, setup.spring, person_ids=[kuehn, oehler], organisation_ids=[town])
        invite(s, setup.spring, person_ids=[informed], mode=InvitationMode.INFORMED)
        declined = s.scalars(
            select(Invitation).where(
                Invitation.meeting_id == setup.spring, Invitation.person_id == oehler
            )
        ).one()
        set_response(s, declined.id, Response.DECLINED)
    assert setup.service.prepare_attendance(setup.spring) == 2
    assert setup.service.prepare_attendance(setup.spring) == 0
    rows = setup.service.minutes_view(setup.spring).attendance
    assert [(r.name, r.organisation, r.status) for r in rows] == [
        ("Dr. Jutta Kühn", "Gemeinde Neißeaue", AttendanceStatus.ABSENT),  # not checked in
        ("Max Öhler", "", AttendanceStatus.EXCUSED),
    ]
    tops = setup.tops(setup.spring)
    setup.service.set_attendance(rows[0].id, AttendanceStatus.PRESENT, until_item_id=tops[3])
    row = setup.service.minutes_view(setup.spring).attendance[0]
    assert (row.status, row.from_item_id, row.until_item_id) == (
        AttendanceStatus.PRESENT,
        None,
        tops[3],
    )
    with pytest.raises(ValidationError, match="vor „bis TOP“"):
        setup.service.set_attendance(rows[0].id, AttendanceStatus.PRESENT, tops[4], tops[1])
    with pytest.raises(NotFoundError, match="gehört nicht"):
        other_top = setup.tops(setup.autumn)[0]
        setup.service.set_attendance(rows[0].id, AttendanceStatus.PRESENT, other_top)


def test_walk_ins_come_from_the_address_book_or_by_name_and_are_not_doubled(
    db: Database,
) -> None:
    setup = two_meetings(db)
    with db.session() as s:
        town = factories.organisation(s, "Stadt Görlitz")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=town)
        invite(s, setup.spring, person_ids=[kuehn])
    setup.service.prepare_attendance(setup.spring)
    listed = setup.service.minutes_view(setup.spring).attendance[0].id
    again = setup.service.add_walk_in(
        setup.spring, person_id=kuehn, status=AttendanceStatus.PRESENT
    )
    assert again == listed
    guest = setup.service.add_walk_in(setup.spring, name="Ömer Yılmaz", organisation="WBG")
    assert setup.service.add_walk_in(setup.spring, name="ömer yılmaz") == guest
    with pytest.raises(ValidationError, match="Namen"):
        setup.service.add_walk_in(setup.spring, name="  ")
    rows = setup.service.minutes_view(setup.spring).attendance
    assert [(r.name, r.organisation, r.status) for r in rows] == [
        ("Jutta Kühn", "Stadt Görlitz", AttendanceStatus.PRESENT),
        ("Ömer Yılmaz", "WBG", AttendanceStatus.GUEST),
    ]
    setup.service.remove_attendance(guest)
    assert len(setup.service.minutes_view(setup.spring).attendance) == 1


# --- notes, times, the agenda ---------------------------------------------------------------


def test_notes_are_saved_and_a_locked_protocol_refuses_every_minutes_change(
    db: Database,
) -> None:
    setup = two_meetings(db)
    service = setup.service
    tops = setup.tops(setup.spring)
    service.save_notes(tops[3], "<p>Frau Kühn stellt die Kita vor.</p>")
    outcome = service.add_outcome(tops[3], OutcomeKind.INFORMATION, "Zur Kenntnis genommen.")
    action = service.add_action_item(tops[3], "Liste der Kitas", owner_text="Herr Öhler")
    walk_in = service.add_walk_in(setup.spring, name="Gast")
    attachment = service.add_attachment(setup.spring, "folien.pdf", b"%PDF")
    service.approve(setup.spring, AUTUMN, setup.autumn)
    before = service.minutes_view(setup.spring)
    assert before.protocol.locked

    refused = [
        lambda: service.save_notes(tops[3], "<p>geändert</p>"),
        lambda: service.start_item(tops[3], at(SPRING, 15)),
        lambda: service.finish_item(tops[3], at(SPRING, 15)),
        lambda: service.add_unplanned_item(setup.spring, "Neu", None),
        lambda: service.withdraw_item(tops[4]),
        lambda: service.add_outcome(tops[3], OutcomeKind.DECISION, "Neu"),
        lambda: service.update_outcome(outcome, OutcomeKind.DECISION, "Neu"),
        lambda: service.delete_outcome(outcome),
        lambda: service.add_action_item(tops[3], "Neu"),
        lambda: service.update_action_item(action, "Neu"),
        lambda: service.delete_action_item(action),
        lambda: service.prepare_attendance(setup.spring),
        lambda: service.set_attendance(walk_in, AttendanceStatus.PRESENT),
        lambda: service.add_walk_in(setup.spring, name="Noch ein Gast"),
        lambda: service.remove_attendance(walk_in),
        lambda: service.add_attachment(setup.spring, "b.pdf", b"x"),
        lambda: service.delete_attachment(attachment),
        lambda: service.set_roles(setup.spring, chair_text="Jemand"),
    ]
    for attempt in refused:
        with pytest.raises(ProtocolLockedError, match="genehmigt und damit gesperrt"):
            attempt()
    assert service.minutes_view(setup.spring) == before
    assert len(service.attachments(setup.spring)) == 1


def test_save_notes_of_an_unknown_top_is_a_clear_error(db: Database) -> None:
    setup = two_meetings(db)
    with pytest.raises(NotFoundError, match="TOP 9999"):
        setup.service.save_notes(9999, "x")


def test_time_per_top_and_the_meeting_counts_as_held(db: Database) -> None:
    """Starting the next TOP finishes the running one; restarting keeps the first start."""
    setup = two_meetings(db)
    service = setup.service
    first, second, *_ = setup.tops(setup.spring)
    service.start_item(first, at(SPRING, 14, 2))
    service.start_item(second, at(SPRING, 14, 10))
    view = service.minutes_view(setup.spring)
    assert view.meeting_status.value == "durchgeführt"
    assert (view.agenda[0].started_at, view.agenda[0].ended_at) == (
        at(SPRING, 14, 2),
        at(SPRING, 14, 10),
    )
    service.finish_item(second, at(SPRING, 14, 25))
    service.start_item(second, at(SPRING, 14, 30))
    top = service.minutes_view(setup.spring).agenda[1]
    assert (top.started_at, top.ended_at) == (at(SPRING, 14, 10), None)
    with pytest.raises(ValidationError, match="vor seinem Beginn"):
        service.finish_item(second, at(SPRING, 14))


def test_unplanned_tops_are_numbered_in_and_marked(db: Database) -> None:
    setup = two_meetings(db)
    tops = setup.tops(setup.spring)
    after_third = setup.service.add_unplanned_item(setup.spring, "Wohnraumbörse", tops[2])
    at_end = setup.service.add_unplanned_item(setup.spring, "Radwege", None)
    agenda = setup.service.minutes_view(setup.spring).agenda
    assert [(t.number, t.title, t.unplanned) for t in agenda] == [
        ("1", "Eröffnung und Begrüßung", False),
        ("2", "Genehmigung der Tagesordnung", False),
        ("3", "Genehmigung des Protokolls der letzten Sitzung", False),
        ("4", "Wohnraumbörse", True),
        ("5", "Kinderbetreuung für Pendlerfamilien", False),
        ("6", "Radwege", True),  # before "Verschiedenes"
        ("7", "Verschiedenes", False),
    ]
    assert (agenda[3].id, agenda[5].id) == (after_third, at_end)
    with pytest.raises(ValidationError, match="Titel"):
        setup.service.add_unplanned_item(setup.spring, " ", None)
    setup.service.withdraw_item(tops[3])
    assert setup.service.minutes_view(setup.spring).agenda[4].withdrawn


# --- results and action items ------------------------------------------------------------


def test_outcomes_are_added_changed_deleted_and_checked(db: Database) -> None:
    setup = two_meetings(db)
    top = setup.tops(setup.spring)[3]
    service = setup.service
    info = service.add_outcome(top, OutcomeKind.INFORMATION, "  Zur Kenntnis genommen. ")
    vote = service.add_outcome(top, OutcomeKind.DECISION, "Kita-Börse starten", 9, 0, 1)
    service.update_outcome(info, OutcomeKind.AGREEMENT, "Gemeinden melden Plätze")
    outcomes = service.minutes_view(setup.spring).agenda[3].outcomes
    assert [(o.id, o.kind, o.text, o.votes_yes, o.votes_abstain) for o in outcomes] == [
        (info, OutcomeKind.AGREEMENT, "Gemeinden melden Plätze", None, None),
        (vote, OutcomeKind.DECISION, "Kita-Börse starten", 9, 1),
    ]
    with pytest.raises(ValidationError, match="Text des Ergebnisses"):
        service.add_outcome(top, OutcomeKind.INFORMATION, "   ")
    with pytest.raises(ValidationError, match="negativ"):
        service.update_outcome(vote, OutcomeKind.DECISION, "x", 3, -1, 0)
    service.delete_outcome(info)
    assert [o.id for o in service.minutes_view(setup.spring).agenda[3].outcomes] == [vote]
    with pytest.raises(NotFoundError):
        service.delete_outcome(info)


def test_action_items_belong_to_the_top_and_its_meeting(db: Database) -> None:
    setup = two_meetings(db)
    with db.session() as s:
        oehler = factories.person(s, "Max", "Öhler")
    top = setup.tops(setup.spring)[3]
    service = setup.service
    due = date(2025, 4, 30)
    task = service.add_action_item(top, "Leerstände melden", owner_id=oehler, due_date=due)
    other = service.add_action_item(top, "Flyer", owner_text="Frau Kühn")
    service.update_action_item(other, "Flyer drucken", owner_text="Frau Kühn", due_date=due)
    items = service.minutes_view(setup.spring).agenda[3].action_items
    assert [(a.text, a.owner_id, a.owner_text, a.due_date, a.done) for a in items] == [
        ("Leerstände melden", oehler, "Max Öhler", due, False),
        ("Flyer drucken", None, "Frau Kühn", due, False),
    ]
    with db.session() as s:
        row = s.get(AgendaItem, top)
        assert row is not None and row.meeting_id == setup.spring
    with pytest.raises(ValidationError, match="was zu tun ist"):
        service.add_action_item(top, " ")
    with pytest.raises(NotFoundError, match="Person 4711"):
        service.add_action_item(top, "x", owner_id=4711)
    service.set_action_item_done(task, True)
    service.delete_action_item(other)
    items = service.minutes_view(setup.spring).agenda[3].action_items
    assert [(a.id, a.done) for a in items] == [(task, True)]


def test_review_items_can_be_ticked_off_although_their_protocol_is_locked(
    db: Database,
) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    task = service.add_action_item(top, "Leerstände melden", owner_text="Herr Öhler")
    done_before = service.add_action_item(top, "Erledigt", owner_text="Frau Kühn")
    service.set_action_item_done(done_before, True)
    with db.session() as s:  # ticked off in the summer, before the autumn meeting
        s.execute(
            update(ActionItem)
            .where(ActionItem.id == done_before)
            .values(done_at=at(AUTUMN) - timedelta(days=30))
        )
    later = setup.tops(setup.autumn)[3]
    service.add_action_item(later, "Aus dieser Sitzung")  # not an earlier meeting's task
    service.approve(setup.spring, AUTUMN, setup.autumn)

    review = service.open_items_for_review(setup.autumn)
    assert [(r.id, r.owner, r.from_meeting_title, r.done) for r in review] == [
        (task, "Herr Öhler", "6. Vernetzungstreffen", False)
    ]
    service.set_action_item_done(task, True)  # during the autumn meeting (now is later)
    assert [(r.id, r.done) for r in service.open_items_for_review(setup.autumn)] == [(task, True)]
    with pytest.raises(ProtocolLockedError):
        service.update_action_item(task, "anders")
    service.set_action_item_done(task, False)
    assert service.open_items_for_review(setup.autumn)[0].done is False


# --- text blocks ----------------------------------------------------------------------------


def test_text_blocks_are_seeded_and_editable(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    seeded = service.text_blocks()
    assert "Einstimmig beschlossen." in [b.text for b in seeded] and len(seeded) == 5
    new = service.save_text_block("Vertagt", "Der TOP wird auf die nächste Sitzung vertagt.")
    assert service.text_blocks()[-1].id == new
    service.save_text_block("Vertagung", "Vertagt.", new)
    with pytest.raises(ValidationError, match="gibt es schon"):
        service.save_text_block("Vertagung", "Nochmal")
    with pytest.raises(ValidationError, match="Text des Bausteins"):
        service.save_text_block("Leer", "")
    service.delete_text_block(new)
    assert [b.id for b in service.text_blocks()] == [b.id for b in seeded]


# --- attachments ----------------------------------------------------------------------------


def test_attachments_round_trip_and_are_numbered(db: Database) -> None:
    setup = two_meetings(db)
    service = setup.service
    top = setup.tops(setup.spring)[3]
    first = service.add_attachment(setup.spring, "C:\\Daten\\Präsentation Kita.pdf", b"%PDF-1")
    second = service.add_attachment(
        setup.spring, "liste.xlsx", bytes(range(256)), "application/vnd.ms-excel", top
    )
    third = service.add_attachment(setup.spring, "foto.jpg", b"\xff\xd8")
    rows = service.attachments(setup.spring)
    assert [(r.number, r.filename, r.size, r.agenda_item_number) for r in rows] == [
        (1, "Präsentation Kita.pdf", 6, ""),
        (2, "liste.xlsx", 256, "4"),
        (3, "foto.jpg", 2, ""),
    ]
    assert service.attachment_file(second) == ("liste.xlsx", bytes(range(256)))
    service.delete_attachment(first)
    assert [(r.id, r.number) for r in service.attachments(setup.spring)] == [
        (second, 1),
        (third, 2),
    ]
    assert service.attachments(setup.autumn) == []
    with pytest.raises(NotFoundError):
        service.attachment_file(first)
    with pytest.raises(NotFoundError, match="gehört nicht"):
        service.add_attachment(setup.autumn, "x.pdf", b"x", agenda_item_id=top)


def test_an_attachment_over_the_limit_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = two_meetings(db)
    monkeypatch.setattr(attachment_module, "MAX_BYTES", 1024 * 1024)
    with pytest.raises(ValidationError, match=r"zu groß \(1\.5 MB\).*höchstens 1 MB"):
        setup.service.add_attachment(setup.spring, "video.mp4", b"x" * (1536 * 1024))
    assert setup.service.attachments(setup.spring) == []
