"""Data safety in the window: automatic backups with "letzte Sicherung HH:MM", restoring a
backup from the menu, the dialog for a damaged file, a second window, the backup folder."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from multilok_desktop import app as app_module
from multilok_desktop.services.backup_service import BackupService
from multilok_desktop.services.settings_service import SettingsService
from multilok_desktop.storage.backup import backup_database, default_backup_dir, list_backups
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.instance_lock import InstanceLock
from multilok_desktop.ui.backup_controller import BackupController, backup_label_text
from multilok_desktop.ui.main_window import MainWindow
from multilok_desktop.ui.restore_dialog import RestoreDialog, ask_restore_unusable
from multilok_desktop.ui.settings_dialog import SettingsDialog
from tests import factories

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def shot(widget, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def last_names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [r[0] for r in connection.execute("SELECT last_name FROM person ORDER BY id")]
    finally:
        connection.close()


def test_label_text() -> None:
    today = datetime(2026, 3, 10, 10, 42).date()
    assert backup_label_text(datetime(2026, 3, 10, 10, 42), today) == "letzte Sicherung 10:42"
    assert (
        backup_label_text(datetime(2026, 3, 9, 17, 5), today) == "letzte Sicherung 09.03.2026 17:05"
    )
    assert backup_label_text(None) == "noch keine Sicherung"


def test_automatic_backup_only_when_the_file_changed(
    qtbot,
    window: MainWindow,
    filled_db: Database,
    db_path: Path,  # noqa: ANN001
) -> None:
    controller = BackupController(window, db_path, filled_db.close, interval_s=1800)
    assert controller.timer.interval() == 30 * 60 * 1000 and controller.timer.isActive()
    qtbot.waitUntil(lambda: controller.label.text() == "noch keine Sicherung")
    assert window.statusBar().findChild(type(controller.label), "backup_label") is controller.label

    assert not controller.backup_if_changed()  # nothing changed since the start
    with filled_db.session() as session:
        factories.person(session, "Jutta", "Kühn")
    with qtbot.waitSignal(controller.backup_done, timeout=10000):
        assert controller.backup_if_changed()
    (copy,) = list_backups(default_backup_dir())
    assert "Kühn" in last_names(copy.path)
    assert controller.label.text() == f"letzte Sicherung {datetime.now():%H:%M}"
    assert not controller.backup_if_changed()  # no change since that backup
    shot(window, "statusbar_backup.png")
    controller.shutdown()


def test_restore_from_the_menu_lists_backups_and_brings_back_the_old_state(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    filled_db: Database,
    db_path: Path,
    answer_dialog: Callable[[str], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = backup_database(db_path, default_backup_dir(), now=datetime(2026, 3, 9, 17, 5, 0))
    with filled_db.session() as session:
        factories.person(session, "Versehentlich", "Angelegt")
    controller = BackupController(
        window, db_path, filled_db.close, restore_action=window.restore_backup_action
    )
    assert window.restore_backup_action.text() == "Sicherung &wiederherstellen …"

    dialog = RestoreDialog(controller.service.backups(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Mo., 09.03.2026, 17:05 Uhr"
    assert dialog.table.item(0, 1).text().endswith("KB")
    assert dialog.selected_path() == old
    shot(dialog, "restore_dialog.png")
    dialog.close()

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    seen = answer_dialog("OK")
    assert controller.restore(old, parent=window)
    assert "Multilok wird jetzt beendet" in seen[0] and quits == [True]
    assert "Angelegt" not in last_names(db_path)
    kept = [i for i in list_backups(default_backup_dir()) if i.path != old]
    assert len(kept) == 1 and "Angelegt" in last_names(kept[0].path)  # the state before


def test_damaged_file_dialog_restores_the_newest_good_backup_and_keeps_the_file(
    qtbot,
    db: Database,
    db_path: Path,
    answer_dialog: Callable[[str], list[str]],  # noqa: ANN001
) -> None:
    with db.session() as session:
        factories.person(session, "Anna", "Gesichert")
    backup_database(db_path, default_backup_dir())
    db.close()
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
    damaged_bytes = db_path.read_bytes()

    shots: list[bool] = []

    def screenshot_then_answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, screenshot_then_answer)
            return
        shot(box, "damaged_database_dialog.png")
        shots.append(True)
        for button in box.buttons():
            if button.text() == "Sicherung wiederherstellen":
                button.click()

    QTimer.singleShot(0, screenshot_then_answer)
    seen = answer_dialog("OK")  # the confirmation afterwards
    restored = ask_restore_unusable(None, "Die Datenbank ist beschädigt.", BackupService(db_path))
    assert restored is not None and shots == [True]
    assert "vorherige Datei ist aufbewahrt" in seen[0]
    assert last_names(db_path) == ["Gesichert"]
    (kept,) = db_path.parent.glob("*.beschädigt-*.sqlite")
    assert kept.read_bytes() == damaged_bytes


def test_a_second_window_on_the_same_database_is_told_and_quits(
    qtbot,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: messages.append(text))
    )
    with InstanceLock(db_path):
        assert app_module.main(["--db", str(db_path), "--exit-after-start"]) == 1
    assert "bereits in Multilok geöffnet" in messages[0]
    assert not db_path.exists()  # nothing written


def test_the_backup_folder_is_chosen_in_the_settings(
    qtbot,
    filled_db: Database,
    tmp_path: Path,
    settings: QSettings,  # noqa: ANN001
) -> None:
    service = SettingsService(filled_db)
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backup_folder.text() == ""
    assert dialog.backup_folder.placeholderText() == str(default_backup_dir())
    shot(dialog, "settings_backup_folder.png")
    dialog.backup_folder.setText(str(tmp_path / "Netzlaufwerk" / "Sicherungen"))
    dialog.accept()
    assert service.backup_folder() == str(tmp_path / "Netzlaufwerk" / "Sicherungen")
