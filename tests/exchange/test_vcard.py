"""vCard files: Outlook 2.1, Apple 3.0 and Thunderbird 4.0 read right; broken files are named."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multilok_desktop.exchange.errors import ImportFileError
from multilok_desktop.exchange.vcard import format_vcards, parse_vcard_file, parse_vcards
from multilok_desktop.services.contact_records import ContactRecord

DATA = Path(__file__).parent / "data"


def read(name: str) -> list[ContactRecord]:
    return parse_vcards((DATA / name).read_bytes(), name)


def error_of(data: bytes, name: str = "kontakte.vcf") -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_vcards(data, name)
    return str(caught.value)


def test_outlook_21_quoted_printable_in_windows_1252() -> None:
    """Outlook's 2.1 export: QP with soft line breaks, Windows-1252 umlauts, bare TYPE params."""
    mueller, kuehn = read("outlook_21.vcf")
    assert mueller == ContactRecord(
        salutation="Herr",
        title="Dr.",
        first_name="Jürgen",
        last_name="Müller-Lüdenscheidt",
        organisation="Gemeinde Großröhrsdorf",
        department="Bauamt",
        function="Amtsleiter",
        email="j.mueller@grossroehrsdorf.example",
        phone="(035952) 283-41",  # the fax number is not taken
        mobile="0171 2345678",
        street="Hauptstraße 5",
        postal_code="01900",
        city="Großröhrsdorf",
        website="https://www.grossroehrsdorf.example",
        notes="Ansprechpartner für Baulücken, Leerstände und die Pendlerbörse.\n"
        "Rückruf bitte vormittags.",
        categories=["Presse", "Kommune"],
    )
    assert mueller.source == "Karte 1 ab Zeile 1 (Dr. Jürgen Müller-Lüdenscheidt)"
    # „“ are Windows-1252 too; a comma in a QP value stays (vobject alone would cut there)
    assert kuehn.organisation == "Wohnungsbaugenossenschaft „Glück Auf“ eG"
    assert kuehn.function == "Vorstand Vermietung, Quartiersmanagement"
    assert (kuehn.salutation, kuehn.first_name, kuehn.last_name) == ("Frau", "Jutta", "Kühn")
    assert kuehn.source.startswith("Karte 2 ab Zeile 22 ")  # after the folded photo


def test_apple_30_with_groups_labels_and_an_organisation_card() -> None:
    """Apple Contacts: item1.EMAIL + X-ABLabel, type=pref, folded UTF-8 lines, company cards."""
    oeztuerk, gemeinde, heide = read("apple_30.vcf")
    assert (oeztuerk.first_name, oeztuerk.last_name) == ("Ayşe", "Öztürk")
    assert oeztuerk.email == "ayse.oeztuerk@lra-bautzen.example"  # not the HOME one
    assert oeztuerk.department == "Stabsstelle Demografie und Fachkräftesicherung"
    assert oeztuerk.function == "Referentin Fachkräftesicherung, Rückkehrerinitiative"
    assert (oeztuerk.phone, oeztuerk.mobile) == ("+49 3591 5251-4312", "+49 171 9876543")
    assert (oeztuerk.street, oeztuerk.postal_code, oeztuerk.city) == (
        "Bahnhofstraße 9",
        "02625",
        "Bautzen",
    )
    assert oeztuerk.notes == (
        "Kennt die Rückkehrer-Stammtische in Bautzen, Kamenz und Hoyerswerda.\n"
        "Bitte zu jedem Treffen einladen."
    )
    assert oeztuerk.categories == ["Fachkräfte", "Netzwerk"]
    assert oeztuerk.website == "https://www.landkreis-bautzen.example/fachkraefte"

    assert not gemeinde.has_person  # FN is the company's name: no person to create
    assert gemeinde.organisation == "Gemeinde Großröhrsdorf"
    assert (gemeinde.phone, gemeinde.email) == ("035952 283-0", "info@grossroehrsdorf.example")

    assert (heide.title, heide.first_name, heide.last_name) == (
        "Prof. Dr.",
        "Karl-Heinz",
        "von der Heide",
    )
    assert heide.mobile == "03583 612-4000"  # item1.X-ABLabel:_$!<Mobile>!$_
    assert heide.source == "Karte 3 ab Zeile 44 (Prof. Dr. Karl-Heinz von der Heide)"


def test_thunderbird_40() -> None:
    """Thunderbird 4.0: PREF=1, lower-case TYPE, VALUE=TEXT, tel: URIs, LF line ends."""
    result = parse_vcard_file((DATA / "thunderbird_40.vcf").read_bytes(), "tb.vcf")
    assert result.format_name == "vCard 4.0"
    weiss, nowak = result.records
    assert (weiss.first_name, weiss.last_name, weiss.email) == (
        "Marlene",
        "Weiß",
        "m.weiss@wirtschaftsfoerderung-oberlausitz.example",
    )
    assert (weiss.organisation, weiss.department) == (
        "Wirtschaftsförderung Oberlausitz GmbH",
        "Standortmarketing",
    )
    assert (weiss.phone, weiss.mobile) == ("03581 329-118", "0160 5556677")
    assert weiss.city == "Görlitz"
    assert (nowak.first_name, nowak.mobile) == ("Paweł", "+48 600 123 456")


