"""Build the one-folder bundle with PyInstaller and check that it really works.

python3 tools/build_bundle.py [--skip-build] [--dist DIR]

1. installs the project with the `package` extra (PyInstaller) into .venv;
2. builds packaging/multilok.spec into dist/Multilok (work files in build/);
3. smoke-tests the bundle in a throw-away home folder (never the user's data):
   the bundled `multilok` creates a demo database (Alembic migrations read from the
   bundle's files), checks it, exports a protocol PDF (DejaVu fonts from resources/), an
   archival PDF/A (pikepdf), the calendar (.ics with Europe/Berlin) and the measures
   (.xlsx); the bundled window starts with `--exit-after-start` under
   QT_QPA_PLATFORM=offscreen once per main view (calendar: holidays, dateutil, tzdata).
   Any non-zero exit, a traceback in the output or a missing file fails the run.

Exit code 0 when the bundle passed, 1 with the reason on stderr otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from _venv import ROOT, ensure_installed

SPEC = ROOT / "packaging" / "multilok.spec"
BUNDLE_NAME = "Multilok"
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
BUILD_TIMEOUT = 20 * 60  # seconds; the build takes about 1.5 min
RUN_TIMEOUT = 120  # one start of the window or one CLI command
# the main views in the order of the navigation (ui/main_window.py NAV_*)
VIEWS = ("Übersicht", "Kalender", "Adressbuch", "Maßnahmen", "Protokolle")


class SmokeError(Exception):
    """The bundle is broken; the message says how."""


def build(python: str, dist: Path) -> float:
    started = time.perf_counter()
    command = [
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(ROOT / "build"),
        str(SPEC),
    ]
    print("Baue das Programmpaket:", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, timeout=BUILD_TIMEOUT, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise SmokeError(f"PyInstaller ist mit Exit-Code {result.returncode} gescheitert.")
    return time.perf_counter() - started


def smoke_environment(home: Path) -> dict[str, str]:
    """Offscreen Qt and every user folder inside `home`, so no real data is touched."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MULTILOK_DB", "PYTHONPATH", "PYTHONHOME"}
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        APPDATA=str(home / "roaming"),
        LOCALAPPDATA=str(home / "local"),
    )
    return env


def run_checked(command: list[str], env: dict[str, str], what: str) -> float:
    """Run one bundled program; fail on a non-zero exit or a traceback. Returns seconds."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=RUN_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{what}: nach {RUN_TIMEOUT} s nicht beendet.") from exc
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    if result.returncode != 0 or "Traceback" in output:
        raise SmokeError(f"{what}: Exit-Code {result.returncode}\n{output.strip()}")
    print(f"  ok  {what} ({seconds:.2f} s)", flush=True)
    return seconds


def check_layout(bundle: Path) -> None:
    """The programs and the data files are where the code looks for them (_MEIPASS)."""
    internal = bundle / "_internal"
    missing = [
        path
        for path in (bundle / f"multilok-desktop{EXE_SUFFIX}", bundle / f"multilok{EXE_SUFFIX}")
        if not path.is_file()
    ]
    for folder in sorted(p for p in (ROOT / "resources").iterdir() if p.is_dir()):
        for file in folder.rglob("*"):
            if file.is_file() and not (internal / file.relative_to(ROOT)).is_file():
                missing.append(internal / file.relative_to(ROOT))
    migrations = ROOT / "multilok_desktop" / "storage" / "migrations"
    for file in [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]:
        if not (internal / file.relative_to(ROOT)).is_file():
            missing.append(internal / file.relative_to(ROOT))
    if missing:
        raise SmokeError("Im Programmpaket fehlen:\n  " + "\n  ".join(map(str, missing)))
    print("  ok  Programme, resources/ und Migrationen im Paket", flush=True)


def seed_view(home: Path, view: int) -> Path:
    """Make the window open on `view`: QSettings' INI file on Linux (main_window/view)."""
    conf = home / "config" / "Multilok" / "Multilok Desktop.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(f"[main_window]\nview={view}\n", encoding="utf-8")
    return conf


