"""Fixed states with fixed meaning in the program (unlike the editable taxonomies).

The values are the German words shown to the user and stored in the database.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


class MeetingStatus(StrEnum):
    PLANNED = "geplant"
    INVITED = "eingeladen"
    HELD = "durchgeführt"
    MINUTED = "protokolliert"
    CLOSED = "abgeschlossen"
    CANCELLED = "abgesagt"


class InvitationMode(StrEnum):
    INVITED = "eingeladen"
    INFORMED = "informiert"


class Response(StrEnum):
    INVITED = "eingeladen"
    ACCEPTED = "zugesagt"
    DECLINED = "abgesagt"
    EXCUSED = "entschuldigt"
    ATTENDED = "teilgenommen"


class AttendanceStatus(StrEnum):
    PRESENT = "anwesend"
    EXCUSED = "entschuldigt"
    ABSENT = "unentschuldigt"
    GUEST = "Gast"


class ProtocolStatus(StrEnum):
    DRAFT = "Entwurf"
    SENT = "zur Abstimmung versendet"
    APPROVED = "genehmigt"


class OutcomeKind(StrEnum):
    INFORMATION = "Information"
    AGREEMENT = "Vereinbarung"
    DECISION = "Beschluss"


class TrafficLight(StrEnum):
    """Ampel of an open measure in the follow-up report (Umsetzungsstand)."""

    ON_TRACK = "im Plan"
    DELAYED = "verzögert"
    BLOCKED = "blockiert"


class StatusPhase(StrEnum):
    """What a measure status means for roll-ups and overdue lists, whatever its name.

    The status names are editable; the phase is what the program reasons with.
    """

    OPEN = "offen"  # Idee, in Prüfung, geplant, in Umsetzung (ordered by position)
    DONE = "erledigt"  # umgesetzt
    PAUSED = "ruhend"  # zurückgestellt
    DROPPED = "verworfen"  # verworfen


def enum_column_type(enum_cls: type[StrEnum]) -> Enum:
    """Store the German value as plain text, no CHECK constraint (easy to extend later)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=30,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


# The fields a measure's history records (MeasureHistory.field), as the office reads them.
HISTORY_LABELS = {
    "created": "angelegt",
    "status": "Status",
    "progress": "Fortschritt",
    "responsible": "Verantwortlich",
    "lead": "Projektträger",
    "traffic_light": "Ampel",
    "parent": "Teil von",
    "discussed": "besprochen",
}
