"""Import preview in the UI: mapping, duplicates unchecked, all-or-nothing on apply."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from multilok_desktop.ui.address_book.import_dialog import COL_NOTE, COL_TAKE, ImportDialog
from multilok_desktop.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "exchange" / "data"
CSV = (
    '"Anrede","Vorname","Nachname","Firma","E-Mail-Adresse"\r\n'
    '"Herr","Juergen","Mueller","Gemeinde Großwöllmen","j.mueller@grosswoellmen.de"\r\n'
    '"Frau","Jutta","Kühn","Gemeinde Neißeaue","j.kuehn@neisseaue.de"\r\n'
)


def names(window: MainWindow) -> list[str]:
    model = window.address_book.people.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_preview_marks_duplicates_and_imports_the_rest(
    window: MainWindow,
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    path = tmp_path / "outlook.csv"
    path.write_bytes(CSV.encode("cp1252"))
    dialog = ImportDialog(window.address_book._exchange, str(path), window)
    qtbot.addWidget(dialog)
    assert dialog.ready
    table = dialog._table
    assert table.rowCount() == 2
    assert table.item(0, COL_TAKE).checkState() == Qt.CheckState.Unchecked  # Müller exists
    assert "schon vorhanden: Müller, Jürgen" in table.item(0, COL_NOTE).text()
    assert table.item(1, COL_TAKE).checkState() == Qt.CheckState.Checked
    dialog.accept()
    assert dialog.result_text == "1 Personen und 1 Organisationen importiert."
    window.address_book.people.model.reload()
    assert "Kühn, Jutta" in names(window) and names(window).count("Müller, Jürgen") == 1


def test_unreadable_file_is_reported_and_nothing_opens(
    window: MainWindow,
    answer_dialog,  # noqa: ANN001
) -> None:
    messages = answer_dialog("OK")
    dialog = ImportDialog(window.address_book._exchange, str(DATA / "garbage.bin"), window)
    assert not dialog.ready
    assert "Es wurde nichts übernommen" in messages[0]


def test_vcard_import_through_the_view(window: MainWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Outlook's vCard 2.1 (Windows-1252, quoted-printable) arrives with its umlauts."""
    path = tmp_path / "outlook.vcf"
    shutil.copyfile(DATA / "outlook_21.vcf", path)
    before = len(names(window))
    dialog = ImportDialog(window.address_book._exchange, str(path), window)
    qtbot.addWidget(dialog)
    dialog._check_all(True)
    dialog.accept()
    window.address_book.people.model.reload()
    after = names(window)
    assert len(after) == before + 2
    assert "Müller-Lüdenscheidt, Dr. Jürgen" in after and "Kühn, Jutta" in after
