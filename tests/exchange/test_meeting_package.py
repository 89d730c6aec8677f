"""Sitzungspaket: office → laptop → minutes → office, conflicts, re-imports, bad files."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import ActionItem, AgendaItem, Meeting, Outcome, Person, Setting
from multilok_desktop.exchange.errors import ImportFileError
from multilok_desktop.exchange.meeting_package import MeetingPackageFiles
from multilok_desktop.services.invitations import invite
from multilok_desktop.services.meeting_package_merge import Choice, PackageConflictError
from multilok_desktop.services.meeting_package_service import MeetingPackageError
from multilok_desktop.services.minutes_service import (
    AttendanceStatus,
    MinutesService,
    OutcomeKind,
)
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.minutes_helpers import AUTUMN, SPRING, Setup, at, two_meetings


@pytest.fixture
def laptop(tmp_path: Path, _migrated_template: Path) -> Iterator[Database]:
    """A second, empty database: the laptop's own file."""
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(_migrated_template, path)
    database = Database.open(str(path))
    yield database
    database.close()


@dataclass(frozen=True)
class Office:
    setup: Setup
    kuehn: int
    oehler: int
    stranger: int
    task: int  # open action item of the spring meeting: Wiedervorlage in autumn


def office_meeting(db: Database) -> Office:
    """The autumn meeting planned in the office, with invitees and a Wiedervorlage item."""
    setup = two_meetings(db)
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Neißeaue")
        kuehn = factories.person(
            s, "Jutta", "Kühn", organisation_id=town, title="Dr.", role="Bürgermeisterin",
            email="kuehn@example.org", phone="03581 1234",
        )  # fmt: skip
        oehler = factories.person(s, "Max", "Öhler", department="Bauamt",
                                  organisation_id=town, email="oehler@example.org")  # fmt: skip
        stranger = factories.person(s, "Nicht", "Eingeladen", email="nein@example.org")
        invite(s, setup.autumn, person_ids=[kuehn, oehler])
    task = setup.service.add_action_item(
        setup.tops(setup.spring)[3], "Leerstände melden", owner_id=oehler
    )
    return Office(setup, kuehn, oehler, stranger, task)


def take_minutes(laptop: Database, meeting_id: int) -> MinutesService:
    """What the Sitzungsmodus writes on the laptop."""
    minutes = MinutesService(laptop)
    view = minutes.minutes_view(meeting_id)
    tops = [t.id for t in view.agenda]
    minutes.prepare_attendance(meeting_id)
    rows = {a.name: a.id for a in minutes.minutes_view(meeting_id).attendance}
    minutes.set_attendance(rows["Dr. Jutta Kühn"], AttendanceStatus.PRESENT)
    minutes.set_attendance(rows["Max Öhler"], AttendanceStatus.PRESENT, from_item_id=tops[3])
    minutes.add_walk_in(meeting_id, name="Gerd Gast", organisation="Presse")
    minutes.start_item(tops[3], at(AUTUMN, 14, 30))
    minutes.save_notes(tops[3], "<p>Frau Kühn stellt die Kita-Umfrage vor.</p>")
    minutes.finish_item(tops[3], at(AUTUMN, 15, 0))
    minutes.add_outcome(tops[3], OutcomeKind.DECISION, "Umfrage wird fortgeführt", 12, 0, 1)
    person = next(a.person_id for a in minutes.minutes_view(meeting_id).attendance
                  if a.name == "Max Öhler")  # fmt: skip
    minutes.add_action_item(tops[3], "Ergebnisse aufbereiten", owner_id=person,
                            due_date=AUTUMN.replace(month=11))  # fmt: skip
    new_top = minutes.add_unplanned_item(meeting_id, "Radweg Bahnhof", after_item_id=tops[3])
    minutes.save_notes(new_top, "<p>Kurz berichtet.</p>")
    minutes.add_outcome(new_top, OutcomeKind.INFORMATION, "Baubeginn im Frühjahr")
    review = minutes.open_items_for_review(meeting_id)
    minutes.set_action_item_done(review[0].id, True)
    minutes.set_roles(meeting_id, chair_text="Landrat Kunze", minute_taker_text="F. Schulz")
    return minutes


