"""`multilok`: the command line (DESIGN.md §4). Calls services, never the UI.

Exit codes: 0 success; 1 a user error, reported as one line on stderr; 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError as SQLAlchemyOperationalError

from .exchange.errors import ImportFileError
from .services.errors import ServiceError
from .storage.autobackup import safety_backup_of
from .storage.database import Database
from .storage.errors import StorageError, UnusableDatabaseError

USER_ERRORS = (ServiceError, StorageError, ImportFileError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="multilok",
        description="Multilok Desktop auf der Kommandozeile: Adressbuch, Treffen, Maßnahmen.",
    )
    parser.add_argument(
        "--db",
        metavar="URL_ODER_PFAD",
        help="Datenbank (Pfad einer SQLite-Datei oder URL); sonst $MULTILOK_DB oder die Standarddatei",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    demo = commands.add_parser("demo", help="Datenbank mit Beispieldaten füllen")
    demo.add_argument("--size", choices=["small", "large"], default="small")
    demo.set_defaults(handler=cmd_demo)

    listing = commands.add_parser("list", help="Datensätze auflisten")
    listing.add_argument("kind", choices=["contacts", "organisations", "meetings", "measures"])
    listing.add_argument("--json", action="store_true", help="als JSON-Array ausgeben")
    listing.add_argument("--search", default="", metavar="TEXT", help="nur Treffer für TEXT")
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="einen Datensatz vollständig zeigen")
    show.add_argument("kind", choices=["contact", "organisation", "meeting", "measure"])
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    importing = commands.add_parser("import", help="Daten einlesen (alles oder nichts)")
    import_kinds = importing.add_subparsers(dest="kind", required=True, metavar="ART")
    import_contacts = import_kinds.add_parser(
        "contacts",
        help="Kontakte aus .vcf (vCard 2.1/3.0/4.0) oder .csv (Outlook, Thunderbird, Google)",
    )
    import_contacts.add_argument("file", type=Path)
    import_contacts.add_argument(
        "--with-duplicates",
        action="store_true",
        help="auch Kontakte übernehmen, die es schon zu geben scheint",
    )
    import_contacts.set_defaults(handler=cmd_import_contacts)
    import_calendar = import_kinds.add_parser(
        "calendar", help="Termine aus .ics (Outlook, Google, Thunderbird) als Treffen übernehmen"
    )
    import_calendar.add_argument("file", type=Path)
    import_calendar.set_defaults(handler=cmd_import_calendar)
    import_package = import_kinds.add_parser(
        "package",
        help="Sitzungspaket (.multilok) einlesen: auf dem Laptop als Kopie, im Büro das Protokoll",
    )
    import_package.add_argument("file", type=Path)
    conflict_choice = import_package.add_mutually_exclusive_group()
    conflict_choice.add_argument("--take-laptop", action="store_true",
                                 help="bei Konflikten die Fassung aus dem Paket übernehmen")  # fmt: skip
    conflict_choice.add_argument("--keep-office", action="store_true",
                                 help="bei Konflikten die Fassung dieser Datenbank behalten")  # fmt: skip
    import_package.set_defaults(handler=cmd_import_package)

    exporting = commands.add_parser("export", help="Daten ausgeben")
    export_kinds = exporting.add_subparsers(dest="kind", required=True, metavar="ART")
    export_contacts = export_kinds.add_parser("contacts", help="alle Kontakte als .vcf oder .csv")
    export_contacts.add_argument("file", type=Path)
    export_contacts.set_defaults(handler=cmd_export_contacts)
    export_calendar = export_kinds.add_parser(
        "calendar",
        help="Treffen als .ics: alle, eine Reihe (--series) oder eine Einladung (--meeting)",
    )
    export_calendar.add_argument("file", type=Path)
    which = export_calendar.add_mutually_exclusive_group()
    which.add_argument("--meeting", type=int, metavar="ID", help="Einladung zu einem Treffen")
    which.add_argument("--series", type=int, metavar="ID", help="eine Treffenreihe mit ihrer Regel")
    export_calendar.set_defaults(handler=cmd_export_calendar)
    for kind, text in (
        ("invitation", "Einladungsschreiben eines Treffens als PDF"),
        ("attendance", "Teilnehmerliste zum Unterschreiben als PDF"),
    ):
        document = export_kinds.add_parser(kind, help=text)
        document.add_argument("meeting_id", type=int, metavar="MEETING_ID")
        document.add_argument("file", type=Path)
        document.set_defaults(handler=cmd_export_document)
    protocol = export_kinds.add_parser("protocol", help="Protokoll eines Treffens als PDF")
    protocol.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    protocol.add_argument("file", type=Path)
    variant = protocol.add_mutually_exclusive_group()
    variant.add_argument("--distribution", action="store_true",
                         help="Fassung für den Verteiler (ohne nicht öffentliche TOPs)")  # fmt: skip
    variant.add_argument("--archival", action="store_true", help="Archivfassung als PDF/A-2b")
    protocol.set_defaults(handler=cmd_export_protocol)
    package = export_kinds.add_parser(
        "package", help="Sitzungspaket eines Treffens (.multilok) zum Protokollieren am Laptop"
    )
    package.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    package.add_argument("file", type=Path)
    package.set_defaults(handler=cmd_export_package)
    plan = export_kinds.add_parser("plan", help="Jahresplan aller Treffen eines Jahres als PDF")
    plan.add_argument("year", type=int, metavar="JAHR")
    plan.add_argument("file", type=Path)
    plan.set_defaults(handler=cmd_export_plan)
    measures = export_kinds.add_parser(
        "measures", help="Maßnahmen als Übersicht (.pdf) oder Tabelle (.csv, .xlsx für Excel)"
    )
    measures.add_argument("file", type=Path)
    measures.add_argument("--group", choices=["strategy", "action_field"], default="strategy",
                          help="PDF gruppiert nach Strategie oder Handlungsfeld")  # fmt: skip
    _measure_filter_options(measures)
    measures.set_defaults(handler=cmd_export_measures)
    followup = export_kinds.add_parser(
        "followup", help="Umsetzungsstand der offenen Maßnahmen zu einem Treffen als PDF"
    )
    followup.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    followup.add_argument("file", type=Path)
    followup.add_argument("--group", choices=["strategy", "action_field"], default=None,
                          help="nach Strategie oder Handlungsfeld gruppieren")  # fmt: skip
    _measure_filter_options(followup)
    followup.set_defaults(handler=cmd_export_followup)

    check = commands.add_parser("check", help="Datenbank prüfen")
    check.set_defaults(handler=cmd_check)

    backup = commands.add_parser("backup", help="Sicherung der Datenbank anlegen")
    backup.add_argument(
        "dest", nargs="?", type=Path, metavar="ORDNER", help="Zielordner (sonst: Sicherungen)"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="Datenbank aus einer Sicherung wiederherstellen (der alte Stand bleibt)"
    )
    restore.add_argument("file", type=Path, metavar="DATEI")
    restore.set_defaults(handler=cmd_restore)

    privacy = commands.add_parser("privacy", help="Datenschutz (DSGVO): Auskunft und Löschung")
    privacy_kinds = privacy.add_subparsers(dest="kind", required=True, metavar="AKTION")
    privacy_export = privacy_kinds.add_parser(
        "export", help="Auskunft nach Art. 15 DSGVO über eine Person als .json oder .pdf"
    )
    privacy_export.add_argument("person_id", type=int, metavar="PERSON_ID")
    privacy_export.add_argument("file", type=Path)
    privacy_export.set_defaults(handler=cmd_privacy_export)
    privacy_erase = privacy_kinds.add_parser(
        "erase", help="Person nach Art. 17 DSGVO löschen (Protokolle bleiben lesbar)"
    )
    privacy_erase.add_argument("person_id", type=int, metavar="PERSON_ID")
    privacy_erase.set_defaults(handler=cmd_privacy_erase)
    return parser


def _measure_filter_options(parser: argparse.ArgumentParser) -> None:
    """Choosing measures by value names; a repeated option means "one of these"."""
    parser.add_argument("--search", default="", metavar="TEXT", help="Suche in Titel und Text")
    for option, text in (
        ("--status", "nur dieser Status"),
        ("--action-field", "nur dieses Handlungsfeld"),
        ("--target-group", "nur diese Zielgruppe"),
        ("--strategy", "nur diese Strategie"),
    ):
        parser.add_argument(option, action="append", default=[], metavar="NAME", help=text)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .logs import configure_logging  # the log holds ids only, no personal data

    configure_logging()
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UnusableDatabaseError as exc:
        print(f"Fehler: {exc}{_restore_hint(exc.path)}", file=sys.stderr)
        return 1
    except USER_ERRORS as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyOperationalError as exc:  # e.g. the app holds a long write transaction
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        print("Fehler: Die Datenbank ist gerade durch ein anderes Programm (z. B. das "
              "geöffnete Multilok-Fenster) gesperrt; es wurde nichts geändert. Bitte in "
              "einem Moment erneut versuchen.", file=sys.stderr)  # fmt: skip
        return 1
    except BrokenPipeError:  # `multilok list … | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return 0
    except OSError as exc:
        print(
            f"Fehler: {exc.strerror or exc} ({exc.filename or ''})".rstrip(" ()"), file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 1


def _restore_hint(db_path: Path) -> str:
    """' Neueste gute Sicherung: … ' for a damaged database, or ''."""
    from .storage.autobackup import configured_backup_dir
    from .storage.backup import default_backup_dir, newest_good_backup

    folders = dict.fromkeys([configured_backup_dir(db_path), default_backup_dir()])
    for folder in folders:
        newest = newest_good_backup(folder)
        if newest is not None:
            return f" Neueste gute Sicherung: {newest} (zurückholen mit: multilok restore DATEI)."
    return " Eine Sicherung gibt es nicht."


def _open(args: argparse.Namespace, *, create: bool = True) -> Database:
    return Database.open(args.db, create=create)


# --- output ---------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        from .services.clock import iso_local

        return iso_local(value)
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _print_json(value: Any) -> None:
    json.dump(_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_table(headers: list[str], rows: list[list[Any]]) -> None:
    text_rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        widths = [max(w, min(len(v), 40)) for w, v in zip(widths, row, strict=True)]

    def line(values: list[str]) -> str:
        cells = [
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(values, widths, strict=True)
        ]
        return "  ".join(cells).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in text_rows:
        print(line(row))
    print(f"({len(rows)} Einträge)")


def _local_text(moment: datetime) -> str:
    from .services.clock import local

    return local(moment).strftime("%d.%m.%Y %H:%M")


# --- commands -------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import generate_demo

    database = _open(args)
    started = time.perf_counter()
    try:
        with database.session() as session:
            summary = generate_demo(session, args.size)
    except ValueError as exc:
        raise ServiceError(str(exc)) from exc
    seconds = time.perf_counter() - started
    print(
        f"Beispieldaten angelegt in {database.display_name} ({seconds:.1f} s): "
        f"{summary.organisations} Organisationen, {summary.people} Personen, "
        f"{summary.meetings} Treffen, {summary.agenda_items} Tagesordnungspunkte, "
        f"{summary.measures} Maßnahmen."
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    database = _open(args)
    with database.session() as session:
        if args.kind == "contacts":
            from .services.address_book import contact_listing

            contacts = contact_listing(session, args.search)
            if args.json:
                _print_json(contacts)
            else:
                _print_table(
                    ["ID", "Name", "Organisation", "E-Mail", "Telefon"],
                    [
                        [c.id, f"{c.last_name}, {c.first_name}".strip(", "), c.organisation,
                         c.email, c.phone]
                        for c in contacts
                    ],
                )  # fmt: skip
        elif args.kind == "organisations":
            from .services.address_book import organisation_listing

            organisations = organisation_listing(session, args.search)
            if args.json:
                _print_json(organisations)
            else:
                _print_table(
                    ["ID", "Name", "Art", "Ort"],
                    [[o.id, o.name, o.kind, o.city] for o in organisations],
                )
        elif args.kind == "meetings":
            from .services.meetings import list_meetings

            meetings = list_meetings(session, args.search)
            if args.json:
                _print_json(meetings)
            else:
                _print_table(
                    ["ID", "Beginn", "Titel", "Ort", "Status"],
                    [[m.id, _local_text(m.start), m.title, m.location, m.status] for m in meetings],
                )
        else:
            from .services.measures import list_measures

            measures = list_measures(session, args.search)
            if args.json:
                _print_json(measures)
            else:
                _print_table(
                    ["ID", "Titel", "Art", "Status", "Projektträger"],
                    [[m.id, m.title, m.kind, m.status, m.lead] for m in measures],
                )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    database = _open(args)
    with database.session() as session:
        if args.kind == "contact":
            from .services.people import get_person

            person = get_person(session, args.id)
            if args.json:
                _print_json(_person_json(person))
            else:
                _print_person(person)
        elif args.kind == "organisation":
            from .services.organisations import get_organisation

            organisation = get_organisation(session, args.id)
            if args.json:
                _print_json({"id": organisation.id, **asdict(organisation.data),
                             "kind": organisation.kind_name,
                             "members": organisation.members})  # fmt: skip
            else:
                _print_organisation(organisation)
        elif args.kind == "meeting":
            from .services.meetings import meeting_details

            meeting = meeting_details(session, args.id)
            if args.json:
                _print_json(
                    {
                        **asdict(meeting.summary),
                        **{k: v for k, v in asdict(meeting).items() if k != "summary"},
                    }
                )
            else:
                _print_meeting(meeting)
        else:
            from .services.measures import measure_details

            measure = measure_details(session, args.id)
            if args.json:
                _print_json(
                    {
                        **asdict(measure.summary),
                        **{k: v for k, v in asdict(measure).items() if k != "summary"},
                    }
                )
            else:
                _print_measure(measure)
    return 0


def _person_json(person: Any) -> dict[str, Any]:
    data = asdict(person.data)
    primary = next((m for m in person.data.memberships if m.is_primary), None)
    return {
        "id": person.id,
        **data,
        "organisation": primary.organisation_name if primary else "",
        "distribution_lists": person.distribution_lists,
        "meetings_attended": person.meetings_attended,
        "open_action_items": person.open_action_items,
    }


def _fields(pairs: list[tuple[str, Any]]) -> None:
    for label, value in pairs:
        if value not in ("", None, (), []):
            print(f"{label + ':':<17}{value}")


def _print_person(person: Any) -> None:
    d = person.data
    print(f"{d.salutation} {person.display_name}".strip())
    _fields(
        [
            ("Funktion", d.function),
            ("E-Mail", d.email),
            ("Telefon", d.phone),
            ("Mobil", d.mobile),
            ("Anschrift", " ".join(p for p in (d.street, d.postal_code, d.city) if p)),
            ("Schlagworte", ", ".join(d.tags)),
            ("Verteiler", ", ".join(person.distribution_lists)),
            ("Treffen", person.meetings_attended),
            ("Offene Aufgaben", person.open_action_items),
            ("Notizen", d.notes),
        ]
    )
    for m in d.memberships:
        period = ""
        if m.valid_from or m.valid_until:
            start = f"{m.valid_from:%d.%m.%Y}" if m.valid_from else ""
            end = f"{m.valid_until:%d.%m.%Y}" if m.valid_until else ""
            period = f" ({start}–{end})"
        extra = ", ".join(p for p in (m.role, m.department_name) if p)
        print(f"  • {m.organisation_name}{': ' + extra if extra else ''}{period}")


def _print_organisation(organisation: Any) -> None:
    d = organisation.data
    print(d.name)
    _fields(
        [
            ("Art", organisation.kind_name),
            ("Anschrift", " ".join(p for p in (d.street, d.postal_code, d.city) if p)),
            ("Telefon", d.phone),
            ("E-Mail", d.email),
            ("Webseite", d.website),
            ("Schlagworte", ", ".join(d.tags)),
            ("Notizen", d.notes),
        ]
    )
    for member in organisation.members:
        role = ", ".join(p for p in (member.role, member.department) if p)
        former = "" if member.current else " (ehemals)"
        print(f"  • {member.name}{': ' + role if role else ''}{former}")


def _print_meeting(meeting: Any) -> None:
    from .services.clock import local

    s = meeting.summary
    print(s.title)
    _fields(
        [
            ("Termin", f"{_local_text(s.start)}–{local(s.end):%H:%M} Uhr"),
            ("Ort", s.location),
            ("Status", s.status),
            ("Schwerpunkte", ", ".join(meeting.topics)),
            ("Protokoll", meeting.protocol_status),
        ]
    )
    if meeting.agenda:
        print("\nTagesordnung")
        for item in meeting.agenda:
            flag = " (nicht öffentlich)" if item.non_public else ""
            presenter = f" – {item.presenter}" if item.presenter else ""
            print(f"  TOP {item.number}  {item.title}{presenter}{flag}")
            for outcome in item.outcomes:
                votes = f" ({outcome.votes})" if outcome.votes else ""
                print(f"      {outcome.kind}: {outcome.text}{votes}")
    if meeting.attendance:
        print("\nAnwesenheit")
        for a in meeting.attendance:
            organisation = f", {a.organisation}" if a.organisation else ""
            print(f"  {a.status:<15}{a.name}{organisation}")
    if meeting.action_items:
        print("\nAufgaben")
        for item in meeting.action_items:
            due = f"{item.due_date:%d.%m.%Y}" if item.due_date else "ohne Termin"
            mark = "✓" if item.done else "○"
            print(f"  {mark} {item.text} — {item.owner or 'offen'} — {due}")


def _print_measure(measure: Any) -> None:
    s = measure.summary
    print(s.title)
    _fields(
        [
            ("Art", s.kind),
            ("Status", s.status),
            ("Fortschritt", f"{measure.progress} %"),
            ("Strategie", s.strategy),
            ("Zielgruppen", ", ".join(s.target_groups)),
            ("Handlungsfelder", ", ".join(s.action_fields)),
            ("Räuml. Ebene", measure.spatial_level),
            ("Projektart", measure.project_type),
            ("Sowieso-Themen", ", ".join(measure.pending_topics)),
            ("Planungskarte", measure.tool_card),
            ("Projektträger", s.lead),
            ("Partner", ", ".join(f"{p.name} ({p.role})" if p.role else p.name
                                  for p in measure.partner_roles)),
            ("Verantwortlich", measure.responsible),
            ("Ampel", measure.traffic_light
             + (f" – {measure.delay_reason}" if measure.delay_reason else "")),
            ("Beginn", f"{measure.start_date:%d.%m.%Y}" if measure.start_date else ""),
            ("Ziel", f"{measure.target_date:%d.%m.%Y}" if measure.target_date else ""),
            ("Teil von", measure.parent_title),
            ("Entstanden in", measure.origin_meeting.title if measure.origin_meeting else ""),
            ("Beschreibung", measure.description),
        ]
    )  # fmt: skip
    if measure.children:
        print("\nTeilmaßnahmen")
        for child in measure.children:
            print(f"  {child.title} – {child.status}, {child.progress} %")
    if measure.action_items:
        print("\nNächste Schritte")
        for item in measure.action_items:
            due = f"{item.due_date:%d.%m.%Y}" if item.due_date else "ohne Termin"
            mark = "✓" if item.done else "○"
            print(f"  {mark} {item.text} — {item.owner or 'offen'} — {due}")
    if measure.history:
        print("\nVerlauf")
    for entry in measure.history:
        where = f" ({entry.meeting_title})" if entry.meeting_title else ""
        note = f" – {entry.note}" if entry.note else ""
        author = f" [{entry.author}]" if entry.author else ""
        print(
            f"  {_local_text(entry.changed_at)}  {entry.label}: {entry.old_value} → "
            f"{entry.new_value}{note}{where}{author}"
        )


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from .exchange.contacts_file import read_contacts_file
    from .services.contact_import import apply_import, preview_import

    parsed = read_contacts_file(args.file)  # read and check the whole file before opening the db
    database = _open(args)
    with database.session() as session:
        preview = preview_import(session, parsed.records)
    skip = frozenset() if args.with_duplicates else preview.duplicate_indices
    safety_backup_of(database.url)  # a verified copy before every import (DESIGN.md §5)
    with database.session() as session:
        result = apply_import(session, parsed.records, skip=skip)
    print(
        f"{args.file.name} ({parsed.format_name}): {result.people_created} Personen und "
        f"{result.organisations_created} Organisationen übernommen"
        + (f", {result.skipped} mögliche Dubletten übersprungen" if result.skipped else "")
        + (f", {result.unchanged} Organisationen gab es schon" if result.unchanged else "")
        + "."
    )
    return 0


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from .exchange.contacts_file import write_contacts_file
    from .services.contact_records import load_contact_records

    database = _open(args, create=False)
    with database.session() as session:
        records = load_contact_records(session)
    write_contacts_file(args.file, records)
    print(f"{len(records)} Kontakte nach {args.file} geschrieben.")
    return 0


def cmd_import_calendar(args: argparse.Namespace) -> int:
    from .exchange.calendar_file import import_calendar_file, read_calendar_file

    read_calendar_file(args.file)  # a broken file is refused before the database is opened
    database = _open(args)
    result = import_calendar_file(database, args.file)
    print(
        f"{args.file.name}: {result.created} Treffen neu, {result.updated} aktualisiert, "
        f"{result.skipped} unverändert."
    )
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    from .exchange.meeting_package import MeetingPackageFiles

    package = MeetingPackageFiles(_open(args, create=False)).export(args.meeting_id, args.file)
    tops = sum(1 for r in package.records if r.kind == "agenda_item")
    people = sum(1 for r in package.records if r.kind == "person")
    print(f"Sitzungspaket „{package.title}“ nach {args.file} geschrieben "
          f"({tops} TOPs, {people} Personen).")  # fmt: skip
    return 0


def cmd_import_package(args: argparse.Namespace) -> int:
    from .exchange.meeting_package import MeetingPackageFiles
    from .services.meeting_package_merge import Choice, PackageConflictError

    package = MeetingPackageFiles.read(args.file)  # a bad file is refused before the db opens
    files = MeetingPackageFiles(_open(args))
    default = Choice.TAKE if args.take_laptop else Choice.KEEP if args.keep_office else None
    try:
        result = files.apply(package, default=default)
    except PackageConflictError as exc:
        for conflict in exc.conflicts:
            print(f"Konflikt: {conflict.label} ({conflict.reason})")
            for difference in conflict.differences:
                print(
                    f"  {difference.label}: hier „{difference.here}“ – im Paket „{difference.there}“"
                )
        print(f"Fehler: {len(exc.conflicts)} Einträge wurden hier und im Sitzungspaket geändert; "
              "nichts übernommen. Erneut mit --keep-office (hiesige Fassung behalten) oder "
              "--take-laptop (Fassung des Pakets übernehmen) aufrufen.", file=sys.stderr)  # fmt: skip
        return 1
    if result.is_copy:
        print(f"{args.file.name}: Treffen „{package.title}“ ist hier Treffen {result.meeting_id} "
              f"({result.created} Einträge neu, {result.updated} geändert). Nach dem Protokollieren "
              f"zurückgeben mit: multilok export package {result.meeting_id} DATEI.multilok")  # fmt: skip
    else:
        print(f"{args.file.name}: Protokoll von „{package.title}“ übernommen: {result.created} "
              f"neu, {result.updated} geändert, {result.deleted} gelöscht"
              + (f", {result.kept} Konflikte mit hiesiger Fassung" if result.kept else "") + ".")  # fmt: skip
    for skipped in result.skipped:
        print(f"Hinweis: nicht übernommen: {skipped}", file=sys.stderr)
    return 0


def cmd_export_calendar(args: argparse.Namespace) -> int:
    from .exchange import ics

    database = _open(args, create=False)
    with database.session() as session:
        if args.meeting is not None:
            events = [ics.write_meeting_invitation(session, args.meeting, args.file)]
        elif args.series is not None:
            events = ics.write_series(session, args.series, args.file)
        else:
            events = ics.write_calendar(session, args.file)
    print(f"{len(events)} Termine nach {args.file} geschrieben.")
    if args.meeting is not None and events and not events[0].organizer_email:
        print("Hinweis: Ohne E-Mail-Adresse der Koordinationsstelle (Einstellungen) fehlt der "
              "Organisator; Outlook zeigt die Einladung dann nur als Termin.", file=sys.stderr)  # fmt: skip
    missing = sorted({name for event in events for name in event.missing_emails})
    if missing:
        print(f"Hinweis: ohne E-Mail-Adresse und daher nicht in der Einladung: {', '.join(missing)}",
              file=sys.stderr)  # fmt: skip
    return 0


def cmd_export_document(args: argparse.Namespace) -> int:
    from .reports.documents_service import DocumentsService

    documents = DocumentsService(_open(args, create=False))
    write = documents.invitation if args.kind == "invitation" else documents.attendance
    path = write(args.meeting_id, args.file)
    print(f"{path} geschrieben.")
    return 0


def cmd_export_protocol(args: argparse.Namespace) -> int:
    from .reports.documents_service import DocumentsService

    variant = "distribution" if args.distribution else "archival" if args.archival else "full"
    path = DocumentsService(_open(args, create=False)).protocol(
        args.meeting_id, args.file, variant=variant
    )
    print(f"{path} geschrieben.")
    return 0


def cmd_export_plan(args: argparse.Namespace) -> int:
    from .reports.documents_service import DocumentsService

    path = DocumentsService(_open(args, create=False)).annual_plan(args.year, args.file)
    print(f"{path} geschrieben.")
    return 0


def _measure_query(args: argparse.Namespace, database: Database) -> Any:
    from .services.measure_report import filter_from_names

    with database.session() as session:
        return filter_from_names(
            session,
            search=args.search,
            statuses=args.status,
            action_fields=args.action_field,
            target_groups=args.target_group,
            strategies=args.strategy,
        )


def cmd_export_measures(args: argparse.Namespace) -> int:
    suffix = args.file.suffix.lower()
    if suffix not in (".pdf", ".csv", ".xlsx"):
        raise ServiceError(f"„{args.file.name}“: bitte eine Datei .pdf, .csv oder .xlsx angeben.")
    database = _open(args, create=False)
    query = _measure_query(args, database)
    if suffix == ".pdf":
        from .reports.documents_service import DocumentsService

        path = DocumentsService(database).measures_overview(args.file, query, args.group)
        print(f"{path} geschrieben.")
    else:
        from .exchange.measures_table import export_measures_table

        count = export_measures_table(database, query, args.file)
        print(f"{count} Maßnahmen nach {args.file} geschrieben.")
    return 0


def cmd_export_followup(args: argparse.Namespace) -> int:
    from .reports.documents_service import DocumentsService

    if args.file.suffix.lower() != ".pdf":
        raise ServiceError(f"„{args.file.name}“: der Umsetzungsstand wird als .pdf geschrieben.")
    database = _open(args, create=False)
    query = _measure_query(args, database)
    path = DocumentsService(database).follow_up(args.meeting_id, args.file, query, args.group)
    print(f"{path} geschrieben.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .storage.integrity import check_database

    database = _open(args, create=False)
    report = check_database(database.engine)
    for fact in report.facts:
        print(fact)
    if not report.ok:
        for problem in report.problems:
            print(f"Fehler: {problem}", file=sys.stderr)
        return 1
    from .services.protocol_search import index_missing

    with database.engine.begin() as connection:  # protocols the search did not know yet
        added = index_missing(connection)
    if added:
        print(f"{added} Tagesordnungspunkte mit Mitschrift in die Protokollsuche aufgenommen")
    print(f"Datenbank {database.display_name} ist in Ordnung.")
    return 0


def _sqlite_file(database: Database) -> Path:
    from .storage.paths import sqlite_path

    path = sqlite_path(database.url)
    if path is None:
        database.close()
        raise StorageError("Sicherungen gibt es nur für Datenbanken in einer SQLite-Datei.")
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from .storage.autobackup import configured_backup_dir
    from .storage.backup import backup_database, thin_backups

    database = _open(args, create=False)
    db_path = _sqlite_file(database)
    try:
        dest = args.dest if args.dest is not None else configured_backup_dir(db_path)
        path = backup_database(db_path, dest)
    finally:
        database.close()
    removed = thin_backups(dest)
    print(f"Sicherung angelegt: {path}")
    print(f"Ältere Sicherungen entfernt: {len(removed)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Works without opening the current database: it may be damaged or foreign."""
    from .storage.backup import restore_database
    from .storage.instance_lock import InstanceLock
    from .storage.paths import resolve_db_url, sqlite_path

    db_path = sqlite_path(resolve_db_url(args.db))
    if db_path is None:
        raise StorageError("Sicherungen gibt es nur für Datenbanken in einer SQLite-Datei.")
    with InstanceLock(db_path):  # refused while a Multilok window has the file open
        kept = restore_database(args.file, db_path)
    print(f"Datenbank {db_path} aus {args.file} wiederhergestellt.")
    print(f"Der vorherige Stand ist gesichert in {kept}")
    return 0


