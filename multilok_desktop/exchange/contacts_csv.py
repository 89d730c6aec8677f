"""Contact lists as CSV: Outlook, Thunderbird and Google exports, Excel lists, our own format.

Reading guesses what it can and says what it guessed: the encoding (UTF-8 with or without
BOM, else Windows-1252 — what Outlook and German Excel write), the delimiter (comma or
semicolon, from the header line; Excel's "sep=;" first line is honoured), the format (by
its typical headers) and, shown to the user before importing, which column goes where.

Columns are mapped by a declarative table per format: header → field and rank. Rank 0
fills a field; a column of a higher rank only fills it when the lower ranks left it
empty (Outlook's private address or second e-mail stands in for a missing business one).
The address is taken as a whole from one rank, so street and town never come from two
different addresses. A file of no known format is mapped with all tables together.

Writing produces the Multilok format: UTF-8 with BOM, semicolons, CRLF and German
headers — what German Excel opens without asking — and exactly the headers the reader
maps back.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..services.contact_records import (
    FIELD_LABELS,
    ContactRecord,
    looks_like_organisation,
    split_full_name,
    split_salutation,
)
from .csv_formats import (
    ANY_FORMAT,
    FORMATS,
    NOT_IMPORTED,
    Column,
    Format,
    key,
)
from .errors import ImportFileError

# Fields of the tables besides ContactRecord's own, with their labels for the mapping.
_EXTRA_LABELS = {
    "prefix": "Anrede und Titel",  # "Herr Dr." → salutation + title
    "middle_name": "weiterer Vorname",  # appended to the first name
    "full_name": "Name (wird in Vor- und Nachname geteilt)",
    "groups": "Kategorien",  # Google: "* myContacts ::: Presse"
    "phone_or_mobile": "Telefon oder Mobil (je nach Typ)",  # Google: its Type column decides
}
_NAME_FIELDS = {"first_name", "last_name", "full_name", "middle_name", "organisation"}
_ADDRESS_FIELDS = ("street", "postal_code", "city")
# How several columns of one field and rank are combined; other fields take the first.
_JOINERS = {"street": ", ", "notes": "\n", "title": " ", "department": ", "}
_MULTI_VALUE = " ::: "  # Google puts several values into one cell this way
_FORMULA_START = ("=", "+", "-", "@")  # Excel would run these as formulas


# --- reading --------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvParseResult:
    records: list[ContactRecord]
    mapping: list[tuple[str, str]]  # (header in the file, our field's label or NOT_IMPORTED)
    format_name: str  # "Outlook (deutsch)", …, or UNKNOWN_FORMAT
    encoding: str  # "UTF-8", "UTF-8 mit BOM", "Windows-1252", "UTF-16"
    delimiter: str  # "," ";" or "\t"


@dataclass(frozen=True)
class _Mapped:
    index: int
    column: Column
    type_index: int | None = None  # Google: the column saying whether a phone is a mobile


def parse_contacts_csv(data: bytes, source_name: str) -> CsvParseResult:
    """Contacts of a CSV file; a broken file raises `ImportFileError` naming the line."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data:  # checked first: binary data often decodes as cp1252
        raise _binary(_line_of(data, data.index(b"\x00")), source_name)
    text, encoding = _decode(data, source_name)
    if not text.strip():
        raise ImportFileError(f"Die Datei „{source_name}“ ist leer.")
    if "\x00" in text:  # in UTF-16 text
        raise _binary(len(re.split(r"\r\n|\r|\n", text[: text.index("\x00")])), source_name)
    delimiter, skip_first = _delimiter(text)
    rows = _rows(text, delimiter)
    if skip_first:
        next(rows, None)
    header_line, header = next(((n, r) for n, r in rows if any(c.strip() for c in r)), (0, []))
    if not header:
        raise ImportFileError(f"Die Datei „{source_name}“ ist leer.")

    known, mapped, mapping = _map_columns(header)
    if not {m.column.field for m in mapped} & _NAME_FIELDS:
        raise ImportFileError(
            f"Zeile {header_line}: Keine Spalte für den Namen gefunden – erwartet wird z. B. "
            "„Vorname“, „Nachname“, „Name“, „Firma“, „First Name“ oder „Last Name“.",
            line=header_line,
        )
    records = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue  # blank line, or Excel's ";;;;" below the data
        if len(row) != len(header):
            raise ImportFileError(
                f"Zeile {line}: Die Zeile hat {len(row)} Spalten, die Kopfzeile "
                f"(Zeile {header_line}) aber {len(header)} – ein Trennzeichen oder "
                "Anführungszeichen zu viel oder zu wenig?",
                line=line,
            )
        records.append(_record(row, mapped, f"Zeile {line}"))
    return CsvParseResult(records, mapping, known.name, encoding, delimiter)


