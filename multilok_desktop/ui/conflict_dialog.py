"""The one message for a save that lost against someone else's (services/conflicts.py).

Shows what the user typed ("Ihre Fassung") beside what is stored now ("gespeicherte
Fassung") for every field that differs, and lets the user choose: load the stored version
into the form, save their own version after all (a deliberate overwrite, never a silent
one), or go back to the form.
"""

from __future__ import annotations

from enum import Enum
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.conflicts import ConflictError


class ConflictChoice(Enum):
    RELOAD = "reload"  # load the stored version into the form
    OVERWRITE = "overwrite"  # save the user's version on top of the stored one
    BACK = "back"  # back to the form, nothing saved


translate = QCoreApplication.translate  # a name pyside6-lupdate recognises


def differences_html(error: ConflictError) -> str:
    """A table: Feld | Ihre Fassung | gespeicherte Fassung (only fields that differ)."""
    rows = "".join(
        f"<tr><td><b>{escape(label)}</b></td><td>{escape(_short(yours))}</td>"
        f"<td>{escape(_short(saved))}</td></tr>"
        for label, yours, saved in error.differences
    )
    field = translate("ConflictDialog", "Feld")
    yours = translate("ConflictDialog", "Ihre Fassung")
    saved = translate("ConflictDialog", "gespeicherte Fassung")
    head = (
        f"<tr><th align='left'>{field}</th><th align='left'>{yours}</th>"
        f"<th align='left'>{saved}</th></tr>"
    )
    return f"<table cellspacing='0' cellpadding='4'>{head}{rows}</table>"


def _short(value: str, limit: int = 120) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def conflict_box(parent: QWidget | None, error: ConflictError) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ConflictDialog", "Gleichzeitig geändert"))
    box.setText(escape(str(error)))
    box.setInformativeText(differences_html(error))
    reload_button = box.addButton(
        translate("ConflictDialog", "&Gespeicherte Fassung laden"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        translate("ConflictDialog", "&Meine Fassung speichern"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(translate("ConflictDialog", "&Zurück"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    return box


def ask_about_conflict(parent: QWidget | None, error: ConflictError) -> ConflictChoice:
    box = conflict_box(parent, error)
    box.exec()
    role = box.buttonRole(box.clickedButton()) if box.clickedButton() else None
    if role == QMessageBox.ButtonRole.AcceptRole:
        return ConflictChoice.RELOAD
    if role == QMessageBox.ButtonRole.DestructiveRole:
        return ConflictChoice.OVERWRITE
    return ConflictChoice.BACK
