"""Shared by start_demo.py and run_tests.py: a project venv with the package installed."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("MULTILOK_VENV", ROOT / ".venv"))


def venv_python() -> Path:
    scripts = VENV / ("Scripts" if os.name == "nt" else "bin")
    return scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_installed(extra: str = "") -> Path:
    """Create .venv if needed and (re)install the project into it, editable."""
    if not venv_python().exists():
        print(f"Lege die virtuelle Umgebung an: {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(venv_python())
    target = f".{extra}" if extra else "."
    print(f"Installiere Multilok Desktop{' mit ' + extra if extra else ''} …", flush=True)
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    return venv_python()


def run(command: list[str], **kwargs: object) -> int:
    return subprocess.run(command, cwd=ROOT, **kwargs).returncode  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit("Bitte start_demo.py oder run_tests.py aufrufen.")
