"""Print a PDF exactly as it is: its pages, rendered by PDFium, onto the printer's pages.

Qt's own PDF module is not part of PySide6-Essentials; pypdfium2 renders each page at
the printer's resolution, so what comes out of the printer is what the PDF shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def render_pdf(pdf_path: Path, printer: QPrinter) -> int:
    """Paint every page of the PDF onto the printer; returns the number of pages."""
    import pypdfium2 as pdfium  # loaded on the first print only

    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), 300)
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil_image = bitmap.to_pil().convert("RGB")
            data = pil_image.tobytes("raw", "RGB")
            image = QImage(data, pil_image.width, pil_image.height, pil_image.width * 3,
                           QImage.Format.Format_RGB888)  # fmt: skip
            target: QRect = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            painter.setWindow(target)
        return len(document)
    finally:
        painter.end()
        document.close()


def preview_and_print(pdf_path: Path, parent: QWidget | None = None) -> None:
    """The print preview with the system print dialog behind its printer button."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pdf_path.stem)
    printer.setFullPage(True)  # the PDF carries its own margins
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Druckvorschau"))
    dialog.paintRequested.connect(lambda target: render_pdf(pdf_path, target))
    dialog.resize(900, 1000)
    dialog.exec()
