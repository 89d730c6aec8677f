"""PDF/A-2b from a ReportLab PDF, for the archive (DESIGN.md §7).

Open-source ReportLab writes no PDF/A, but what it writes comes close: every font is an
embedded TrueType subset (DejaVu Sans), there is no encryption, no transparency and no
JavaScript. `make_pdfa` adds what is missing with pikepdf:

- XMP metadata carrying the Info dictionary's title, author, subject, keywords and dates
  plus the PDF/A identification (pdfaid:part 2, pdfaid:conformance B);
- an OutputIntent (GTS_PDFA1) with an sRGB ICC profile, made by Pillow's littleCMS
  (`ImageCms.createProfile("sRGB")`, a version 4 display profile, which PDF/A-2 accepts),
  so the DeviceRGB/DeviceGray colours of the page have a defined meaning;
- the removal of what PDF/A forbids and ReportLab might add (the Info key /Trapped
  without an XMP counterpart, JavaScript and automatic actions, encryption) and print
  flags on annotations.

A font that is not embedded is refused with a German message: such a file cannot be
PDF/A. pikepdf is imported on first use only (start-up stays lean).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..services.errors import ServiceError

SRGB_IDENTIFIER = "sRGB IEC61966-2.1"
COLOR_REGISTRY = "http://www.color.org"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The bytes of an sRGB ICC profile (display class, RGB, PCS XYZ) made by Pillow."""
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return profile.tobytes()


def make_pdfa(source: Path, target: Path) -> Path:
    """Write `source` (a PDF made by ReportLab) as PDF/A-2b to `target`, atomically.

    `target` may be `source` itself. Raises ServiceError with a German message if pikepdf
    is missing, the source cannot be read, a font is not embedded or the target cannot
    be written; an existing target is then left as it was.
    """
    try:
        import pikepdf
    except ImportError as exc:
        raise ServiceError(
            "Für PDF/A fehlt das Programmpaket „pikepdf“. Bitte Multilok neu installieren."
        ) from exc
    source, target = Path(source), Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise ServiceError(f"Den Ordner „{folder}“ gibt es nicht.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise ServiceError(f"In den Ordner „{folder}“ kann nicht geschrieben werden.") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        try:
            pdf = pikepdf.open(source)
        except (OSError, pikepdf.PdfError) as exc:
            raise ServiceError(f"Die Datei „{source}“ ist kein lesbares PDF.") from exc
        with pdf:
            _check_fonts(pdf)
            _remove_forbidden(pdf)
            _add_metadata(pdf)
            _add_output_intent(pdf, pikepdf)
            pdf.save(temp, encryption=False, fix_metadata_version=True)
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temp, target)
    except OSError as exc:
        hint = (
            " Ist sie in einem anderen Programm geöffnet?"
            if isinstance(exc, PermissionError)
            else ""
        )
        message = f"Die Datei „{target}“ kann nicht geschrieben werden.{hint}"
        raise ServiceError(message) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def _check_fonts(pdf: Any) -> None:
    """Every font used on a page must carry its font program (PDF/A 6.2.11.4)."""
    for number, page in enumerate(pdf.pages, 1):
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for name in list(fonts.keys()):
            font = fonts[name]
            if font.get("/Subtype") == "/Type3":
                continue
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor", {})
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                base = str(font.get("/BaseFont", name)).lstrip("/")
                raise ServiceError(
                    f"Die Schrift „{base}“ auf Seite {number} ist nicht eingebettet; "
                    "daraus lässt sich kein PDF/A machen."
                )


def _remove_forbidden(pdf: Any) -> None:
    """JavaScript, automatic actions and /Trapped (not mirrored in XMP) go; annotations
    get the print flag and lose hidden/invisible flags."""
    root = pdf.Root
    for key in ("/AA", "/JavaScript"):
        if key in root:
            del root[key]
    if "/Names" in root and "/JavaScript" in root.Names:
        del root.Names["/JavaScript"]
    action = root.get("/OpenAction")
    if action is not None and hasattr(action, "get") and action.get("/S") != "/GoTo":
        del root["/OpenAction"]
    if "/Trapped" in pdf.docinfo:
        del pdf.docinfo["/Trapped"]
    for page in pdf.pages:
        for key in ("/AA", "/Trans"):  # actions; ReportLab's empty slide-show transition
            if key in page.obj:
                del page.obj[key]
        for annotation in page.obj.get("/Annots", []):
            flags = int(annotation.get("/F", 0))
            annotation.F = (flags | 4) & ~(1 | 2 | 32)  # Print on; Invisible, Hidden, NoView off


def _add_metadata(pdf: Any) -> None:
    """XMP mirrors the Info dictionary (PDF/A 6.6.2.3) and declares PDF/A-2b."""
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"


def _add_output_intent(pdf: Any, pikepdf: Any) -> None:
    icc = srgb_profile()
    profile = pikepdf.Stream(pdf, icc)
    profile.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB_IDENTIFIER),
        RegistryName=pikepdf.String(COLOR_REGISTRY),
        Info=pikepdf.String(SRGB_IDENTIFIER),
        DestOutputProfile=pdf.make_indirect(profile),
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
