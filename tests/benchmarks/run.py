"""Benchmark of the performance targets in DESIGN.md §6, as ratios to floors of the same run.

    python3 tests/benchmarks/run.py [--runs 5] [--workdir DIR] [--strict] [--json FILE]

Every figure is measured with its floor in the same run (median of several rounds):
- start-up: `multilok-desktop --exit-after-start` on the large demo database (the whole
  process, until the window is painted and the process has ended; the warm-up after the
  first paint is left out by that flag) against the floor "bare PySide6 QMainWindow shown
  + import sqlalchemy.orm"; target ≤ 1.3 × floor.
- address-book search while typing, through the Qt model the view uses, at 1,000 / 5,000 /
  20,000 people (floor: the bare FTS5 count); target ≤ 10 ms per keystroke, growth from
  1,000 to 20,000 people well below linear.
- protocol PDF of a 30-TOP meeting with 60 attendees against the same content laid out
  with bare ReportLab; target ≤ 1.3 × floor and ≤ 0.5 s.
- one autosave in minute-taking (floor: the same UPDATE with raw sqlite3); target 20 ms.
- opening each main view on the large database in a fresh process, once the warm-up after
  the first paint is done (floor: a bare 200-row QTableView shown); target 0.2 s each.
  The warm-up itself is reported too (`warm_up_after_paint`, no target).
- resident memory with the large database open and every view visited; target 250 MB.
- time to generate the large demo database (floor: VACUUM INTO of the result).

It builds the large demo database once in the work folder (kept for later runs) and never
touches the user's data. It writes tests/benchmarks/results.json as
{name: {"value", "floor", "ratio", "target", "unit"}}. `--strict` exits 1 when a target
is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

STARTUP_TARGET = 1.3
KEYSTROKE_TARGET_MS = 10.0
PROTOCOL_RATIO_TARGET = 1.3
PROTOCOL_TARGET_S = 0.5
AUTOSAVE_TARGET_MS = 20.0
VIEW_TARGET_S = 0.2
MEMORY_TARGET_MB = 250.0
VIEW_KEYS = {"Übersicht": "home", "Kalender": "calendar", "Adressbuch": "address_book",
             "Maßnahmen": "measures", "Protokolle": "protocols"}  # fmt: skip
SIZES = (1_000, 5_000, 20_000)
# What people type: growing prefixes of names, organisations and places.
TYPED = ["m", "mü", "mül", "müll", "mülle", "müller", "s", "sc", "sch", "schm", "g", "ge",
         "gem", "geme", "gemeinde", "gemeinde b", "b", "ba", "bau", "baua", "bauamt",
         "w", "wo", "woh", "wohn", "k", "kö", "köh", "köhl", "köhler"]  # fmt: skip
VISIBLE_ROWS = 30

FLOOR_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm  # noqa: F401  the stack's unavoidable cost (DESIGN.md §6)
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm-up (disk cache)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def large_database(workdir: Path) -> Path:
    path = workdir / "large.sqlite"
    if path.exists():
        return path
    print("Baue die große Demo-Datenbank (einmalig) …", flush=True)
    partial = workdir / "large.partial.sqlite"
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "multilok_desktop.cli",
            "--db",
            str(partial),
            "demo",
            "--size",
            "large",
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"  fertig in {time.perf_counter() - started:.1f} s", flush=True)
    partial.rename(path)
    return path


def database_with_people(large: Path, workdir: Path, people: int) -> Path:
    """A copy of the large database cut down to the first `people` people."""
    path = workdir / f"people-{people}.sqlite"
    if path.exists():
        return path
    shutil.copyfile(large, path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        keep = "SELECT id FROM person ORDER BY id LIMIT ?"
        connection.execute(f"DELETE FROM person WHERE id NOT IN ({keep})", (people,))
        connection.execute(f"DELETE FROM person_fts WHERE rowid NOT IN ({keep})", (people,))
        connection.commit()
        connection.execute("VACUUM")
    return path


def fts_floor_ms(db_path: Path) -> float:
    """Floor of a keystroke: the bare FTS5 count of the typed prefix, no model, no ORM."""
    from multilok_desktop.services.search import fts_query

    connection = sqlite3.connect(db_path)
    times = []
    for _ in range(3):
        for text in TYPED:
            started = time.perf_counter()
            connection.execute(
                "SELECT count(*) FROM person_fts WHERE person_fts MATCH ?", (fts_query(text),)
            ).fetchone()
            times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return statistics.median(times)


def keystroke_ms(db_path: Path) -> tuple[float, float]:
    """Median and worst time per keystroke: new query, count, and the rows a view shows."""
    from dataclasses import replace

    from multilok_desktop.services.address_book_service import AddressBookService
    from multilok_desktop.storage.database import Database
    from multilok_desktop.ui.address_book.lists import people_model

    database = Database.open(str(db_path))
    model = people_model(AddressBookService(database))
    model.set_query(model.query)
    times = []
    for _ in range(3):
        for text in TYPED:
            started = time.perf_counter()
            model.set_query(replace(model.query, text=text))
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column))
            times.append((time.perf_counter() - started) * 1000)
    database.close()
    return statistics.median(times), max(times)


def figure(
    value: float, floor: float, target: float | None, unit: str, *, ratio_target: bool = False
) -> dict[str, object]:
    """One line of results.json; `target` is a ratio when ratio_target, else in `unit`."""
    return {
        "value": round(value, 4),
        "floor": round(floor, 4),
        "ratio": round(value / floor, 3) if floor else None,
        "target": target,
        "target_is_ratio": ratio_target,
        "unit": unit,
    }


def ensure_project_environment() -> None:
    """On a fresh checkout (`python3 tests/benchmarks/run.py`): install the project into
    .venv, as tools/run_tests.py does, and run again with its Python."""
    try:
        import PySide6  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "tools"))
        from _venv import ensure_installed

        python = str(ensure_installed("[test]"))
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])


def main() -> int:
    ensure_project_environment()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "multilok-bench"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--json", type=Path, default=Path(__file__).with_name("results.json"),
        help="where to write the figures (default: tests/benchmarks/results.json)",
    )  # fmt: skip
    parser.add_argument("--skip-demo", action="store_true", help="skip timing the demo build")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    import figures  # the same folder
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841  models need one
    large = large_database(args.workdir)
    results: dict[str, dict[str, object]] = {}
    env = {**figures.environment(args.workdir), "PYTHONPATH": str(ROOT)}

    floor_script = args.workdir / "floor_startup.py"
    floor_script.write_text(FLOOR_SCRIPT)
    floor = median_seconds([sys.executable, str(floor_script)], args.runs, env)
    app_start = median_seconds(
        [sys.executable, "-m", "multilok_desktop", "--db", str(large), "--exit-after-start"],
        args.runs,
        env,
    )
    results["startup"] = figure(app_start, floor, STARTUP_TARGET, "s", ratio_target=True)

    for people in SIZES:
        path = large if people >= 20_000 else database_with_people(large, args.workdir, people)
        median_ms, worst_ms = keystroke_ms(path)
        results[f"search_{people}"] = {
            **figure(median_ms, fts_floor_ms(path), KEYSTROKE_TARGET_MS, "ms"),
            "max": round(worst_ms, 2),
        }
    first, last = results[f"search_{SIZES[0]}"], results[f"search_{SIZES[-1]}"]
    growth = float(last["value"]) / float(first["value"])  # type: ignore[arg-type]
    people_growth = SIZES[-1] / SIZES[0]
    # "well below linear": less than a quarter of the growth in people
    results["search_growth"] = figure(growth, people_growth, 0.25, "×", ratio_target=True)

    protocol_db, meeting_id = figures.protocol_meeting(large, args.workdir)
    ours = figures.protocol_pdf_seconds(protocol_db, meeting_id, args.workdir, args.runs)
    bare = figures.bare_protocol_seconds(protocol_db, meeting_id, args.workdir, args.runs)
    results["protocol_pdf"] = figure(ours, bare, PROTOCOL_RATIO_TARGET, "s", ratio_target=True)
    results["protocol_pdf_seconds"] = figure(ours, bare, PROTOCOL_TARGET_S, "s")

    save_ms, save_floor = figures.autosave_ms(protocol_db, meeting_id)
    results["autosave"] = figure(save_ms, save_floor, AUTOSAVE_TARGET_MS, "ms")

    views, view_floor = figures.view_seconds(large, args.workdir, env, max(3, args.runs // 2))
    warm_up = views.pop("warm_up")
    for name, seconds in views.items():
        results[f"view_{VIEW_KEYS[name]}"] = figure(seconds, view_floor, VIEW_TARGET_S, "s")
    results["warm_up_after_paint"] = figure(warm_up, view_floor, None, "s")

    rss, rss_floor = figures.memory_mb(large, args.workdir, env)
    results["memory"] = figure(rss, rss_floor, MEMORY_TARGET_MB, "MB")

    if not args.skip_demo:
        demo, demo_floor = figures.demo_generation_seconds(args.workdir, env)
        results["demo_large"] = figure(demo, demo_floor, None, "s")

    missed = print_table(results)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"Ergebnisse: {args.json}")
    if missed:
        print("Ziel verfehlt: " + ", ".join(missed))
        return 1 if args.strict else 0
    print("Alle Ziele erreicht.")
    return 0


def missed_target(result: dict[str, object]) -> bool:
    target = result["target"]
    if target is None:
        return False
    measured = result["ratio"] if result["target_is_ratio"] else result["value"]
    return float(measured) > float(target)  # type: ignore[arg-type]


def print_table(results: dict[str, dict[str, object]]) -> list[str]:
    print(f"{'Messgröße':<24}{'Wert':>12}{'Boden':>12}{'Verhältnis':>12}{'Ziel':>14}  ok")
    missed = []
    for name, result in results.items():
        unit = result["unit"]
        target = result["target"]
        if target is None:
            target_text = "–"
        elif result["target_is_ratio"]:
            target_text = f"≤ {target} ×"
        else:
            target_text = f"≤ {target} {unit}"
        ok = not missed_target(result)
        if not ok:
            missed.append(name)
        ratio = result["ratio"]
        print(
            f"{name:<24}{result['value']:>10.3f} {unit:<2}{result['floor']:>10.3f} {unit:<2}"
            f"{(f'{ratio:.2f} ×' if ratio is not None else '–'):>12}{target_text:>14}  "
            f"{'ja' if ok else 'NEIN'}"
        )
    return missed


if __name__ == "__main__":
    sys.exit(main())
