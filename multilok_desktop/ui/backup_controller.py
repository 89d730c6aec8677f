"""Backups while the app runs: every 30 minutes while the file changes, "letzte Sicherung
HH:MM" in the status bar, and Datei › Sicherung wiederherstellen … (DESIGN.md §5).

The copy runs in a worker thread (the online backup API and the check of the copy take
about 0.3 s on the large demo database; sqlite3 releases the GIL meanwhile), so typing in
the minutes never waits for it. Changes are seen by two `stat` calls (storage.autobackup).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from ..services.backup_service import (
    AUTO_BACKUP_INTERVAL_S,
    BackupService,
    FileState,
    StorageError,
)


def backup_label_text(moment: datetime | None, today: date | None = None) -> str:
    if moment is None:
        return QApplication.translate("BackupController", "noch keine Sicherung")
    today = today or date.today()
    when = f"{moment:%H:%M}" if moment.date() == today else f"{moment:%d.%m.%Y %H:%M}"
    return QApplication.translate("BackupController", "letzte Sicherung %1").replace("%1", when)


class BackupController(QObject):
    """Signals: backup_done(path, error) — from the worker thread, handled in the GUI."""

    backup_done = Signal(object, str)

    def __init__(
        self,
        window: QMainWindow,
        db_path: Path,
        close_database: Callable[[], None],
        *,
        interval_s: float = AUTO_BACKUP_INTERVAL_S,
        restore_action: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.db_path = db_path
        self._close_database = close_database
        self.service = BackupService(db_path)
        self._worker: threading.Thread | None = None
        self._pending: FileState | None = None
        self.last_error = ""
        self.restored = False

        self.label = QLabel()
        self.label.setObjectName("backup_label")
        window.statusBar().insertPermanentWidget(1, self.label)
        # Filled right after the first paint: listing the folders costs a few ms at start.
        QTimer.singleShot(0, self.refresh_label)

        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.backup_if_changed)
        self.timer.start()
        self.backup_done.connect(self._on_backup_done)
        if restore_action is not None:
            restore_action.triggered.connect(self.on_restore)

    def folder(self) -> Path:
        return self.service.folder()

    @Slot()
    def refresh_label(self) -> None:
        newest = self.service.backups()
        if newest:
            self._show(newest[0].taken_at, newest[0].path)
        else:
            self._show(None)

    # --- automatic backups ----------------------------------------------------------------

    @Slot()
    def backup_if_changed(self) -> bool:
        """Start a backup in the background if the file changed; True if one started."""
        if self.busy or not self.service.changed():
            return False
        self._pending = self.service.state()
        self._worker = threading.Thread(target=self._run, name="multilok-backup", daemon=True)
        self._worker.start()
        return True

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def wait(self, timeout: float = 60.0) -> None:
        """Let a running backup finish (before the exit backup or a restore)."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def shutdown(self) -> None:
        self.timer.stop()
        self.wait()

    def _run(self) -> None:  # worker thread: no widgets here
        try:
            copy = self.service.back_up()
        except (StorageError, OSError) as exc:
            self.backup_done.emit(None, str(exc))
            return
        self.backup_done.emit(copy, "")

    @Slot(object, str)
    def _on_backup_done(self, copy: Path | None, error: str) -> None:
        self.last_error = error
        if copy is None:
            self.label.setText(self.tr("Sicherung fehlgeschlagen"))
            self.label.setToolTip(error)
            self._window.statusBar().showMessage(
                self.tr("Automatische Sicherung fehlgeschlagen: %1").replace("%1", error), 15000
            )
            return
        if self._pending is not None:
            self.service.mark_saved(self._pending)
        self._show(datetime.now(), copy)

    def _show(self, moment: datetime | None, copy: Path | None = None) -> None:
        self.label.setText(backup_label_text(moment))
        folder = copy.parent if copy is not None else self.folder()
        self.label.setToolTip(
            self.tr("Sicherungen: alle 30 Minuten bei Änderungen, vor jedem Import und "
                    "beim Beenden.\nOrdner: %1").replace("%1", str(folder))
        )  # fmt: skip

    # --- restore ------------------------------------------------------------------------

    @Slot()
    def on_restore(self) -> None:
        window = self._window
        others = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not window and w.isWindow() and not w.inherits("QMenu")
        ]
        if others:
            QMessageBox.information(
                window,
                self.tr("Sicherung wiederherstellen"),
                self.tr("Bitte zuerst die anderen Multilok-Fenster (z. B. den Sitzungsmodus) "
                        "schließen; sie könnten sonst Änderungen in die wiederhergestellte "
                        "Datenbank schreiben."),
            )  # fmt: skip
            return
        from .restore_dialog import RestoreDialog, confirm_restore  # only when asked for

        backups = self.service.backups()
        dialog = RestoreDialog(backups, window)
        if not dialog.exec() or dialog.chosen is None:
            return
        taken = next((b.taken_at for b in backups if b.path == dialog.chosen), None)
        if not confirm_restore(window, dialog.chosen, taken):
            return
        self.restore(dialog.chosen, parent=window)

    def restore(self, backup: Path, parent: QWidget | None = None) -> bool:
        """Restore `backup`, then ask the user to start Multilok again and quit."""
        self.shutdown()
        self._close_database()
        try:
            kept = self.service.restore(backup)
        except (StorageError, OSError) as exc:
            QMessageBox.warning(parent, self.tr("Nicht wiederhergestellt"), str(exc))
            self.timer.start()
            return False
        self.restored = True
        QMessageBox.information(
            parent,
            self.tr("Sicherung wiederhergestellt"),
            self.tr("Die Sicherung ist wiederhergestellt; der vorherige Stand ist gesichert "
                    "in:\n%1\n\nMultilok wird jetzt beendet. Bitte starten Sie es neu, "
                    "um mit dem wiederhergestellten Stand zu arbeiten.").replace("%1", str(kept)),
        )  # fmt: skip
        self._window.close()
        QApplication.quit()
        return True
