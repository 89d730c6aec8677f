"""vCard files (.vcf): reading 2.1, 3.0 and 4.0, writing 3.0.

Reading works in three steps:

1. Bytes → logical lines, each with the number of its first physical line. Done here, not
   by vobject, because vobject (0.9.9) loses the line numbers our messages need, gets
   vCard 2.1 wrong and decodes the whole file with one encoding:
   - 2.1 quoted-printable soft line breaks ("…=" + next line) are joined, and the value is
     decoded from quoted-printable here. vobject only finds soft breaks when the text
     "quoted-printable" appears in the line, decodes with the declared CHARSET only (a
     wrong or unknown CHARSET raises UnicodeDecodeError/LookupError, not ParseError) and
     then reads the decoded value with 3.0 escaping rules.
   - Every line is decoded on its own: UTF-8 first, then the CHARSET the line declares,
     then Windows-1252. So a file that mixes a UTF-8 card with a Windows-1252 2.1 card
     (two exports pasted together) still reads right.
   - Unindented base64 continuation lines (2.1 photos) are joined; blank lines are skipped.
2. Structure: BEGIN:VCARD / END:VCARD are paired here, so a broken file is reported by
   card and line ("Karte 3 ab Zeile 41 endet nicht mit END:VCARD").
3. Each card's lines go through vobject, which splits parameters, groups (Apple's
   "item1.EMAIL"), structured values (N, ADR, ORG) and undoes 3.0 escaping. Two
   adjustments before that: vobject cuts a single text value at the first unescaped
   comma ("NOTE:Hallo, Welt" → "Hallo") — legal in 2.1 and written by sloppy 3.0/4.0
   tools — so such commas are escaped first; and only the properties we use are passed
   on, so a malformed photo or a private X- property cannot break an import.

Writing uses vobject: vCard 3.0, UTF-8, CRLF, folded lines.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import vobject
from vobject.base import ParseError, VObjectError, parseLine
from vobject.vcard import Address, Name

from ..domain.text import sort_key
from ..services.contact_records import (
    ContactRecord,
    looks_like_organisation,
    split_full_name,
    split_salutation,
)
from .errors import ImportFileError

_PHYSICAL_LINE = re.compile(rb"\r\n|\r|\n")
_QUOTED_PRINTABLE = re.compile(rb"QUOTED-PRINTABLE", re.IGNORECASE)
_BASE64_PARAMETER = re.compile(rb";\s*(?:ENCODING\s*=\s*)?(?:BASE64|B)\s*(?:[;:]|$)", re.I)
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")
_CHARSET = re.compile(rb';\s*CHARSET\s*=\s*"?([A-Za-z0-9_.:-]+)', re.IGNORECASE)
_QP_PARAMETERS = re.compile(r";\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE|;\s*CHARSET\s*=[^;:]*", re.I)
_BEGIN_VCARD = re.compile(rb"(?:\A|[\r\n])[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*(?:[\r\n]|\Z)", re.I)

# Properties read into a ContactRecord; everything else in a card is ignored.
_USED = {
    "VERSION", "N", "FN", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "ADR", "URL", "NOTE",
    "CATEGORIES", "X-ABLABEL",
}  # fmt: skip
# Single text values: a comma in them is always a comma (see the module docstring).
_SINGLE_TEXT = {"FN", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "NOTE", "X-ABLABEL"}


@dataclass
class _Line:
    number: int  # first physical line in the file
    name: str  # upper case, e.g. "EMAIL"
    text: str  # the whole logical line, unfolded
    from_qp: bool  # the value was quoted-printable (vCard 2.1 rules)


@dataclass
class _Card:
    number: int
    start: int
    end: int = 0
    lines: list[_Line] = field(default_factory=list)


@dataclass(frozen=True)
class VCardParseResult:
    records: list[ContactRecord]
    versions: tuple[str, ...]  # vCard versions found, e.g. ("2.1",)

    @property
    def format_name(self) -> str:
        return "vCard " + "/".join(self.versions) if self.versions else "vCard"


def parse_vcards(data: bytes, source_name: str) -> list[ContactRecord]:
    """All contacts of a .vcf file; a broken file raises `ImportFileError` naming the place."""
    return parse_vcard_file(data, source_name).records


def parse_vcard_file(data: bytes, source_name: str) -> VCardParseResult:
    """Like `parse_vcards`, also telling which vCard versions the file holds."""
    data = _without_bom(data, source_name)
    if not data.strip():
        raise ImportFileError(f"Die Datei „{source_name}“ ist leer.")
    if not _BEGIN_VCARD.search(data):
        raise ImportFileError(
            f"Die Datei „{source_name}“ enthält keine vCard (es fehlt „BEGIN:VCARD“)."
        )
    decoded = [(number, *_decode_line(number, raw)) for number, raw in _logical_lines(data)]
    cards = _cards(decoded)
    records = []
    versions: dict[str, None] = {}
    for card in cards:
        version = _version(card)
        versions.setdefault(version)
        records.append(_record(card, _read_card(card, version), version))
    return VCardParseResult(records, tuple(sorted(versions)))


# --- step 1: bytes to logical lines ---------------------------------------------------


def _without_bom(data: bytes, source_name: str) -> bytes:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"Die Datei „{source_name}“ ist als UTF-16 gekennzeichnet, "
                "lässt sich so aber nicht lesen."
            ) from exc
    return data.removeprefix(codecs.BOM_UTF8)


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfold folded lines, join quoted-printable soft breaks and base64 continuations."""
    lines: list[tuple[int, list[bytes]]] = []
    mode = ""  # how the current logical line continues: "qp", "base64" or ""
    for number, raw in enumerate(_PHYSICAL_LINE.split(data), 1):
        if lines and mode == "qp" and lines[-1][1][-1].endswith(b"="):
            parts = lines[-1][1]
            parts[-1] = parts[-1][:-1]  # "=" at the end of a line is a soft line break
            parts.append(raw)
        elif not raw.strip():
            mode = ""
            continue
        elif lines and raw[:1] in (b" ", b"\t"):
            lines[-1][1].append(raw[1:])  # folded line (RFC 6350 §3.2)
        elif lines and mode == "base64" and _BASE64_LINE.match(raw):
            lines[-1][1].append(raw)
        else:
            lines.append((number, [raw]))
        parts = lines[-1][1]
        head = (parts[0] if b":" in parts[0] else b"".join(parts)).split(b":", 1)[0]
        if _QUOTED_PRINTABLE.search(head):
            mode = "qp"
        elif _BASE64_PARAMETER.search(head + b":"):
            mode = "base64"
        else:
            mode = ""
    return [(number, b"".join(parts)) for number, parts in lines]


