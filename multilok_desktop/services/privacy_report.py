"""Art. 15 DSGVO: everything the database holds about one person, as plain JSON values.

`access_report(session, person_id, now)` gathers the person's contact data, privacy data
and consent history, memberships, tags, distribution lists, default invitations of
series, invitations, attendance, roles in protocols, TOPs presented, action items, measures
they are responsible for, measure history entries naming them, backlog topics they
proposed, and the places where protocol texts mention their name. Dates are ISO 8601
(times with the Berlin offset). `exchange.privacy_json` writes it as JSON and
`reports.privacy` as PDF.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    BacklogTopic,
    DistributionList,
    DistributionListMember,
    Invitation,
    Measure,
    MeasureHistory,
    Meeting,
    MeetingSeries,
    Membership,
    Outcome,
    Person,
    Protocol,
    SeriesInvitee,
)
from .clock import iso_local
from .errors import NotFoundError
from .privacy import consent_history, legal_basis_label
from .protocol_search import html_to_text
from .settings import load_settings

SNIPPET = 60  # characters either side of a mention


def name_variants(person: Person) -> set[str]:
    """How the person's name is written in protocols and histories."""
    first, last = person.first_name.strip(), person.last_name.strip()
    variants = {
        person.full_name,
        f"{first} {last}".strip(),
        f"{last}, {first}".strip(", "),
    }
    if person.salutation and last:
        variants.add(f"{person.salutation} {last}")
        if person.title:
            variants.add(f"{person.salutation} {person.title} {last}")
    return {v for v in variants if v.strip()}


def mention_patterns(person: Person) -> list[str]:
    """Texts that, found in free text, mean this person (full names, not the surname alone)."""
    first, last = person.first_name.strip(), person.last_name.strip()
    patterns = {f"{first} {last}".strip()} if first and last else set()
    if person.salutation and last:
        patterns.add(f"{person.salutation} {last}")
    return sorted(patterns)


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return iso_local(value)
    return value.isoformat()


