"""Who is invited to a meeting and what they replied (Einladung, Rückmeldung).

A person is invited as themselves; an organisation can be invited as a whole. Distribution
lists are expanded to their members when inviting; nobody is invited twice.

An invitation row names exactly one of them: `person_id` for a person, `organisation_id`
only for an organisation invited as a whole. The organisation shown next to a person is
their primary current membership, looked up when read (`current_membership`), so it
follows changes in the address book — and an erased person (person_id SET NULL) leaves a
row naming nobody, shown as "[gelöschte Person]" and left out of addresses, calendar
attendees and the attendance list, never read as an invitation of their organisation.
Rows written before this rule may carry both ids; they are read as the person's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    DistributionList,
    DistributionListMember,
    Invitation,
    InvitationMode,
    Meeting,
    MeetingStatus,
    Membership,
    Organisation,
    Person,
    Response,
    utcnow,
)
from ..domain.text import directory_name, sort_key
from .errors import NotFoundError, ValidationError

DELETED_NAME = "[gelöschte Person]"  # an invitation whose person was erased


@dataclass(frozen=True)
class InvitationRow:
    id: int
    person_id: int | None
    organisation_id: int | None
    name: str  # "Kühn, Dr. Jutta", the organisation's name or DELETED_NAME
    organisation: str  # the person's current organisation; "" for an invited organisation
    email: str
    mode: InvitationMode
    response: Response
    responded_at: datetime | None
    receives_protocol: bool = True


@dataclass(frozen=True)
class InviteeData:
    """A default invitee of a series (or one picked in a dialog): a person, an organisation
    or a distribution list — exactly one of the ids is set."""

    person_id: int | None = None
    organisation_id: int | None = None
    list_id: int | None = None
    mode: InvitationMode = InvitationMode.INVITED
    receives_protocol: bool = True
    name: str = ""  # filled when read ("Kühn, Jutta", "Verteiler: Presse"), ignored when saved


def invite(
    session: Session,
    meeting_id: int,
    *,
    person_ids: Iterable[int] = (),
    organisation_ids: Iterable[int] = (),
    list_ids: Iterable[int] = (),
    mode: InvitationMode = InvitationMode.INVITED,
) -> int:
    """Invite people, organisations and the members of lists; returns how many were added."""
    entries = [InviteeData(person_id=i, mode=mode) for i in person_ids]
    entries += [InviteeData(organisation_id=i, mode=mode) for i in organisation_ids]
    entries += [InviteeData(list_id=i, mode=mode) for i in list_ids]
    return add_invitations(session, _meeting(session, meeting_id), entries)


def add_invitations(session: Session, meeting: Meeting, entries: Sequence[InviteeData]) -> int:
    """Add the entries (lists expanded) that are not invited yet; returns how many were added.

    Someone named twice gets one invitation: "eingeladen" wins over "informiert", and they
    receive the protocol if any of the entries says so.
    """
    wanted: dict[tuple[str, int], tuple[InvitationMode, bool]] = {}
    for key, mode, receives_protocol in _expand(session, entries):
        if key in wanted:
            old_mode, old_protocol = wanted[key]
            if old_mode == InvitationMode.INVITED:
                mode = old_mode
            receives_protocol = receives_protocol or old_protocol
        wanted[key] = (mode, receives_protocol)
    existing = {_key(i.person_id, i.organisation_id) for i in meeting.invitations}
    new = [(key, value) for key, value in wanted.items() if key not in existing]
    for (kind, target_id), (mode, receives_protocol) in new:
        meeting.invitations.append(
            Invitation(  # a person's invitation names only the person (module docstring)
                person_id=target_id if kind == "person" else None,
                organisation_id=target_id if kind == "organisation" else None,
                mode=mode,
                response=Response.INVITED,
                receives_protocol=receives_protocol,
            )
        )
    session.flush()
    return len(new)


def invitation_rows(session: Session, meeting_id: int) -> list[InvitationRow]:
    """Everyone invited to the meeting, sorted by name (ä = a)."""
    _meeting(session, meeting_id)
    invitations = session.scalars(
        select(Invitation)
        .where(Invitation.meeting_id == meeting_id)
        .options(
            selectinload(Invitation.person)
            .selectinload(Person.memberships)
            .selectinload(Membership.organisation),
            selectinload(Invitation.organisation),
        )
    ).all()
    today = date.today()
    rows = [_row(i, today) for i in invitations]
    rows.sort(key=lambda r: (sort_key(r.name), r.id))
    return rows


def set_response(
    session: Session, invitation_id: int, response: Response, when: datetime | None = None
) -> None:
    """Record a reply; `when` defaults to now. Back to "eingeladen" clears the reply time."""
    if when is not None and when.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    invitation = _invitation(session, invitation_id)
    invitation.response = response
    invitation.responded_at = None if response == Response.INVITED else (when or utcnow())
    session.flush()


def remove_invitation(session: Session, invitation_id: int) -> None:
    session.delete(_invitation(session, invitation_id))
    session.flush()


def response_counts(session: Session, meeting_id: int) -> dict[Response, int]:
    """How many invitations have each reply; every reply is a key (0 where none)."""
    _meeting(session, meeting_id)
    counts = dict.fromkeys(Response, 0)
    rows = session.execute(
        select(Invitation.response, func.count())
        .where(Invitation.meeting_id == meeting_id)
        .group_by(Invitation.response)
    )
    for response, n in rows:
        counts[response] = n
    return counts


def invitee_emails(session: Session, meeting_id: int) -> list[tuple[str, str]]:
    """(name, e-mail) of everyone invited who has an address, each address once."""
    seen: set[str] = set()
    result = []
    for invitation in _sorted_invitations(session, meeting_id):
        if invitation.person is not None:
            name, email = invitation.person.full_name, invitation.person.email.strip()
        elif invitation.organisation is not None:
            name, email = invitation.organisation.name, invitation.organisation.email.strip()
        else:
            continue
        if email and email.casefold() not in seen:
            seen.add(email.casefold())
            result.append((name, email))
    return result


def mark_invited(session: Session, meeting_id: int) -> bool:
    """Status "eingeladen" once the invitations went out (only from "geplant")."""
    meeting = _meeting(session, meeting_id)
    if meeting.status != MeetingStatus.PLANNED:
        return False
    meeting.status = MeetingStatus.INVITED
    session.flush()
    return True


def _sorted_invitations(session: Session, meeting_id: int) -> list[Invitation]:
    _meeting(session, meeting_id)
    invitations = session.scalars(
        select(Invitation)
        .where(Invitation.meeting_id == meeting_id)
        .options(selectinload(Invitation.person), selectinload(Invitation.organisation))
    ).all()
    return sorted(invitations, key=lambda i: (sort_key(_name(i)), i.id))


def current_membership(person: Person, today: date) -> Membership | None:
    """The person's primary membership that has not ended, else their first current one."""
    for membership in person.memberships:  # ordered: primary first
        if membership.valid_until is None or membership.valid_until >= today:
            return membership
    return None


