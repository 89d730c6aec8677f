"""Office settings, declared once with key, label and default (STYLE.md §13)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import SchoolHoliday, Setting
from ..storage.autobackup import BACKUP_DIR_KEY
from .errors import NotFoundError, ValidationError

# Bundesländer as the `holidays` package names its subdivisions.
STATES = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}  # fmt: skip


@dataclass(frozen=True)
class OfficeSettings:
    """Letterhead and calendar rules of the office. Field name = setting key."""

    office_name: str = "Koordinationsstelle Multilokalität"
    office_unit: str = ""  # e.g. "Landratsamt Talbach-Rhön, Referat Regionalentwicklung"
    office_street: str = ""
    office_postal_code: str = ""
    office_city: str = ""
    office_phone: str = ""
    office_email: str = ""
    office_website: str = ""
    state: str = "SN"  # Bundesland for public holidays
    default_place: str = ""  # place of a new meeting, e.g. "Landratsamt, Saal 2"
    logo: str = ""  # PNG or JPEG, base64: in the database, so every PC prints the same

    @property
    def logo_bytes(self) -> bytes:
        """The logo image, b"" without one."""
        return base64.b64decode(self.logo) if self.logo else b""

    @property
    def address_lines(self) -> list[str]:
        place = f"{self.office_postal_code} {self.office_city}".strip()
        return [line for line in (self.office_unit, self.office_street, place) if line]


LABELS = {
    "office_name": "Name der Koordinationsstelle",
    "office_unit": "Behörde / Referat",
    "office_street": "Straße",
    "office_postal_code": "PLZ",
    "office_city": "Ort",
    "office_phone": "Telefon",
    "office_email": "E-Mail",
    "office_website": "Webseite",
    "state": "Bundesland (Feiertage)",
    "default_place": "Ort neuer Treffen",
    "logo": "Logo",
}

LOGO_MAX_BYTES = 1_000_000  # a letterhead logo; larger files bloat every PDF and backup
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def logo_problem(data: bytes) -> str | None:
    """Why these bytes cannot be the letterhead logo, or None."""
    if not data.startswith(_LOGO_MAGIC):
        return "Das Logo muss eine PNG- oder JPEG-Datei sein."
    if len(data) > LOGO_MAX_BYTES:
        return "Das Logo ist größer als 1 MB; bitte eine kleinere Datei wählen."
    return None


def read_logo(path: str | Path) -> str:
    """The logo file as the `logo` setting (base64); ValidationError for a bad file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"„{path}“ lässt sich nicht lesen: {exc.strerror}.") from exc
    problem = logo_problem(data)
    if problem is not None:
        raise ValidationError(problem)
    return base64.b64encode(data).decode("ascii")


def load_settings(session: Session) -> OfficeSettings:
    stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    names = {f.name for f in fields(OfficeSettings)}
    return replace(OfficeSettings(), **{k: v for k, v in stored.items() if k in names})


def save_settings(session: Session, settings: OfficeSettings) -> None:
    if settings.state not in STATES:
        raise ValidationError(f"Unbekanntes Bundesland „{settings.state}“.")
    if not settings.office_name.strip():
        raise ValidationError("Bitte den Namen der Koordinationsstelle angeben.")
    if settings.logo:
        try:
            problem = logo_problem(base64.b64decode(settings.logo, validate=True))
        except (binascii.Error, ValueError):
            problem = "Das Logo ist beschädigt; bitte die Datei neu wählen."
        if problem is not None:
            raise ValidationError(problem)
    for item in fields(OfficeSettings):
        value = str(getattr(settings, item.name)).strip()
        row = session.get(Setting, item.name)
        if row is None:
            session.add(Setting(key=item.name, value=value))
        else:
            row.value = value
    session.flush()


@dataclass(frozen=True)
class SchoolHolidayPeriod:
    id: int | None
    name: str
    first_day: date
    last_day: date


def school_holidays(session: Session) -> list[SchoolHolidayPeriod]:
    rows = session.scalars(select(SchoolHoliday).order_by(SchoolHoliday.first_day))
    return [SchoolHolidayPeriod(r.id, r.name, r.first_day, r.last_day) for r in rows]


def add_school_holiday(session: Session, name: str, first_day: date, last_day: date) -> int:
    if last_day < first_day:
        raise ValidationError("Die Ferien enden vor ihrem Beginn.")
    if not name.strip():
        raise ValidationError("Bitte die Ferien benennen, z. B. „Winterferien 2027“.")
    row = SchoolHoliday(name=name.strip(), first_day=first_day, last_day=last_day)
    session.add(row)
    session.flush()
    return row.id


def delete_school_holiday(session: Session, holiday_id: int) -> None:
    row = session.get(SchoolHoliday, holiday_id)
    if row is None:
        raise NotFoundError(f"Ferienzeitraum {holiday_id} gibt es nicht (mehr).")
    session.delete(row)
    session.flush()


# --- backup folder (per database: everyone who opens the file backs it up there) --------


def backup_folder(session: Session) -> str:
    """The chosen backup folder, or '' for the default (Sicherungen in the data folder)."""
    row = session.get(Setting, BACKUP_DIR_KEY)
    return row.value if row is not None else ""


def save_backup_folder(session: Session, folder: str) -> None:
    """'' restores the default. The folder must be an absolute path (it may be a network
    drive); it is created at the next backup if it does not exist yet."""
    folder = folder.strip()
    if folder and not Path(folder).expanduser().is_absolute():
        raise ValidationError(
            f"„{folder}“ ist kein vollständiger Ordnerpfad; bitte den Ordner auswählen."
        )
    row = session.get(Setting, BACKUP_DIR_KEY)
    if row is None:
        session.add(Setting(key=BACKUP_DIR_KEY, value=folder))
    else:
        row.value = folder
    session.flush()
