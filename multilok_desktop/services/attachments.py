"""Anlagen to a protocol: the files themselves are stored in the database (so a backup
carries them), numbered "Anlage 1..n" in the order they were added.

Adding or removing an Anlage changes the minutes and is locked with an approved protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PureWindowsPath

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain import AgendaItem, Attachment
from .errors import NotFoundError, ValidationError
from .minutes import ensure_unlocked, get_meeting

MAX_BYTES = 50 * 1024 * 1024
FILENAME_MAX = 255
MEDIA_TYPE_MAX = 120


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    number: int  # "Anlage 1", "Anlage 2" …
    filename: str
    size: int  # bytes
    agenda_item_id: int | None
    agenda_item_number: str  # "3"; "" when the Anlage belongs to no TOP
    media_type: str = ""


def add_attachment(
    session: Session,
    meeting_id: int,
    filename: str,
    data: bytes,
    media_type: str = "",
    agenda_item_id: int | None = None,
) -> int:
    """Store a file as the meeting's next Anlage (at most 50 MB); returns its id."""
    name = PureWindowsPath(filename.strip()).name.strip()  # drop a folder, / or \\
    if not name:
        raise ValidationError("Bitte einen Dateinamen angeben.")
    if len(name) > FILENAME_MAX:
        raise ValidationError(f"Der Dateiname ist zu lang (höchstens {FILENAME_MAX} Zeichen).")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Die Datei „{name}“ ist zu groß ({len(data) / 1024 / 1024:.1f} MB); "
            f"eine Anlage darf höchstens {MAX_BYTES // 1024 // 1024} MB groß sein."
        )
    get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    if agenda_item_id is not None:
        owner = session.scalar(select(AgendaItem.meeting_id).where(AgendaItem.id == agenda_item_id))
        if owner != meeting_id:
            raise NotFoundError(f"TOP {agenda_item_id} gehört nicht zu diesem Treffen.")
    last = session.scalar(
        select(func.max(Attachment.position)).where(Attachment.meeting_id == meeting_id)
    )
    attachment = Attachment(
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
        position=(last if last is not None else -1) + 1,
        filename=name,
        media_type=media_type.strip()[:MEDIA_TYPE_MAX],
        data=bytes(data),
        size=len(data),
    )
    session.add(attachment)
    session.flush()
    return attachment.id


def attachments(session: Session, meeting_id: int) -> list[AttachmentRow]:
    """The meeting's Anlagen in number order (the files are not loaded)."""
    get_meeting(session, meeting_id)
    rows = session.execute(
        select(
            Attachment.id,
            Attachment.filename,
            Attachment.size,
            Attachment.agenda_item_id,
            AgendaItem.number,
            Attachment.media_type,
        )
        .outerjoin(AgendaItem, AgendaItem.id == Attachment.agenda_item_id)
        .where(Attachment.meeting_id == meeting_id)
        .order_by(Attachment.position, Attachment.id)
    )
    return [
        AttachmentRow(id_, n, name, size, item_id, item_number or "", media_type)
        for n, (id_, name, size, item_id, item_number, media_type) in enumerate(rows, 1)
    ]


def attachment_file(session: Session, attachment_id: int) -> tuple[str, bytes]:
    """(file name, content) of an Anlage, e.g. to open or save it."""
    row = session.execute(
        select(Attachment.filename, Attachment.data).where(Attachment.id == attachment_id)
    ).first()
    if row is None:
        raise NotFoundError(f"Anlage {attachment_id} gibt es nicht (mehr).")
    return row.filename, row.data


def delete_attachment(session: Session, attachment_id: int) -> None:
    """Remove an Anlage; the later ones move up a number."""
    meeting_id = session.scalar(select(Attachment.meeting_id).where(Attachment.id == attachment_id))
    if meeting_id is None:
        raise NotFoundError(f"Anlage {attachment_id} gibt es nicht (mehr).")
    ensure_unlocked(session, meeting_id)
    session.execute(
        delete(Attachment)
        .where(Attachment.id == attachment_id)
        .execution_options(synchronize_session=False)
    )
