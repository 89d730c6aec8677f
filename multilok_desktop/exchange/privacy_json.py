"""The Art. 15 DSGVO access report as a JSON file (UTF-8, ISO 8601 dates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .files import write_export_file


def write_privacy_json(data: dict[str, Any], path: Path) -> Path:
    """Write the report from `services.privacy_report.access_report` (atomically)."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_export_file(path, text.encode("utf-8"))
    return path
