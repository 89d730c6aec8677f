"""`multilok privacy export|erase` (DESIGN.md §4) and the log file without personal data."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from multilok_desktop.cli import main
from multilok_desktop.logs import LOG_FILE_NAME, log_dir, redact
from multilok_desktop.storage.database import Database
from tests import factories

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Quirinsberg;Ylva;;;\r\nFN:Ylva Quirinsberg\r\n"
    "ORG:Gemeinde Großwöllmen\r\nEMAIL:ylva.quirinsberg@grosswoellmen.example\r\n"
    "TEL:+49 3591 555123\r\nEND:VCARD\r\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def person_db(db: Database, db_path: Path) -> tuple[Path, int]:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde Großwöllmen")
        person_id = factories.person(s, "Jürgen", "Yılmaz-Öhler", organisation_id=org,
                                     role="Amtsleiter", email="j.yilmaz@grosswoellmen.de")  # fmt: skip
    db.close()
    return db_path, person_id


def test_privacy_export_json(person_db: tuple[Path, int], tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path, person_id = person_db
    target = tmp_path / "auskunft.json"
    code, out, err = run(
        capsys, "--db", str(path), "privacy", "export", str(person_id), str(target)
    )
    assert (code, err) == (0, "")
    assert "auskunft.json" in out
    raw = target.read_bytes()
    assert "Yılmaz-Öhler".encode() in raw  # UTF-8, not \u escapes
    data = json.loads(raw)
    assert data["person"]["last_name"] == "Yılmaz-Öhler"
    assert data["memberships"][0]["organisation"] == "Gemeinde Großwöllmen"
    assert data["person"]["created_at"][:4].isdigit()


def test_privacy_export_pdf(person_db: tuple[Path, int], tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path, person_id = person_db
    target = tmp_path / "auskunft.pdf"
    code, _, err = run(capsys, "--db", str(path), "privacy", "export", str(person_id), str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in ("Auskunft nach Art. 15 DSGVO", "Yılmaz-Öhler", "Einwilligungen",
                         "Ihre Rechte", "Seite 1 von"):  # fmt: skip
            assert expected in text
    if shutil.which("pdffonts"):
        fonts = subprocess.run(
            ["pdffonts", str(target)], capture_output=True, text=True, check=True
        ).stdout
        assert "DejaVuSans" in fonts and "Helvetica" not in fonts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "999", "x.json"], "Fehler: Person 999 gibt es nicht."),
        (["export", "{id}", "x.txt"], "Fehler: „x.txt“: bitte eine Datei .json oder .pdf angeben."),
        (["erase", "999"], "Fehler: Person 999 gibt es nicht (mehr)."),
    ],
)
def test_privacy_user_errors_are_one_line(
    person_db: tuple[Path, int],
    tmp_path: Path,
    capsys,
    args: list[str],
    message: str,  # noqa: ANN001
) -> None:
    path, person_id = person_db
    args = [a.replace("{id}", str(person_id)) for a in args]
    if args[0] == "export":
        args[2] = str(tmp_path / args[2])
        message = message.replace("x.txt", "x.txt")
    code, _, err = run(capsys, "--db", str(path), "privacy", *args)
    assert code == 1
    assert err == message + "\n"


def test_privacy_erase_then_gone(person_db: tuple[Path, int], capsys) -> None:  # noqa: ANN001
    path, person_id = person_db
    code, out, err = run(capsys, "--db", str(path), "privacy", "erase", str(person_id))
    assert (code, err) == (0, "")
    assert out.startswith(f"Person {person_id} gelöscht")
    code, _, err = run(capsys, "--db", str(path), "show", "contact", str(person_id))
    assert code == 1 and err.count("\n") == 1


def test_log_has_no_personal_data(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    vcard = tmp_path / "kontakt.vcf"
    vcard.write_text(VCARD, encoding="utf-8")
    assert main(["--db", str(db_path), "import", "contacts", str(vcard)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", str(db_path), "list", "contacts", "--json")
    person_id = json.loads(out)[0]["id"]
    assert main(["--db", str(db_path), "privacy", "erase", str(person_id)]) == 0
    assert main(["--db", str(db_path), "privacy", "erase", str(person_id)]) == 1  # an error too

    log = (log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert f"person {person_id} erased" in log
    for needle in ("Quirinsberg", "Ylva", "ylva.quirinsberg", "grosswoellmen.example", "555123"):
        assert needle not in log


def test_the_log_filter_masks_contact_data() -> None:
    assert redact("an a.b@example.de, Tel. +49 3591 555-123") == "an [E-Mail], Tel. [Telefon]"
    assert redact("person 17 erased (3 rows) at 2026-03-01") == (
        "person 17 erased (3 rows) at 2026-03-01"
    )
