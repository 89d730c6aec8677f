"""CSV contact lists: Outlook, Thunderbird, Google and Excel files map right; bad ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multilok_desktop.exchange.contacts_csv import (
    CsvParseResult,
    format_contacts_csv,
    parse_contacts_csv,
)
from multilok_desktop.exchange.csv_formats import NOT_IMPORTED, UNKNOWN_FORMAT
from multilok_desktop.exchange.errors import ImportFileError
from multilok_desktop.services.contact_records import ContactRecord

DATA = Path(__file__).parent / "data"


def read(name: str) -> CsvParseResult:
    return parse_contacts_csv((DATA / name).read_bytes(), name)


def error_of(data: bytes, name: str = "kontakte.csv") -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        parse_contacts_csv(data, name)
    return caught.value


@pytest.mark.parametrize(
    ("name", "format_name", "encoding", "delimiter", "count"),
    [
        ("outlook_de.csv", "Outlook (deutsch)", "Windows-1252", ",", 3),
        ("outlook_en.csv", "Outlook (englisch)", "UTF-8 mit BOM", ",", 2),
        ("excel_de.csv", UNKNOWN_FORMAT, "Windows-1252", ";", 3),
        ("thunderbird_en.csv", "Thunderbird", "UTF-8", ",", 3),
        ("thunderbird_de.csv", "Thunderbird (deutsch)", "UTF-8", ",", 2),
        ("google_old.csv", "Google Kontakte", "UTF-8", ",", 2),
        ("google_new.csv", "Google Kontakte", "UTF-8", ",", 2),
    ],
)
def test_format_encoding_and_delimiter_are_recognised(
    name: str, format_name: str, encoding: str, delimiter: str, count: int
) -> None:
    result = read(name)
    assert (result.format_name, result.encoding, result.delimiter) == (
        format_name,
        encoding,
        delimiter,
    )
    assert len(result.records) == count


def test_outlook_german_windows_1252() -> None:
    """Umlauts, "Herr Dr.", categories split at ";", multi-line notes, private address."""
    result = read("outlook_de.csv")
    mueller, kuehn, schaefer = result.records
    assert mueller == ContactRecord(
        salutation="Herr",
        title="Dr.",
        first_name="Jürgen",
        last_name="Müller-Lüdenscheidt",
        organisation="Gemeinde Großröhrsdorf",
        department="Bauamt",
        function="Amtsleiter",
        email="j.mueller@grossroehrsdorf.example",
        phone="(035952) 283-41",
        mobile="0171 2345678",
        street="Hauptstraße 5",
        postal_code="01900",
        city="Großröhrsdorf",  # not Outlook's "Ort" column, which is the office location
        website="https://www.grossroehrsdorf.example",
        notes="Ansprechpartner für Baulücken, Leerstände\nund die Pendlerbörse.",
        categories=["Presse", "Kommune"],
    )
    # the notes above span two lines, so Jutta Kühn's row starts on line 4
    assert [r.source for r in result.records] == ["Zeile 2", "Zeile 4", "Zeile 5"]
    assert kuehn.organisation == "Wohnungsbaugenossenschaft „Glück Auf“ eG"
    assert kuehn.street == "Töpferstraße 3, Haus B"  # Straße geschäftlich + … 2
    # no business address, phone or e-mail: the private ones stand in
    assert (schaefer.street, schaefer.postal_code, schaefer.city) == (
        "Am Mühlgraben 12",
        "01896",
        "Pulsnitz",
    )
    assert (schaefer.phone, schaefer.email) == ("035955 7788", "g.schaefer@example.org")
    assert schaefer.notes == 'Wochenendpendler (Pulsnitz - München), "Pendlerstammtisch"'
    mapping = dict(result.mapping)
    assert mapping["Firma"] == "Organisation"
    assert mapping["Straße privat"] == "Straße (falls leer)"
    assert mapping["Geburtstag"] == NOT_IMPORTED
    assert mapping["Ort"] == NOT_IMPORTED
    assert len(result.mapping) == 92  # every column of the file is listed


def test_outlook_english_utf8_with_bom() -> None:
    sorensen, gross = read("outlook_en.csv").records
    assert (sorensen.salutation, sorensen.first_name, sorensen.last_name) == (
        "Frau",
        "Ingrid",
        "Sørensen",
    )
    assert sorensen.categories == ["Unternehmen", "Fachkräfte"]
    assert (sorensen.phone, sorensen.mobile) == ("+49 3571 60 40-0", "+49 152 0000 1111")
    assert (gross.title, gross.first_name, gross.last_name) == ("Prof. Dr.", "Hans Peter", "Groß")


def test_german_excel_list_with_semicolons() -> None:
    """A list of one's own: "Name" next to "Vorname" is the family name; empty rows are skipped."""
    result = read("excel_de.csv")
    lehmann, weissbach, yilmaz = result.records
    assert (lehmann.salutation, lehmann.first_name, lehmann.last_name) == (
        "Herr",
        "Bernd",
        "Lehmann",
    )
    assert lehmann.organisation == "Stadtverwaltung Kamenz"
    assert (weissbach.salutation, weissbach.title) == ("Frau", "Dr.")
    assert weissbach.notes == "Hat zugesagt; bringt Kollegin mit"
    assert yilmaz.notes == "Fachkräfte aus der Türkei;\nsucht Wohnung für Azubis"
    assert dict(result.mapping)["Name"] == "Nachname"
    assert dict(result.mapping)["Bemerkung"] == "Notizen"


