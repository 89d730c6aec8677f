"""Übersicht: what needs attention today, each line a link to its place (DESIGN.md §8).

The page is one QTextBrowser: calm to read, Tab walks from link to link and Enter opens
one. It is the first view at start-up, so it imports only Qt widgets and services/home.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from html import escape
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QTextBrowser, QToolBar, QVBoxLayout, QWidget

from ...services.clock import local
from ...services.home import (
    DueAction,
    HomeService,
    HomeSummary,
    MeasureChange,
    NextMeeting,
    PrivacyReview,
    Section,
    StalledMeasure,
)
from ..view_actions import view_action

T = TypeVar("T")

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]  # fmt: skip
LINK_KINDS = ("person", "organisation", "meeting", "protocol", "measure")

STYLE = """
<style>
 h1 { font-size: 150%; margin: 0; }
 h3 { font-size: 110%; margin: 18px 0 4px 0; }
 .sub { color: #5f5f5f; }
 .quiet { color: #7a7a7a; }
 .late { color: #a4262c; }
 .count { color: #7a7a7a; font-weight: normal; }
 p.line { margin-top: 0; margin-bottom: 7px; }
 a { text-decoration: none; }
</style>
"""


def _day(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def _long_day(value: date) -> str:
    return f"{WEEKDAYS[value.weekday()]}, {value.day}. {MONTHS[value.month - 1]} {value.year}"


def _link(kind: str, record_id: int, text: str) -> str:
    return f"<a href='{kind}:{record_id}'>{escape(text)}</a>"


def _sub(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


class _PrivacyJob(QRunnable):
    """Reads the privacy section in a worker thread (its own session); reports by signal."""

    class Signals(QObject):
        finished = Signal(object)  # Section | None | Exception

    def __init__(self, service: HomeService) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until its result arrived
        self.signals = self.Signals()
        self._service = service

    def run(self) -> None:
        try:
            result: object = self._service.privacy_reviews()
        except Exception as error:  # noqa: BLE001  shown on the page, not lost in a thread
            result = error
        try:
            self.signals.finished.emit(result)
        except RuntimeError:
            pass  # the view was closed meanwhile: nobody to tell


class HomeView(QWidget):
    """Signals: status_message(str), navigate(str, int) — open (kind, id) in its view.

    The privacy section comes from a worker thread (privacy_due reads every consent record:
    too slow for the start page), the rest in a few milliseconds on the GUI thread. The
    worker starts with `start_background_work()`, which the main window calls once the
    domain models are loaded after the first paint (the start page itself needs none).
    """

    status_message = Signal(str)
    navigate = Signal(str, int)

    def __init__(self, service: HomeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self._service = service
        self._loaded = False
        self._stale = False
        self.summary: HomeSummary | None = None
        self.privacy: Section[PrivacyReview] | None = None
        self.privacy_loading = True  # until the first privacy section arrived; later
        # reloads keep showing the last one meanwhile
        self.privacy_error = ""
        self._job: _PrivacyJob | None = None  # at most one at a time
        self._privacy_again = False  # reloaded while it ran: read once more afterwards
        self._background = False  # worker threads allowed (start_background_work)
        self._pool = QThreadPool(self)  # waits for a running job when the view goes
        self._pool.setMaxThreadCount(1)

        self.toolbar = QToolBar()
        self.refresh_action = view_action(
            self, self.toolbar, self.tr("Aktualisieren"), QKeySequence.StandardKey.Refresh,
            self.reload,
        )  # fmt: skip

        self.page = QTextBrowser()
        self.page.setObjectName("home_page")
        self.page.setOpenLinks(False)
        self.page.setOpenExternalLinks(False)
        self.page.anchorClicked.connect(self._on_link)
        self.page.document().setDocumentMargin(18)
        self.page.setFrameShape(QTextBrowser.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.page, 1)
        self.setFocusProxy(self.page)

    # --- view protocol ------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    @Slot()
    def reload(self) -> None:
        self.summary = self._service.summary(with_privacy=False)
        self._loaded = True
        self._stale = False
        if self._background:
            self._request_privacy()
        self._render()

    def start_background_work(self) -> None:
        """From now on the privacy section is read in a worker thread (now, and at every
        reload). Called once the models are loaded: see domain.load_models()."""
        self._background = True
        if self._loaded:
            self._request_privacy()

    def _render(self) -> None:
        if self.summary is None:
            return
        scroll = self.page.verticalScrollBar().value()
        self.page.setHtml(self.page_html(self.summary))
        self.page.verticalScrollBar().setValue(scroll)

    def _request_privacy(self) -> None:
        if self._job is not None:
            self._privacy_again = True
            return
        self._job = _PrivacyJob(self._service)
        self._job.signals.finished.connect(self._on_privacy_loaded)
        self._pool.start(self._job)

    @Slot(object)
    def _on_privacy_loaded(self, result: object) -> None:
        self._job = None
        self.privacy_loading = False
        if isinstance(result, Exception):
            self.privacy, self.privacy_error = None, str(result) or type(result).__name__
        else:
            self.privacy, self.privacy_error = result, ""  # type: ignore[assignment]
        self._render()
        if self._privacy_again:
            self._privacy_again = False
            self._request_privacy()

    def show_record(self, kind: str, record_id: int) -> None:
        pass  # the overview has no records of its own

    def restore_state(self, settings: QSettings) -> None:
        pass  # nothing to remember

    def save_state(self, settings: QSettings) -> None:
        pass

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Coming back from another view: things may have changed there (a few ms to reload).
        if self._stale:
            self.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._stale = self._loaded
        super().hideEvent(event)

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind in LINK_KINDS and value.isdigit():
            self.navigate.emit(kind, int(value))

    # --- the page -----------------------------------------------------------------------

    def page_html(self, summary: HomeSummary) -> str:
        left = self._meeting_html(summary.next_meeting) + "".join(
            [
                self._section(
                    self.tr("Aufgaben überfällig"), summary.overdue,
                    lambda a: self._action_html(a, late=True),
                    self.tr("Keine überfälligen Aufgaben."),
                ),
                self._section(
                    self.tr("Aufgaben in den nächsten 14 Tagen"), summary.due_soon,
                    lambda a: self._action_html(a, late=False),
                    self.tr("In den nächsten 14 Tagen ist keine Aufgabe fällig."),
                ),
            ]
        )  # fmt: skip
        right = "".join(
            [
                self._section(
                    self.tr("Maßnahmen in den letzten 30 Tagen geändert"), summary.changed, self._change_html,
                    self.tr("In den letzten 30 Tagen wurde keine Maßnahme geändert."),
                ),
                self._section(
                    self.tr("Maßnahmen im Stillstand, seit 180 Tagen unverändert"),
                    summary.stalled, self._stalled_html,
                    self.tr("Keine offene Maßnahme steht still."),
                ),
            ]
        )  # fmt: skip
        right += self._privacy_section(summary.privacy or self.privacy)
        heading = self.tr("Übersicht")
        return (
            f"{STYLE}<h1>{escape(heading)}</h1>"
            f"<p class='sub' style='margin-top:0; margin-bottom:16px'>{escape(_long_day(summary.today))}</p>"
            "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:14px'><tr>"
            f"<td width='50%' valign='top' style='padding-right:24px'>{left}</td>"
            f"<td width='50%' valign='top'>{right}</td></tr></table>"
        )

    def _privacy_section(self, privacy: Section[PrivacyReview] | None) -> str:
        title = self.tr("Datenschutz-Prüfung fällig")
        if privacy is not None:
            return self._section(title, privacy, self._privacy_html,
                                 self.tr("Keine Datenschutz-Prüfung fällig."))  # fmt: skip
        if self.privacy_loading:
            note = self.tr("wird geladen …")
        elif self.privacy_error:
            note = self.tr("konnte nicht geladen werden: %1").replace("%1", self.privacy_error)
        else:
            return ""  # no privacy module in this installation
        return f"<h3>{escape(title)}</h3><p class='quiet' style='margin-top:0'>{escape(note)}</p>"

    def _meeting_html(self, meeting: NextMeeting | None) -> str:
        next_meeting = self.tr("Nächstes Treffen")
        heading = f"<h3>{escape(next_meeting)}</h3>"
        if meeting is None:
            text = self.tr("Kein Treffen geplant.")
            return f"{heading}<p class='quiet'>{escape(text)}</p>"
        start, end = local(meeting.start), local(meeting.end)
        when = f"{WEEKDAYS[start.weekday()][:2]}., {start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} Uhr"
        if end.date() != start.date():
            when = (
                f"{WEEKDAYS[start.weekday()][:2]}., {start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"
            )
        sent = (
            self.tr("Einladungen versendet")
            if meeting.invitations_sent
            else self.tr("Einladungen noch nicht versendet")
        )
        agenda = meeting.agenda_state
        agenda_html = (
            escape(agenda) if meeting.agenda_items else f"<span class='late'>{agenda}</span>"
        )
        open_place = self.tr("Ort noch offen")
        replies, agenda_label = self.tr("Rückmeldungen"), self.tr("Tagesordnung")
        place = escape(meeting.location) if meeting.location else f"<i>{open_place}</i>"
        return (
            f"{heading}<p style='margin-top:0'><b>{_link('meeting', meeting.id, meeting.title)}</b>"
            f"<br>{escape(when)}<br>{place}"
            f"<br><span class='sub'>{escape(replies)}:</span> "
            f"{escape(meeting.replies)}"
            f"<br><span class='sub'>{escape(agenda_label)}:</span> {agenda_html}"
            f" · {escape(sent)}</p>"
        )

    def _section(
        self, title: str, section: Section[T], line: Callable[[T], str], empty: str
    ) -> str:
        count = f" <span class='count'>({section.total})</span>" if section.total else ""
        heading = f"<h3>{escape(title)}{count}</h3>"
        if not section.total:
            return f"{heading}<p class='quiet' style='margin-top:0'>{escape(empty)}</p>"
        rows = self._rows(line(item) for item in section.lines)
        more = ""
        if section.more:
            more = f"<p class='quiet' style='margin-top:0'>… {escape(self._more(section.more))}</p>"
        return heading + rows + more

    def _more(self, count: int) -> str:
        return (
            self.tr("und 1 weitere")
            if count == 1
            else self.tr("und %1 weitere").replace("%1", str(count))
        )

    @staticmethod
    def _rows(lines: Iterable[str]) -> str:
        return "".join(f"<p class='line'>{line}</p>" for line in lines)

    def _action_html(self, action: DueAction, late: bool) -> str:
        due = self.tr("fällig %1").replace("%1", _day(action.due_date))
        due_html = f"<span class='late'>{escape(due)}</span>" if late else escape(due)
        if action.source_kind:
            text = _link(action.source_kind, action.source_id, action.text)
        else:
            text = escape(action.text)
        owner = escape(action.owner or self.tr("ohne Zuständige"))
        source = f" · {escape(action.source_title)}" if action.source_title else ""
        return f"{text}<br><span class='sub'>{owner} · {due_html}{source}</span>"

    def _change_html(self, change: MeasureChange) -> str:
        detail = _sub(change.change, _day(local(change.changed_at).date()), change.author)
        return f"{_link('measure', change.measure_id, change.title)}<br><span class='sub'>{escape(detail)}</span>"

    def _stalled_html(self, measure: StalledMeasure) -> str:
        since = self.tr("zuletzt geändert %1").replace(
            "%1", _day(local(measure.last_change).date())
        )
        detail = _sub(measure.status, since)
        return f"{_link('measure', measure.measure_id, measure.title)}<br><span class='sub'>{escape(detail)}</span>"

    def _privacy_html(self, review: PrivacyReview) -> str:
        due = ""
        if review.due and _day(review.due) not in review.reason:  # "widerrufen am …" has it
            due = self.tr("seit %1").replace("%1", _day(review.due))
        detail = _sub(review.reason, due)
        return f"{_link('person', review.person_id, review.name)}<br><span class='sub'>{escape(detail)}</span>"