def _decode_line(number: int, raw: bytes) -> tuple[str, bool]:
    """One logical line as text, and whether its value came out of quoted-printable.

    A quoted-printable value is decoded here and its real line breaks become the 3.0
    escape, so the line stays one line; 2.1 rules then apply to it whatever the card's
    VERSION says.
    """
    head, colon, value = raw.partition(b":")
    charset_match = _CHARSET.search(head)
    charset = charset_match.group(1).decode("ascii") if charset_match else None
    if not (colon and _QUOTED_PRINTABLE.search(head)):
        return _decode(raw, charset, number), False
    text = _decode(quopri.decodestring(value), charset, number)
    head_text = _QP_PARAMETERS.sub("", _decode(head, None, number))
    return f"{head_text}:{_escape_newlines(text)}", True


def _decode(raw: bytes, charset: str | None, number: int) -> str:
    candidates = ["utf-8", *([charset] if charset else []), "cp1252"]
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportFileError(
        f"Zeile {number}: Die Zeile enthält Zeichen, die sich weder als UTF-8 "
        "noch als Windows-1252 lesen lassen.",
        line=number,
    )


def _escape_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


# --- step 2: structure ----------------------------------------------------------------


def _cards(decoded: Sequence[tuple[int, str, bool]]) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    for number, text, from_qp in decoded:
        try:
            name, _params, value, _group = parseLine(text, number)
        except ParseError as exc:
            if current is None:
                raise _outside(number, text) from exc
            raise ImportFileError(
                f"Karte {current.number}, Zeile {number}: „{_snippet(text)}“ ist keine "
                "gültige vCard-Zeile.",
                line=number,
                record=f"Karte {current.number}",
            ) from exc
        name = name.upper()
        keyword = value.strip().upper()
        if name == "BEGIN" and keyword == "VCARD":
            if current is not None:
                raise _unfinished(current)
            current = _Card(number=len(cards) + 1, start=number)
        elif name == "END" and keyword == "VCARD":
            if current is None:
                raise ImportFileError(
                    f"Zeile {number}: „END:VCARD“ ohne vorangehendes „BEGIN:VCARD“.",
                    line=number,
                )
            current.end = number
            cards.append(current)
            current = None
        elif current is None:
            raise _outside(number, text)
        elif name in _USED:
            current.lines.append(_Line(number, name, text, from_qp))
    if current is not None:
        raise _unfinished(current)
    return cards


def _outside(number: int, text: str) -> ImportFileError:
    return ImportFileError(
        f"Zeile {number}: „{_snippet(text)}“ steht außerhalb einer Karte "
        "(vor „BEGIN:VCARD“ oder nach „END:VCARD“).",
        line=number,
    )


