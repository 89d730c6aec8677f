"""The warm-up after the first paint (MainWindow.start_background_work) survives a step
that fails: the other steps run, the views' worker threads start, warmed_up is sent."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QSettings

from multilok_desktop import app
from multilok_desktop.storage.database import Database


def test_a_failing_warm_up_step_does_not_stop_the_others(
    qtbot,  # noqa: ANN001
    filled_db: Database,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(
        app, "VIEW_MODULES", ("multilok_desktop.gibt_es_nicht", "multilok_desktop.ui.list_table")
    )
    window = app.build_main_window(filled_db, settings)
    qtbot.addWidget(window)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(window.warmed_up, timeout=10_000):
        window.show()
    assert window.warm_up_done and window.background_started
    assert "gibt_es_nicht" in caplog.text
