"""The log file: rotating, in the user's log folder, without personal data (DSGVO).

Convention for every module: `log = logging.getLogger(__name__)` and log ids and counts,
never names, e-mail addresses, phone numbers, addresses or free texts ("person 17 erased",
not "Jutta Kühn erased"). As a safety net the handler's filter masks e-mail addresses and
phone numbers that slip into a message anyway, and exceptions are logged with their type
and place only — their messages often quote the user's input.

The file is readable by its owner only; it rotates at 1 MB and keeps five old files.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from . import APP_NAME

LOG_FILE_NAME = "multilok.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[A-Za-z]{2,}")
# German numbers start with 0 or +; ISO dates (2026-03-01) and ids do not.
_PHONE = re.compile(r"(?<![\w.:-])(?:\+|0)\d[\d /()-]{5,}\d(?![\w.:-])")


def log_dir() -> Path:
    """e.g. %LOCALAPPDATA%\\Multilok\\Logs or ~/.local/state/Multilok/log"""
    return user_log_path(APP_NAME, appauthor=False)


def redact(text: str) -> str:
    """Mask e-mail addresses and phone numbers."""
    return _PHONE.sub("[Telefon]", _EMAIL.sub("[E-Mail]", text))


class PersonalDataFilter(logging.Filter):
    """Formats the message, masks contact data in it, and drops exception messages."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frames = traceback.extract_tb(exc.__traceback__)
            place = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
            record.msg = f"{record.msg} [{type(exc).__name__} in {place}]"
            record.exc_info = None
            record.exc_text = None
        return True


class _MultilokHandler(RotatingFileHandler):
    """Marks the handler this module installed, so a second call replaces it."""


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the package's log records to the rotating file; returns the file's path.

    Safe to call more than once (the app and the command line both call it at start). A
    log folder that cannot be written means no log file (None), never a failed start.
    """
    folder = folder or log_dir()
    path = folder / LOG_FILE_NAME
    logger = logging.getLogger("multilok_desktop")
    for old in [h for h in logger.handlers if isinstance(h, _MultilokHandler)]:
        logger.removeHandler(old)
        old.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _MultilokHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    logger.setLevel(level)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    return path