def _unfinished(card: _Card) -> ImportFileError:
    return ImportFileError(
        f"Karte {card.number} ab Zeile {card.start} endet nicht mit „END:VCARD“ "
        "– die Datei ist unvollständig oder beschädigt.",
        line=card.start,
        record=f"Karte {card.number}",
    )


def _snippet(text: str, width: int = 40) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= width else f"{text[: width - 1]}…"


def _version(card: _Card) -> str:
    for line in card.lines:
        if line.name == "VERSION":
            return line.text.partition(":")[2].strip() or "3.0"
    return "3.0"


# --- step 3: one card through vobject --------------------------------------------------


def _read_card(card: _Card, version: str) -> Any:
    texts = ["BEGIN:VCARD"]
    numbers = [card.start]
    for line in card.lines:
        if line.name != "VERSION":
            texts.append(_vobject_text(line, version))
            numbers.append(line.number)
    texts.append("END:VCARD")
    numbers.append(card.end)
    try:
        return vobject.readOne("\r\n".join(texts) + "\r\n", allowQP=False)
    except (VObjectError, ValueError) as exc:  # ValueError: e.g. a bad base64 value
        index = getattr(exc, "lineNumber", None)
        number = numbers[index - 1] if isinstance(index, int) and 0 < index <= len(numbers) else 0
        where = f", Zeile {number}" if number else ""
        raise ImportFileError(
            f"Karte {card.number}{where}: Die Karte lässt sich nicht lesen.",
            line=number or card.start,
            record=f"Karte {card.number}",
        ) from exc


def _vobject_text(line: _Line, version: str) -> str:
    _name, _params, value, _group = parseLine(line.text, line.number)
    prefix = line.text[: len(line.text) - len(value)]
    if line.from_qp or version.startswith("2"):
        # vCard 2.1: commas are plain text, categories may be separated by ";".
        if line.name == "CATEGORIES":
            value = _replace_unescaped(value, ";", ",")
        else:
            value = _replace_unescaped(value, ",", "\\,")
    elif line.name in _SINGLE_TEXT:
        value = _replace_unescaped(value, ",", "\\,")
    return prefix + value


def _replace_unescaped(value: str, char: str, replacement: str) -> str:
    out = []
    escaped = False
    for c in value:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        else:
            out.append(replacement if c == char else c)
    return "".join(out)


# --- from a vobject card to a record ---------------------------------------------------


def _text(value: Any, separator: str = " ") -> str:
    """A vobject value (text, or a list of texts for comma lists) as one stripped string."""
    if isinstance(value, list | tuple):
        return separator.join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, bytes):
        return ""
    return str(value or "").strip()


def _types(line: Any, labels: dict[str, str]) -> set[str]:
    """TYPE values of a property, from every vCard dialect: TYPE=WORK,VOICE / ;WORK / PREF=1."""
    types: set[str] = set()
    for value in line.params.get("TYPE", []):
        types.update(t.strip().upper() for t in value.split(","))
    types.update(p.upper() for p in line.singletonparams)
    if "PREF" in line.params:
        types.add("PREF")
    label = labels.get((line.group or "").upper(), "").casefold()
    for words, kind in _LABEL_WORDS:
        if any(word in label for word in words):
            types.add(kind)
    return types


# Apple's X-ABLabel ("_$!<Mobile>!$_", "Dienstlich") for a grouped property.
_LABEL_WORDS = (
    (("mobil", "cell", "handy"), "CELL"),
    (("work", "dienst", "arbeit", "geschäft", "büro"), "WORK"),
    (("home", "privat"), "HOME"),
    (("fax",), "FAX"),
    (("pager",), "PAGER"),
)


def _pick(lines: Iterable[Any], labels: dict[str, str], value: Any) -> tuple[Any, str] | None:
    """The most suitable property and its value: work before other before private, and
    preferred (TYPE=PREF, PREF=1) first; properties without a value don't count."""
    candidates = []
    for position, line in enumerate(lines):
        text = value(line)
        if not text:
            continue
        types = _types(line, labels)
        kind = 0 if "WORK" in types else 2 if "HOME" in types else 1
        candidates.append((kind, 0 if "PREF" in types else 1, position, line, text))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: c[:3])
    return best[3], best[4]


def _best(lines: Iterable[Any], labels: dict[str, str], value: Any) -> str:
    picked = _pick(lines, labels, value)
    return picked[1] if picked else ""


def _uri_value(line: Any, scheme: str) -> str:
    text = _text(line.value)
    return text[len(scheme) :].strip() if text.casefold().startswith(scheme) else text


