"""An invitation e-mail as a draft (.eml): all invitees in Bcc, the .ics attached.

Outlook and Thunderbird open an .eml with "X-Unsent: 1" as a draft ready to send, which
works with any number of recipients (a mailto: link breaks at about 2,000 characters).
For a cancelled meeting the draft is the cancellation ("Absage: …", METHOD:CANCEL).
Writing an invitation draft marks the meeting "eingeladen" (in the caller's transaction).
"""

from __future__ import annotations

import os
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

from sqlalchemy.orm import Session

from ..domain import MeetingStatus
from ..services.calendar_records import meeting_event
from ..services.clock import local
from ..services.errors import ServiceError
from ..services.invitations import invitee_emails, mark_invited
from ..services.meetings import meeting_details
from ..services.settings import load_settings
from .files import write_export_file
from .ics import format_calendar, invitation_method

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def invitation_mail(session: Session, meeting_id: int) -> tuple[EmailMessage, int]:
    """The draft and the number of recipients; raises ServiceError if nobody has an address."""
    details = meeting_details(session, meeting_id)
    office = load_settings(session)
    recipients = invitee_emails(session, meeting_id)
    if not recipients:
        raise ServiceError(
            "Keine der eingeladenen Personen oder Organisationen hat eine E-Mail-Adresse."
        )
    start, end = local(details.summary.start), local(details.summary.end)
    when = f"{WEEKDAYS[start.weekday()]}, {start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} Uhr"
    title, place = details.summary.title, details.summary.location
    cancelled = details.summary.status == MeetingStatus.CANCELLED
    signature = (
        "\n\nMit freundlichen Grüßen\n\n"
        + office.office_name
        + "\n"
        + "\n".join(office.address_lines)
    )
    if cancelled:
        subject = f"Absage: {title} am {start:%d.%m.%Y}"
        body = (
            "Sehr geehrte Damen und Herren,\n\n"
            f"leider müssen wir absagen:\n\n  {title}\n  am {when}\n"
            + (f"  Ort: {place}\n" if place else "")
            + "\nDas Treffen findet nicht statt. Mit der angehängten Absage wird der Termin "
            "aus Ihrem Kalender entfernt. Wir bitten um Ihr Verständnis." + signature
        )
    else:
        subject = f"Einladung: {title} am {start:%d.%m.%Y}"
        agenda = "\n".join(f"  TOP {item.number}  {item.title}" for item in details.agenda)
        body = (
            "Sehr geehrte Damen und Herren,\n\n"
            f"hiermit laden wir Sie herzlich ein zum\n\n  {title}\n"
            f"  am {when}\n"
            + (f"  Ort: {place}\n" if place else "")
            + (f"\nSchwerpunkte: {', '.join(details.topics)}\n" if details.topics else "")
            + (f"\nTagesordnung:\n{agenda}\n" if agenda else "")
            + "\nDie Einladung für Ihren Kalender ist angehängt. Bitte geben Sie uns Bescheid, "
            "ob Sie teilnehmen." + signature
        )
    message = EmailMessage()
    message["Subject"] = subject
    if office.office_email:
        message["From"] = formataddr((office.office_name, office.office_email))
        message["To"] = formataddr((office.office_name, office.office_email))
    message["Bcc"] = ", ".join(formataddr((name, email)) for name, email in recipients)
    message["X-Unsent"] = "1"  # Outlook: open as a draft, not as a received mail
    message.set_content(body)
    event = meeting_event(session, meeting_id)
    method = invitation_method(event)
    message.add_attachment(
        format_calendar([event], method=method),
        maintype="text",
        subtype="calendar",
        filename="absage.ics" if method == "CANCEL" else "einladung.ics",
        params={"method": method},
    )
    return message, len(recipients)


def write_invitation_mail(session: Session, meeting_id: int, path: str | os.PathLike[str]) -> int:
    """Write the draft; an invitation (not a cancellation) marks the meeting "eingeladen"
    in the caller's session, so it is committed with the file written, or not at all."""
    message, count = invitation_mail(session, meeting_id)
    write_export_file(Path(path), bytes(message))
    mark_invited(session, meeting_id)  # only from "geplant"; "abgesagt" stays
    return count
