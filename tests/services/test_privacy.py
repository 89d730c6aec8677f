"""Privacy (DSGVO): legal basis, consents, the review list, Art. 15 report, Art. 17 erasure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from multilok_desktop.domain import (
    ActionItem,
    Attendance,
    ConsentMethod,
    ConsentRecord,
    ConsentStatus,
    Invitation,
    LegalBasis,
    Person,
    ProtocolRevision,
)
from multilok_desktop.services import address_book
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.invitations import invite
from multilok_desktop.services.privacy import (
    ConsentInput,
    ConsentState,
    PrivacySettings,
    get_privacy,
    privacy_due,
    record_consent,
    set_privacy,
    withdraw_consent,
)
from multilok_desktop.services.privacy_erasure import PLACEHOLDER, preview_erasure
from multilok_desktop.services.privacy_service import PrivacyService
from multilok_desktop.services.protocol_document import protocol_document
from multilok_desktop.services.protocol_search import search_protocols
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.minutes_helpers import AUTUMN, two_meetings

TODAY = date(2026, 3, 1)


def _person(db: Database, first: str = "Jutta", last: str = "Kühn", **fields: object) -> int:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde Großwöllmen")
        return factories.person(s, first, last, organisation_id=org, role="Amtsleiterin", **fields)


def test_basis_source_and_review_dates_are_kept(db: Database) -> None:
    person_id = _person(db)
    settings = PrivacySettings(
        LegalBasis.PUBLIC_TASK, "Gemeindeverwaltung, 2025", date(2027, 1, 31), date(2028, 12, 31)
    )
    with db.session() as s:
        set_privacy(s, person_id, settings)
    with db.session() as s:
        details = get_privacy(s, person_id)
    assert details.settings == settings
    assert details.state == ConsentState.NONE
    assert details.summary == "keine"
    assert details.next_review == date(2027, 1, 31)


def test_consent_given_then_withdrawn_with_one_call(db: Database) -> None:
    person_id = _person(db)
    with db.session() as s:
        record_consent(s, person_id, ConsentInput(date(2025, 5, 2), method=ConsentMethod.FORM,
                                                  text_version="Einwilligung v2"))  # fmt: skip
        record_consent(s, person_id, ConsentInput(date(2026, 1, 10), purpose="Fotos"))
    with db.session() as s:
        details = get_privacy(s, person_id)
        assert (details.state, details.summary) == (ConsentState.GIVEN, "ja (2026)")
        assert withdraw_consent(s, person_id, TODAY) == 2  # both purposes
    with db.session() as s:
        details = get_privacy(s, person_id)
        assert details.summary == "widerrufen (2026)"
        assert [c.status for c in details.consents[:2]] == [ConsentStatus.WITHDRAWN] * 2
        assert {c.purpose for c in details.consents} == {
            "Fotos",
            "Einladungen, Protokolle und Informationen zu den Vernetzungstreffen",
        }
        with pytest.raises(ValidationError, match="keine erteilte Einwilligung"):
            withdraw_consent(s, person_id, TODAY)


def test_consent_in_the_future_is_refused(db: Database) -> None:
    person_id = _person(db)
    with db.session() as s, pytest.raises(ValidationError, match="Zukunft"):
        record_consent(s, person_id, ConsentInput(date(2026, 3, 2)), today=TODAY)


def test_privacy_due_lists_reviews_missing_and_withdrawn_consents(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(s, "WBG Glück Auf eG", "Wohnungswirtschaft")
        review = factories.person(s, "Anna", "Ahrens", organisation_id=org)
        later = factories.person(s, "Bernd", "Berger", organisation_id=org)
        missing = factories.person(s, "Carla", "Cramer", organisation_id=org)
        withdrawn = factories.person(s, "Dieter", "Öhler", organisation_id=org)
        public = factories.person(s, "Emil", "Engel", organisation_id=org)
        fine = factories.person(s, "Frieda", "Fuchs", organisation_id=org)
        set_privacy(s, review, PrivacySettings(LegalBasis.PUBLIC_TASK, "", date(2026, 2, 1)))
        set_privacy(s, later, PrivacySettings(LegalBasis.PUBLIC_TASK, "", date(2026, 3, 2)))
        set_privacy(s, missing, PrivacySettings(LegalBasis.CONSENT))
        set_privacy(s, withdrawn, PrivacySettings(LegalBasis.CONSENT, "", None, date(2026, 1, 5)))
        set_privacy(s, public, PrivacySettings(LegalBasis.PUBLIC_TASK))
        set_privacy(s, fine, PrivacySettings(LegalBasis.CONSENT))
        for person_id in (withdrawn, public, fine):
            record_consent(s, person_id, ConsentInput(date(2025, 1, 1)))
        withdraw_consent(s, withdrawn, date(2026, 2, 20))
        withdraw_consent(s, public, date(2026, 2, 20))  # the public task still covers her
    with db.session() as s:
        rows = privacy_due(s, TODAY)
    assert [(r.person_id, r.reason, r.due) for r in rows] == [
        (missing, "Einwilligung fehlt", None),
        (withdrawn, "Prüfung Teilnahmen fällig; Einwilligung widerrufen am 20.02.2026",
         date(2026, 1, 5)),
        (review, "Prüfung Kontaktdaten fällig", date(2026, 2, 1)),
    ]  # fmt: skip
    assert rows[0].name == "Cramer, Carla"


def _protocol_with(db: Database, person_id: int, other_id: int) -> tuple[int, int]:
    """A held, approved spring meeting naming the person everywhere; returns (spring, top)."""
    setup = two_meetings(db)
    service = setup.service
    with db.session() as s:
        invite(s, setup.spring, person_ids=[person_id, other_id])
    service.prepare_attendance(setup.spring)
    top = setup.tops(setup.spring)[3]
    service.add_action_item(top, "Liste der Leerstände", owner_id=person_id,
                            due_date=date(2025, 4, 30))  # fmt: skip
    service.add_action_item(top, "Kita-Zeiten erfragen", owner_id=other_id)
    service.add_outcome(top, "Vereinbarung", "Frau Zwetschke stellt die Wohnraumbörse vor.")
    service.set_roles(setup.spring, chair_id=other_id, minute_taker_id=person_id)
    service.approve(setup.spring, AUTUMN, setup.autumn)
    return setup.spring, top


def test_access_report_holds_everything_about_the_person(db: Database, tmp_path: Path) -> None:
    person_id = _person(db, "Zora", "Zwetschke", email="zora@zwetschke.example", salutation="Frau")
    other_id = _person(db, "Otto", "Ostermann")
    spring, _ = _protocol_with(db, person_id, other_id)
    service = PrivacyService(db, today=lambda: TODAY)
    service.set_privacy(person_id, PrivacySettings(LegalBasis.CONSENT, "Visitenkarte"))
    service.record_consent(person_id, ConsentInput(date(2025, 2, 1), method=ConsentMethod.EMAIL))
    report = service.access_report(person_id)
    assert report["person"]["email"] == "zora@zwetschke.example"
    assert report["privacy"]["legal_basis"] == "Einwilligung"
    assert report["privacy"]["data_source"] == "Visitenkarte"
    assert report["consents"][0]["method"] == "E-Mail"
    assert report["memberships"][0]["organisation"] == "Gemeinde Großwöllmen"
    assert [i["meeting_id"] for i in report["invitations"]] == [spring]
    assert [a["meeting_id"] for a in report["attendance"]] == [spring]
    assert [r["role"] for r in report["protocol_roles"]] == ["Protokollführung"]
    assert [a["text"] for a in report["action_items"]] == ["Liste der Leerstände"]
    assert report["action_items"][0]["due_date"] == "2025-04-30"
    assert [m["where"] for m in report["mentions"]] == ["Ergebnis"]
    assert report["generated_at"].endswith(("+01:00", "+02:00"))
    json.dumps(report)  # plain JSON values only


def test_erasure_keeps_protocols_readable_with_a_placeholder(db: Database) -> None:
    person_id = _person(db, "Zora", "Zwetschke", salutation="Frau")
    other_id = _person(db, "Otto", "Ostermann")
    spring, top = _protocol_with(db, person_id, other_id)
    service = PrivacyService(db, today=lambda: TODAY)
    service.record_consent(person_id, ConsentInput(date(2025, 2, 1)))
    preview = service.preview_erasure(person_id)
    assert (preview.meetings, preview.approved_protocols, preview.action_items) == (1, 1, 1)
    assert preview.mentions == 1

    result = service.erase(person_id)

    assert result.approved_protocols_marked == 1
    assert result.mentions_left == 1
    with db.session() as s:
        assert s.get(Person, person_id) is None
        assert s.scalars(select(ConsentRecord)).all() == []
        assert s.scalars(select(Invitation).where(Invitation.meeting_id == spring)).all() != []
        names = s.scalars(select(Attendance.name_text).where(Attendance.meeting_id == spring))
        assert sorted(names) == sorted([PLACEHOLDER, "Otto Ostermann"])
        owners = {t: o for t, o in s.execute(select(ActionItem.text, ActionItem.owner_text))}
        assert owners == {
            "Liste der Leerstände": PLACEHOLDER,
            "Kita-Zeiten erfragen": "Otto Ostermann",
        }
        doc = protocol_document(s, spring)
        assert doc.revision == 2
        assert doc.minute_taker.name == PLACEHOLDER
        revision = s.scalars(select(ProtocolRevision)).one()
        assert "Art. 17" in revision.reason and "Zwetschke" not in revision.reason
        assert "Zwetschke" not in revision.snapshot_json.replace(
            "Frau Zwetschke stellt", ""
        )  # only the free text of the result still names her
        assert address_book.count_people(s, address_book.PeopleQuery(text="Zwetschke")) == 0
        assert search_protocols(s, "Leerstände")  # the protocol search still finds the task
        if db.engine.dialect.name == "sqlite":
            assert s.execute(text("SELECT count(*) FROM person_fts")).scalar() == 1
    with db.session() as s, pytest.raises(NotFoundError):
        preview_erasure(s, person_id)


def test_erasure_rewrites_earlier_frozen_revisions(db: Database) -> None:
    person_id = _person(db, "Zora", "Zwetschke")
    other_id = _person(db, "Otto", "Ostermann")
    spring, _ = _protocol_with(db, person_id, other_id)
    minutes = two_meetings.__globals__["MinutesService"](db)
    minutes.start_correction(spring, "Tippfehler", author="Otto Ostermann")
    minutes.approve(spring, AUTUMN)
    with db.session() as s:
        assert "Zwetschke" in s.scalars(select(ProtocolRevision.snapshot_json)).one()
    result = PrivacyService(db, today=lambda: TODAY).erase(person_id)
    assert result.revisions_rewritten == 1
    with db.session() as s:
        snapshots = s.scalars(select(ProtocolRevision.snapshot_json)).all()
    assert len(snapshots) == 2
    assert not any("Zora Zwetschke" in snapshot for snapshot in snapshots)


@pytest.mark.sqlite_only
def test_erasure_leaves_no_trace_in_the_database_file(db: Database, db_path: Path) -> None:
    name, email = "Xaverine Quappendorf", "xaverine.quappendorf@beispiel.example"
    person_id = _person(db, "Xaverine", "Quappendorf", email=email, phone="0359 7777123")
    other_id = _person(db, "Otto", "Ostermann")
    _protocol_with(db, person_id, other_id)
    with db.session() as s:
        set_privacy(s, person_id, PrivacySettings(LegalBasis.CONSENT, "Quappendorf-Formular"))
        record_consent(s, person_id, ConsentInput(date(2025, 2, 1), note="Quappendorf am Telefon"))
    for needle in (b"Quappendorf", email.encode()):
        assert needle in _raw_bytes(db_path)  # the test would find it

    PrivacyService(db, today=lambda: TODAY).erase(person_id)

    raw = _raw_bytes(db_path)
    for needle in ("Quappendorf", "quappendorf", "Xaverine", email, "7777123", name):
        assert needle.encode() not in raw, needle
        assert needle.encode("utf-16-le") not in raw, needle


def _raw_bytes(db_path: Path) -> bytes:
    """The database file and its WAL, as another program would read them."""
    data = db_path.read_bytes()
    wal = Path(f"{db_path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


@pytest.mark.sqlite_only
def test_secure_delete_is_on_for_every_connection(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_the_review_list_reads_consent_states_as_the_person_card_does(db: Database) -> None:
    """privacy_due works out "withdrawn" in SQL for everyone at once; it must agree with
    consent_state, which the person's card uses: the latest record of each purpose counts
    (same day: the later entry), one purpose still given keeps the consent."""
    G, W = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN  # noqa: N806
    histories = {
        "only withdrawn": [(G, date(2024, 1, 5), "Newsletter"), (W, date(2025, 2, 1), "Newsletter")],
        "given again": [(G, date(2024, 1, 5), "Fotos"), (W, date(2024, 6, 1), "Fotos"),
                        (G, date(2025, 1, 1), "Fotos")],
        "one purpose left": [(W, date(2025, 3, 3), "Fotos"), (G, date(2024, 1, 1), "Newsletter")],
        "both withdrawn": [(G, date(2023, 1, 1), "Fotos"), (W, date(2025, 4, 4), "Fotos"),
                           (W, date(2025, 5, 5), "Newsletter")],
        "same day": [(G, date(2025, 6, 6), "Fotos"), (W, date(2025, 6, 6), "Fotos")],
    }  # fmt: skip
    ids = {}
    for number, (name, history) in enumerate(histories.items()):
        ids[name] = _person(db, "Test", f"Person{number}")
        with db.session() as s:
            s.get(Person, ids[name]).legal_basis = LegalBasis.CONSENT  # type: ignore[union-attr]
            for status, day, purpose in history:
                s.add(ConsentRecord(person_id=ids[name], status=status, recorded_on=day,
                                    method=ConsentMethod.WRITTEN, purpose=purpose))  # fmt: skip
    with db.session() as s:
        due = {row.person_id: row.reason for row in privacy_due(s, TODAY)}
        cards = {name: get_privacy(s, person_id) for name, person_id in ids.items()}
    for name, person_id in ids.items():
        card = cards[name]
        if card.state == ConsentState.WITHDRAWN:
            assert card.state_since is not None
            assert due[person_id] == f"Einwilligung widerrufen am {card.state_since:%d.%m.%Y}"
        else:
            assert person_id not in due, name
    assert cards["only withdrawn"].state == ConsentState.WITHDRAWN
    assert cards["given again"].state == ConsentState.GIVEN
    assert cards["both withdrawn"].state_since == date(2025, 5, 5)
    assert cards["same day"].state == ConsentState.WITHDRAWN