def _record(card: _Card, component: Any, version: str) -> ContactRecord:
    contents: dict[str, list[Any]] = component.contents
    labels = {
        (line.group or "").upper(): _text(line.value) for line in contents.get("x-ablabel", [])
    }
    tel = contents.get("tel", [])
    phones = [line for line in tel if not _types(line, labels) & {"CELL", "FAX", "PAGER"}]
    mobiles = [line for line in tel if "CELL" in _types(line, labels)]

    record = ContactRecord(
        email=_best(contents.get("email", []), labels, lambda line: _uri_value(line, "mailto:")),
        phone=_best(phones, labels, lambda line: _uri_value(line, "tel:")),
        mobile=_best(mobiles, labels, lambda line: _uri_value(line, "tel:")),
        website=_best(contents.get("url", []), labels, lambda line: _text(line.value)),
        notes="\n".join(t for t in (_text(n.value) for n in contents.get("note", [])) if t),
    )
    categories = (_text(v) for line in contents.get("categories", []) for v in _as_list(line.value))
    record.categories = list(dict.fromkeys(c for c in categories if c))
    record.function = _first_text(contents, "title") or _first_text(contents, "role")

    organisation = next(iter(contents.get("org", [])), None)
    if organisation is not None:
        units = [_text(unit, ", ") for unit in _as_list(organisation.value)]
        record.organisation = units[0] if units else ""
        record.department = ", ".join(u for u in units[1:] if u)

    _read_address(record, contents.get("adr", []), labels)
    _read_name(record, contents, version)
    name = record.display_name or "ohne Namen"
    record.source = f"Karte {card.number} ab Zeile {card.start} ({name})"
    return record


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _first_text(contents: dict[str, list[Any]], name: str) -> str:
    return next((t for t in (_text(line.value) for line in contents.get(name, [])) if t), "")


def _read_address(record: ContactRecord, lines: list[Any], labels: dict[str, str]) -> None:
    def summary(line: Any) -> str:
        address = line.value
        if not isinstance(address, Address):
            return ""
        return _text([address.street, address.code, address.city, address.extended])

    picked = _pick(lines, labels, summary)
    if picked is not None:
        address = picked[0].value
        record.street = _text(address.street, ", ") or _text(address.extended, ", ")
        record.postal_code = _text(address.code)
        record.city = _text(address.city)


def _read_name(record: ContactRecord, contents: dict[str, list[Any]], version: str) -> None:
    name = next((line.value for line in contents.get("n", [])), None)
    if isinstance(name, Name):
        record.last_name = _text(name.family)
        record.first_name = _text([name.given, name.additional])
        record.salutation, record.title = split_salutation(_text(name.prefix))
    if record.first_name or record.last_name:
        return
    formatted = _first_text(contents, "fn")
    if not formatted or "@" in formatted or sort_key(formatted) == sort_key(record.organisation):
        return
    if looks_like_organisation(formatted):
        record.organisation = record.organisation or formatted
        return
    salutation, title, record.first_name, record.last_name = split_full_name(formatted)
    record.salutation = record.salutation or salutation
    record.title = record.title or title


# --- writing --------------------------------------------------------------------------


def format_vcards(records: Iterable[ContactRecord]) -> str:
    """The records as vCard 3.0 (text; write it as UTF-8). `parse_vcards` reads it back."""
    return "".join(_card(record).serialize() for record in records)


def _card(record: ContactRecord) -> Any:
    card = vobject.vCard()
    card.add("n").value = Name(
        family=record.last_name,
        given=record.first_name,
        prefix=" ".join(p for p in (record.salutation, record.title) if p),
    )
    card.add("fn").value = record.display_name
    if record.organisation or record.department:
        units = (
            [record.organisation, record.department] if record.department else [record.organisation]
        )
        card.add("org").value = units
    if record.function:
        card.add("title").value = record.function
    if record.email:
        _add(card, "email", record.email, ["INTERNET", "WORK"])
    if record.phone:
        _add(card, "tel", record.phone, ["WORK", "VOICE"])
    if record.mobile:
        _add(card, "tel", record.mobile, ["CELL", "VOICE"])
    if record.street or record.postal_code or record.city:
        address = Address(street=record.street, city=record.city, code=record.postal_code)
        _add(card, "adr", address, ["WORK"])
    if record.website:
        card.add("url").value = record.website
    if record.notes:
        card.add("note").value = record.notes
    if record.categories:
        card.add("categories").value = list(record.categories)
    return card


def _add(card: Any, name: str, value: Any, types: list[str]) -> None:
    line = card.add(name)
    line.value = value
    line.type_param = types
