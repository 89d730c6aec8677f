"""The Art. 15 report as PDF, and the protocol PDF after an Art. 17 erasure."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from multilok_desktop.domain import ConsentMethod, LegalBasis
from multilok_desktop.reports.documents_service import DocumentsService
from multilok_desktop.reports.privacy import write_privacy_pdf
from multilok_desktop.services.people import merge_people
from multilok_desktop.services.privacy import ConsentInput, PrivacySettings, get_privacy
from multilok_desktop.services.privacy_service import PrivacyService
from multilok_desktop.storage.database import Database
from tests.services.test_privacy import _person, _protocol_with

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_access_report_pdf_lists_consents_meetings_and_tasks(db: Database, tmp_path: Path) -> None:
    person_id = _person(db, "Şule", "Yılmaz", email="s.yilmaz@example.de")
    other_id = _person(db, "Otto", "Ostermann")
    _protocol_with(db, person_id, other_id)
    service = PrivacyService(db, today=lambda: date(2026, 3, 1))
    service.set_privacy(
        person_id, PrivacySettings(LegalBasis.CONSENT, "Visitenkarte", date(2027, 6, 30))
    )
    service.record_consent(person_id, ConsentInput(date(2025, 2, 1), method=ConsentMethod.WRITTEN,
                                                   text_version="Einwilligung v2"))  # fmt: skip
    service.withdraw_consent(person_id)
    target = write_privacy_pdf(service.access_report(person_id), service.office_settings(),
                               tmp_path / "auskunft.pdf")  # fmt: skip
    text = pdf_text(target)
    for expected in (
        "Şule Yılmaz", "s.yilmaz@example.de", "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)",
        "Visitenkarte", "30.06.2027", "01.02.2025", "erteilt", "widerrufen", "schriftlich",
        "Einwilligung v2", "6. Vernetzungstreffen", "Liste der Leerstände", "Protokollführung",
        "Ihre Rechte",
    ):  # fmt: skip
        assert expected in text, expected


def test_protocol_pdf_after_erasure_shows_the_placeholder(db: Database, tmp_path: Path) -> None:
    person_id = _person(db, "Zora", "Zwetschke")
    other_id = _person(db, "Otto", "Ostermann")
    spring, _ = _protocol_with(db, person_id, other_id)
    PrivacyService(db).erase(person_id)
    text = pdf_text(DocumentsService(db).protocol(spring, tmp_path / "protokoll.pdf"))
    assert "[gelöschte Person]" in text
    assert "Otto Ostermann" in text and "Liste der Leerstände" in text
    assert "Revision 2" in text
    assert "Zora" not in text


def test_merge_keeps_both_consent_histories(db: Database) -> None:
    keep, remove = _person(db, "Anna", "Ahrens"), _person(db, "Anna", "Ahrens")
    service = PrivacyService(db)
    service.record_consent(keep, ConsentInput(date(2025, 1, 1), purpose="Einladungen"))
    service.record_consent(remove, ConsentInput(date(2025, 5, 1), purpose="Fotos"))
    with db.session() as s:
        merge_people(s, keep, remove)
    with db.session() as s:
        assert {c.purpose for c in get_privacy(s, keep).consents} == {"Einladungen", "Fotos"}
