"""What happened in each meeting of the demo: invitations and replies, agenda, attendance,
minutes with results, action items and the protocol."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta

from ...domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationMode,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Protocol,
    ProtocolStatus,
    Response,
)
from ..clock import OFFICE_TZ
from . import texts as T
from .contacts import AddressBook
from .context import Context
from .meetings import Calendar
from .records import Contact, Item, MeetingInfo, at, full_name, german_date

# Replies to an invitation, with their weights: after the meeting and before it.
_PAST_RESPONSES = (
    [Response.ATTENDED, Response.EXCUSED, Response.DECLINED, Response.INVITED],
    [72, 14, 8, 6],
)
_FUTURE_RESPONSES = (
    [Response.ACCEPTED, Response.DECLINED, Response.EXCUSED, Response.INVITED],
    [45, 10, 5, 40],
)

Votes = tuple[int, int, int] | None


class Minutes:
    """Writes what happened in one meeting after another, in the order of their start."""

    def __init__(self, ctx: Context, book: AddressBook, calendar: Calendar):
        self.ctx = ctx
        self.book = book
        self.calendar = calendar
        self.plan = ctx.plan
        self.rng = ctx.rng
        self.today = ctx.today
        self.now = ctx.now
        self.chair = book.chair
        self.minute_takers = book.minute_takers
        district = book.orgs_by_kind["Kreisverwaltung"][0].contacts
        self.press = [c for c in book.contacts if "Presse" in c.tags and c not in district]
        self.presentable = [o for o in book.orgs if o.kind not in ("Kommune", "Kreisverwaltung")]
        self.town_hall = {o.town.name: o for o in book.orgs_by_kind["Kommune"]}  # by town
        self.companies = book.orgs_by_kind["Unternehmen"] + book.orgs_by_kind["Wohnungswirtschaft"]

    def record(self, meeting: MeetingInfo) -> None:
        """Invitations and agenda; for a past meeting also what was said and decided."""
        self._invitations(meeting)
        items = self._agenda(meeting)
        if meeting.past:
            self._attendance(meeting, items)
            self._minutes(meeting, items)
            self._meeting_action_items(meeting, items)
            self._protocol(meeting)

    def _invitations(self, m: MeetingInfo) -> None:
        rng = self.rng
        if m.status == MeetingStatus.PLANNED:
            return  # not sent yet
        count = min(len(m.pool), rng.randint(*self.plan.invitees) - 2)
        m.minute_taker = rng.choice(self.minute_takers)
        invitees = [self.chair, m.minute_taker, *rng.sample(m.pool, count)]
        responses, weights = _PAST_RESPONSES if m.past else _FUTURE_RESPONSES
        for position, contact in enumerate(invitees):
            response = rng.choices(responses, weights)[0] if position >= 2 else responses[0]
            responded = None
            if response != Response.INVITED:
                responded = min(m.start - timedelta(days=rng.randint(1, 20)), self.now)
            if response == Response.ATTENDED:
                m.present.append(contact)
            elif response == Response.EXCUSED:
                m.excused.append(contact)
            self._invite(m, contact, InvitationMode.INVITED, response, responded)
        if m.main:  # the press is informed, not invited
            for contact in self.press[:2]:
                self._invite(m, contact, InvitationMode.INFORMED, Response.INVITED, None)

    def _invite(
        self,
        m: MeetingInfo,
        contact: Contact,
        mode: InvitationMode,
        response: Response,
        responded: datetime | None,
    ) -> None:
        self.ctx.add(
            Invitation,
            meeting_id=m.id,
            person_id=contact.id,  # a person's invitation names no organisation (read from membership)
            organisation_id=None,
            mode=mode,
            response=response,
            responded_at=responded,
            receives_protocol=True,
        )

    def _agenda(self, m: MeetingInfo) -> list[Item]:
        rng = self.rng
        frame = T.AGENDA_TEMPLATE if m.series_id else T.SINGLE_FRAME
        topical = [title for topic in m.topics for title in T.TOPICS[topic]]
        rng.shuffle(topical)
        extra = rng.randint(*self.plan.extra_agenda_items)
        towns = rng.sample(self.book.towns, min(len(self.book.towns), extra + 2))
        titles = [
            *topical,
            *rng.sample(T.GENERAL_AGENDA, 3),
            *(f"Vorstellung: {o.name}" for o in rng.sample(self.presentable, 2)),
            *(rng.choice(T.TOWN_AGENDA).format(town=t.name) for t in towns),
        ][:extra]
        backlog = (
            self.calendar.backlog_rows[0] if m.main and m.status == MeetingStatus.INVITED else None
        )
        if backlog:
            titles.insert(0, backlog["title"])
        budget = (m.end - m.start).total_seconds() / 60 - sum(minutes for _, minutes in frame)
        per_item = max(5, int(budget / max(1, len(titles)) / 5) * 5)
        entries = [(title, minutes, True) for title, minutes in frame[:-1]]
        entries += [(t, max(5, per_item + rng.choice([-5, 0, 0, 5])), False) for t in titles]
        entries += [(title, minutes, True) for title, minutes in frame[-1:]]
        speakers = m.present or m.pool or [self.chair]
        items: list[Item] = []
        for position, (title, minutes, is_frame) in enumerate(entries, 1):
            presenter = self.chair if is_frame else self._presenter(title, speakers)
            description = "" if is_frame else rng.choice(T.AGENDA_DESCRIPTIONS)
            row = self.ctx.add(
                AgendaItem,
                meeting_id=m.id,
                position=position,
                number=str(position),
                title=title,
                presenter_id=presenter.id,
                presenter_text=presenter.name,
                planned_minutes=minutes,
                description=description.format(presenter=presenter.name),
                non_public=False,
                notes_html="",
                started_at=None,
                ended_at=None,
                unplanned=False,
                withdrawn=False,
            )
            items.append(Item(row, presenter, is_frame))
            if backlog and title == backlog["title"]:
                backlog["agenda_item_id"] = row["id"]
        return items

    def _presenter(self, title: str, speakers: list[Contact]) -> Contact:
        """Who reports on a TOP: the organisation presented, the town reporting, or anyone."""
        org = None
        if title.startswith("Vorstellung: "):
            org = self.book.org_by_name.get(title.removeprefix("Vorstellung: "))
        elif title.startswith(("Bericht aus ", "Erfahrungen aus ")):
            org = self.town_hall.get(title.split(" aus ", 1)[1])
        if org and org.contacts:
            return org.contacts[0]
        return self.rng.choice(speakers)

    def _attendance(self, m: MeetingInfo, items: list[Item]) -> None:
        rng = self.rng
        middle = [i for i in items if not i.frame]
        present = [(c, AttendanceStatus.PRESENT) for c in m.present]
        for contact, status in present + [(c, AttendanceStatus.EXCUSED) for c in m.excused]:
            leaves_early = status == AttendanceStatus.PRESENT and middle and rng.random() < 0.04
            self.ctx.add(
                Attendance,
                meeting_id=m.id,
                person_id=contact.id,
                name_text=contact.name,
                organisation_text=contact.organisation_text,
                status=status,
                from_item_id=None,
                until_item_id=rng.choice(middle).id if leaves_early else None,
            )
        for _ in range(rng.randint(0, 2)):  # guests who are not in the address book
            _female, first, last, title = self.book.draw_name()
            self.ctx.add(
                Attendance,
                meeting_id=m.id,
                person_id=None,
                name_text=full_name(title, first, last),
                organisation_text=rng.choice(self.book.orgs).name,
                status=AttendanceStatus.GUEST,
                from_item_id=None,
                until_item_id=None,
            )

    def _minutes(self, m: MeetingInfo, items: list[Item]) -> None:
        """Notes, times and results of every TOP of a past meeting."""
        rng = self.rng
        clock = m.start + timedelta(minutes=rng.randint(0, 6))
        last_topic = max((i for i in items if not i.frame), key=lambda i: i.id, default=None)
        results = 0
        for item in items:
            started = clock
            clock += timedelta(minutes=max(2, item.row["planned_minutes"] + rng.randint(-3, 4)))
            item.row["started_at"], item.row["ended_at"] = started, clock
            if item.frame:
                text, outcomes = self._frame_minutes(m, item, started, clock)
                paragraphs = [text]
            else:
                sentences = [rng.choice(T.NOTE_OPENINGS), *rng.sample(T.NOTE_SENTENCES, 2)]
                paragraphs = [self._fill(s, presenter=item.presenter) for s in sentences]
                at_least = 1 if item is last_topic and results == 0 else 0
                outcomes = self._topic_outcomes(len(m.present), at_least)
                results += len(outcomes)
            item.row["notes_html"] = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            for position, (kind, text, votes) in enumerate(outcomes):
                yes, no, abstain = votes or (None, None, None)
                self.ctx.add(
                    Outcome,
                    agenda_item_id=item.id,
                    position=position,
                    kind=kind,
                    text=text,
                    votes_yes=yes,
                    votes_no=no,
                    votes_abstain=abstain,
                )

    def _frame_minutes(
        self, m: MeetingInfo, item: Item, started: datetime, ended: datetime
    ) -> tuple[str, list[tuple[OutcomeKind, str, Votes]]]:
        """The standard wording of the opening, approval and closing TOPs."""
        chair, present = self.chair.name, len(m.present)
        if item.title in ("Eröffnung und Begrüßung", "Begrüßung und Einführung"):
            opened = started.astimezone(OFFICE_TZ)
            return (
                f"{chair} begrüßt die Anwesenden und eröffnet die Sitzung um {opened:%H:%M} Uhr.",
                [],
            )
        if item.title.startswith("Feststellung"):
            return (
                "Die Einladung erfolgte form- und fristgerecht. "
                f"Anwesend sind {present} Teilnehmende; die Versammlung ist beschlussfähig.",
                [],
            )
        if item.title == "Genehmigung der Tagesordnung":
            decision = (OutcomeKind.DECISION, "Die Tagesordnung wird genehmigt.", (present, 0, 0))
            return "Die Tagesordnung wird ohne Änderungen genehmigt.", [decision]
        if item.title.startswith("Genehmigung des Protokolls"):
            if m.previous is None:
                return "Entfällt, da dies die erste Sitzung der Reihe ist.", []
            text = f"Das Protokoll der Sitzung vom {german_date(m.previous.start.date())} wird genehmigt."
            abstain = self.rng.randint(0, 2)
            return text, [(OutcomeKind.DECISION, text, (present - abstain, 0, abstain))]
        closed = ended.astimezone(OFFICE_TZ)
        following = (
            f" Der nächste Termin ist am {german_date(m.next.start.date())}." if m.next else ""
        )
        return (
            f"Keine weiteren Wortmeldungen.{following} {chair} dankt allen für die Teilnahme "
            f"und schließt die Sitzung um {closed:%H:%M} Uhr.",
            [],
        )

    def _topic_outcomes(self, present: int, at_least: int) -> list[tuple[OutcomeKind, str, Votes]]:
        rng = self.rng
        outcomes: list[tuple[OutcomeKind, str, Votes]] = []
        for _ in range(max(at_least, rng.choices([0, 1, 2], [35, 45, 20])[0])):
            kind = rng.choices(list(OutcomeKind), [45, 40, 15])[0]
            votes = None
            if kind == OutcomeKind.DECISION and rng.random() < 0.6:
                no, abstain = rng.randint(0, 2), rng.randint(0, 3)
                votes = (max(0, present - no - abstain), no, abstain)
            outcomes.append((kind, self._fill(rng.choice(T.OUTCOMES[kind.value])), votes))
        return outcomes

    def _fill(self, template: str, presenter: Contact | None = None) -> str:
        rng = self.rng
        return template.format(
            presenter=(presenter or self.chair).name,
            town=rng.choice(self.book.towns).name,
            org=rng.choice(self.book.orgs).name,
            company=rng.choice(self.companies).name,
            date=german_date(self.today + timedelta(days=rng.randint(-200, 120))),
        )

    def _meeting_action_items(self, m: MeetingInfo, items: list[Item]) -> None:
        rng = self.rng
        owners = [c for c in m.present if c is not self.chair] or [self.chair]
        middle = [i for i in items if not i.frame] or items
        for _ in range(rng.randint(*self.plan.action_items)):
            add_action_item(
                self.ctx,
                self._fill(rng.choice(T.ACTION_TEXTS)),
                owner=rng.choice(owners),
                due=m.start.date() + timedelta(days=rng.randint(14, 90)),
                created=m.end,
                meeting_id=m.id,
                agenda_item_id=rng.choice(middle).id,
            )

    def _protocol(self, m: MeetingInfo) -> None:
        approved = m.status == MeetingStatus.CLOSED
        approved_on = None
        if approved:
            approved_on = m.next.start.date() if m.next else m.start.date() + timedelta(days=21)
        edited = at(approved_on, 17) if approved_on else m.end + timedelta(days=2)
        self.ctx.add(
            Protocol,
            meeting_id=m.id,
            status=ProtocolStatus.APPROVED if approved else ProtocolStatus.DRAFT,
            chair_id=self.chair.id,
            chair_text=self.chair.name,
            minute_taker_id=m.minute_taker.id if m.minute_taker else None,
            minute_taker_text=m.minute_taker.name if m.minute_taker else "",
            revision=1,
            approved_on=approved_on,
            approved_in_meeting_id=m.next.id if approved and m.next else None,
            updated_at=min(edited, self.now),
        )


def add_action_item(
    ctx: Context,
    text: str,
    *,
    owner: Contact,
    due: date,
    created: datetime,
    meeting_id: int | None = None,
    agenda_item_id: int | None = None,
    measure_id: int | None = None,
) -> None:
    """An action item of a meeting or a measure; most of those already due are done."""
    done = ctx.rng.random() < (0.8 if due < ctx.today else 0.15)
    ctx.add(
        ActionItem,
        text=text,
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
        measure_id=measure_id,
        owner_id=owner.id,
        owner_text=owner.name,
        due_date=due,
        done=done,
        done_at=ctx.past_moment(min(created, ctx.now)) if done else None,
        created_at=min(created, ctx.now),
    )
