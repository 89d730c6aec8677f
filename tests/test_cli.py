"""The `multilok` command line: DESIGN.md §4 contract (output, JSON, exit codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from multilok_desktop.cli import main

OUTLOOK_CSV = (
    '"Anrede","Vorname","Nachname","Firma","Position","E-Mail-Adresse","Telefon geschäftlich"\r\n'
    '"Frau","Jutta","Kühn","Gemeinde Neißeaue","Bürgermeisterin","j.kuehn@neisseaue.de","035823 8860"\r\n'
    '"Herr","Ömer","Öztürk","Öztürk Logistik GmbH","Geschäftsführer","oe@oeztuerk.de",""\r\n'
)


@pytest.fixture
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo database for the read-only tests (made once, through the CLI)."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_refuses_a_database_with_data(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "demo")
    assert code == 1 and err.startswith("Fehler: Die Datenbank enthält bereits Daten")
    assert err.count("\n") == 1


def test_list_contacts_json_has_the_contract_fields(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "list", "contacts", "--json")
    assert code == 0
    contacts = json.loads(out)
    assert len(contacts) == 200
    assert {"id", "first_name", "last_name", "organisation", "email", "phone"} <= contacts[0].keys()


def test_list_search_folds_umlauts(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "contacts", "--json")
    with_umlaut = next(c for c in json.loads(out) if "ü" in c["last_name"])
    folded = with_umlaut["last_name"].upper().replace("Ü", "U")
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "contacts", "--json", "--search", folded)
    assert with_umlaut["id"] in [c["id"] for c in json.loads(out)]


def test_list_meetings_and_measures_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "meetings", "--json")
    meetings = json.loads(out)
    assert {"id", "title", "start", "end", "location", "status", "series_id"} <= meetings[0].keys()
    assert meetings[0]["start"][-6:] in ("+01:00", "+02:00")  # ISO 8601 with Berlin offset
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "measures", "--json")
    measures = json.loads(out)
    assert {"id", "title", "kind", "status", "strategy", "target_groups", "action_fields",
            "lead", "partners"} <= measures[0].keys()  # fmt: skip
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "organisations")
    assert "Kommune" in out and "Einträge)" in out


def test_show_meeting_with_agenda_attendance_outcomes(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "meetings", "--json")
    held = next(m for m in json.loads(out) if m["status"] == "abgeschlossen")
    code, out, _ = run(capsys, "--db", str(demo_db), "show", "meeting", str(held["id"]), "--json")
    meeting = json.loads(out)
    assert code == 0 and meeting["agenda"] and meeting["attendance"]
    assert any(item["outcomes"] for item in meeting["agenda"])
    code, out, _ = run(capsys, "--db", str(demo_db), "show", "meeting", str(held["id"]))
    assert "Tagesordnung" in out and "Anwesenheit" in out and "TOP 1" in out


def test_show_contact_and_unknown_id(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "show", "contact", "1", "--json")
    assert code == 0 and json.loads(out)["id"] == 1
    code, out, err = run(capsys, "--db", str(demo_db), "show", "contact", "99999")
    assert code == 1 and out == "" and err == "Fehler: Person 99999 gibt es nicht.\n"


def test_import_then_export_contacts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "office.sqlite")
    source = tmp_path / "outlook.csv"
    source.write_bytes(OUTLOOK_CSV.encode("cp1252"))
    code, out, _ = run(capsys, "--db", db, "import", "contacts", str(source))
    assert code == 0 and "2 Personen" in out
    code, out, _ = run(capsys, "--db", db, "list", "contacts", "--search", "kühn")
    assert "Gemeinde Neißeaue" in out
    # the same file again: both are recognised as duplicates and skipped
    code, out, _ = run(capsys, "--db", db, "import", "contacts", str(source))
    assert code == 0 and "0 Personen" in out and "2 mögliche Dubletten" in out
    exported = tmp_path / "kontakte.vcf"
    code, out, _ = run(capsys, "--db", db, "export", "contacts", str(exported))
    assert code == 0
    text = exported.read_text(encoding="utf-8")
    assert "Kühn" in text and "Öztürk" in text


def test_broken_import_changes_nothing_and_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "office.sqlite")
    broken = tmp_path / "broken.csv"
    broken.write_bytes(
        (OUTLOOK_CSV + '"Herr","Max","Muster","x","y","max@","1","zu viel"\r\n').encode("cp1252")
    )
    code, _, err = run(capsys, "--db", db, "import", "contacts", str(broken))
    assert code == 1 and "Zeile 4" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", db, "list", "contacts", "--json")
    assert json.loads(out) == []


def test_check_reports_a_sound_database(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "in Ordnung" in out and "200 Personen" in out
    assert "in die Protokollsuche aufgenommen" in out  # the demo's minutes become searchable
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert "Protokollsuche" not in out  # nothing left to add the second time


def test_check_on_a_missing_file_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "nope.sqlite"), "check")
    assert code == 1 and "gibt es nicht" in err
    assert not (tmp_path / "nope.sqlite").exists()


def test_wrong_usage_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "multilok_desktop.cli", "list", "everything"],
        capture_output=True,
        text=True,
    )
    assert (
        result.returncode == 2 and "invalid choice" in result.stderr or "ungültig" in result.stderr
    )


def test_calendar_and_documents_from_the_command_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export calendar/invitation/attendance/plan, then import the calendar elsewhere."""
    _, out, _ = run(capsys, "--db", str(demo_db), "list", "meetings", "--json")
    upcoming = next(m for m in json.loads(out) if m["status"] in ("geplant", "eingeladen"))
    invitation = tmp_path / "einladung.ics"
    code, _, _ = run(capsys, "--db", str(demo_db), "export", "calendar", str(invitation),
                     "--meeting", str(upcoming["id"]))  # fmt: skip
    text = invitation.read_bytes().decode("utf-8").replace("\r\n ", "")  # unfold lines
    assert code == 0 and "METHOD:REQUEST" in text and "ATTENDEE" in text
    organizer = (
        'ORGANIZER;CN="Koordinationsstelle Multilokalität":mailto:multilokalitaet@talbach-rhoen.de'
    )
    assert organizer in text
    for kind in ("invitation", "attendance"):
        pdf = tmp_path / f"{kind}.pdf"
        code, _, _ = run(
            capsys, "--db", str(demo_db), "export", kind, str(upcoming["id"]), str(pdf)
        )
        assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    whole = tmp_path / "alle.ics"
    assert run(capsys, "--db", str(demo_db), "export", "calendar", str(whole))[0] == 0
    other = str(tmp_path / "other.sqlite")
    code, out, _ = run(capsys, "--db", other, "import", "calendar", str(whole))
    assert code == 0 and "10 Treffen neu" in out
    code, out, _ = run(capsys, "--db", other, "import", "calendar", str(whole))
    assert "0 Treffen neu" in out and "10 unverändert" in out  # same UIDs: nothing twice


def test_broken_calendar_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "kaputt.ics"
    broken.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Kreistag\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    code, _, err = run(
        capsys, "--db", str(tmp_path / "x.sqlite"), "import", "calendar", str(broken)
    )
    assert code == 1 and "Beginn fehlt" in err and "Traceback" not in err


def test_output_into_a_pipe_closed_early_ends_quietly(demo_db: Path) -> None:
    """`multilok list contacts | head -1`: exit 0 and no error text about the pipe."""
    with subprocess.Popen(
        [sys.executable, "-m", "multilok_desktop.cli", "--db", str(demo_db), "list", "contacts"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first line, like `head`
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
    assert "BrokenPipe" not in stderr and "Exception" not in stderr
