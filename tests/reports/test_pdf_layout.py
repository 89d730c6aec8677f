"""The shared page frame (`reports/layout.py`): what it does to lay out PDFs faster must not
change what they show."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer

from multilok_desktop.reports.layout import (
    BOTTOM_MARGIN,
    TOP_MARGIN,
    DocumentInfo,
    Paragraph,
    letterhead,
    styles,
    write_pdf,
)
from multilok_desktop.services.settings import OfficeSettings, read_logo

# The frame's height less ReportLab's 6 pt padding at its top and bottom.
FRAME_HEIGHT = A4[1] - TOP_MARGIN - BOTTOM_MARGIN - 12
LONG_TEXT = " ".join(["Die Gemeinden melden freie Wohnungen bis zum 30. April."] * 6)


def page_texts(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    command = ["pdftotext", str(path), "-"]
    text = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    return text.split("\f")[:-1]


def write(path: Path, story: list[Flowable], settings: OfficeSettings | None = None) -> Path:
    info = DocumentInfo(title="Test", settings=settings or OfficeSettings(office_name="Büro"))
    return write_pdf(path, story, info)


def test_a_paragraph_breaks_its_lines_once_per_width() -> None:
    paragraph = Paragraph(LONG_TEXT, styles().body)
    breaks: list[Any] = []
    original = paragraph.breakLines

    def counting(widths: Any) -> Any:
        breaks.append(widths)
        return original(widths)

    paragraph.breakLines = counting  # type: ignore[method-assign]
    wide = paragraph.wrap(400, 1000)
    assert paragraph.wrap(400, 50) == wide  # the height offered does not matter
    assert len(breaks) == 1
    narrow = paragraph.wrap(200, 1000)
    assert narrow[1] > wide[1] and len(breaks) == 2
    assert paragraph.wrap(400, 1000) == wide and len(breaks) == 3
    del paragraph.blPara  # what a split that found no room does
    assert paragraph.wrap(400, 1000) == wide and len(breaks) == 4
    assert paragraph.blPara.lines


def test_a_paragraph_without_room_moves_on_whole(tmp_path: Path) -> None:
    """One line of room at the foot of the page: the paragraph (no orphans) goes to the
    next page and is set there in full, though its lines were dropped on the way."""
    leading = styles().body.leading
    story: list[Flowable] = [
        Spacer(0, FRAME_HEIGHT - 1.5 * leading),
        Paragraph(LONG_TEXT, styles().body),
    ]
    first, second = page_texts(write(tmp_path / "umbruch.pdf", story))
    assert "Wohnungen" not in first
    assert " ".join(second.split()).count("Wohnungen") == 6


def test_a_heading_keeps_with_the_next_paragraph(tmp_path: Path) -> None:
    """Room for the heading but not for what follows it: both go to the next page."""
    heading = Paragraph("Übersicht der Aufgaben", styles().heading)
    heading.keepWithNext = True
    story: list[Flowable] = [
        Spacer(0, FRAME_HEIGHT - 32),
        heading,
        Paragraph(LONG_TEXT, styles().body),
    ]
    first, second = page_texts(write(tmp_path / "zusammen.pdf", story))
    assert "Übersicht" not in first
    assert second.lstrip().startswith("Übersicht der Aufgaben")


def test_streams_are_flate_compressed_without_ascii85(tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    from PIL import Image

    Image.new("RGB", (300, 100), (27, 94, 140)).save(tmp_path / "logo.png")
    settings = replace(OfficeSettings(office_name="Büro"), logo=read_logo(tmp_path / "logo.png"))
    before = rl_config.useA85
    path = write(tmp_path / "logo.pdf", [letterhead(settings, 400)], settings)
    assert rl_config.useA85 == before  # ReportLab's setting is left as it was
    filters = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and "/Filter" in obj:
                filters.append(str(obj.Filter))
    assert any("/FlateDecode" in f for f in filters)
    assert not any("ASCII85" in f for f in filters), filters