def test_bom_line_ends_and_case_do_not_matter() -> None:
    """A UTF-8 BOM, CRLF, LF or CR line ends and lower-case keywords read the same."""
    card = "begin:vcard\nversion:3.0\nn:Kühn;Jutta;;;\nfn:Jutta Kühn\nend:vcard\n"
    expected = [ContactRecord(first_name="Jutta", last_name="Kühn")]
    for data in (
        card.encode(),
        b"\xef\xbb\xbf" + card.replace("\n", "\r\n").encode(),
        card.replace("\n", "\r").encode(),
        card.encode("utf-16"),
    ):
        assert parse_vcards(data, "a.vcf") == expected


def test_each_line_is_decoded_on_its_own() -> None:
    """A UTF-8 card and a raw Windows-1252 2.1 card pasted into one file both read right."""
    utf8 = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Weiß;Marlene;;;\r\nEND:VCARD\r\n"
    cp1252 = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1252:Gröning;Jörg\r\nEND:VCARD\r\n"
    data = utf8.encode() + cp1252.encode("cp1252")
    first, second = parse_vcards(data, "gemischt.vcf")
    assert first.last_name == "Weiß"
    assert (second.first_name, second.last_name) == ("Jörg", "Gröning")


def test_quoted_printable_with_a_wrong_charset_falls_back() -> None:
    """QP bytes that are no UTF-8 although the card says so are read as Windows-1252."""
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-unknown:Stra=C3=9Fe, Hausnr.\r\n"
        b"END:VCARD\r\n"
    )
    (record,) = parse_vcards(data, "a.vcf")
    assert (record.first_name, record.last_name) == ("Jürgen", "Müller")
    assert record.notes == "Straße, Hausnr."


def test_commas_in_21_and_sloppy_30_text_are_kept() -> None:
    """vobject alone cuts "NOTE:Hallo, Welt" at the comma; here the whole text arrives."""
    data = (
        "BEGIN:VCARD\nVERSION:2.1\nN:Kühn;Jutta\nNOTE:Hallo, Welt\nTITLE:Leitung, Bauamt\n"
        "CATEGORIES:Presse;Kommune\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Lenz;Ute;;;\nFN:Ute Lenz\nNOTE:Erstens, zweitens\n"
        "ORG:Müller\\, Meier & Partner;Vertrieb\nEND:VCARD\n"
    ).encode()
    kuehn, lenz = parse_vcards(data, "a.vcf")
    assert (kuehn.notes, kuehn.function) == ("Hallo, Welt", "Leitung, Bauamt")
    assert kuehn.categories == ["Presse", "Kommune"]
    assert lenz.notes == "Erstens, zweitens"
    assert (lenz.organisation, lenz.department) == ("Müller, Meier & Partner", "Vertrieb")


def test_name_from_fn_when_n_is_missing() -> None:
    """Without N the formatted name is split; an FN that is an organisation stays one."""
    data = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Herr Dr. Bernd Lehmann\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Kreisjugendring Bautzen e. V.\nEND:VCARD\n"
    )
    lehmann, verein = parse_vcards(data, "a.vcf")
    assert (lehmann.salutation, lehmann.title, lehmann.first_name, lehmann.last_name) == (
        "Herr",
        "Dr.",
        "Bernd",
        "Lehmann",
    )
    assert (verein.organisation, verein.has_person) == ("Kreisjugendring Bautzen e. V.", False)


# --- broken files ---------------------------------------------------------------------


def test_truncated_file_names_the_card() -> None:
    """A download that stopped mid-card: the unfinished card and its first line are named."""
    message = error_of((DATA / "truncated.vcf").read_bytes())
    assert message.startswith("Karte 2 ab Zeile 6 endet nicht mit „END:VCARD“")


