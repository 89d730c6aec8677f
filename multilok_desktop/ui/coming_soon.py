"""An honest page for a part of the program that is not built yet."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingSoonPage(QWidget):
    status_message = Signal(str)  # the main window's view protocol

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(f"<h2>{title}</h2>")
        text = QLabel(description)
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        note = QLabel(
            self.tr(
                "Dieser Bereich ist noch nicht fertig und kommt mit einer der nächsten Versionen. "
                "Die Daten dafür (z. B. aus den Beispieldaten) sind schon in der Datenbank und "
                "über die Kommandozeile abrufbar: <code>multilok list meetings</code>, "
                "<code>multilok list measures</code>."
            )
        )
        note.setWordWrap(True)
        note.setMaximumWidth(560)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (heading, text, note):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def ensure_loaded(self) -> None:
        pass  # nothing to load

    def restore_state(self, settings: QSettings) -> None:
        pass

    def save_state(self, settings: QSettings) -> None:
        pass