def access_report(session: Session, person_id: int, now: datetime) -> dict[str, Any]:
    person = session.get(
        Person,
        person_id,
        options=[
            selectinload(Person.memberships).selectinload(Membership.organisation),
            selectinload(Person.memberships).selectinload(Membership.department),
            selectinload(Person.tags),
        ],
    )
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht.")
    settings = load_settings(session)
    variants = name_variants(person)
    return {
        "document": "Auskunft nach Art. 15 DSGVO",
        "generated_at": _iso(now),
        "controller": {
            "name": settings.office_name,
            "unit": settings.office_unit,
            "address": settings.address_lines,
            "email": settings.office_email,
            "phone": settings.office_phone,
        },
        "person": {
            "id": person.id,
            "salutation": person.salutation,
            "title": person.title,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "function": person.function,
            "email": person.email,
            "phone": person.phone,
            "mobile": person.mobile,
            "street": person.street,
            "postal_code": person.postal_code,
            "city": person.city,
            "notes": person.notes,
            "created_at": _iso(person.created_at),
            "updated_at": _iso(person.updated_at),
        },
        "privacy": {
            "legal_basis": person.legal_basis.value if person.legal_basis else None,
            "legal_basis_text": legal_basis_label(person.legal_basis),
            "data_source": person.data_source,
            "review_dates": {
                "Kontaktdaten": _iso(person.contact_review_on),
                "Teilnahmen": _iso(person.participation_review_on),
            },
        },
        "consents": [
            {
                "status": c.status.value,
                "date": _iso(c.recorded_on),
                "method": c.method.value if c.method else None,
                "purpose": c.purpose,
                "text_version": c.text_version,
                "note": c.note,
            }
            for c in reversed(consent_history(session, person_id))  # oldest first
        ],
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "department": m.department.name if m.department else "",
                "valid_from": _iso(m.valid_from),
                "valid_until": _iso(m.valid_until),
                "primary": m.is_primary,
            }
            for m in person.memberships
        ],
        "tags": [t.name for t in person.tags],
        "distribution_lists": list(
            session.scalars(
                select(DistributionList.name)
                .join(DistributionListMember)
                .where(DistributionListMember.person_id == person_id)
                .order_by(DistributionList.name)
            )
        ),
        "series_invitations": [
            {"series": title, "mode": mode.value, "receives_protocol": receives}
            for title, mode, receives in session.execute(
                select(MeetingSeries.title, SeriesInvitee.mode, SeriesInvitee.receives_protocol)
                .join(MeetingSeries, MeetingSeries.id == SeriesInvitee.series_id)
                .where(SeriesInvitee.person_id == person_id)
                .order_by(MeetingSeries.title)
            )
        ],
        "invitations": [
            {
                "meeting_id": meeting_id,
                "meeting": title,
                "start": _iso(start),
                "mode": mode.value,
                "response": response.value,
                "responded_at": _iso(responded_at),
                "receives_protocol": receives,
            }
            for meeting_id, title, start, mode, response, responded_at, receives in session.execute(
                select(
                    Meeting.id,
                    Meeting.title,
                    Meeting.start,
                    Invitation.mode,
                    Invitation.response,
                    Invitation.responded_at,
                    Invitation.receives_protocol,
                )
                .join(Meeting, Meeting.id == Invitation.meeting_id)
                .where(Invitation.person_id == person_id)
                .order_by(Meeting.start)
            )
        ],
        "attendance": [
            {
                "meeting_id": meeting_id,
                "meeting": title,
                "start": _iso(start),
                "status": status.value,
                "name_in_protocol": name,
                "organisation_in_protocol": organisation,
            }
            for meeting_id, title, start, status, name, organisation in session.execute(
                select(
                    Meeting.id,
                    Meeting.title,
                    Meeting.start,
                    Attendance.status,
                    Attendance.name_text,
                    Attendance.organisation_text,
                )
                .join(Meeting, Meeting.id == Attendance.meeting_id)
                .where(Attendance.person_id == person_id)
                .order_by(Meeting.start)
            )
        ],
        "protocol_roles": _protocol_roles(session, person_id),
        "presentations": [
            {
                "meeting_id": meeting_id,
                "meeting": title,
                "start": _iso(start),
                "item": f"TOP {number} {item}".replace("TOP  ", "TOP "),
            }
            for meeting_id, title, start, number, item in session.execute(
                select(
                    Meeting.id, Meeting.title, Meeting.start, AgendaItem.number, AgendaItem.title
                )
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(AgendaItem.presenter_id == person_id)
                .order_by(Meeting.start, AgendaItem.position)
            )
        ],
        "action_items": _action_items(session, person_id),
        "measures": [
            {"measure_id": measure_id, "title": title, "role": "verantwortlich"}
            for measure_id, title in session.execute(
                select(Measure.id, Measure.title)
                .where(Measure.responsible_person_id == person_id)
                .order_by(Measure.title)
            )
        ],
        "measure_history": _measure_history(session, variants),
        "backlog_topics": [
            {"title": title, "proposed_by": proposed_by, "created_at": _iso(created)}
            for title, proposed_by, created in session.execute(
                select(BacklogTopic.title, BacklogTopic.proposed_by, BacklogTopic.created_at)
                .where(BacklogTopic.proposed_by.in_(variants))
                .order_by(BacklogTopic.created_at)
            )
        ],
        "mentions": name_mentions(session, person),
    }


def _protocol_roles(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = []
    for meeting_id, title, start, chair_id, chair, taker_id, taker in session.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.start,
            Protocol.chair_id,
            Protocol.chair_text,
            Protocol.minute_taker_id,
            Protocol.minute_taker_text,
        )
        .join(Meeting, Meeting.id == Protocol.meeting_id)
        .where(or_(Protocol.chair_id == person_id, Protocol.minute_taker_id == person_id))
        .order_by(Meeting.start)
    ):
        for role_id, role, name in (
            (chair_id, "Sitzungsleitung", chair),
            (taker_id, "Protokollführung", taker),
        ):
            if role_id == person_id:
                rows.append(
                    {
                        "meeting_id": meeting_id,
                        "meeting": title,
                        "start": _iso(start),
                        "role": role,
                        "name_in_protocol": name,
                    }
                )
    return rows