def test_thunderbird_english_with_trailing_commas() -> None:
    weiss, verein, richter = read("thunderbird_en.csv").records
    assert (weiss.organisation, weiss.department, weiss.function) == (
        "Wirtschaftsförderung Oberlausitz GmbH",
        "Standortmarketing",
        "Projektleiterin",
    )
    assert (weiss.street, weiss.postal_code, weiss.city) == ("Am Brauhaus 8", "02826", "Görlitz")
    # only a display name, and it is an association's: an organisation, not a person
    assert (verein.organisation, verein.has_person) == ("Kreisjugendring Bautzen e. V.", False)
    assert richter.phone == "035971 1234"  # home phone when there is no work phone


def test_thunderbird_german_headers() -> None:
    foerster, kowalski = read("thunderbird_de.csv").records
    assert (foerster.first_name, foerster.last_name) == ("Heike", "Förster")
    assert (foerster.phone, foerster.mobile) == ("03578 379-214", "0151 2223334")
    assert (foerster.organisation, foerster.department, foerster.function) == (
        "Stadtverwaltung Kamenz",
        "Sozialamt",
        "Sachbearbeiterin",
    )
    assert (kowalski.street, kowalski.postal_code, kowalski.city) == (
        "Lindenweg 4",
        "59-900",
        "Zgorzelec",
    )


def test_google_old_format() -> None:
    """Group Membership without "* myContacts"; typed phones; several e-mails in one cell."""
    loewe, brandt = read("google_old.csv").records
    assert loewe.categories == ["Presse", "Netzwerk Multilokalität"]
    assert loewe.email == "f.loewe@lds.example"
    assert (loewe.phone, loewe.mobile) == ("0351 825-1234", "+49 172 3456789")
    assert (loewe.title, loewe.first_name, loewe.last_name) == ("Dr.", "Friederike", "Löwe")
    assert (loewe.organisation, loewe.department, loewe.function) == (
        "Landesdirektion Sachsen",
        "Referat Raumordnung",
        "Referatsleiterin",
    )
    assert brandt.phone == "03591 111111"  # the "Work Fax" is no phone number
    assert brandt.categories == []
    assert brandt.source == "Zeile 4"  # Address 1 - Formatted of the row before has two lines


def test_google_new_format() -> None:
    schulze, neumann = read("google_new.csv").records
    assert schulze.categories == ["Vereine"]
    assert (schulze.phone, schulze.mobile) == ("03583 707070", "0176 12121212")
    assert schulze.website == "https://zuhause-oberlausitz.example"
    assert (neumann.first_name, neumann.email) == ("Elias", "elias.neumann@example.com")


def test_excel_sep_line_and_tab_delimiter() -> None:
    result = parse_contacts_csv(b"sep=|\r\nVorname|Nachname\r\nJutta|K\xfchn\r\n", "a.csv")
    assert (result.delimiter, result.records[0].last_name) == ("|", "Kühn")
    assert result.records[0].source == "Zeile 3"
    result = parse_contacts_csv("Vorname\tNachname\nÖmer\tÖzdemir\n".encode(), "a.txt")
    assert (result.delimiter, result.records[0].first_name) == ("\t", "Ömer")


# --- broken files ---------------------------------------------------------------------


