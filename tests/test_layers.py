"""The layers only look down (DESIGN.md §3, STYLE.md §2); Qt stays in ui/ and app.py."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "multilok_desktop"

# layer → layers it must not import
FORBIDDEN = {
    "domain": {"storage", "services", "exchange", "reports", "ui", "cli", "app"},
    "storage": {"services", "exchange", "reports", "ui", "cli", "app"},
    "services": {"exchange", "reports", "ui", "cli", "app"},
    "exchange": {"reports", "ui", "cli", "app"},
    "reports": {"exchange", "ui", "cli", "app"},
    "cli": {"ui", "app"},
}
QT_ALLOWED = {"ui", "app"}


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["multilok_desktop", *path.relative_to(PACKAGE).parent.parts]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def test_layers_only_import_downwards() -> None:
    offences = []
    for path in PACKAGE.rglob("*.py"):
        layer = layer_of(path)
        for name in imported_modules(path):
            parts = name.split(".")
            if (
                parts[0] == "multilok_desktop"
                and len(parts) > 1
                and parts[1] in FORBIDDEN.get(layer, ())
            ):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_qt_only_in_ui_and_app() -> None:
    offences = [
        f"{path.relative_to(PACKAGE)}"
        for path in PACKAGE.rglob("*.py")
        if layer_of(path) not in QT_ALLOWED
        and any(name.startswith("PySide6") for name in imported_modules(path))
    ]
    assert offences == []


def test_ui_holds_no_sessions_or_queries() -> None:
    """Queries and transactions belong to services/storage (README "How we want you to work").

    The UI may use the domain's plain enums (meeting status, reply), not its ORM models.
    """
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "ui").rglob("*.py")
        for name in imported_modules(path)
        if name.startswith(("sqlalchemy", "multilok_desktop.domain", "multilok_desktop.storage"))
        and not name.startswith("multilok_desktop.domain.enums")
    ]
    assert offences == []
