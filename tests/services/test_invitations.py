"""Invitations: inviting people, organisations and lists, replies, counts and addresses."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    Invitation,
    InvitationMode,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
)
from multilok_desktop.services.calendar import MeetingData, create_meeting, get_meeting
from multilok_desktop.services.calendar_records import meeting_event
from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.services.distribution_lists import ListMember, save_list
from multilok_desktop.services.errors import NotFoundError
from multilok_desktop.services.invitations import (
    invitation_rows,
    invite,
    invitee_emails,
    mark_invited,
    remove_invitation,
    response_counts,
    set_response,
)
from multilok_desktop.services.people import delete_person
from multilok_desktop.storage.database import Database
from tests import factories


def a_meeting(session: Session, status: MeetingStatus = MeetingStatus.PLANNED) -> int:
    start = datetime(2026, 3, 10, 14, tzinfo=OFFICE_TZ)
    end = datetime(2026, 3, 10, 16, tzinfo=OFFICE_TZ)
    return create_meeting(session, MeetingData("7. Vernetzungstreffen", start, end, status=status))


def test_invite_via_list_expands_members_and_skips_duplicates(db: Database) -> None:
    """A list brings its people and organisations; someone already invited is not added again."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen", email="info@grosswoellmen.de")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=town)
        oehler = factories.person(s, "Max", "Öhler")
        press = save_list(
            s, "Presse", "", [ListMember(person_id=kuehn), ListMember(organisation_id=town)]
        )
        meeting_id = a_meeting(s)
        assert invite(s, meeting_id, person_ids=[kuehn]) == 1
        assert invite(s, meeting_id, person_ids=[oehler, oehler], list_ids=[press]) == 2
        assert invite(s, meeting_id, list_ids=[press], organisation_ids=[town]) == 0
        rows = invitation_rows(s, meeting_id)
    assert [(r.name, r.organisation, r.person_id, r.organisation_id) for r in rows] == [
        ("Gemeinde Großwöllmen", "", None, town),
        ("Kühn, Jutta", "Gemeinde Großwöllmen", kuehn, None),  # the person's, not the town's
        ("Öhler, Max", "", oehler, None),
    ]
    assert {r.response for r in rows} == {Response.INVITED}


def test_rows_are_sorted_the_german_way(db: Database) -> None:
    """Umlauts sort as their base letter: Becker, Öhler, Zander."""
    with db.session() as s:
        people = [factories.person(s, "A", name) for name in ("Zander", "Öhler", "Becker")]
        meeting_id = a_meeting(s)
        invite(s, meeting_id, person_ids=people, mode=InvitationMode.INFORMED)
        rows = invitation_rows(s, meeting_id)
    assert [r.name for r in rows] == ["Becker, A", "Öhler, A", "Zander, A"]
    assert {r.mode for r in rows} == {InvitationMode.INFORMED}


def test_unknown_targets_are_reported(db: Database) -> None:
    """Inviting a list, person or meeting that does not exist is a clear error."""
    with db.session() as s:
        meeting_id = a_meeting(s)
        with pytest.raises(NotFoundError, match="Verteiler 99"):
            invite(s, meeting_id, list_ids=[99])
        with pytest.raises(NotFoundError, match="Person 98"):
            invite(s, meeting_id, person_ids=[98])
        with pytest.raises(NotFoundError, match="Treffen"):
            invite(s, 97, person_ids=[])


def test_replies_and_counts(db: Database) -> None:
    """A reply records its time; back to "eingeladen" clears it; counts have every reply."""
    with db.session() as s:
        people = [factories.person(s, "A", name) for name in ("Becker", "Kühn", "Öhler")]
        meeting_id = a_meeting(s)
        invite(s, meeting_id, person_ids=people)
        becker, kuehn, oehler = invitation_rows(s, meeting_id)
        when = datetime(2026, 2, 20, 9, 30, tzinfo=UTC)
        set_response(s, becker.id, Response.ACCEPTED, when)
        set_response(s, kuehn.id, Response.EXCUSED)
        set_response(s, oehler.id, Response.DECLINED, when)
        set_response(s, oehler.id, Response.INVITED)
    with db.session() as s:
        becker, kuehn, oehler = invitation_rows(s, meeting_id)
        counts = response_counts(s, meeting_id)
    assert (becker.response, becker.responded_at) == (Response.ACCEPTED, when)
    assert kuehn.responded_at is not None
    assert (oehler.response, oehler.responded_at) == (Response.INVITED, None)
    assert counts == {
        Response.INVITED: 1,
        Response.ACCEPTED: 1,
        Response.DECLINED: 0,
        Response.EXCUSED: 1,
        Response.ATTENDED: 0,
    }


