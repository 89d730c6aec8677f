"""Pieces every dialog uses: the German OK/Cancel row, labels with a keyboard shortcut."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


def dialog_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Abbrechen"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-shortcut focuses `buddy` (the first field of a row of several)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