def test_missing_end_before_the_next_card() -> None:
    data = b"BEGIN:VCARD\nN:A;B;;;\nBEGIN:VCARD\nN:C;D;;;\nEND:VCARD\n"
    assert error_of(data).startswith("Karte 1 ab Zeile 1 endet nicht mit „END:VCARD“")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Die Datei „kontakte.vcf“ ist leer."),
        (b"  \r\n\r\n", "Die Datei „kontakte.vcf“ ist leer."),
        (b"Vorname;Nachname\r\nJutta;K\xfchn\r\n", "enthält keine vCard"),
        ((DATA / "garbage.bin").read_bytes(), "enthält keine vCard"),
        (b"END:VCARD\nBEGIN:VCARD\nEND:VCARD\n", "Zeile 1: „END:VCARD“ ohne vorangehendes"),
        (b"BEGIN:VCARD\nN:A;B\nEND:VCARD\nHallo\n", "Zeile 4: „Hallo“ steht außerhalb einer Karte"),
        (
            b"BEGIN:VCARD\nVERSION:3.0\nN:A;B;;;\nDas ist keine Zeile\nEND:VCARD\n",
            "Karte 1, Zeile 4: „Das ist keine Zeile“ ist keine gültige vCard-Zeile.",
        ),
        (
            b"BEGIN:VCARD\nVERSION:3.0\nN:A;B;;;\nEND:VCARD\n"
            b"BEGIN:VCARD\nNOTE:\x81\x8d\nEND:VCARD\n",
            "Zeile 6: Die Zeile enthält Zeichen, die sich weder als UTF-8",
        ),
    ],
)
def test_broken_files_name_the_place(data: bytes, expected: str) -> None:
    assert expected in error_of(data)


def test_error_carries_the_line() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_vcards((DATA / "truncated.vcf").read_bytes(), "t.vcf")
    assert (caught.value.line, caught.value.record) == (6, "Karte 2")


# --- writing --------------------------------------------------------------------------

FULL = ContactRecord(
    salutation="Frau",
    title="Dr.",
    first_name="Jutta",
    last_name="Kühn-Öhler",
    organisation="Wohnungsbaugenossenschaft „Glück Auf“ eG; Bautzen, Sachsen",
    department="Vermietung",
    function="Vorstand, Quartiersmanagement",
    email="kuehn@wbg-glueckauf.example",
    phone="+49 3591 4711-0",
    mobile="0171 1234567",
    street="Töpferstraße 3, Haus B",
    postal_code="02625",
    city="Bautzen",
    website="https://wbg-glueckauf.example/kontakt?a=1,b=2",
    notes="Zeile eins; mit Semikolon\nZeile zwei, mit Komma und \\ Backslash\n"
    + " ".join(["lang"] * 40),
    categories=["Wohnungswirtschaft", "Presse, Funk"],
)


def test_written_cards_are_vcard_30_and_read_back_the_same() -> None:
    """Everything a record holds survives format_vcards → parse_vcards."""
    records = [
        FULL,
        ContactRecord(first_name="Ömer", last_name="Yılmaz"),
        ContactRecord(organisation="Stadt Kamenz", phone="03578 379-0"),
        ContactRecord(salutation="Herr", last_name="Lehmann", email="b.lehmann@kamenz.example"),
    ]
    text = format_vcards(records)
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "FN:Dr. Jutta Kühn-Öhler" in lines
    assert "TEL;TYPE=CELL,VOICE:0171 1234567" in lines
    assert all(len(line.encode()) <= 75 for line in lines)  # folded
    back = parse_vcards(text.encode("utf-8"), "export.vcf")
    assert back == records
    begins = [number for number, line in enumerate(lines, 1) if line == "BEGIN:VCARD"]
    names = ["Dr. Jutta Kühn-Öhler", "Ömer Yılmaz", "Stadt Kamenz", "Lehmann"]
    assert [r.source for r in back] == [
        f"Karte {i} ab Zeile {line} ({name})"
        for i, (line, name) in enumerate(zip(begins, names, strict=True), 1)
    ]


def test_round_trip_of_the_sample_files() -> None:
    """What we read from a foreign file, we write and read back unchanged."""
    for name in ("outlook_21.vcf", "apple_30.vcf", "thunderbird_40.vcf"):
        records = read(name)
        again = parse_vcards(format_vcards(records).encode(), name)
        assert again == records
        assert [replace(r, source="") for r in again] == records


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_records_or_an_import_error(data: bytes) -> None:
    try:
        parse_vcards(data, "zufall.vcf")
    except ImportFileError:
        pass


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "BEGIN:VCARD",
                    "END:VCARD",
                    "VERSION:2.1",
                    "VERSION:4.0",
                    "N:Müller;Jürgen;;;",
                    "N;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:M=FCller;=",
                    "ADR;TYPE=WORK:;;Straße;Ort;;01900",
                    "ORG:A\\;B;C",
                    "EMAIL;PREF=1:a@b.de",
                    "PHOTO;ENCODING=b:AAAA",
                    "CATEGORIES:x,y",
                    " folded",
                    "",
                ]
            ),
            st.text(max_size=30),
        ),
        max_size=12,
    )
)
def test_random_card_text_gives_records_or_an_import_error(lines: list[str]) -> None:
    try:
        parse_vcards("\r\n".join(lines).encode("utf-8", "surrogatepass"), "zufall.vcf")
    except ImportFileError:
        pass
