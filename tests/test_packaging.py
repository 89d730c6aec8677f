"""Cheap checks of the packaging files that need no build (tools/build_bundle.py builds)."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from multilok_desktop import __version__
from multilok_desktop.storage.migrate import MIGRATIONS_DIR

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "multilok.spec"
ISS = PACKAGING / "windows" / "multilok.iss"
DESKTOP = PACKAGING / "linux" / "multilok-desktop.desktop"


def spec_constant(name: str) -> object:
    """A literal assigned at the top level of the spec (it runs only inside PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} fehlt in {SPEC.name}")


def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def iss_setup() -> dict[str, str]:
    """The [Setup] section of the Inno Setup script as key → value (keys lower case)."""
    section, values = "", {}
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("["):
            section = line.lower()
        elif section == "[setup]" and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip().lower()] = value.strip()
    return values


def test_spec_bundles_every_resources_folder() -> None:
    """Every folder of resources/ (fonts, icons, translations …) is in the spec's list."""
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    listed = spec_constant("RESOURCE_DIRS")
    assert isinstance(listed, tuple)
    assert folders <= set(listed), f"fehlt in RESOURCE_DIRS: {sorted(folders - set(listed))}"
    assert {"fonts", "icons"} <= folders
    assert '(str(folder), f"resources/{name}")' in spec_text()


def test_spec_puts_the_migrations_where_migrate_looks() -> None:
    """Alembic reads MIGRATIONS_DIR from files: the spec copies them to that relative path."""
    relative = MIGRATIONS_DIR.relative_to(ROOT).as_posix()
    assert relative == "multilok_desktop/storage/migrations"
    text = spec_text()
    assert f'target = "{relative}"' in text
    assert '"env.py", "script.py.mako"' in text
    assert '(MIGRATIONS / "versions").glob("*.py")' in text
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "script.py.mako").is_file()


def test_spec_collects_the_lazily_imported_modules_and_the_icon() -> None:
    """Views, reports and exporters are imported inside functions: all submodules are collected."""
    text = spec_text()
    assert 'collect_submodules("multilok_desktop"' in text
    assert '"multilok-desktop", console=False' in text  # a window, no console on Windows
    assert '"multilok", console=True' in text
    assert 'APP_ICON = RESOURCES / "icons" / "multilok.ico"' in text
    assert (ROOT / "resources" / "icons" / "multilok.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_entry_scripts_call_the_two_programs() -> None:
    """The bundle's entry scripts start the same mains as pyproject's scripts."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["gui-scripts"]["multilok-desktop"] == "multilok_desktop.launcher:main"
    assert scripts["scripts"]["multilok"] == "multilok_desktop.cli:main"
    desktop = (PACKAGING / "launch_desktop.py").read_text(encoding="utf-8")
    cli = (PACKAGING / "launch_cli.py").read_text(encoding="utf-8")
    assert "from multilok_desktop.launcher import main" in desktop
    assert "from multilok_desktop.cli import main" in cli


def test_desktop_entry_is_valid() -> None:
    """The .desktop file passes desktop-file-validate (or, without it, the basic rules)."""
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Multilok"
    assert entry["Exec"].split()[0] == "multilok-desktop"  # the bundle's window program
    assert entry["Terminal"] == "false"
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";")


def test_installer_is_per_user_without_admin_rights() -> None:
    """PrivilegesRequired=lowest and a program folder under the user's own AppData."""
    setup = iss_setup()
    assert setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in setup  # no way to ask for admin
    directory = setup["defaultdirname"]
    assert directory.startswith(("{localappdata}\\Programs\\", "{userpf}\\"))
    # never the data folder itself (%LOCALAPPDATA%\Multilok): uninstalling {app} would wipe it
    assert directory.rstrip("\\").lower() != "{localappdata}\\multilok"


def test_installer_keeps_the_users_data() -> None:
    """Nothing in the script deletes the data folder (database, Sicherungen, Logs)."""
    text = ISS.read_text(encoding="utf-8")
    code = "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith((";", "//"))
    )
    assert not re.search(r"^\[(UninstallDelete|InstallDelete)\]", code, re.M | re.I)
    assert not re.search(r"DelTree|DeleteFile|RemoveDir", code, re.I)
    for constant in ("{userappdata}", "{localappdata}", "{appdata}", "{%LOCALAPPDATA"):
        for line in code.splitlines():
            if constant.lower() in line.lower():
                assert line.lstrip().lower().startswith(("defaultdirname=", "msgbox(")), line


def test_installer_languages_version_and_bundle() -> None:
    """German and English setup, the package's version, the bundle PyInstaller makes."""
    text = ISS.read_text(encoding="utf-8")
    assert 'MessagesFile: "compiler:Languages\\German.isl"' in text
    assert 'MessagesFile: "compiler:Default.isl"' in text
    assert f'#define AppVersion "{__version__}"' in text
    assert '#define BundleDir "..\\..\\dist\\Multilok"' in text
    assert '#define AppExeName "multilok-desktop.exe"' in text
    assert 'name="Multilok"' in spec_text()  # COLLECT's folder = the installer's source
    assert "{autoprograms}" in text  # start-menu entry


@pytest.mark.parametrize("path", ["build/", "dist/"])
def test_build_output_is_ignored(path: str) -> None:
    """PyInstaller's work and output folders never end up in a commit."""
    assert path in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