def _action_items(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ActionItem, Meeting.title, Measure.title)
        .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(Measure, Measure.id == ActionItem.measure_id)
        .where(ActionItem.owner_id == person_id)
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
    ).all()
    return [
        {
            "text": item.text,
            "meeting": meeting or "",
            "measure": measure or "",
            "owner_in_protocol": item.owner_text,
            "due_date": _iso(item.due_date),
            "done": item.done,
            "done_at": _iso(item.done_at),
        }
        for item, meeting, measure in rows
    ]


def _measure_history(session: Session, variants: set[str]) -> list[dict[str, Any]]:
    if not variants:
        return []
    names = list(variants)
    rows = session.execute(
        select(MeasureHistory, Measure.title)
        .join(Measure, Measure.id == MeasureHistory.measure_id)
        .where(
            or_(
                MeasureHistory.author.in_(names),
                MeasureHistory.old_value.in_(names),
                MeasureHistory.new_value.in_(names),
            )
        )
        .order_by(MeasureHistory.changed_at)
    ).all()
    return [
        {
            "measure": title,
            "changed_at": _iso(entry.changed_at),
            "author": entry.author,
            "field": entry.field,
            "old_value": entry.old_value,
            "new_value": entry.new_value,
            "as_author": entry.author in variants,
        }
        for entry, title in rows
    ]


def name_mentions(session: Session, person: Person) -> list[dict[str, Any]]:
    """Places where protocol texts (notes, results, action items) name this person.

    Free texts are not changed by an erasure; the office sees them here and decides.
    """
    patterns = mention_patterns(person)
    if not patterns:
        return []
    found: list[dict[str, Any]] = []

    def like_any(column: Any) -> Any:
        return or_(*(column.contains(p, autoescape=True) for p in patterns))

    def snippet(text: str) -> str:
        lowered = text.casefold()
        for pattern in patterns:
            at = lowered.find(pattern.casefold())
            if at >= 0:
                start, end = max(0, at - SNIPPET), at + len(pattern) + SNIPPET
                return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        return ""

    item_columns = (Meeting.id, Meeting.title, Meeting.start, AgendaItem.number, AgendaItem.title)
    for meeting_id, title, start, number, item, notes in session.execute(
        select(*item_columns, AgendaItem.notes_html)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(like_any(AgendaItem.notes_html))
        .order_by(Meeting.start, AgendaItem.position)
    ):
        text = snippet(html_to_text(notes))
        if text:
            found.append(_mention(meeting_id, title, start, number, item, "Notizen", text))
    for meeting_id, title, start, number, item, text in session.execute(
        select(*item_columns, Outcome.text)
        .join(AgendaItem, AgendaItem.id == Outcome.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(like_any(Outcome.text))
        .order_by(Meeting.start, AgendaItem.position)
    ):
        found.append(_mention(meeting_id, title, start, number, item, "Ergebnis", snippet(text)))
    for meeting_id, title, start, text in session.execute(
        select(Meeting.id, Meeting.title, Meeting.start, ActionItem.text)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(like_any(ActionItem.text))
        .order_by(Meeting.start)
    ):
        found.append(_mention(meeting_id, title, start, "", "", "Aufgabe", snippet(text)))
    return found


def _mention(
    meeting_id: int, title: str, start: datetime, number: str, item: str, where: str, text: str
) -> dict[str, Any]:
    top = f"TOP {number} {item}".strip() if (number or item) else ""
    return {
        "meeting_id": meeting_id,
        "meeting": title,
        "start": _iso(start),
        "item": top.replace("TOP  ", "TOP "),
        "where": where,
        "text": text,
    }
