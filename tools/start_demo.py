"""One command from a fresh checkout to the app on a demo database.

python3 tools/start_demo.py        (Windows: py tools\\start_demo.py)
"""

from __future__ import annotations

import sys

from _venv import ensure_installed, run

if __name__ == "__main__":
    python = ensure_installed()
    sys.exit(run([str(python), "-m", "multilok_desktop", "--demo", *sys.argv[1:]]))