def _decode(data: bytes, source_name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        attempts = [("utf-8-sig", "UTF-8 mit BOM")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        attempts = [("utf-16", "UTF-16")]
    else:
        attempts = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    error: UnicodeDecodeError | None = None
    for codec, label in attempts:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError as exc:
            error = exc
    assert error is not None
    line = _line_of(data, error.start)
    raise ImportFileError(
        f"Zeile {line}: Die Datei „{source_name}“ enthält Zeichen, die sich weder als "
        "UTF-8 noch als Windows-1252 lesen lassen.",
        line=line,
    )


def _line_of(data: bytes, position: int) -> int:
    """The physical line (1, 2, …) of a byte position."""
    return len(re.split(rb"\r\n|\r|\n", data[:position]))


def _binary(line: int, source_name: str) -> ImportFileError:
    return ImportFileError(
        f"Zeile {line}: Die Datei enthält Binärdaten – ist „{source_name}“ wirklich "
        "eine CSV-Datei?",
        line=line,
    )


_SEP_LINE = re.compile(r"^sep=(.)[ \t]*$", re.IGNORECASE)


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter, from Excel's "sep=;" line or the header line; and whether that
    first line is a "sep=" line to skip."""
    lines = (line for line in re.split(r"\r\n|\r|\n", text) if line.strip())
    first = next(lines, "")
    match = _SEP_LINE.match(first.strip())
    if match:
        return match.group(1), True
    counts = {d: _count_unquoted(first, d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return (best if counts[best] else ","), False


def _count_unquoted(line: str, char: str) -> int:
    count = 0
    quoted = False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


# csv's messages in words the clerk understands.
_CSV_ERRORS = (
    ("unexpected end of data", "Ein Anführungszeichen wird nicht wieder geschlossen."),
    ("expected after", "Nach einem schließenden Anführungszeichen fehlt das Trennzeichen."),
    ("field larger than field limit", "Ein Feld ist unplausibel groß."),
)


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) of each row; line numbers count the line breaks
    inside quoted fields, so they are the lines an editor shows."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = next(
                (german for english, german in _CSV_ERRORS if english in str(exc)),
                "Die Zeile lässt sich nicht als CSV lesen.",
            )
            raise ImportFileError(f"Zeile {start}: {reason}", line=start) from exc
        yield start, row


def _map_columns(header: list[str]) -> tuple[Format, list[_Mapped], list[tuple[str, str]]]:
    keys = [key(h) for h in header]
    known = next((f for f in FORMATS if f.signature <= set(keys)), ANY_FORMAT)
    columns: list[Column | None] = [_column(known, key) for key in keys]
    fields = {c.field for c in columns if c}
    if "full_name" in fields and "first_name" in fields and "last_name" not in fields:
        # "Vorname" + "Name" in a list of one's own: "Name" is the family name.
        columns = [
            Column("last_name", c.rank) if c and c.field == "full_name" else c for c in columns
        ]
    mapped = []
    mapping = []
    for index, (name, column) in enumerate(zip(header, columns, strict=True)):
        if not name.strip():
            continue
        if column is None:
            mapping.append((name.strip(), NOT_IMPORTED))
            continue
        type_index = None
        if column.field == "phone_or_mobile":
            type_index = _type_column(keys, keys[index])
        mapped.append(_Mapped(index, column, type_index))
        mapping.append((name.strip(), _label(column)))
    return known, mapped, mapping


def _column(known: Format, key: str) -> Column | None:
    column = known.columns.get(key)
    if column is not None:
        return column
    for pattern, field in known.numbered:
        match = pattern.match(key)
        if match:
            return Column(field, int(match.group(1)) - 1)
    return None


def _type_column(keys: list[str], value_key: str) -> int | None:
    for word in ("type", "label"):
        candidate = value_key.removesuffix("value") + word
        if candidate in keys:
            return keys.index(candidate)
    return None


def _label(column: Column) -> str:
    label = FIELD_LABELS.get(column.field) or _EXTRA_LABELS[column.field]
    return f"{label} (falls leer)" if column.rank else label


def _cell(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
        value = value[1:]  # written by format_contacts_csv so Excel shows, not runs, it
    return value


def _record(row: list[str], mapped: list[_Mapped], source: str) -> ContactRecord:
    values: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item in mapped:
        value = _cell(row[item.index])
        if not value:
            continue
        field = item.column.field
        if field == "phone_or_mobile":
            kind = _cell(row[item.type_index]).casefold() if item.type_index is not None else ""
            if "fax" in kind or "pager" in kind:
                continue
            mobile = any(word in kind for word in ("mobil", "cell", "handy"))
            field = "mobile" if mobile else "phone"
        values[field][item.column.rank].append(value)

    def pick(field: str, rank: int | None = None) -> str:
        by_rank = values.get(field)
        if not by_rank:
            return ""
        parts = by_rank.get(min(by_rank) if rank is None else rank, [])
        joiner = _JOINERS.get(field)
        if joiner is not None:
            return joiner.join(parts)
        return parts[0].split(_MULTI_VALUE)[0].strip() if parts else ""

    record = ContactRecord(source=source)
    for field in FIELD_LABELS:
        if field not in ("categories", *_ADDRESS_FIELDS):
            setattr(record, field, pick(field))
    address_rank = min((min(values[f]) for f in _ADDRESS_FIELDS if values.get(f)), default=None)
    if address_rank is not None:
        for field in _ADDRESS_FIELDS:
            setattr(record, field, pick(field, address_rank))

    salutation, title = split_salutation(pick("prefix"))
    record.salutation = record.salutation or salutation
    record.title = " ".join(p for p in (title, record.title) if p)
    record.first_name = " ".join(p for p in (record.first_name, pick("middle_name")) if p)
    full_name = pick("full_name")
    if full_name and not (record.first_name or record.last_name):
        if looks_like_organisation(full_name):
            record.organisation = record.organisation or full_name
        else:
            salutation, title, record.first_name, record.last_name = split_full_name(full_name)
            record.salutation = record.salutation or salutation
            record.title = record.title or title
    categories = [
        *_split(values.get("categories", {}), ";"),
        *(g for g in _split(values.get("groups", {}), ":::") if not _system_group(g)),
    ]
    record.categories = list(dict.fromkeys(categories))
    return record


def _split(by_rank: dict[int, list[str]], separator: str) -> Iterator[str]:
    for parts in by_rank.values():
        for part in parts:
            yield from (p.strip() for p in part.split(separator) if p.strip())


def _system_group(name: str) -> bool:
    """Google's own groups: "* myContacts", "* starred"."""
    return name.startswith("*") or name.casefold() in {"mycontacts", "starred"}


# --- writing --------------------------------------------------------------------------


def format_contacts_csv(records: Iterable[ContactRecord]) -> bytes:
    """The Multilok CSV format: UTF-8 with BOM, ";" and German headers (German Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(FIELD_LABELS.values())
    for record in records:
        writer.writerow(_excel_safe(_value(record, field)) for field in FIELD_LABELS)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _value(record: ContactRecord, field: str) -> str:
    if field == "categories":
        return "; ".join(record.categories)
    return str(getattr(record, field))


def _excel_safe(value: str) -> str:
    """A leading ' keeps Excel from running "=…", "+49 …" or "@…" as a formula (CSV
    injection); `_cell` takes it off again when the file is read back."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value