def to_laptop(office: Database, laptop: Database, meeting_id: int, tmp_path: Path) -> int:
    MeetingPackageFiles(office).export(meeting_id, tmp_path / "treffen.multilok")
    files = MeetingPackageFiles(laptop)
    result = files.apply(files.read(tmp_path / "treffen.multilok"))
    assert result.is_copy
    return result.meeting_id


def back_to_office(laptop: Database, copy_id: int, tmp_path: Path) -> Path:
    path = tmp_path / "ergebnis.multilok"
    MeetingPackageFiles(laptop).export(copy_id, path)
    return path


def count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_round_trip_brings_every_part_of_the_minutes_back(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """Office → package → laptop → minutes → result package → office: all of it arrives."""
    office = office_meeting(db)
    autumn = office.setup.autumn
    copy_id = to_laptop(db, laptop, autumn, tmp_path)

    on_laptop = MinutesService(laptop)
    view = on_laptop.minutes_view(copy_id)
    assert view.title == "7. Vernetzungstreffen" and len(view.agenda) == 5
    review = on_laptop.open_items_for_review(copy_id)
    assert [(r.text, r.owner, r.from_meeting_title) for r in review] == [
        ("Leerstände melden", "Max Öhler", "6. Vernetzungstreffen")
    ]
    with laptop.session() as s:  # DSGVO: invitees only, no contact data
        people = s.scalars(select(Person).order_by(Person.last_name)).all()
        assert [p.full_name for p in people] == ["Dr. Jutta Kühn", "Max Öhler"]
        assert all(p.email == "" and p.phone == "" for p in people)
        assert people[0].memberships[0].organisation.name == "Gemeinde Neißeaue"
        assert people[0].memberships[0].role == "Bürgermeisterin"

    take_minutes(laptop, copy_id)
    files = MeetingPackageFiles(db)
    package = files.read(back_to_office(laptop, copy_id, tmp_path))
    assert files.preview(package).conflicts == ()
    result = files.apply(package)
    assert not result.is_copy and result.meeting_id == autumn and result.kept == 0

    minutes = office.setup.service.minutes_view(autumn)
    assert [t.title for t in minutes.agenda][3:5] == [
        "Kinderbetreuung für Pendlerfamilien",
        "Radweg Bahnhof",
    ]
    assert [t.number for t in minutes.agenda] == ["1", "2", "3", "4", "5", "6"]
    kita, radweg = minutes.agenda[3], minutes.agenda[4]
    assert kita.notes_html == "<p>Frau Kühn stellt die Kita-Umfrage vor.</p>"
    assert (kita.started_at, kita.ended_at) == (at(AUTUMN, 14, 30), at(AUTUMN, 15, 0))
    assert [(o.kind, o.text, o.votes_yes, o.votes_no, o.votes_abstain) for o in kita.outcomes] == [
        (OutcomeKind.DECISION, "Umfrage wird fortgeführt", 12, 0, 1)
    ]
    assert [(a.text, a.owner_id, a.owner_text, a.due_date) for a in kita.action_items] == [
        ("Ergebnisse aufbereiten", office.oehler, "Max Öhler", AUTUMN.replace(month=11))
    ]
    assert radweg.unplanned and radweg.notes_html == "<p>Kurz berichtet.</p>"
    assert [o.text for o in radweg.outcomes] == ["Baubeginn im Frühjahr"]
    attendance = {a.name: a for a in minutes.attendance}
    assert attendance["Dr. Jutta Kühn"].person_id == office.kuehn
    assert attendance["Dr. Jutta Kühn"].status == AttendanceStatus.PRESENT
    assert attendance["Max Öhler"].from_item_id == kita.id
    assert attendance["Gerd Gast"].status == AttendanceStatus.GUEST
    assert attendance["Gerd Gast"].organisation == "Presse"
    assert (minutes.protocol.chair, minutes.protocol.minute_taker) == ("Landrat Kunze", "F. Schulz")
    with db.session() as s:
        task = s.get(ActionItem, office.task)
        assert task is not None and task.done and task.done_at is not None
    assert office.setup.service.search_protocols("Kita-Umfrage")  # the search index is current
    assert count(db, Person) == 3  # the office's address book is untouched


def test_reimporting_a_package_changes_nothing(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """The same result package twice, and the office package twice on the laptop: no doubles."""
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    take_minutes(laptop, copy_id)
    again = MeetingPackageFiles(laptop)
    again_result = again.apply(again.read(tmp_path / "treffen.multilok"))
    assert again_result.meeting_id == copy_id and again_result.created == 0
    assert again_result.updated == 0 and again_result.kept == 0
    assert count(laptop, Meeting) == 2 and count(laptop, Person) == 2  # copy + earlier one
    assert MinutesService(laptop).minutes_view(copy_id).agenda[3].outcomes  # minutes kept

    path = back_to_office(laptop, copy_id, tmp_path)
    files = MeetingPackageFiles(db)
    files.apply(files.read(path))
    before = (count(db, Outcome), count(db, ActionItem), count(db, Meeting))
    second = files.apply(files.read(path))
    assert (second.created, second.updated, second.deleted, second.kept) == (0, 0, 0, 0)
    assert (count(db, Outcome), count(db, ActionItem), count(db, Meeting)) == before


def test_a_newer_office_package_updates_the_laptop_without_touching_its_minutes(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """The office renamed a TOP after the first package: the laptop takes the new title and
    keeps the notes taken there meanwhile."""
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    on_laptop = MinutesService(laptop)
    on_laptop.save_notes(on_laptop.minutes_view(copy_id).agenda[3].id, "<p>Laptop</p>")
    with db.session() as s:
        item = s.get(AgendaItem, office.setup.tops(office.setup.autumn)[4])
        assert item is not None
        item.title = "Verschiedenes und Termine"
    again = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    assert again == copy_id
    agenda = on_laptop.minutes_view(copy_id).agenda
    assert agenda[4].title == "Verschiedenes und Termine"
    assert agenda[3].notes_html == "<p>Laptop</p>"


def test_a_concurrent_office_change_to_the_same_top_is_never_overwritten(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """Both sides wrote TOP 4's notes: the import refuses until the user chooses."""
    office = office_meeting(db)
    service = office.setup.service
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    take_minutes(laptop, copy_id)
    kita = office.setup.tops(office.setup.autumn)[3]
    service.save_notes(kita, "<p>Im Büro ergänzt.</p>")
    files = MeetingPackageFiles(db)
    package = files.read(back_to_office(laptop, copy_id, tmp_path))

    conflicts = files.preview(package).conflicts
    assert [c.label for c in conflicts] == ["TOP 4 Kinderbetreuung für Pendlerfamilien"]
    notes = next(d for d in conflicts[0].differences if d.label == "Notizen")
    assert notes.here == "Im Büro ergänzt."  # shown as the plain text of the notes
    assert notes.there == "Frau Kühn stellt die Kita-Umfrage vor."
    with pytest.raises(PackageConflictError) as refused:
        files.apply(package)
    assert len(refused.value.conflicts) == 1
    view = service.minutes_view(office.setup.autumn)
    assert view.agenda[3].notes_html == "<p>Im Büro ergänzt.</p>"
    assert len(view.agenda) == 5 and not view.agenda[3].outcomes  # nothing at all was written

    files.apply(package, default=Choice.KEEP)
    view = service.minutes_view(office.setup.autumn)
    assert view.agenda[3].notes_html == "<p>Im Büro ergänzt.</p>"
    assert view.agenda[3].started_at is None  # the TOP record stayed the office's as a whole
    assert [o.text for o in view.agenda[3].outcomes] == ["Umfrage wird fortgeführt"]
    assert len(view.agenda) == 6
    assert files.preview(package).conflicts == ()  # the choice is remembered

    files.apply(package, {conflicts[0].key: Choice.TAKE})  # no conflict left: stays the office's
    assert service.minutes_view(office.setup.autumn).agenda[3].notes_html == (
        "<p>Im Büro ergänzt.</p>"
    )


def test_taking_the_laptop_version_of_a_conflict(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    take_minutes(laptop, copy_id)
    kita = office.setup.tops(office.setup.autumn)[3]
    office.setup.service.save_notes(kita, "<p>Im Büro ergänzt.</p>")
    files = MeetingPackageFiles(db)
    package = files.read(back_to_office(laptop, copy_id, tmp_path))
    key = files.preview(package).conflicts[0].key
    files.apply(package, {key: Choice.TAKE})
    top = office.setup.service.minutes_view(office.setup.autumn).agenda[3]
    assert top.notes_html == "<p>Frau Kühn stellt die Kita-Umfrage vor.</p>"
    assert top.started_at == at(AUTUMN, 14, 30)


def test_deleting_on_the_laptop_reaches_the_office_and_office_edits_survive(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """A result deleted on the laptop goes; a change only the office made stays."""
    office = office_meeting(db)
    service = office.setup.service
    kita = office.setup.tops(office.setup.autumn)[3]
    doomed = service.add_outcome(kita, OutcomeKind.INFORMATION, "Vorab eingetragen")
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    on_laptop = MinutesService(laptop)
    laptop_outcome = on_laptop.minutes_view(copy_id).agenda[3].outcomes[0].id
    on_laptop.delete_outcome(laptop_outcome)
    service.save_notes(office.setup.tops(office.setup.autumn)[0], "<p>Begrüßung (Büro)</p>")
    files = MeetingPackageFiles(db)
    result = files.apply(files.read(back_to_office(laptop, copy_id, tmp_path)))
    assert result.deleted == 1
    view = service.minutes_view(office.setup.autumn)
    assert doomed not in [o.id for o in view.agenda[3].outcomes]
    assert view.agenda[0].notes_html == "<p>Begrüßung (Büro)</p>"


def test_people_checked_in_on_both_sides_are_listed_once(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """The office prepared the list too: same person once; same walk-in, other data: conflict."""
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    take_minutes(laptop, copy_id)
    service = office.setup.service
    service.prepare_attendance(office.setup.autumn)  # Kühn and Öhler, not checked in
    service.add_walk_in(office.setup.autumn, name="Gerd Gast", organisation="Lokalzeitung")
    files = MeetingPackageFiles(db)
    package = files.read(back_to_office(laptop, copy_id, tmp_path))
    conflicts = files.preview(package).conflicts
    assert sorted(c.label for c in conflicts) == [
        "Anwesenheit: Dr. Jutta Kühn",
        "Anwesenheit: Gerd Gast",
        "Anwesenheit: Max Öhler",
    ]
    assert {c.reason for c in conflicts} == {"hier und im Paket eingetragen"}
    files.apply(package, default=Choice.TAKE)
    rows = service.minutes_view(office.setup.autumn).attendance
    assert sorted((a.name, a.status, a.organisation) for a in rows) == [
        ("Dr. Jutta Kühn", AttendanceStatus.PRESENT, "Gemeinde Neißeaue"),
        ("Gerd Gast", AttendanceStatus.GUEST, "Presse"),
        ("Max Öhler", AttendanceStatus.PRESENT, "Gemeinde Neißeaue, Bauamt"),
    ]
    second = files.apply(files.read(tmp_path / "ergebnis.multilok"))
    assert (second.created, second.updated, second.kept) == (0, 0, 0)
    assert len(service.minutes_view(office.setup.autumn).attendance) == 3


def test_a_locked_protocol_in_the_office_refuses_the_import(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.autumn, tmp_path)
    take_minutes(laptop, copy_id)
    office.setup.service.approve(office.setup.autumn, AUTUMN)
    files = MeetingPackageFiles(db)
    package = files.read(back_to_office(laptop, copy_id, tmp_path))
    with pytest.raises(MeetingPackageError, match="genehmigt und damit gesperrt"):
        files.apply(package)
    assert office.setup.service.minutes_view(office.setup.autumn).agenda[3].notes_html == ""
    with pytest.raises(
        MeetingPackageError, match="Sitzungspaket zum Protokollieren ist dafür nicht möglich"
    ):
        files.export(office.setup.autumn, tmp_path / "again.multilok")  # nothing to minute
    assert not (tmp_path / "again.multilok").exists()


def test_the_package_carries_invitees_only(db: Database, tmp_path: Path) -> None:
    """DSGVO: no one else from the address book, no e-mail, phone or address."""
    office = office_meeting(db)
    path = tmp_path / "p.multilok"
    MeetingPackageFiles(db).export(office.setup.autumn, path)
    with zipfile.ZipFile(path) as archive:
        content = archive.read("meeting.json").decode()
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "multilok-sitzungspaket" and manifest["format_version"] == 1
    assert "Kühn" in content and "Öhler" in content
    assert "Eingeladen" not in content and "example.org" not in content
    assert "03581" not in content


def _database_state(db: Database) -> list[tuple[str, int]]:
    with db.session() as s:
        tables = ("meeting", "agenda_item", "outcome", "action_item", "attendance", "person")
        state = [
            (t, int(s.scalar(select(func.count()).select_from(Meeting.metadata.tables[t])) or 0))
            for t in tables
        ]
        return state + [(k, len(v)) for k, v in s.execute(select(Setting.key, Setting.value))]


@pytest.mark.parametrize(
    "broken",
    ["not a zip", "no manifest", "foreign format", "newer version", "tampered", "bad record"],
)
def test_a_broken_foreign_or_newer_file_is_refused_and_changes_nothing(
    db: Database, laptop: Database, tmp_path: Path, broken: str
) -> None:
    office = office_meeting(db)
    good = tmp_path / "good.multilok"
    MeetingPackageFiles(db).export(office.setup.autumn, good)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = archive.read("meeting.json")
    if broken == "foreign format":
        manifest["format"] = "etwas-anderes"
    elif broken == "newer version":
        manifest["format_version"] = 2
    elif broken == "tampered":
        content = content.replace(b"Kinderbetreuung", b"Kinderbetreuunx")
    elif broken == "bad record":
        body = json.loads(content)
        body["records"][0]["kind"] = "virus"
        content = json.dumps(body).encode()
        import hashlib

        manifest["sha256"] = hashlib.sha256(content).hexdigest()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if broken != "no manifest":
            archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("meeting.json", content)
    path = tmp_path / "bad.multilok"
    path.write_bytes(b"PK\x03\x04 kaputt" if broken == "not a zip" else buffer.getvalue())
    before = _database_state(laptop)
    expected = {
        "not a zip": "kein Multilok-Sitzungspaket",
        "no manifest": "kein Multilok-Sitzungspaket",
        "foreign format": "kein Multilok-Sitzungspaket",
        "newer version": "neueren Version von Multilok",
        "tampered": "beschädigt",
        "bad record": "Eintrag 1 hat keine bekannte Art",
    }[broken]
    with pytest.raises(ImportFileError, match=expected):
        MeetingPackageFiles(laptop).read(path)
    assert _database_state(laptop) == before


def test_a_wrong_value_inside_a_record_rolls_everything_back(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    """A checksum-valid package with a bad time: one clear line, the laptop stays empty."""
    office = office_meeting(db)
    files = MeetingPackageFiles(db)
    files.export(office.setup.autumn, tmp_path / "p.multilok")
    package = files.read(tmp_path / "p.multilok")
    records = list(package.records)
    index = next(i for i, r in enumerate(records) if r.kind == "agenda_item")
    bad = records[index]
    records[index] = type(bad)(bad.kind, bad.key, {**bad.fields, "started_at": "gestern"}, bad.base)
    broken = type(package)(**{**package.__dict__, "records": tuple(records)})
    before = _database_state(laptop)
    with pytest.raises(MeetingPackageError, match="Feld „started_at“"):
        MeetingPackageFiles(laptop).apply(broken)
    assert _database_state(laptop) == before


def test_the_spring_meeting_not_in_the_office_any_more_is_a_clear_error(
    db: Database, laptop: Database, tmp_path: Path
) -> None:
    office = office_meeting(db)
    copy_id = to_laptop(db, laptop, office.setup.spring, tmp_path)
    path = back_to_office(laptop, copy_id, tmp_path)
    with db.session() as s:
        meeting = s.get(Meeting, office.setup.spring)
        s.delete(meeting)
    files = MeetingPackageFiles(db)
    with pytest.raises(MeetingPackageError, match="gibt es in dieser Datenbank nicht mehr"):
        files.apply(files.read(path))
    assert SPRING  # the spring meeting was the one exported


# --- the command line ---------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from multilok_desktop.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.sqlite_only  # the command runs in-process and leaves its server connections open
def test_the_command_line_round_trip_and_its_conflict_choices(
    db: Database, laptop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export/import package: exit 0; a conflict lists both versions and exits 1 until a
    --keep-office/--take-laptop choice; a bad file is one German line with exit 1."""
    office = office_meeting(db)
    office_db, laptop_db = db.url, laptop.url
    package, result = tmp_path / "t.multilok", tmp_path / "r.multilok"
    autumn = str(office.setup.autumn)
    code, out, _ = run(capsys, "--db", office_db, "export", "package", autumn, str(package))
    assert code == 0 and "7. Vernetzungstreffen" in out and "2 Personen" in out
    code, out, _ = run(capsys, "--db", laptop_db, "import", "package", str(package))
    assert code == 0 and "multilok export package" in out
    copy_id = int(out.split("ist hier Treffen ")[1].split()[0])
    take_minutes(laptop, copy_id)
    office.setup.service.save_notes(office.setup.tops(office.setup.autumn)[3], "<p>Büro</p>")
    assert run(capsys, "--db", laptop_db, "export", "package", str(copy_id), str(result))[0] == 0

    code, out, err = run(capsys, "--db", office_db, "import", "package", str(result))
    assert code == 1 and "Konflikt: TOP 4 Kinderbetreuung" in out
    assert "Notizen: hier „Büro“ – im Paket „Frau Kühn stellt" in out
    assert err.count("\n") == 1 and "--keep-office" in err
    assert office.setup.service.minutes_view(office.setup.autumn).agenda[3].outcomes == ()

    code, out, _ = run(capsys, "--db", office_db, "import", "package", str(result), "--take-laptop")
    assert code == 0 and "Protokoll von „7. Vernetzungstreffen“ übernommen" in out
    top = office.setup.service.minutes_view(office.setup.autumn).agenda[3]
    assert top.notes_html.startswith("<p>Frau Kühn") and top.outcomes

    (tmp_path / "kaputt.multilok").write_text("kein Paket")
    code, out, err = run(capsys, "--db", office_db, "import", "package",
                         str(tmp_path / "kaputt.multilok"))  # fmt: skip
    assert code == 1 and err.startswith("Fehler: „kaputt.multilok“ ist kein Multilok-Sitzungspaket")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "--db", office_db, "export", "package", "999", str(package))
    assert code == 1 and "Treffen 999 gibt es nicht" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, "--db", office_db, "import", "package", str(result), "--take-laptop",
            "--keep-office")  # fmt: skip
    assert usage.value.code == 2
