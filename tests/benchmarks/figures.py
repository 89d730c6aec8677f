"""The figures of the benchmark beyond start-up and search: each with its floor.

Every function returns (value, floor) measured in the same run on the same machine.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

# 30 TOPs, 60 attendees: the protocol of DESIGN.md §6.
PROTOCOL_ITEMS = 30
PROTOCOL_ATTENDEES = 60
NOTES = (
    "<p>Frau Kühn stellt die Wohnraumbörse vor. Seit dem Start haben sich "
    "<b>14 Vermieter</b> gemeldet, davon 9 aus Großröhrsdorf und Kleinmüßbach.</p>"
    "<ul><li>Möblierte Zimmer werden am stärksten nachgefragt.</li>"
    "<li>Die Betriebe wünschen sich eine zentrale Ansprechperson.</li></ul>"
    "<p>Herr Öztürk regt an, die Börse mit dem Pendlerportal zu verknüpfen.</p>"
)


def protocol_meeting(large: Path, workdir: Path) -> tuple[Path, int]:
    """A copy of the large database with one meeting of 30 TOPs and 60 attendees."""
    path = workdir / "protocol-bench.sqlite"
    marker = workdir / "protocol-bench.json"
    if path.exists() and marker.exists():
        return path, int(json.loads(marker.read_text())["meeting_id"])
    shutil.copyfile(large, path)
    from sqlalchemy import select

    from multilok_desktop.domain import (
        ActionItem,
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Meeting,
        Outcome,
        OutcomeKind,
        Person,
        ProtocolStatus,
    )
    from multilok_desktop.storage.database import Database

    database = Database.open(str(path))
    with database.session() as session:
        meeting = session.scalars(select(Meeting).order_by(Meeting.start)).first()
        assert meeting is not None
        if meeting.protocol is not None:  # a draft: the minutes are still being written
            meeting.protocol.status = ProtocolStatus.DRAFT
        for item in list(meeting.agenda):
            session.delete(item)
        for row in list(meeting.attendance):
            session.delete(row)
        session.flush()
        people = session.scalars(select(Person.id).order_by(Person.id).limit(PROTOCOL_ATTENDEES))
        for person_id in people:
            session.add(
                Attendance(
                    meeting_id=meeting.id, person_id=person_id, status=AttendanceStatus.PRESENT
                )
            )
        for number in range(1, PROTOCOL_ITEMS + 1):
            item = AgendaItem(
                meeting_id=meeting.id,
                position=number,
                number=str(number),
                title=f"Wohnraum auf Zeit für Pendler – Teil {number}",
                presenter_text="Frau Kühn, Gemeinde Neißeaue",
                notes_html=NOTES,
            )
            session.add(item)
            session.flush()
            session.add(
                Outcome(
                    agenda_item_id=item.id,
                    position=0,
                    kind=OutcomeKind.AGREEMENT,
                    text="Die Gemeinden melden freie Wohnungen bis zum 30.04.",
                )
            )
            session.add(
                ActionItem(
                    text="Liste der Leerstände zusammenstellen",
                    meeting_id=meeting.id,
                    agenda_item_id=item.id,
                    owner_text="Herr Öhler",
                )
            )
        meeting_id = meeting.id
    database.close()
    marker.write_text(json.dumps({"meeting_id": meeting_id}))
    return path, meeting_id


def protocol_pdf_seconds(db_path: Path, meeting_id: int, workdir: Path, runs: int) -> float:
    """Our protocol PDF: reading the meeting and laying it out, as `export protocol` does."""
    from multilok_desktop.reports.documents_service import DocumentsService
    from multilok_desktop.storage.database import Database

    database = Database.open(str(db_path))
    service = DocumentsService(database)
    target = workdir / "protocol.pdf"
    service.protocol(meeting_id, target)  # warm-up: fonts, imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        service.protocol(meeting_id, target)
        times.append(time.perf_counter() - started)
    database.close()
    return statistics.median(times)


def bare_protocol_seconds(db_path: Path, meeting_id: int, workdir: Path, runs: int) -> float:
    """Floor: the same content (same document data, same embedded font) laid out with bare
    ReportLab — the same paragraphs, and tables of paragraphs where ours has tables
    (attendance, agenda, action items), but no letterhead, styles, boxes or page footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from multilok_desktop.reports.fonts import register_fonts
    from multilok_desktop.services.protocol_document import protocol_document
    from multilok_desktop.storage.database import Database

    database = Database.open(str(db_path))
    font = register_fonts()
    style = getSampleStyleSheet()["Normal"]
    style.fontName = font if isinstance(font, str) else "DejaVuSans"

    def cell(text: str) -> Paragraph:
        return Paragraph(text, style)

    def build() -> None:
        with database.session() as session:
            doc = protocol_document(session, meeting_id)
        story: list[object] = [cell(doc.title), cell(doc.location), cell(doc.chair.name)]
        story.append(
            Table(
                [
                    [cell(p.name), cell(p.function), cell(p.organisation)]
                    for group in doc.present
                    for p in group.participants
                ]
            )
        )
        story.append(Table([[cell(s.number), cell(s.title)] for s in doc.agenda]))
        for section in doc.agenda:
            story.append(cell(f"TOP {section.number} {section.title}"))
            story.append(cell(section.presenter))
            story.extend(cell(block.markup) for block in section.notes)
            story.extend(cell(f"{o.kind}: {o.text} {o.votes}") for o in section.outcomes)
            story.extend(cell(f"{a.text} – {a.owner}") for a in section.action_items)
        story.append(
            Table(
                [
                    [cell(a.item_number), cell(a.text), cell(a.owner), cell(str(a.due or ""))]
                    for a in doc.action_items
                ]
            )
        )
        SimpleDocTemplate(str(workdir / "bare.pdf"), pagesize=A4).build(story)  # type: ignore[arg-type]

    build()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        build()
        times.append(time.perf_counter() - started)
    database.close()
    return statistics.median(times)