def test_remove_invitation(db: Database) -> None:
    """A removed invitation is gone; removing it again is a clear error."""
    with db.session() as s:
        meeting_id = a_meeting(s)
        invite(s, meeting_id, person_ids=[factories.person(s, "Jutta", "Kühn")])
        (row,) = invitation_rows(s, meeting_id)
        remove_invitation(s, row.id)
        assert invitation_rows(s, meeting_id) == []
        with pytest.raises(NotFoundError):
            remove_invitation(s, row.id)
        with pytest.raises(NotFoundError):
            set_response(s, row.id, Response.ACCEPTED)


def test_invitee_emails(db: Database) -> None:
    """People's and organisations' addresses, each once, without the ones that have none."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen", email="info@grosswoellmen.de")
        kuehn = factories.person(s, "Jutta", "Kühn", title="Dr.", email="j.kuehn@example.org")
        twin = factories.person(s, "Jutta", "Kühn-Zwei", email="J.Kuehn@example.org")
        silent = factories.person(s, "Max", "Öhler")
        meeting_id = a_meeting(s)
        invite(s, meeting_id, person_ids=[kuehn, twin, silent], organisation_ids=[town])
        assert invitee_emails(s, meeting_id) == [
            ("Gemeinde Großwöllmen", "info@grosswoellmen.de"),
            ("Dr. Jutta Kühn", "j.kuehn@example.org"),
        ]


def test_mark_invited_only_from_planned(db: Database) -> None:
    """Sending the invitations moves "geplant" to "eingeladen", never back from later states."""
    with db.session() as s:
        planned = a_meeting(s)
        held = a_meeting(s, MeetingStatus.HELD)
        assert mark_invited(s, planned)
        assert not mark_invited(s, planned)
        assert not mark_invited(s, held)
        assert get_meeting(s, planned).data.status == MeetingStatus.INVITED
        assert get_meeting(s, held).data.status == MeetingStatus.HELD
        assert date(2026, 3, 10) == get_meeting(s, planned).data.start.date()


def test_an_erased_person_is_not_taken_for_their_organisation(db: Database) -> None:
    """A person's invitation names only the person: once the person is deleted the row
    names nobody — no organisation inherits the reply, no address, no ATTENDEE."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen", email="info@grosswoellmen.de")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=town, email="jk@x.example")
        meeting_id = a_meeting(s)
        invite(s, meeting_id, person_ids=[kuehn])
        (row,) = invitation_rows(s, meeting_id)
        assert (row.person_id, row.organisation_id, row.organisation) == (
            kuehn,
            None,
            "Gemeinde Großwöllmen",
        )
        stored = s.get(Invitation, row.id)
        assert stored is not None and stored.organisation_id is None
        set_response(s, row.id, Response.ACCEPTED)
    with db.session() as s:
        delete_person(s, kuehn)
    with db.session() as s:
        (row,) = invitation_rows(s, meeting_id)
        assert (row.name, row.organisation, row.email) == ("[gelöschte Person]", "", "")
        assert (row.person_id, row.organisation_id, row.response) == (None, None, Response.ACCEPTED)
        assert invitee_emails(s, meeting_id) == []
        assert meeting_event(s, meeting_id).attendees == ()


def test_old_rows_with_person_and_organisation_are_the_persons(db: Database) -> None:
    """Rows written before the fix carry both ids: they are read as the person's, with the
    organisation of the person's current membership (not the one stored)."""
    with db.session() as s:
        town = factories.organisation(s, "Gemeinde Großwöllmen", email="info@grosswoellmen.de")
        other = factories.organisation(s, "Stadt Talbach", email="post@talbach.example")
        kuehn = factories.person(s, "Jutta", "Kühn", organisation_id=other, email="jk@x.example")
        meeting_id = a_meeting(s)
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.invitations.append(Invitation(person_id=kuehn, organisation_id=town))
        s.flush()
        (row,) = invitation_rows(s, meeting_id)
        assert (row.name, row.organisation, row.organisation_id) == (
            "Kühn, Jutta",
            "Stadt Talbach",
            None,
        )
        assert invitee_emails(s, meeting_id) == [("Jutta Kühn", "jk@x.example")]
        assert [a.email for a in meeting_event(s, meeting_id).attendees] == ["jk@x.example"]
        assert invite(s, meeting_id, person_ids=[kuehn]) == 0  # already invited
        for membership in s.scalars(select(Membership).where(Membership.person_id == kuehn)):
            membership.valid_until = date(2020, 12, 31)  # left Talbach long ago
        s.flush()
        s.expire_all()
        (row,) = invitation_rows(s, meeting_id)
        assert row.organisation == ""