def check_holidays(db: Path) -> None:
    """The calendar view worked out the public holidays with the bundled `holidays`: German
    names (its gettext files) under the package's version (its metadata), as
    services/calendar.py stores them ("holidays:VERSION:STATE:YEAR")."""
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(
            "SELECT key, value FROM setting WHERE key LIKE 'holidays:%'"
        ).fetchall()
    if not rows:
        raise SmokeError("Der Kalender hat keine Feiertage ermittelt.")
    for key, value in rows:
        if key.startswith("holidays:0:") or "Neujahr" not in value:
            raise SmokeError(f"Feiertage ohne Paketversion oder deutsche Namen: {key}")
    print("  ok  Feiertage mit deutschen Namen (holidays im Paket)", flush=True)


def smoke_test(bundle: Path) -> float:
    """Exercise the bundle as described in the module docstring; returns the start time."""
    check_layout(bundle)
    desktop = str(bundle / f"multilok-desktop{EXE_SUFFIX}")
    cli = str(bundle / f"multilok{EXE_SUFFIX}")
    with tempfile.TemporaryDirectory(prefix="multilok-bundle-") as tmp:
        home = Path(tmp)
        env = smoke_environment(home)
        db = str(home / "demo.sqlite")
        run_checked([cli, "--db", db, "demo"], env, "multilok demo (Migrationen aus dem Paket)")
        run_checked([cli, "--db", db, "check"], env, "multilok check")
        start_seconds = run_checked(
            [desktop, "--db", db, "--exit-after-start"], env, "Fenster: --exit-after-start"
        )
        if sys.platform.startswith("linux"):  # QSettings is an INI file only there
            for view, name in enumerate(VIEWS):
                conf = seed_view(home, view)
                run_checked(
                    [desktop, "--db", db, "--exit-after-start"], env, f"Fenster mit „{name}“"
                )
                if f"view={view}" not in conf.read_text(encoding="utf-8"):  # saved at exit
                    raise SmokeError(f"Das Fenster hat „{name}“ nicht geöffnet.")
            check_holidays(Path(db))
        pdf, archival = home / "protokoll.pdf", home / "protokoll-archiv.pdf"
        run_checked([cli, "--db", db, "export", "protocol", "1", str(pdf)], env, "Protokoll-PDF")
        content = pdf.read_bytes()
        if not content.startswith(b"%PDF") or b"DejaVuSans" not in content:
            raise SmokeError(f"{pdf.name}: kein PDF mit eingebetteter DejaVu Sans")
        run_checked(
            [cli, "--db", db, "export", "protocol", "1", str(archival), "--archival"],
            env,
            "Protokoll als PDF/A (pikepdf)",
        )
        ics = home / "kalender.ics"
        run_checked([cli, "--db", db, "export", "calendar", str(ics)], env, "Kalender-Export")
        text = ics.read_text(encoding="utf-8")
        if "BEGIN:VEVENT" not in text or "TZID:Europe/Berlin" not in text:
            raise SmokeError(f"{ics.name}: keine Termine mit Zeitzone Europe/Berlin")
        xlsx = home / "massnahmen.xlsx"
        run_checked([cli, "--db", db, "export", "measures", str(xlsx)], env, "Maßnahmen (.xlsx)")
        if not xlsx.read_bytes().startswith(b"PK"):
            raise SmokeError(f"{xlsx.name}: keine Excel-Datei")
    return start_seconds


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Programmpaket bauen und prüfen")
    parser.add_argument("--skip-build", action="store_true", help="nur das Paket prüfen")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="Zielordner")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    bundle = dist / BUNDLE_NAME
    try:
        if not args.skip_build:
            python = str(ensure_installed("[package]"))
            if bundle.exists():
                shutil.rmtree(bundle)
            build_seconds = build(python, dist)
            print(f"Gebaut in {build_seconds:.0f} s: {bundle}", flush=True)
        elif not bundle.is_dir():
            raise SmokeError(f"Kein Programmpaket in {bundle}")
        print("Prüfe das Programmpaket …", flush=True)
        start_seconds = smoke_test(bundle)
    except (SmokeError, subprocess.SubprocessError, OSError) as exc:
        print(f"Programmpaket fehlerhaft: {exc}", file=sys.stderr)
        return 1
    size_mb = folder_size(bundle) / 1e6
    print(f"Programmpaket in Ordnung: {size_mb:.0f} MB, Start bis Fenster {start_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
