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


USAGE_SCRIPT = """
import sys
from multilok_desktop.services.taxonomy_editing import TaxonomyService
from multilok_desktop.storage.database import Database
rows = TaxonomyService(Database.open(sys.argv[1])).values("organisation_kind")
print("USES", {row.name: row.uses for row in rows}["Kommune"])
"""


def test_value_usage_counts_every_table_in_a_fresh_process(tmp_path) -> None:  # noqa: ANN001
    """Usage counts walk Base.metadata: it must hold every model's table even when nothing
    else has loaded the models yet (the Wertelisten dialog opened first)."""
    from multilok_desktop.storage.database import Database
    from tests import factories

    path = tmp_path / "office.sqlite"
    database = Database.open(str(path))
    with database.session() as s:
        factories.organisation(s, "Gemeinde Großwöllmen", "Kommune")
    database.close()
    result = subprocess.run(
        [sys.executable, "-c", USAGE_SCRIPT, str(path)], capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "USES 1" in result.stdout
