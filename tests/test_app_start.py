"""`multilok-desktop --exit-after-start`: opens, loads, paints, exits 0 (DESIGN.md §4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_exit_after_start_on_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "multilok_desktop", "--db", str(db), "--exit-after-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()  # created and migrated on the way


def test_a_broken_database_gives_exit_1_not_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("keine Datenbank")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from PySide6.QtWidgets import QMessageBox;"
         "QMessageBox.exec = lambda self: print('DIALOG', self.text()) or 0;"
         "from multilok_desktop.app import main; sys.exit(main(['--db', sys.argv[1]]))",
         str(bogus)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "DIALOG" in result.stdout and "keine Multilok-Datenbank" in result.stdout
    assert "Traceback" not in result.stderr
    assert bogus.read_text() == "keine Datenbank"


def test_a_normal_exit_leaves_a_verified_backup(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """DESIGN.md §5: a backup at exit, into the user's data folder."""
    from multilok_desktop.app import backup_at_exit
    from multilok_desktop.storage.backup import list_backups
    from multilok_desktop.storage.database import Database

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    database = Database.open(str(tmp_path / "office.sqlite"))
    database.close()
    backup_at_exit(database)
    (backup,) = list_backups()
    assert backup.path.parent == tmp_path / "data" / "Multilok" / "Sicherungen"


def run_window_script(script: str, db: Path, tmp_path: Path) -> str:
    """A script that builds the window on `db` (argv 1, settings in argv 2), in a fresh
    process: what it has imported is what the app imports. Returns its output."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(db), str(tmp_path / "ui.ini")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


START_PAGE_SCRIPT = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from multilok_desktop.app import build_main_window
from multilok_desktop.storage.database import Database

def models_loaded():
    return sorted(m for m in sys.modules if m.startswith("multilok_desktop.domain.")
                  and m.rsplit(".", 1)[1] not in ("base", "enums", "text"))

app = QApplication([])
window = build_main_window(Database.open(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
painted = []
window.first_painted.connect(lambda: painted.append(models_loaded()))
window.show()
while not window.background_started:
    app.processEvents()
print("AT_FIRST_PAINT", painted[0])
print("AFTER_WARM_UP", models_loaded())
print("PAGE", window.page(0).page.toPlainText().replace(chr(10), " "))
"""


def test_the_start_page_shows_before_the_domain_models_load(tmp_path: Path) -> None:
    """DESIGN.md §6: the window is painted with the start page's data read through light
    tables; the models (≈ 0.17 s) load right after the first paint."""
    from datetime import UTC, datetime, timedelta

    from multilok_desktop.domain import Meeting
    from multilok_desktop.storage.database import Database

    path = tmp_path / "office.sqlite"
    database = Database.open(str(path))
    start = datetime.now(UTC) + timedelta(days=9)
    with database.session() as s:
        s.add(Meeting(title="9. Vernetzungstreffen", start=start, end=start + timedelta(hours=2)))
    database.close()
    output = run_window_script(START_PAGE_SCRIPT, path, tmp_path)
    lines = dict(line.split(" ", 1) for line in output.splitlines())
    assert lines["AT_FIRST_PAINT"] == "[]"
    assert "multilok_desktop.domain.meetings" in lines["AFTER_WARM_UP"]
    assert "9. Vernetzungstreffen" in lines["PAGE"]


