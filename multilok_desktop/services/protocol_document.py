"""The protocol (Niederschrift) of a meeting in display form, read in one go for `reports/`
(shape: PROTOCOL.md): Berlin times, names as printed, votes as text, each TOP's minutes as
ReportLab mark-up. `distribution=True` leaves out non-public TOPs with their results, action
items and attachments, without a word about them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from xml.sax.saxutils import escape

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain.contacts import Membership, Organisation, Person
from ..domain.enums import AttendanceStatus, MeetingStatus, ProtocolStatus
from ..domain.measures import Measure
from ..domain.meetings import ActionItem, AgendaItem, Attachment, Attendance, Meeting, Protocol
from ..domain.taxonomy import OrganisationKind
from ..domain.text import fold, sort_key
from .clock import local
from .errors import NotFoundError
from .settings import OfficeSettings, load_settings

ADMINISTRATION = "Kommunen und Verwaltung"
ACTORS = "Weitere Akteure"
GUESTS = "Gäste"
# Organisation kinds (a value list, so matched loosely) counted as administration.
_ADMINISTRATION_WORDS = ("kommune", "kreisverwaltung", "verwaltung", "behorde")
_MEMBERSHIPS = selectinload(Person.memberships)
_PERSON = (  # a person with the organisations (and their kind) and departments
    _MEMBERSHIPS.selectinload(Membership.organisation).selectinload(Organisation.kind),
    _MEMBERSHIPS.selectinload(Membership.department),
)


@dataclass(frozen=True)
class NoteBlock:  # one paragraph of the minutes
    markup: str  # only <b>, <i>, <u>, <br/>; everything else escaped
    bullet: str = ""  # "•", "–" or "1." for list items; "" for a paragraph
    level: int = 0  # list depth: 0 = paragraph, 1 = first level …


@dataclass(frozen=True)
class OutcomeLine:
    kind: str  # "Information", "Vereinbarung", "Beschluss"
    text: str
    votes: str  # "Ja 9, Nein 0, Enthaltung 1", "einstimmig (Ja 9)" or ""
    measure: str = ""  # title of the measure the result started or moved on


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str  # "Can Öztürk, Gemeinde Kleinmüßbach"
    due: date | None
    done: bool
    item_number: str  # the TOP it came from; "" if none


@dataclass(frozen=True)
class AttachmentLine:
    number: int  # "Anlage 1"
    filename: str
    size: int  # bytes
    item_number: str  # "zu TOP 5"; "" for the whole protocol


@dataclass(frozen=True)
class AgendaSection:
    number: str  # "3", "6a"
    title: str
    presenter: str  # "Frau Kühn, Gemeinde Neißeaue"; "" if nobody
    non_public: bool
    unplanned: bool  # "TOP 6a wurde ergänzt"
    withdrawn: bool  # "TOP 4 wurde abgesetzt"
    notes: tuple[NoteBlock, ...]
    outcomes: tuple[OutcomeLine, ...]
    action_items: tuple[ActionLine, ...]
    attachments: tuple[AttachmentLine, ...]


@dataclass(frozen=True)
class Participant:
    name: str  # "Prof. Dr. Susanne Göbel"
    function: str
    organisation: str  # "Gemeinde Neißeaue, Bauamt"
    partial: str = ""  # "ab TOP 3", "bis TOP 5", "ab TOP 3 bis TOP 5"


@dataclass(frozen=True)
class ParticipantGroup:
    title: str  # "Kommunen und Verwaltung", "Weitere Akteure", "Gäste", the office's name
    participants: tuple[Participant, ...]


@dataclass(frozen=True)
class NextMeeting:
    title: str
    start: datetime  # local
    end: datetime  # local
    location: str


@dataclass(frozen=True)
class ProtocolDocument:
    settings: OfficeSettings
    meeting_id: int
    title: str  # the meeting's: "7. Vernetzungstreffen Multilokalität"
    start: datetime  # local; the first TOP's recorded start, else the planned start
    end: datetime  # local; the last TOP's recorded end, else the planned end
    location: str
    chair: Participant  # Sitzungsleitung (name, function, organisation)
    minute_taker: Participant  # Protokollführung
    present: tuple[ParticipantGroup, ...]  # empty groups are left out
    excused: tuple[Participant, ...]
    absent: tuple[Participant, ...]  # unentschuldigt
    agenda: tuple[AgendaSection, ...]
    agenda_changes: tuple[str, ...]  # "TOP 4 wurde abgesetzt."
    action_items: tuple[ActionLine, ...]  # all of them, for the closing table
    attachments: tuple[AttachmentLine, ...]
    next_meeting: NextMeeting | None
    status: str  # "Entwurf", "zur Abstimmung versendet", "genehmigt"
    approved: bool
    revision: int
    approved_on: date | None
    approved_in_meeting_on: date | None  # "genehmigt am … in der Sitzung vom …"
    objections: str  # raised against this protocol, kept as a correction note
    distribution: bool  # the version for the distribution list


def protocol_document(
    session: Session, meeting_id: int, *, distribution: bool = False
) -> ProtocolDocument:
    """Everything the protocol PDF of the meeting shows (see the module docstring)."""
    agenda, attendance = selectinload(Meeting.agenda), selectinload(Meeting.attendance)
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            agenda.selectinload(AgendaItem.outcomes),
            agenda.selectinload(AgendaItem.presenter).options(*_PERSON),
            attendance.selectinload(Attendance.person).options(*_PERSON),
            selectinload(Meeting.protocol),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht.")
    settings = load_settings(session)
    protocol = meeting.protocol or Protocol(  # not written yet: an empty draft
        status=ProtocolStatus.DRAFT, revision=1, chair_text="", minute_taker_text=""
    )
    items = [i for i in meeting.agenda if not (distribution and i.non_public)]
    shown = {i.id for i in items}
    numbers = {i.id: i.number or str(n) for n, i in enumerate(meeting.agenda, 1)}
    actions = _action_items(session, meeting.id, shown, numbers)
    attachments = _attachments(session, meeting.id, shown, numbers)
    measures = _outcome_measures(session, [o.measure_id for i in items for o in i.outcomes])
    sections = tuple(
        _section(item, numbers[item.id], actions, attachments, measures) for item in items
    )
    approved_in = None
    if protocol.approved_in_meeting_id:
        earlier = session.get(Meeting, protocol.approved_in_meeting_id)
        approved_in = local(earlier.start).date() if earlier else None
    staff = {pid for pid in (protocol.chair_id, protocol.minute_taker_id) if pid is not None}
    present, excused, absent = _attendance(session, meeting, settings, staff, numbers, items)
    return ProtocolDocument(
        settings=settings,
        meeting_id=meeting.id,
        title=meeting.title,
        **_times(meeting),
        location=meeting.location,
        chair=_official(session, protocol.chair_id, protocol.chair_text),
        minute_taker=_official(session, protocol.minute_taker_id, protocol.minute_taker_text),
        present=present,
        excused=excused,
        absent=absent,
        agenda=sections,
        agenda_changes=(
            *(f"TOP {s.number} wurde abgesetzt." for s in sections if s.withdrawn),
            *(f"TOP {s.number} wurde ergänzt." for s in sections if s.unplanned),
        ),
        action_items=tuple(a for lines in actions.values() for a in lines),
        attachments=tuple(a for lines in attachments.values() for a in lines),
        next_meeting=_next_meeting(session, meeting),
        status=protocol.status.value,
        approved=protocol.status == ProtocolStatus.APPROVED,
        revision=protocol.revision,
        approved_on=protocol.approved_on,
        approved_in_meeting_on=approved_in,
        objections=(protocol.objections or "").strip(),
        distribution=distribution,
    )


def votes_text(yes: int | None, no: int | None, abstain: int | None) -> str:
    """ "Ja 9, Nein 0, Enthaltung 1"; "einstimmig (Ja 9)" without a no or an abstention."""
    if yes is None and no is None and abstain is None:
        return ""
    if not no and not abstain:
        return f"einstimmig (Ja {yes})" if yes else "einstimmig"
    return f"Ja {yes or 0}, Nein {no or 0}, Enthaltung {abstain or 0}"


def _times(meeting: Meeting) -> dict[str, datetime]:
    """Start of the first and end of the last TOP held, else the planned times."""
    held = [i for i in meeting.agenda if not i.withdrawn]
    starts = [i.started_at for i in held if i.started_at is not None]
    ends = [i.ended_at for i in held if i.ended_at is not None]
    start = min(starts) if starts else meeting.start
    return {"start": local(start), "end": local(max(start, max(ends) if ends else meeting.end))}


def _action_items(
    session: Session, meeting_id: int, shown: set[int], numbers: dict[int, str]
) -> dict[int | None, list[ActionLine]]:
    """Action items by TOP (None: the meeting's own), in agenda order, then by date."""
    linked = or_(ActionItem.meeting_id == meeting_id, ActionItem.agenda_item_id.in_(numbers))
    owner = selectinload(ActionItem.owner).options(*_PERSON)
    order = {item_id: n for n, item_id in enumerate(numbers)}
    rows = sorted(
        session.scalars(select(ActionItem).where(linked).options(owner)),
        key=lambda r: (order.get(r.agenda_item_id or 0, len(order)), r.due_date or date.max, r.id),
    )
    by_item: dict[int | None, list[ActionLine]] = {}
    for row in rows:
        item_id = row.agenda_item_id if row.agenda_item_id in numbers else None
        if item_id is not None and item_id not in shown:
            continue  # a non-public TOP in the distribution version
        name = row.owner_text or (row.owner.full_name if row.owner else "")
        org = _membership(row.owner, "") if row.owner else None
        if org and org.organisation.name not in name:
            name = ", ".join(p for p in (name, org.organisation.name) if p)
        line = ActionLine(row.text, name, row.due_date, row.done, numbers.get(item_id or 0, ""))
        by_item.setdefault(item_id, []).append(line)
    return by_item


def _attachments(
    session: Session, meeting_id: int, shown: set[int], numbers: dict[int, str]
) -> dict[int | None, list[AttachmentLine]]:
    """Attachments numbered over the whole protocol, so both versions cite the same
    "Anlage N"; the file contents are not loaded."""
    rows = session.execute(
        select(Attachment.agenda_item_id, Attachment.filename, Attachment.size)
        .where(Attachment.meeting_id == meeting_id)
        .order_by(Attachment.position, Attachment.id)
    ).all()
    by_item: dict[int | None, list[AttachmentLine]] = {}
    for number, (item_id, filename, size) in enumerate(rows, 1):
        item_id = item_id if item_id in numbers else None
        if item_id is None or item_id in shown:
            line = AttachmentLine(number, filename, size or 0, numbers.get(item_id or 0, ""))
            by_item.setdefault(item_id, []).append(line)
    return by_item


def _outcome_measures(session: Session, ids: list[int | None]) -> dict[int, str]:
    """Titles of the measures results point to ("→ Maßnahme: …"), in one query."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    query = select(Measure.id, Measure.title).where(Measure.id.in_(wanted))
    return {id_: title for id_, title in session.execute(query)}


def _section(
    item: AgendaItem,
    number: str,
    actions: dict[int | None, list[ActionLine]],
    attachments: dict[int | None, list[AttachmentLine]],
    measures: dict[int, str],
) -> AgendaSection:
    presenter = item.presenter_text
    if item.presenter is not None:
        membership = _membership(item.presenter, "")
        org = f", {membership.organisation.name}" if membership else ""
        presenter = _spoken_name(item.presenter) + org
    outcomes = tuple(
        OutcomeLine(
            o.kind.value,
            o.text.strip(),
            votes_text(o.votes_yes, o.votes_no, o.votes_abstain),
            measures.get(o.measure_id, "") if o.measure_id is not None else "",
        )
        for o in item.outcomes
    )
    return AgendaSection(
        number=number, title=item.title, presenter=presenter, non_public=item.non_public,
        unplanned=item.unplanned, withdrawn=item.withdrawn, notes=notes_markup(item.notes_html),
        outcomes=outcomes, action_items=tuple(actions.get(item.id, ())),
        attachments=tuple(attachments.get(item.id, ())),
    )  # fmt: skip


def _next_meeting(session: Session, meeting: Meeting) -> NextMeeting | None:
    """The next meeting of the series that is not cancelled."""
    if meeting.series_id is None:
        return None
    query = select(Meeting).where(Meeting.series_id == meeting.series_id)
    query = query.where(Meeting.start > meeting.start, Meeting.status != MeetingStatus.CANCELLED)
    nxt = session.scalars(query.order_by(Meeting.start).limit(1)).first()
    if nxt is None:
        return None
    return NextMeeting(nxt.title, local(nxt.start), local(nxt.end), nxt.location)


def _membership(person: Person, organisation: str) -> Membership | None:
    """The membership in the organisation named, else the primary one."""
    for membership in person.memberships:
        if organisation and membership.organisation.name == organisation:
            return membership
    return person.memberships[0] if person.memberships else None


def _spoken_name(person: Person) -> str:
    """ "Frau Dr. Kühn" when the salutation is known, else the full name."""
    if person.salutation and person.last_name:
        return " ".join(p for p in (person.salutation, person.title, person.last_name) if p)
    return person.full_name


def _official(session: Session, person_id: int | None, text: str) -> Participant:
    """The chair or the minute taker: the name kept on the protocol, the function."""
    person = session.get(Person, person_id) if person_id is not None else None
    membership = _membership(person, "") if person else None
    function = (person.function if person else "") or (membership.role if membership else "")
    org = membership.organisation.name if membership else ""
    return Participant(text or (person.full_name if person else ""), function, org)


def _attendance(
    session: Session,
    meeting: Meeting,
    settings: OfficeSettings,
    staff: set[int],
    numbers: dict[int, str],
    shown: list[AgendaItem],
) -> tuple[tuple[ParticipantGroup, ...], tuple[Participant, ...], tuple[Participant, ...]]:
    """Present people grouped as PROTOCOL.md asks (administration, further actors,
    guests, the office's own staff); the excused and the unexcused."""
    loose = {a.organisation_text for a in meeting.attendance if a.person is None}
    query = select(Organisation.name, OrganisationKind.name).join(Organisation.kind)
    kinds = {org: kind for org, kind in session.execute(query.where(Organisation.name.in_(loose)))}
    groups: dict[str, list[tuple[tuple[str, str], Participant]]] = {}
    for row in meeting.attendance:
        person = row.person
        membership = _membership(person, row.organisation_text) if person else None
        name = row.name_text or (person.full_name if person else "")
        function = (person.function if person else "") or (membership.role if membership else "")
        org = row.organisation_text or (membership.organisation.name if membership else "")
        if membership and membership.department and membership.organisation.name == org:
            if fold(membership.department.name) not in fold(function):
                org = f"{org}, {membership.department.name}"
        key = (sort_key(org), sort_key(person.last_name if person else name.split(" ")[-1]))
        if row.status in (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT):
            group = row.status.value
        elif row.status == AttendanceStatus.GUEST:
            group = GUESTS
        elif row.person_id in staff or _is_office(person, membership, settings.office_name):
            group = settings.office_name
        else:
            kind = membership.organisation.kind if membership else None
            kind_name = fold(kind.name if kind else kinds.get(row.organisation_text, ""))
            administrative = any(word in kind_name for word in _ADMINISTRATION_WORDS)
            group = ADMINISTRATION if administrative else ACTORS
        participant = Participant(name, function, org, _partial(row, numbers, shown))
        groups.setdefault(group, []).append((key, participant))
    order = [ADMINISTRATION, ACTORS, GUESTS, settings.office_name]
    present = tuple(ParticipantGroup(t, _sorted(groups[t])) for t in order if t in groups)
    excused = _sorted(groups.get(AttendanceStatus.EXCUSED.value, []))
    return present, excused, _sorted(groups.get(AttendanceStatus.ABSENT.value, []))


def _sorted(entries: list[tuple[tuple[str, str], Participant]]) -> tuple[Participant, ...]:
    return tuple(p for _, p in sorted(entries, key=lambda e: e[0]))


def _is_office(person: Person | None, membership: Membership | None, office: str) -> bool:
    """Staff of the office: in an organisation of the office's name, or with a function
    naming the office or its leading noun ("Projektassistent Koordinationsstelle")."""
    name = fold(office.strip())
    words = {name, name.split(" ")[0]} if len(name.split(" ")[0]) >= 8 else {name}
    texts = [person.function if person else "", membership.role if membership else ""]
    texts.append(membership.organisation.name if membership else "")
    return any(word in fold(text) for text in texts if text for word in words if word)


def _partial(row: Attendance, numbers: dict[int, str], shown: list[AgendaItem]) -> str:
    """ "ab TOP 3", "bis TOP 5"; in the distribution version the nearest public TOPs."""
    every = list(numbers)
    held = [every.index(i.id) for i in shown if not i.withdrawn]
    parts = []
    if row.from_item_id in numbers and held:
        later = [i for i in held if i >= every.index(row.from_item_id)]
        if later and later[0] != held[0]:
            parts.append(f"ab TOP {numbers[every[later[0]]]}")
    if row.until_item_id in numbers and held:
        earlier = [i for i in held if i <= every.index(row.until_item_id)]
        if earlier and earlier[-1] != held[-1]:
            parts.append(f"bis TOP {numbers[every[earlier[-1]]]}")
    return " ".join(parts)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr"}
_SKIPPED = {"head", "style", "script", "title"}
_STYLES = {"b": "b", "strong": "b", "i": "i", "em": "i", "cite": "i", "u": "u", "ins": "u"}
_BULLETS = ("•", "–", "◦")
Run = tuple[str, frozenset[str]]  # text ("\n" for a line break) and its styles


def notes_markup(notes_html: str) -> tuple[NoteBlock, ...]:
    """The minutes of a TOP (simple HTML from the editor, or plain text) as blocks of
    ReportLab mark-up; unknown tags are dropped, their text kept and escaped."""
    text = _CONTROL.sub("", notes_html or "").replace("\u2028", "\n").replace("\u2029", "\n")
    if not text.strip():
        return ()
    if not re.search(r"<[a-zA-Z!/]", text):  # plain text: blank lines part paragraphs
        paragraphs = re.split(r"\n\s*\n", text.strip())
        return tuple(NoteBlock(escape(p.strip()).replace("\n", "<br/>")) for p in paragraphs)
    parser = _NotesParser()
    parser.feed(text)
    parser.close()
    parser.flush()
    return tuple(parser.blocks)


class _NotesParser(HTMLParser):
    """Collects runs of text with their styles (bold, italic, underline) per block, so
    the mark-up written is always well nested whatever the HTML was."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[NoteBlock] = []
        self.runs: list[Run] = []
        self.open: list[tuple[str, frozenset[str]]] = []  # element, the styles it adds
        self.lists: list[list[int]] = []  # per open list: [ordered, items so far]
        self.bullet = ("", 0)
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in _SKIPPED
        if tag == "br":
            self.runs.append(("\n", frozenset()))
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 0])
        elif tag in _BLOCKS:
            self.flush()
            if tag == "li" and self.lists:
                ordered, count = self.lists[-1]
                self.lists[-1][1] = count + 1
                depth = len(self.lists)
                mark = f"{count + 1}." if ordered else _BULLETS[(depth - 1) % len(_BULLETS)]
                self.bullet = (mark, depth)
        style = (dict(attrs).get("style") or "").replace(" ", "").lower()
        marks = {_STYLES[tag]} if tag in _STYLES else set()
        if re.fullmatch(r"h\d", tag) or re.search(r"font-weight:(bold|[6-9]00)", style):
            marks.add("b")
        marks |= {"i"} if "font-style:italic" in style else set()
        marks |= {"u"} if "underline" in style else set()
        self.open.append((tag, frozenset(marks)))  # void tags too: closing an outer one drops them

    def handle_endtag(self, tag: str) -> None:
        self.skip = max(0, self.skip - (tag in _SKIPPED))
        if tag in ("td", "th"):
            self.runs.append((" ", frozenset()))
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break
        if tag in ("ul", "ol", *_BLOCKS):
            self.flush()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
                self.bullet = ("", len(self.lists))  # text after a nested list: same level

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        style = frozenset().union(*(marks for _, marks in self.open))
        self.runs.append((_SPACE.sub(" ", data), style))

    def flush(self) -> None:
        """End the current block: trim spaces and breaks at its ends, write mark-up."""
        runs, self.runs = self.runs, []
        bullet, self.bullet = self.bullet, ("", len(self.lists))  # a list item goes on
        while runs and not runs[0][0].strip():
            runs.pop(0)
        while runs and not runs[-1][0].strip():
            runs.pop()
        parts, last = [], " "
        for n, (text, style) in enumerate(runs):
            if text == "\n":
                parts.append("<br/>")
                last = " "
                continue
            text = text.lstrip() if last == " " else text
            text = text.rstrip() if n == len(runs) - 1 else text
            if text:
                opened = "".join(f"<{t}>" for t in "biu" if t in style)
                parts.append(
                    opened + escape(text) + "".join(f"</{t}>" for t in "uib" if t in style)
                )
                last = text[-1]
        if parts:
            self.blocks.append(NoteBlock("".join(parts), bullet[0], bullet[1]))