def autosave_ms(db_path: Path, meeting_id: int, runs: int = 60) -> tuple[float, float]:
    """One autosave of a TOP's notes through the service, and the floor: the same UPDATE
    with raw sqlite3 and the same pragmas (WAL, synchronous=FULL), committed."""
    from sqlalchemy import select

    from multilok_desktop.domain import AgendaItem
    from multilok_desktop.services.minutes_service import MinutesService
    from multilok_desktop.storage.database import Database

    database = Database.open(str(db_path))
    with database.session() as session:
        item_id = session.scalar(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).limit(1)
        )
    assert item_id is not None
    service = MinutesService(database)
    times = []
    for i in range(runs):
        started = time.perf_counter()
        service.save_notes(item_id, f"{NOTES}<p>Nachtrag {i}</p>")
        times.append((time.perf_counter() - started) * 1000)
    database.close()

    floor = []
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for i in range(runs):
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute(
            "UPDATE agenda_item SET notes_html = ? WHERE id = ?",
            (f"{NOTES}<p>Boden {i}</p>", item_id),
        )
        connection.execute("COMMIT")
        floor.append((time.perf_counter() - started) * 1000)
    connection.close()
    return statistics.median(times), statistics.median(floor)


VIEW_SCRIPT = """
import json, os, resource, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from multilok_desktop.app import build_main_window
from multilok_desktop.storage.database import Database
from multilok_desktop.ui import main_window as mw

app = QApplication(sys.argv[:1])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
database = Database.open(sys.argv[1])
window = build_main_window(database, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.navigation.setCurrentRow(mw.NAV_HOME)
window.show()
shown = time.perf_counter()
while not window.warm_up_done:  # as in the app: the models and the views' modules load
    app.processEvents()  # right after the first paint, one step per event-loop turn
warm_up = time.perf_counter() - shown
rows = {"Übersicht": mw.NAV_HOME, "Kalender": mw.NAV_CALENDAR,
        "Adressbuch": mw.NAV_ADDRESS_BOOK, "Maßnahmen": mw.NAV_MEASURES,
        "Protokolle": mw.NAV_PROTOCOLS}
name = sys.argv[3]
if name != "none":
    if rows[name] == mw.NAV_HOME:
        window.navigation.setCurrentRow(mw.NAV_ADDRESS_BOOK)
        app.processEvents()
    started = time.perf_counter()
    window.navigation.setCurrentRow(rows[name])
    window.views.currentWidget().repaint()
    app.processEvents()
    elapsed = time.perf_counter() - started
else:
    elapsed = 0.0
    for row in rows.values():  # every view once: memory with everything open
        window.navigation.setCurrentRow(row)
        app.processEvents()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "rss_mb": rss_mb, "warm_up": warm_up}))
"""

