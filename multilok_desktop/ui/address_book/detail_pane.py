"""The pane beside the list: a person's or organisation's card, with links between them."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...services.organisations import OrganisationDetails
from ...services.people import PersonDetails
from ...services.privacy import PrivacyDetails

translate = QCoreApplication.translate  # context "DetailPane", as self.tr() of the pane


def _row(label: str, value: str) -> str:
    if not value:
        return ""
    return f"<tr><td class='label'>{escape(label)}</td><td>{value}</td></tr>"


def _mail(address: str) -> str:
    return f"<a href='mailto:{escape(address)}'>{escape(address)}</a>" if address else ""


def _phone(number: str) -> str:
    compact = "".join(c for c in number if c.isdigit() or c == "+")
    return f"<a href='tel:{escape(compact)}'>{escape(number)}</a>" if number else ""


def _web(url: str) -> str:
    if not url:
        return ""
    target = url if "://" in url else f"https://{url}"
    return f"<a href='{escape(target)}'>{escape(url)}</a>"


STYLE = """
<style>
 h2 { margin: 0 0 2px 0; }
 .sub { color: #555; margin-bottom: 8px; }
 td.label { color: #666; padding-right: 10px; white-space: nowrap; vertical-align: top; }
 td { padding: 1px 0; vertical-align: top; }
 .former { color: #888; }
 h3 { margin: 12px 0 4px 0; font-size: 100%; }
</style>
"""


def _notes(notes: str) -> str:
    if not notes:
        return ""
    heading = translate("DetailPane", "Notizen")
    return f"<h3>{heading}</h3><p>{escape(notes).replace(chr(10), '<br>')}</p>"


def privacy_rows(privacy: PrivacyDetails | None, today: date | None = None) -> str:
    """ "Einwilligung: ja (2026)", the legal basis and the next review (DESIGN.md §8)."""
    if privacy is None:
        return ""
    basis = privacy.settings.legal_basis
    review = privacy.next_review
    review_text = f"{review:%d.%m.%Y}" if review else ""
    if review and today and review <= today:
        due = translate("DetailPane", "fällig")
        review_text = f"<span style='color:#b00020'>{review_text} – {due}</span>"
    return "".join(
        [
            _row(translate("DetailPane", "Einwilligung"), escape(privacy.summary)),
            _row(
                translate("DetailPane", "Rechtsgrundlage"),
                escape(basis.value if basis else translate("DetailPane", "nicht erfasst")),
            ),
            _row(translate("DetailPane", "Prüfung"), review_text),
        ]
    )


def person_html(
    person: PersonDetails, privacy: PrivacyDetails | None = None, today: date | None = None
) -> str:
    d = person.data
    heading = escape(f"{d.salutation} {person.display_name}".strip())
    sub = escape(", ".join(p for p in (d.function,) if p))
    address = escape(" ".join(p for p in (d.street, f"{d.postal_code} {d.city}".strip()) if p))
    rows = "".join(
        [
            _row(translate("DetailPane", "E-Mail"), _mail(d.email)),
            _row(translate("DetailPane", "Telefon"), _phone(d.phone)),
            _row(translate("DetailPane", "Mobil"), _phone(d.mobile)),
            _row(translate("DetailPane", "Anschrift"), address),
            _row(translate("DetailPane", "Schlagworte"), escape(", ".join(d.tags))),
            _row(
                translate("DetailPane", "Verteiler"), escape(", ".join(person.distribution_lists))
            ),
            _row(
                translate("DetailPane", "Treffen"),
                translate("DetailPane", "%1 besucht · offene Aufgaben: %2")
                .replace("%1", str(person.meetings_attended))
                .replace("%2", str(person.open_action_items)),
            ),
        ]
    ) + privacy_rows(privacy, today)
    memberships = []
    for m in d.memberships:
        details = ", ".join(escape(p) for p in (m.role, m.department_name) if p)
        period = ""
        if m.valid_from or m.valid_until:
            start = f"{m.valid_from:%d.%m.%Y}" if m.valid_from else "…"
            end = f"{m.valid_until:%d.%m.%Y}" if m.valid_until else translate("DetailPane", "heute")
            period = f" <span class='former'>({start} – {end})</span>"
        primary = " ★" if m.is_primary else ""
        memberships.append(
            f"<li><a href='organisation:{m.organisation_id}'>{escape(m.organisation_name)}</a>"
            f"{primary}{'<br>' + details if details else ''}{period}</li>"
        )
    organisations = translate("DetailPane", "Organisationen")
    organisation_block = (
        f"<h3>{organisations}</h3><ul style='margin-left:-20px'>{''.join(memberships)}</ul>"
        if memberships
        else ""
    )
    notes = _notes(d.notes)
    return (
        f"{STYLE}<h2>{heading}</h2><div class='sub'>{sub}</div>"
        f"<table>{rows}</table>{organisation_block}{notes}"
    )


def organisation_html(organisation: OrganisationDetails) -> str:
    d = organisation.data
    address = escape(" ".join(p for p in (d.street, f"{d.postal_code} {d.city}".strip()) if p))
    rows = "".join(
        [
            _row(translate("DetailPane", "Anschrift"), address),
            _row(translate("DetailPane", "Telefon"), _phone(d.phone)),
            _row(translate("DetailPane", "E-Mail"), _mail(d.email)),
            _row(translate("DetailPane", "Webseite"), _web(d.website)),
            _row(translate("DetailPane", "Schlagworte"), escape(", ".join(d.tags))),
        ]
    )
    members = []
    for member in organisation.members:
        details = ", ".join(escape(p) for p in (member.role, member.department) if p)
        css = "" if member.current else " class='former'"
        former = " " + translate("DetailPane", "(ehemals)") if not member.current else ""
        members.append(
            f"<li{css}><a href='person:{member.person_id}'>{escape(member.name)}</a>{former}"
            f"{' – ' + details if details else ''}</li>"
        )
    if members:
        people = translate("DetailPane", "Personen (%1)").replace("%1", str(len(members)))
        member_block = f"<h3>{people}</h3><ul style='margin-left:-20px'>{''.join(members)}</ul>"
    else:
        people, nobody = (
            translate("DetailPane", "Personen"),
            translate("DetailPane", "Noch niemand zugeordnet."),
        )
        member_block = f"<h3>{people}</h3><p class='former'>{nobody}</p>"
    notes = _notes(d.notes)
    return (
        f"{STYLE}<h2>{escape(d.name)}</h2><div class='sub'>{escape(organisation.kind_name)}</div>"
        f"<table>{rows}</table>{member_block}{notes}"
    )


class DetailPane(QTextBrowser):
    """Shows one record. Signals: person_link_activated(int), organisation_link_activated(int)."""

    person_link_activated = Signal(int)
    organisation_link_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setMinimumWidth(260)
        self.show_nothing()

    def show_nothing(self, text: str = "") -> None:
        text = text or self.tr("Kein Eintrag ausgewählt.")
        self.setHtml(f"<p style='color:#888'>{escape(text)}</p>")

    def show_person(
        self,
        person: PersonDetails,
        privacy: PrivacyDetails | None = None,
        today: date | None = None,
    ) -> None:
        self.setHtml(person_html(person, privacy, today))

    def show_organisation(self, organisation: OrganisationDetails) -> None:
        self.setHtml(organisation_html(organisation))

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "person" and value.isdigit():
            self.person_link_activated.emit(int(value))
        elif scheme == "organisation" and value.isdigit():
            self.organisation_link_activated.emit(int(value))
        else:
            QDesktopServices.openUrl(url)