def test_the_launcher_checks_the_file_early_and_resumes_garbage_collection(
    tmp_path: Path,
) -> None:
    """launcher.py starts the quick check before the GUI stack loads and pauses the garbage
    collector for the start; after the start it runs again, the start's objects frozen."""
    from multilok_desktop.storage.database import Database

    good = tmp_path / "office.sqlite"
    Database.open(str(good)).close()
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)  # a header, no valid pages
    script = (
        "import gc, sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.exec = lambda self: print('DIALOG', self.text()) or 0\n"
        "from multilok_desktop import launcher\n"
        "from multilok_desktop.services import backup_service\n"
        "checked = []\n"
        "original = backup_service.QuickCheck.__init__\n"
        "def spy(self, service):\n"
        "    checked.append('multilok_desktop.app' in sys.modules)\n"
        "    original(self, service)\n"
        "backup_service.QuickCheck.__init__ = spy\n"
        "code = launcher.main(['--db', sys.argv[1], '--exit-after-start'])\n"
        "print('EXIT', code, 'GC', gc.isenabled(), gc.get_freeze_count() > 0, 'APP_BEFORE', checked[0])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    ok = subprocess.run([sys.executable, "-c", script, str(good)], env=env,
                        capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "EXIT 0 GC True True APP_BEFORE False" in ok.stdout, ok.stderr
    damaged = subprocess.run([sys.executable, "-c", script, str(bogus)], env=env,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "DIALOG" in damaged.stdout and "EXIT 1" in damaged.stdout, damaged.stderr


VIEWS_AFTER_WARM_UP_SCRIPT = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from multilok_desktop.app import build_main_window
from multilok_desktop.storage.database import Database

app = QApplication([])
window = build_main_window(Database.open(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
while not window.warm_up_done:
    app.processEvents()
loaded = set(sys.modules)
for row in range(window.navigation.count()):
    window.navigation.setCurrentRow(row)
    app.processEvents()
print("NEW", sorted(m for m in set(sys.modules) - loaded if m.startswith("multilok_desktop")))
"""


def test_the_warm_up_loads_every_module_the_views_need(tmp_path: Path) -> None:
    """app.VIEW_MODULES is complete: after the warm-up, opening every view imports nothing
    of ours any more (so each opens in well under 0.2 s the first time, DESIGN.md §6)."""
    from multilok_desktop.storage.database import Database

    path = tmp_path / "office.sqlite"
    Database.open(str(path)).close()
    assert "NEW []" in run_window_script(VIEWS_AFTER_WARM_UP_SCRIPT, path, tmp_path)


DAMAGED_SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
QCoreApplication.setOrganizationName("Multilok")
QCoreApplication.setApplicationName("Multilok Desktop")
settings = QSettings()
settings.setValue("main_window/view", 1)  # the calendar was open last: it stores holidays
settings.sync()
from multilok_desktop.ui import restore_dialog
restore_dialog.ask_restore_unusable = lambda parent, text, service: print("DIALOG", text)
from multilok_desktop import launcher
print("EXIT", launcher.main(["--db", sys.argv[1]]))
"""


def test_a_damaged_file_is_not_written_whatever_view_was_open_last(tmp_path: Path) -> None:
    """DESIGN.md §5: the quick check's verdict comes before anything may write — no
    migration, no view storing what it worked out (the calendar its holidays)."""
    import hashlib

    from multilok_desktop.storage.database import Database
    from tests import factories

    path = tmp_path / "office.sqlite"
    database = Database.open(str(path))
    with database.session() as s:
        for number in range(300):
            factories.person(s, "Anna", f"Köhler{number}", email=f"a{number}@example.org")
    database.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = bytes(range(256)) * 32  # two pages of garbage
    path.write_bytes(bytes(data))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", DAMAGED_SCRIPT, str(path)], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "DIALOG" in result.stdout and "beschädigt" in result.stdout, result.stderr
    assert "EXIT 1" in result.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


REFUSED_SCRIPT = """
import sys
from PySide6.QtWidgets import QMessageBox
QMessageBox.warning = staticmethod(lambda parent, title, text: print("REFUSED", text))
from multilok_desktop.services import backup_service
backup_service.BackupService.quick_check = lambda self: print("CHECKED") or ""
from multilok_desktop import launcher
print("EXIT", launcher.main(["--db", sys.argv[1], "--exit-after-start"]))
"""


def test_a_second_window_leaves_the_file_alone(tmp_path: Path) -> None:
    """The launcher claims the file (lock) before its quick check reads it: a second
    window on an open database neither checks nor touches it."""
    from multilok_desktop.storage.database import Database
    from multilok_desktop.storage.instance_lock import InstanceLock

    path = tmp_path / "office.sqlite"
    Database.open(str(path)).close()
    lock = InstanceLock(path).acquire()  # the first window
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
        result = subprocess.run([sys.executable, "-c", REFUSED_SCRIPT, str(path)], env=env,
                                capture_output=True, text=True, timeout=120)  # fmt: skip
    finally:
        lock.release()
    assert "REFUSED" in result.stdout and "EXIT 1" in result.stdout, result.stderr
    assert "CHECKED" not in result.stdout  # the file was not even opened for its check


NORMAL_START_SCRIPT = """
import gc, sys
from PySide6.QtWidgets import QApplication
from multilok_desktop.ui import main_window
shown = main_window.MainWindow.show
def show(self):
    self.warmed_up.connect(QApplication.quit)  # as if the user quit after the warm-up
    shown(self)
main_window.MainWindow.show = show
import multilok_desktop.app as app
app.backup_at_exit = lambda database: None
from multilok_desktop import launcher
code = launcher.main(["--db", sys.argv[1]])
print("EXIT", code, "GC", gc.isenabled(), gc.get_freeze_count() > 0)
"""


def test_after_a_normal_start_garbage_collection_runs_again(tmp_path: Path) -> None:
    """Without --exit-after-start the collector resumes after the warm-up."""
    from multilok_desktop.storage.database import Database

    path = tmp_path / "office.sqlite"
    Database.open(str(path)).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", NORMAL_START_SCRIPT, str(path)], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "EXIT 0 GC True True" in result.stdout, result.stderr
