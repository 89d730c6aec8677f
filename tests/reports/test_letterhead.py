"""The office's logo in the letterhead that every PDF starts with."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from multilok_desktop.reports.layout import (
    LOGO_MAX_HEIGHT,
    LOGO_MAX_WIDTH,
    DocumentInfo,
    _logo,
    letterhead,
    styles,
    write_pdf,
)
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.settings import OfficeSettings, read_logo, save_settings
from multilok_desktop.storage.database import Database


def _png(path: Path, width: int, height: int) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), (27, 94, 140)).save(path)
    return path


def _images_in(pdf: Path) -> int:
    return len(re.findall(rb"/Subtype\s*/Image", pdf.read_bytes()))


def test_the_logo_is_drawn_in_the_letterhead(tmp_path: Path) -> None:
    """With a logo the PDF carries one image; without, none."""
    office = OfficeSettings(office_name="Regionalbüro Süd")
    with_logo = replace(office, logo=read_logo(_png(tmp_path / "logo.png", 300, 100)))
    for settings, name in ((office, "ohne.pdf"), (with_logo, "mit.pdf")):
        info = DocumentInfo(title="Test", settings=settings)
        story = [letterhead(settings, 16 * 28.35), Paragraph("Text", styles().body)]
        write_pdf(tmp_path / name, story, info)
    assert _images_in(tmp_path / "ohne.pdf") == 0
    assert _images_in(tmp_path / "mit.pdf") == 1


def test_the_logo_is_scaled_into_its_box(tmp_path: Path) -> None:
    """A wide and a tall logo both fit 5 × 2.2 cm, keeping their proportions."""
    for width, height in ((2000, 200), (200, 900)):
        data = _png(tmp_path / f"{width}.png", width, height).read_bytes()
        image = _logo(data)
        assert image.drawWidth <= LOGO_MAX_WIDTH + 0.01
        assert image.drawHeight <= LOGO_MAX_HEIGHT + 0.01
        assert image.drawWidth / image.drawHeight == pytest.approx(width / height, rel=0.01)


def test_a_bad_logo_is_not_saved(db: Database, tmp_path: Path) -> None:
    """Not an image, or corrupt base64: a clear error, nothing stored."""
    text = tmp_path / "logo.png"
    text.write_text("kein Bild")
    with pytest.raises(ValidationError, match="PNG- oder JPEG"):
        read_logo(text)
    with db.session() as session, pytest.raises(ValidationError, match="beschädigt"):
        save_settings(session, OfficeSettings(logo="nicht base64!"))
    with db.session() as session:
        from multilok_desktop.services.settings import load_settings

        assert load_settings(session).logo == ""
