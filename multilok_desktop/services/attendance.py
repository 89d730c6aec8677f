"""Who was there (Anwesenheit): the check-in list of the minute-taking window.

The list is prepared from the invitations; people who come unannounced are added as walk-ins,
from the address book or by name. Every row keeps the name and organisation as text, so
the protocol stays readable if a person is erased later (DSGVO).

`attendance.status` is NOT NULL. Someone prepared from the invitations who has not been
checked in yet is stored as "unentschuldigt" (ABSENT) — what they are if they never arrive;
people who declined are "entschuldigt". Checking in sets "anwesend".
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationMode,
    Membership,
    Organisation,
    Person,
    Response,
)
from .errors import NotFoundError, ValidationError
from .minutes import ensure_unlocked, get_meeting, get_person, person_name

NOT_CHECKED_IN = AttendanceStatus.ABSENT  # the documented stand-in for "not checked in yet"
NAME_MAX = 200


def prepare_attendance(session: Session, meeting_id: int) -> int:
    """List everyone invited (mode eingeladen) who is not listed yet; returns how many.

    Those who declined or excused themselves are "entschuldigt", everyone else is
    `NOT_CHECKED_IN` until checked in. Rows already there are left alone.
    """
    meeting = get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    listed = set(
        session.scalars(
            select(Attendance.person_id).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id.is_not(None)
            )
        )
    )
    invitations = session.scalars(
        select(Invitation)
        .where(
            Invitation.meeting_id == meeting_id,
            Invitation.mode == InvitationMode.INVITED,
            Invitation.person_id.is_not(None),
        )
        .options(
            selectinload(Invitation.organisation),
            selectinload(Invitation.person)
            .selectinload(Person.memberships)
            .selectinload(Membership.organisation),
            selectinload(Invitation.person)
            .selectinload(Person.memberships)
            .selectinload(Membership.department),
        )
        .order_by(Invitation.id)
    ).all()
    added = 0
    for invitation in invitations:
        person = invitation.person
        if person is None or person.id in listed:
            continue
        listed.add(person.id)
        declined = invitation.response in (Response.DECLINED, Response.EXCUSED)
        meeting.attendance.append(
            Attendance(
                person_id=person.id,
                name_text=person_name(person)[:NAME_MAX],
                organisation_text=organisation_text(person, invitation.organisation)[:NAME_MAX],
                status=AttendanceStatus.EXCUSED if declined else NOT_CHECKED_IN,
            )
        )
        added += 1
    session.flush()
    return added


def set_attendance(
    session: Session,
    attendance_id: int,
    status: AttendanceStatus,
    from_item_id: int | None = None,
    until_item_id: int | None = None,
) -> None:
    """Check someone in or out; with partial attendance "ab TOP x" / "bis TOP y"."""
    attendance = session.get(Attendance, attendance_id)
    if attendance is None:
        raise NotFoundError(f"Eintrag {attendance_id} der Anwesenheitsliste gibt es nicht (mehr).")
    ensure_unlocked(session, attendance.meeting_id)
    _check_span(session, attendance.meeting_id, from_item_id, until_item_id)
    attendance.status = AttendanceStatus(status)
    attendance.from_item_id, attendance.until_item_id = from_item_id, until_item_id
    session.flush()


def add_walk_in(
    session: Session,
    meeting_id: int,
    *,
    person_id: int | None = None,
    name: str = "",
    organisation: str = "",
    status: AttendanceStatus = AttendanceStatus.GUEST,
) -> int:
    """Someone who came: from the address book (person_id) or by name; returns the row's id.

    If they are listed already (same person, or same name without a person), their row is
    updated instead of adding a second one.
    """
    meeting = get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    name, organisation = name.strip(), organisation.strip()
    if len(name) > NAME_MAX or len(organisation) > NAME_MAX:
        raise ValidationError(f"Name oder Organisation ist zu lang (höchstens {NAME_MAX} Zeichen).")
    existing: Attendance | None
    if person_id is not None:
        person = get_person(session, person_id)
        name = name or person_name(person)
        organisation = organisation or organisation_text(person, None)
        existing = session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
            )
        )
    else:
        if not name:
            raise ValidationError("Bitte einen Namen angeben.")
        existing = next(
            (
                a
                for a in meeting.attendance
                if a.person_id is None and a.name_text.casefold() == name.casefold()
            ),
            None,
        )
    if existing is not None:
        existing.status = AttendanceStatus(status)
        if organisation:
            existing.organisation_text = organisation[:NAME_MAX]
        session.flush()
        return existing.id
    row = Attendance(
        person_id=person_id,
        name_text=name[:NAME_MAX],
        organisation_text=organisation[:NAME_MAX],
        status=AttendanceStatus(status),
    )
    meeting.attendance.append(row)
    session.flush()
    return row.id


def remove_attendance(session: Session, attendance_id: int) -> None:
    """Take a row off the list (added by mistake)."""
    attendance = session.get(Attendance, attendance_id)
    if attendance is None:
        raise NotFoundError(f"Eintrag {attendance_id} der Anwesenheitsliste gibt es nicht (mehr).")
    ensure_unlocked(session, attendance.meeting_id)
    session.delete(attendance)
    session.flush()


def organisation_text(person: Person, invited: Organisation | None) -> str:
    """The organisation a person comes for: the invited one, else their primary one; with
    the department where it belongs to that organisation ("Gemeinde Neißeaue, Bauamt")."""
    memberships = list(person.memberships)
    chosen = next((m for m in memberships if invited and m.organisation_id == invited.id), None)
    if chosen is None and invited is not None:
        return invited.name
    if chosen is None and memberships:
        primary = [m for m in memberships if m.is_primary]
        chosen = (primary or memberships)[0]
    if chosen is None:
        return ""
    name = chosen.organisation.name
    return f"{name}, {chosen.department.name}" if chosen.department is not None else name


def _check_span(
    session: Session, meeting_id: int, from_item_id: int | None, until_item_id: int | None
) -> None:
    ids = [i for i in (from_item_id, until_item_id) if i is not None]
    if not ids:
        return
    positions = {
        item_id: position
        for item_id, position in session.execute(
            select(AgendaItem.id, AgendaItem.position).where(
                AgendaItem.id.in_(ids), AgendaItem.meeting_id == meeting_id
            )
        )
    }
    if missing := [i for i in ids if i not in positions]:
        raise NotFoundError(f"TOP {missing[0]} gehört nicht zu diesem Treffen.")
    if from_item_id is not None and until_item_id is not None:
        if positions[from_item_id] > positions[until_item_id]:
            raise ValidationError("„Ab TOP“ muss vor „bis TOP“ liegen.")
