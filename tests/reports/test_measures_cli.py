"""`multilok export measures|followup` and `show measure`: files, messages, exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from multilok_desktop.cli import main
from multilok_desktop.services.demo import generate_demo
from multilok_desktop.storage.database import Database


@pytest.fixture
def demo_db(db: Database, db_path: Path) -> Path:
    with db.session() as session:
        generate_demo(session, "small", today=date(2026, 11, 24))
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_measures_as_csv_xlsx_and_pdf(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(demo_db))
    code, out, _ = run(capsys, *db, "export", "measures", str(tmp_path / "alle.csv"))
    assert code == 0 and "25 Maßnahmen" in out
    assert (tmp_path / "alle.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(
        capsys, *db, "export", "measures", str(tmp_path / "wohnen.xlsx"),
        "--action-field", "wohnen", "--status", "in Umsetzung", "--status", "Idee",
    )  # fmt: skip
    assert code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "wohnen.xlsx").active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows and int(out.split()[0]) == len(rows)
    assert all("Wohnen" in row[9] and row[4] in ("in Umsetzung", "Idee") for row in rows)
    code, _, _ = run(
        capsys, *db, "export", "measures", str(tmp_path / "ü.pdf"), "--group", "action_field"
    )
    assert code == 0 and (tmp_path / "ü.pdf").read_bytes().startswith(b"%PDF")


def test_export_measures_user_errors_exit_1(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(demo_db))
    code, out, err = run(capsys, *db, "export", "measures", str(tmp_path / "a.ods"))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and ".pdf, .csv oder .xlsx" in err
    code, _, err = run(
        capsys, *db, "export", "measures", str(tmp_path / "a.csv"), "--status", "fertig"
    )
    assert code == 1 and "Status „fertig“ gibt es nicht" in err and "Traceback" not in err
    code, _, err = run(capsys, *db, "export", "followup", "999", str(tmp_path / "f.pdf"))
    assert code == 1 and "Treffen 999" in err
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("multilok.sqlite")] == []


def test_export_measures_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "measures", "a.pdf", "--group", "municipality"])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_export_followup(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "umsetzungsstand.pdf"
    code, out, _ = run(capsys, "--db", str(demo_db), "export", "followup", "8", str(target))
    assert code == 0 and str(target) in out
    assert target.read_bytes().startswith(b"%PDF")


def test_show_measure_with_history_partners_and_next_steps(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(demo_db))
    _, out, _ = run(capsys, *db, "list", "measures", "--json")
    listing = json.loads(out)
    for item in listing:
        assert {"id", "title", "kind", "status", "strategy", "target_groups", "action_fields",
                "lead", "partners"} <= set(item)  # fmt: skip
    code, out, _ = run(capsys, *db, "show", "measure", str(listing[0]["id"]), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["history"] and {"changed_at", "author", "label", "meeting_title"} <= set(
        data["history"][0]
    )
    assert "partner_roles" in data and "action_items" in data and "traffic_light" in data
    with_partners = next(m for m in listing if m["partners"])
    _, out, _ = run(capsys, *db, "show", "measure", str(with_partners["id"]))
    assert "Ampel:" in out and "Verlauf" in out
    assert f"{with_partners['partners'][0]} (" in out  # the partner with its role