def test_ragged_row_names_its_physical_line() -> None:
    """The 3rd data row is on line 5 because the 1st has a quoted line break."""
    error = error_of((DATA / "ragged.csv").read_bytes())
    assert str(error).startswith("Zeile 5: Die Zeile hat 3 Spalten, die Kopfzeile (Zeile 1) aber 4")
    assert error.line == 5


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Die Datei „kontakte.csv“ ist leer."),
        (b"\xef\xbb\xbf\r\n\r\n", "Die Datei „kontakte.csv“ ist leer."),
        (
            b"Datum,Betrag,Zweck\r\n2026-01-01,12,Kaffee\r\n",
            "Zeile 1: Keine Spalte für den Namen gefunden",
        ),
        (
            b'Vorname;Nachname\r\nJutta;"K\xfchn\r\nBernd;Lehmann\r\n',
            "Zeile 2: Ein Anführungszeichen wird nicht wieder geschlossen.",
        ),
        (
            b'Vorname,Nachname\r\nJutta,"K"uehn\r\n',
            "Zeile 2: Nach einem schließenden Anführungszeichen fehlt das Trennzeichen.",
        ),
        (
            b"Vorname,Nachname\r\nJutta,K\x81hn\r\n",
            "Zeile 2: Die Datei „kontakte.csv“ enthält Zeichen",
        ),
        (b"Vorname,Nachname\r\nJutta,K\x00hn\r\n", "Zeile 2: Die Datei enthält Binärdaten"),
    ],
)
def test_broken_files_name_the_line(data: bytes, expected: str) -> None:
    assert str(error_of(data)).startswith(expected)


def test_binary_garbage_is_refused() -> None:
    assert "Binärdaten" in str(error_of((DATA / "garbage.bin").read_bytes()))


def test_header_only_is_an_empty_list() -> None:
    assert parse_contacts_csv(b"Vorname;Nachname\r\n", "a.csv").records == []


# --- writing --------------------------------------------------------------------------


def test_written_file_is_for_german_excel_and_reads_back_the_same() -> None:
    records = [
        ContactRecord(
            salutation="Frau",
            title="Dr.",
            first_name="Jutta",
            last_name="Kühn",
            organisation="Wohnungsbaugenossenschaft „Glück Auf“ eG",
            department="Vermietung",
            function="Vorstand; Quartiersmanagement",
            email="kuehn@wbg-glueckauf.example",
            phone="+49 3591 4711-0",
            mobile="0171 1234567",
            street="Töpferstraße 3",
            postal_code="02625",
            city="Bautzen",
            website="https://wbg-glueckauf.example",
            notes='Zeile eins, "zitiert"\nZeile zwei; Ende',
            categories=["Wohnungswirtschaft", "Presse"],
        ),
        ContactRecord(first_name="Ömer", last_name="Yılmaz", notes='=HYPERLINK("x")'),
        ContactRecord(organisation="Stadt Kamenz", phone="-"),
    ]
    data = format_contacts_csv(records)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header, first = text.split("\r\n")[:2]
    assert header == (
        "Anrede;Titel;Vorname;Nachname;Organisation;Abteilung;Funktion;E-Mail;Telefon;"
        "Mobil;Straße;PLZ;Ort;Webseite;Kategorien;Notizen"
    )
    assert "'+49 3591 4711-0" in first  # Excel would take "+49 …" for a formula
    assert "'=HYPERLINK" in text
    result = parse_contacts_csv(data, "export.csv")
    assert (result.format_name, result.delimiter) == ("Multilok", ";")
    assert all(label != NOT_IMPORTED for _, label in result.mapping)
    assert result.records == records


def test_sample_files_round_trip_through_our_format() -> None:
    for name in ("outlook_de.csv", "google_old.csv", "excel_de.csv"):
        records = read(name).records
        assert parse_contacts_csv(format_contacts_csv(records), name).records == records


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_records_or_an_import_error(data: bytes) -> None:
    try:
        parse_contacts_csv(data, "zufall.csv")
    except ImportFileError:
        pass


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(["Vorname", "Name", "E-Mail", '"', '""', "sep=;", "\r\n", "x"]),
                st.text(max_size=12),
            ),
            max_size=5,
        ),
        max_size=6,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_random_text_gives_records_or_an_import_error(rows: list[list[str]], sep: str) -> None:
    text = "\r\n".join(sep.join(row) for row in rows)
    try:
        parse_contacts_csv(text.encode("utf-8", "surrogatepass"), "zufall.csv")
    except ImportFileError:
        pass