def _row(invitation: Invitation, today: date) -> InvitationRow:
    person, organisation = invitation.person, invitation.organisation
    organisation_id = None
    if person is not None:
        membership = current_membership(person, today)
        organisation_name = membership.organisation.name if membership is not None else ""
        email = person.email
    elif organisation is not None:
        organisation_id, organisation_name, email = organisation.id, "", organisation.email
    else:
        organisation_name = email = ""
    return InvitationRow(
        id=invitation.id,
        person_id=invitation.person_id,
        organisation_id=organisation_id,
        name=_name(invitation),
        organisation=organisation_name,
        email=email,
        mode=invitation.mode,
        response=invitation.response,
        responded_at=invitation.responded_at,
        receives_protocol=invitation.receives_protocol,
    )


def _name(invitation: Invitation) -> str:
    if (person := invitation.person) is not None:
        return directory_name(person.title, person.first_name, person.last_name)
    if invitation.organisation is not None:
        return invitation.organisation.name
    return DELETED_NAME


def _key(person_id: int | None, organisation_id: int | None) -> tuple[str, int]:
    """Who an invitation is for: the person, else the organisation as a whole."""
    if person_id is not None:
        return ("person", person_id)
    return ("organisation", organisation_id or 0)


def check_invitees(session: Session, entries: Sequence[InviteeData]) -> None:
    """Each entry names exactly one existing person, organisation or list."""
    for entry in entries:
        targets = (entry.person_id, entry.organisation_id, entry.list_id)
        if sum(t is not None for t in targets) != 1:
            raise ValidationError(
                "Eine Einladung gilt genau einer Person, Organisation oder einem Verteiler."
            )
    _check_exist(session, Person, [e.person_id for e in entries if e.person_id is not None])
    _check_exist(
        session, Organisation, [e.organisation_id for e in entries if e.organisation_id is not None]
    )
    _check_exist(session, DistributionList, [e.list_id for e in entries if e.list_id is not None])


def _expand(
    session: Session, entries: Sequence[InviteeData]
) -> list[tuple[tuple[str, int], InvitationMode, bool]]:
    """(who, mode, receives protocol) for each entry, lists replaced by their members."""
    check_invitees(session, entries)
    list_ids = [e.list_id for e in entries if e.list_id is not None]
    members: dict[int, list[tuple[int | None, int | None]]] = {i: [] for i in list_ids}
    rows = session.execute(
        select(
            DistributionListMember.list_id,
            DistributionListMember.person_id,
            DistributionListMember.organisation_id,
        )
        .where(DistributionListMember.list_id.in_(list_ids))
        .order_by(DistributionListMember.id)
    )
    for list_id, person_id, organisation_id in rows:
        members[list_id].append((person_id, organisation_id))
    result = []
    for entry in entries:
        if entry.list_id is not None:
            targets = members[entry.list_id]
        else:
            targets = [(entry.person_id, entry.organisation_id)]
        for person_id, organisation_id in targets:
            if person_id is None and organisation_id is None:
                continue
            result.append((_key(person_id, organisation_id), entry.mode, entry.receives_protocol))
    return result


def _check_exist(
    session: Session, model: type[Person | Organisation | DistributionList], ids: list[int]
) -> None:
    if not ids:
        return
    found = set(session.scalars(select(model.id).where(model.id.in_(ids))))
    missing = sorted(set(ids) - found)
    if missing:
        what = {Person: "Person", Organisation: "Organisation", DistributionList: "Verteiler"}
        raise NotFoundError(f"{what[model]} {missing[0]} gibt es nicht (mehr).")


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    return meeting


def _invitation(session: Session, invitation_id: int) -> Invitation:
    invitation = session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFoundError(f"Einladung {invitation_id} gibt es nicht (mehr).")
    return invitation
