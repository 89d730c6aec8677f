"""DejaVu Sans for every PDF: embedded TrueType with full Unicode (DESIGN.md §7).

The standard Helvetica of PDF viewers is not embedded and lacks letters such as "ı"
(Yılmaz), "Ł" (Łódź) or "Ş" (Şahin); DejaVu Sans has them. The fonts ship in
`resources/fonts/` beside the package in a checkout and under `sys._MEIPASS` when frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..services.errors import ServiceError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}


def resources_dir() -> Path:
    """The `resources/` folder: in `_MEIPASS` when frozen (PyInstaller), else the checkout's."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_path(file_name: str) -> Path:
    return resources_dir() / "fonts" / file_name


def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) once; returns the family name.

    `<b>` and `<i>` in paragraphs map to the bold and oblique faces; there is no
    bold oblique file, so bold italic text is set bold.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    if all(name in registered for name in _FILES):
        return REGULAR
    for name, file_name in _FILES.items():
        if name in registered:
            continue
        path = font_path(file_name)
        try:
            font = TTFont(name, str(path))
        except (OSError, TTFError) as exc:
            raise ServiceError(
                f"Die Schriftart {file_name} fehlt im Programmordner ({path.parent}) oder ist "
                "beschädigt. Bitte Multilok neu installieren."
            ) from exc
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
