"""One command from a fresh checkout to the full test run (what CI runs, too).

python3 tools/run_tests.py [pytest arguments]
"""

from __future__ import annotations

import os
import platform
import sys

from _venv import ensure_installed, run

QT_CHECK = "from PySide6.QtWidgets import QApplication; QApplication([])"
DEBIAN_QT_PACKAGES = (
    "libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 "
    "libx11-6 fonts-dejavu-core"
)

if __name__ == "__main__":
    python = str(ensure_installed("[test]"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if run([python, "-c", QT_CHECK], env=env) != 0:
        hint = (
            f"\n  sudo apt-get install {DEBIAN_QT_PACKAGES}" if platform.system() == "Linux" else ""
        )
        sys.exit(f"Qt startet nicht – es fehlen Systembibliotheken.{hint}")
    if run([python, "-m", "ruff", "check", "multilok_desktop", "tests", "tools"]) != 0:
        sys.exit("ruff hat Fehler gefunden.")
    if run([python, "-m", "mypy"]) != 0:
        sys.exit("mypy hat Typfehler gefunden.")
    code = run([python, "-m", "pytest", "-q", *sys.argv[1:]], env=env)
    if code != 0 or sys.argv[1:]:
        sys.exit(code)
    # The service tests once more, each on a fresh database of a throw-away PostgreSQL
    # server (tests/postgres/server.py; skipped without PostgreSQL, except in CI).
    print("Service-Tests mit PostgreSQL …", flush=True)
    pg_env = {**env, "MULTILOK_TEST_DB": "postgresql"}
    # The Sitzungspaket round trip too: the office on the server, the laptop on SQLite.
    package_tests = "tests/exchange/test_meeting_package.py"
    sys.exit(run([python, "-m", "pytest", "-q", "tests/services", package_tests], env=pg_env))
