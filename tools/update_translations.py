"""Update the translations: pyside6-lupdate collects every tr() text of the UI into
resources/translations/multilok_en.ts (kept translations stay, new texts come in as
"unfinished"), then pyside6-lrelease compiles multilok_en.qm.

    .venv/bin/python tools/update_translations.py          # update .ts, build .qm
    .venv/bin/python tools/update_translations.py --check  # exit 1 if anything is untranslated

German is the source language (the texts in the code); English is written into the .ts
(with Qt Linguist, `pyside6-linguist`, or an editor), then this script is run again.

The .qm also gets every message once more under the context "QObject": PySide's tr() looks
a text up under each class of the object's MRO, QObject last, so texts that lupdate filed
under a variable name (`parent.tr(…)`, `dialog.tr(…)` in a helper function) are found too.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "multilok_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"en": "en_GB"}  # German (de_DE) is the source language
CATCH_ALL_CONTEXT = "QObject"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"multilok_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"multilok_{language}.qm"


def sources() -> list[Path]:
    """Every module that shows text: the ui package and the composition root."""
    return sorted(PACKAGE.joinpath("ui").rglob("*.py")) + [PACKAGE / "app.py"]


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease of this Python's PySide6 (the venv), else from PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} nicht gefunden (kommt mit PySide6-Essentials).")
    return found


def lupdate(ts_file: Path, language: str) -> None:
    files = [str(path.relative_to(ROOT)) for path in sources()]
    command = [tool("pyside6-lupdate"), *files, "-source-language", "de_DE",
               "-target-language", LANGUAGES[language], "-no-obsolete", "-locations", "none",
               "-ts", str(ts_file)]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts_file: Path) -> list[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) of every message in a .ts file."""
    result = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = " | ".join(forms) if forms else translation.text or ""  # %n: every form
            result.append((name, message.findtext("source") or "", text, finished))
    return result


def with_catch_all(ts_file: Path, target: Path) -> None:
    """A copy of the .ts with every finished message once more under "QObject"."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    seen: dict[str, ET.Element] = {}
    for context in root.iter("context"):
        if context.findtext("name") == CATCH_ALL_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                seen.setdefault(message.findtext("source") or "", message)
    catch_all = ET.SubElement(root, "context")
    ET.SubElement(catch_all, "name").text = CATCH_ALL_CONTEXT
    catch_all.extend(copy.deepcopy(message) for message in seen.values())
    tree.write(target, encoding="utf-8", xml_declaration=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        flat = Path(folder) / ts_file.name
        with_catch_all(ts_file, flat)
        command = [tool("pyside6-lrelease"), str(flat), "-qm", str(qm_file)]
        subprocess.run(command, check=True, capture_output=True, text=True)


def unfinished(ts_file: Path) -> list[str]:
    return [f"{name}: {source}" for name, source, _, done in messages(ts_file) if not done]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="nur prüfen, nichts schreiben")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts_file = ts_path(language)
        if args.check:
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / ts_file.name
                shutil.copyfile(ts_file, copy)
                lupdate(copy, language)
                missing = unfinished(copy)
        else:
            TRANSLATIONS.mkdir(parents=True, exist_ok=True)
            lupdate(ts_file, language)
            lrelease(ts_file, qm_path(language))
            missing = unfinished(ts_file)
        total = len(messages(ts_file))
        print(f"{ts_file.name}: {total} Texte, {len(missing)} unübersetzt")
        for line in missing:
            print(f"  {line}")
        status = status or int(bool(missing))
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
