"""Benchmark of the performance targets in DESIGN.md §6, as ratios to floors of the same run.

    python tests/benchmarks/run.py [--runs 5] [--workdir DIR] [--strict] [--json FILE]

Figures so far (the Performance issue adds the rest):
- start-up: `multilok-desktop --exit-after-start` on the large demo database against the
  floor "bare PySide6 QMainWindow shown + import sqlalchemy.orm"; target ≤ 1.3 × floor.
- address-book search while typing, through the Qt model the view uses, at 1,000 / 5,000 /
  20,000 people; target ≤ 10 ms per keystroke and sub-linear growth with the people count.

It builds the large demo database once in the work folder (kept for later runs) and never
touches the user's data. `--strict` exits 1 when a target is missed.
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

STARTUP_TARGET = 1.3
KEYSTROKE_TARGET_MS = 10.0
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


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "multilok-bench"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841  models need one
    large = large_database(args.workdir)
    results: dict[str, object] = {}
    missed: list[str] = []

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(args.workdir / "home"),
           "XDG_CONFIG_HOME": str(args.workdir / "home" / "config")}  # fmt: skip
    floor_script = args.workdir / "floor_startup.py"
    floor_script.write_text(FLOOR_SCRIPT)
    floor = median_seconds([sys.executable, str(floor_script)], args.runs, env)
    app_start = median_seconds(
        [sys.executable, "-m", "multilok_desktop", "--db", str(large), "--exit-after-start"],
        args.runs,
        env,
    )
    ratio = app_start / floor
    results["startup"] = {
        "floor_s": floor,
        "app_s": app_start,
        "ratio": ratio,
        "target": STARTUP_TARGET,
    }
    print(f"Start bis bedienbares Fenster: {app_start:.2f} s, Boden {floor:.2f} s "
          f"→ {ratio:.2f} × (Ziel ≤ {STARTUP_TARGET})")  # fmt: skip
    if ratio > STARTUP_TARGET:
        missed.append("startup")

    search: dict[str, dict[str, float]] = {}
    for people in SIZES:
        path = large if people >= 20_000 else database_with_people(large, args.workdir, people)
        median_ms, worst_ms = keystroke_ms(path)
        search[str(people)] = {"median_ms": median_ms, "max_ms": worst_ms}
        print(f"Adressbuch-Suche bei {people:>6} Personen: Median {median_ms:5.2f} ms, "
              f"höchstens {worst_ms:5.2f} ms je Tastendruck (Ziel ≤ {KEYSTROKE_TARGET_MS} ms)")  # fmt: skip
        if median_ms > KEYSTROKE_TARGET_MS:
            missed.append(f"search_{people}")
    growth = search[str(SIZES[-1])]["median_ms"] / search[str(SIZES[0])]["median_ms"]
    people_growth = SIZES[-1] / SIZES[0]
    results["search"] = {**search, "growth": growth, "people_growth": people_growth}
    print(f"Wachstum {SIZES[0]} → {SIZES[-1]} Personen: {growth:.1f} × Zeit bei {people_growth:.0f} × "
          f"Personen ({'sub-linear' if growth < people_growth else 'NICHT sub-linear'})")  # fmt: skip
    if growth >= people_growth:
        missed.append("search_growth")

    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if missed:
        print("Ziel verfehlt: " + ", ".join(missed))
        return 1 if args.strict else 0
    print("Alle Ziele erreicht.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