def cmd_privacy_export(args: argparse.Namespace) -> int:
    from .services.privacy_service import PrivacyService

    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise ServiceError(f"„{args.file.name}“: bitte eine Datei .json oder .pdf angeben.")
    service = PrivacyService(_open(args, create=False))
    data = service.access_report(args.person_id)
    if suffix == ".json":
        from .exchange.privacy_json import write_privacy_json

        write_privacy_json(data, args.file)
    else:
        from .reports.privacy import write_privacy_pdf

        write_privacy_pdf(data, service.office_settings(), args.file)
    print(f"Auskunft über Person {args.person_id} nach {args.file} geschrieben.")
    return 0


def cmd_privacy_erase(args: argparse.Namespace) -> int:
    from .services.privacy_service import PrivacyService

    result = PrivacyService(_open(args, create=False)).erase(args.person_id)
    print(
        f"Person {args.person_id} gelöscht: {result.protocol_rows_replaced} Einträge in "
        f"Protokollen durch „[gelöschte Person]“ ersetzt, "
        f"{result.approved_protocols_marked} genehmigte Protokolle vermerken die Löschung."
    )
    if result.mentions_left:
        print(f"Hinweis: Der Name steht noch an {result.mentions_left} Stellen in Protokolltexten "
              "(Notizen, Ergebnisse, Aufgaben); diese Texte wurden nicht geändert.",
              file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