FLOOR_VIEW_SCRIPT = """
import json, resource, sys, time
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
import sqlalchemy.orm  # noqa: F401
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
started = time.perf_counter()
model = QStandardItemModel(200, 8)
for row in range(200):
    for column in range(8):
        model.setItem(row, column, QStandardItem(f"Zeile {row} Spalte {column}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
view.repaint()
app.processEvents()
elapsed = time.perf_counter() - started
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "rss_mb": rss_mb}))
"""

VIEWS = ("Übersicht", "Kalender", "Adressbuch", "Maßnahmen", "Protokolle")


def _script_result(script: Path, args: list[str], env: dict[str, str]) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, str(script), *args], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def view_seconds(
    large: Path, workdir: Path, env: dict[str, str], runs: int
) -> tuple[dict[str, float], float]:
    """Opening each main view for the first time in a fresh process (imports included),
    against the floor: a bare 200-row QTableView shown in a bare window. A view is opened
    once the warm-up after the first paint is done (app.VIEW_MODULES); "warm_up" is how
    long that takes (no target: it runs in steps between which clicks are handled)."""
    script = workdir / "open_view.py"
    script.write_text(VIEW_SCRIPT)
    floor_script = workdir / "floor_view.py"
    floor_script.write_text(FLOOR_VIEW_SCRIPT)
    settings = str(workdir / "home" / "bench-settings.ini")
    results = {}
    warm_ups = []
    for name in VIEWS:
        runs_of_view = [
            _script_result(script, [str(large), settings, name], env) for _ in range(runs)
        ]
        results[name] = statistics.median(run["seconds"] for run in runs_of_view)
        warm_ups += [run["warm_up"] for run in runs_of_view]
    results["warm_up"] = statistics.median(warm_ups)
    floor = statistics.median(_script_result(floor_script, [], env)["seconds"] for _ in range(runs))
    return results, floor


def memory_mb(large: Path, workdir: Path, env: dict[str, str]) -> tuple[float, float]:
    """Peak resident memory with the large database open and every view visited, against
    the floor process (bare window + table + sqlalchemy.orm)."""
    script = workdir / "open_view.py"
    script.write_text(VIEW_SCRIPT)
    floor_script = workdir / "floor_view.py"
    floor_script.write_text(FLOOR_VIEW_SCRIPT)
    settings = str(workdir / "home" / "bench-settings.ini")
    value = _script_result(script, [str(large), settings, "none"], env)["rss_mb"]
    floor = _script_result(floor_script, [], env)["rss_mb"]
    return value, floor


def demo_generation_seconds(workdir: Path, env: dict[str, str]) -> tuple[float, float]:
    """Generating the large demo database, against the floor: writing a file of the same
    size and content with `VACUUM INTO` (what storing that much data costs at least)."""
    target = workdir / "demo-timing.sqlite"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "multilok_desktop.cli",
            "--db",
            str(target),
            "demo",
            "--size",
            "large",
        ],
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=True,
        capture_output=True,
    )
    value = time.perf_counter() - started
    copy = workdir / "demo-timing-copy.sqlite"
    copy.unlink(missing_ok=True)
    started = time.perf_counter()
    with sqlite3.connect(target) as connection:
        connection.execute("VACUUM INTO ?", (str(copy),))
    floor = time.perf_counter() - started
    for path in (target, copy):
        path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return value, floor


def environment(workdir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(workdir / "home"),
        "XDG_CONFIG_HOME": str(workdir / "home" / "config"),
        "XDG_DATA_HOME": str(workdir / "home" / "data"),
    }
