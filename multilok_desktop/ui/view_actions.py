"""Toolbar actions of a main view: shortcut active only while that view is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def view_action(
    view: QWidget,
    toolbar: QToolBar,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str,
    slot: Callable[[], object],
) -> QAction:
    """A toolbar button with its shortcut in the tooltip ("Löschen (Del)")."""
    action = QAction(text, view)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        # The main window holds several views; the shortcut belongs to the visible one.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    label = text.rstrip(" …")
    action.setToolTip(f"{label} ({shortcut_text})" if shortcut_text else label)
    action.triggered.connect(slot)
    toolbar.addAction(action)
    view.addAction(action)
    return action
