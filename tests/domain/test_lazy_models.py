"""The domain package loads its models on first use, all together (domain/__init__.py)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import multilok_desktop.domain as domain
from multilok_desktop.domain import MeetingStatus  # an enum: no models
models = lambda: sorted(m for m in sys.modules if m.startswith("multilok_desktop.domain.")
                        and m.rsplit(".", 1)[1] not in ("base", "enums", "text"))
print("AFTER_IMPORT", models())
from multilok_desktop.domain.measures import Measure  # names Meeting, not imported
from sqlalchemy.orm import configure_mappers
configure_mappers()  # resolves Measure's relationships: every model module is loaded first
print("AFTER_CONFIGURE", "multilok_desktop.domain.meetings" in sys.modules)
print("BASE_TABLES", len(domain.Base.metadata.tables) > 40)
"""


def test_models_load_on_first_use_and_all_together() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "AFTER_IMPORT []" in result.stdout
    assert "AFTER_CONFIGURE True" in result.stdout
    assert "BASE_TABLES True" in result.stdout
