"""Reading and writing contact files by extension; file-system problems become clear errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from multilok_desktop.exchange.contacts_file import read_contacts_file, write_contacts_file
from multilok_desktop.exchange.errors import ExportFileError, ImportFileError
from multilok_desktop.services.contact_import import ContactImportError
from multilok_desktop.services.contact_records import ContactRecord
from multilok_desktop.services.errors import ServiceError

DATA = Path(__file__).parent / "data"

RECORDS = [
    ContactRecord(
        salutation="Herr",
        first_name="Jürgen",
        last_name="Müller",
        organisation="Gemeinde Großröhrsdorf",
        email="j.mueller@grossroehrsdorf.example",
        categories=["Presse"],
    ),
    ContactRecord(first_name="Ayşe", last_name="Öztürk", notes="Zwei\nZeilen"),
]


@pytest.mark.parametrize(
    ("name", "format_name", "has_mapping"),
    [
        ("outlook_21.vcf", "vCard 2.1", False),
        ("thunderbird_40.vcf", "vCard 4.0", False),
        ("outlook_de.csv", "Outlook (deutsch)", True),
        ("google_new.csv", "Google Kontakte", True),
    ],
)
def test_the_extension_chooses_the_parser(name: str, format_name: str, has_mapping: bool) -> None:
    parsed = read_contacts_file(DATA / name)
    assert parsed.format_name == format_name
    assert (parsed.mapping is not None) == has_mapping
    assert parsed.source == DATA / name
    assert parsed.records


def test_other_spellings_of_the_extensions(tmp_path: Path) -> None:
    shutil.copy(DATA / "apple_30.vcf", tmp_path / "Kontakte.VCARD")
    shutil.copy(DATA / "excel_de.csv", tmp_path / "liste.txt")
    assert len(read_contacts_file(tmp_path / "Kontakte.VCARD").records) == 3
    assert len(read_contacts_file(str(tmp_path / "liste.txt")).records) == 3


def test_unknown_format_missing_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "kontakte.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(ImportFileError, match=r"^Unbekanntes Dateiformat „\.xlsx“"):
        read_contacts_file(tmp_path / "kontakte.xlsx")
    with pytest.raises(ImportFileError, match=r"^Die Datei „.*fehlt\.csv“ gibt es nicht\.$"):
        read_contacts_file(tmp_path / "fehlt.csv")
    (tmp_path / "ordner.vcf").mkdir()
    with pytest.raises(ImportFileError, match=r"ist ein Ordner, keine Datei\.$"):
        read_contacts_file(tmp_path / "ordner.vcf")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "geheim.csv"
    path.write_bytes(b"Vorname\r\nJutta\r\n")
    path.chmod(0)
    with pytest.raises(ImportFileError, match="darf nicht gelesen werden"):
        read_contacts_file(path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.vcf", "Karte 2 ab Zeile 6 endet nicht"),
        ("ragged.csv", "Zeile 5: "),
        ("empty.csv", "Die Datei „empty.csv“ ist leer."),
    ],
)
def test_broken_files_raise_the_import_error(name: str, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_contacts_file(DATA / name)
    assert message in str(caught.value)
    # one hierarchy: the command line catches ServiceError, the import ContactImportError
    assert isinstance(caught.value, ContactImportError)
    assert isinstance(caught.value, ServiceError)


@pytest.mark.parametrize("name", ["export.vcf", "export.csv", "EXPORT.VCF"])
def test_written_files_read_back(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_contacts_file(path, RECORDS)
    assert read_contacts_file(path).records == RECORDS
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_writing_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("alt")
    write_contacts_file(path, RECORDS[:1])
    assert [r.last_name for r in read_contacts_file(path).records] == ["Müller"]


def test_write_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportFileError, match=r"^Unbekanntes Dateiformat „\.pdf“"):
        write_contacts_file(tmp_path / "export.pdf", RECORDS)
    with pytest.raises(ExportFileError, match="gibt es nicht"):
        write_contacts_file(tmp_path / "fehlt" / "export.vcf", RECORDS)
    (tmp_path / "ordner.csv").mkdir()
    with pytest.raises(ExportFileError, match="ist ein Ordner"):
        write_contacts_file(tmp_path / "ordner.csv", RECORDS)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
