"""The Art. 15 DSGVO access report ("Auskunft") as PDF, from `services.privacy_report`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether

from ..services.settings import OfficeSettings
from .layout import (
    DocumentInfo,
    Paragraph,
    data_table,
    esc,
    german_date,
    letterhead,
    styles,
    write_pdf,
)

RIGHTS = (
    "Sie haben das Recht, die Berichtigung unrichtiger Daten (Art. 16 DSGVO), ihre Löschung "
    "(Art. 17 DSGVO) oder die Einschränkung ihrer Verarbeitung (Art. 18 DSGVO) zu verlangen "
    "und der Verarbeitung zu widersprechen (Art. 21 DSGVO). Eine erteilte Einwilligung können "
    "Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO). Außerdem "
    "können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO)."
)

CONTACT_FIELDS = (
    ("salutation", "Anrede"),
    ("title", "Titel"),
    ("first_name", "Vorname"),
    ("last_name", "Nachname"),
    ("function", "Funktion"),
    ("email", "E-Mail"),
    ("phone", "Telefon"),
    ("mobile", "Mobil"),
    ("street", "Straße"),
    ("postal_code", "PLZ"),
    ("city", "Ort"),
    ("notes", "Notizen"),
    ("created_at", "Erfasst am"),
    ("updated_at", "Zuletzt geändert"),
)


def _day(value: str | None) -> str:
    """ISO date or date-time → "10.03.2026" (date-times keep their local day)."""
    if not value:
        return "–"
    if "T" in value:
        moment = datetime.fromisoformat(value)
        return f"{moment:%d.%m.%Y, %H:%M} Uhr"
    return f"{date.fromisoformat(value):%d.%m.%Y}"


def _yes(value: bool) -> str:
    return "ja" if value else "nein"


def person_name(data: dict[str, Any]) -> str:
    p = data["person"]
    return " ".join(x for x in (p["title"], p["first_name"], p["last_name"]) if x)


class _Builder:
    def __init__(self, width: float) -> None:
        self.width = width
        self.s = styles()
        self.story: list[Flowable] = []

    def heading(self, text: str) -> Paragraph:
        heading = Paragraph(esc(text), self.s.heading)
        heading.keepWithNext = True  # never alone at the foot of a page
        return heading

    def para(self, text: str) -> None:
        self.story.append(Paragraph(text, self.s.body))

    def fields(self, title: str, pairs: Sequence[tuple[str, str]]) -> None:
        rows = [
            [Paragraph(esc(label), self.s.cell_head), Paragraph(esc(value or "–"), self.s.cell)]
            for label, value in pairs
        ]
        table = data_table(rows, [4.5 * cm, self.width - 4.5 * cm], header_rows=0)
        self.story.append(KeepTogether([self.heading(title), table]))

    def table(
        self,
        title: str,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        empty: str = "Keine Einträge.",
    ) -> None:
        if not rows:
            self.story.append(
                KeepTogether([self.heading(title), Paragraph(esc(empty), self.s.small)])
            )
            return
        scale = self.width / sum(widths)
        body = [[Paragraph(esc(h), self.s.cell_head) for h in headers]]
        body += [[Paragraph(esc(cell or "–"), self.s.cell) for cell in row] for row in rows]
        table = data_table(body, [w * scale for w in widths])
        self.story.append(self.heading(title))
        self.story.append(table)


def privacy_story(data: dict[str, Any], settings: OfficeSettings, width: float) -> list[Flowable]:
    b = _Builder(width)
    s = b.s
    name = person_name(data)
    generated = datetime.fromisoformat(data["generated_at"])
    b.story += [
        letterhead(settings, width),
        Paragraph("Auskunft nach Art. 15 DSGVO", s.title),
        Paragraph(
            f"über die personenbezogenen Daten von <b>{esc(name)}</b>, die bei der "
            f"{esc(settings.office_name)} in Multilok gespeichert sind. "
            f"Stand: {german_date(generated.date(), weekday=False)}, "
            f"{generated:%H:%M} Uhr.",
            s.body,
        ),
    ]
    person = data["person"]
    b.fields(
        "Kontaktdaten",
        [
            (label, _day(person[key]) if key.endswith("_at") else str(person[key]))
            for key, label in CONTACT_FIELDS
        ],
    )
    privacy = data["privacy"]
    b.fields(
        "Rechtsgrundlage und Prüfung",
        [
            ("Rechtsgrundlage", privacy["legal_basis_text"]),
            ("Herkunft der Daten", privacy["data_source"] or "nicht erfasst"),
            *(
                (f"Prüfung {category}", _day(due) if due else "nicht festgelegt")
                for category, due in privacy["review_dates"].items()
            ),
        ],
    )
    b.table(
        "Einwilligungen",
        ["Datum", "Status", "Art", "Zweck", "Textfassung"],
        [2.2, 2.0, 2.2, 6.0, 3.0],
        [
            [_day(c["date"]), c["status"], c["method"] or "", c["purpose"], c["text_version"]]
            for c in data["consents"]
        ],
    )
    b.table(
        "Zugehörigkeit zu Organisationen",
        ["Organisation", "Rolle", "Ressort", "Zeitraum"],
        [5.5, 3.5, 3.0, 3.5],
        [
            [
                m["organisation"] + (" (Haupt)" if m["primary"] else ""),
                m["role"],
                m["department"],
                _period(m["valid_from"], m["valid_until"]),
            ]
            for m in data["memberships"]
        ],
    )
    b.fields(
        "Schlagworte und Verteiler",
        [
            ("Schlagworte", ", ".join(data["tags"]) or "keine"),
            ("Verteiler", ", ".join(data["distribution_lists"]) or "keine"),
            (
                "Standard-Einladung",
                ", ".join(f"{x['series']} ({x['mode']})" for x in data["series_invitations"])
                or "keine",
            ),
        ],
    )
    b.table(
        "Einladungen",
        ["Treffen", "Datum", "Art", "Rückmeldung", "Protokoll"],
        [5.6, 2.3, 2.2, 2.9, 2.0],
        [
            [
                i["meeting"],
                _day(i["start"])[:10],
                i["mode"],
                i["response"],
                _yes(i["receives_protocol"]),
            ]
            for i in data["invitations"]
        ],
    )
    b.table(
        "Teilnahme an Treffen",
        ["Treffen", "Datum", "Status", "Im Protokoll als"],
        [6.0, 2.4, 2.6, 4.5],
        [
            [
                a["meeting"],
                _day(a["start"])[:10],
                a["status"],
                ", ".join(x for x in (a["name_in_protocol"], a["organisation_in_protocol"]) if x),
            ]
            for a in data["attendance"]
        ],
    )
    b.table(
        "Rollen und Vorträge in Protokollen",
        ["Treffen", "Datum", "Rolle"],
        [6.5, 2.4, 6.6],
        [[r["meeting"], _day(r["start"])[:10], r["role"]] for r in data["protocol_roles"]]
        + [
            [p["meeting"], _day(p["start"])[:10], f"Vortrag zu {p['item']}"]
            for p in data["presentations"]
        ],
    )
    b.table(
        "Aufgaben",
        ["Aufgabe", "aus", "fällig", "erledigt"],
        [7.0, 4.5, 2.2, 1.8],
        [
            [
                a["text"],
                a["meeting"] or a["measure"],
                _day(a["due_date"]) if a["due_date"] else "",
                _yes(a["done"]),
            ]
            for a in data["action_items"]
        ],
    )
    b.table(
        "Maßnahmen",
        ["Maßnahme", "Rolle"],
        [11.0, 4.5],
        [[m["title"], m["role"]] for m in data["measures"]],
    )
    b.table(
        "Einträge im Verlauf von Maßnahmen",
        ["Maßnahme", "Datum", "Änderung", "Eingetragen von"],
        [5.0, 2.4, 5.5, 2.6],
        [
            [
                h["measure"],
                _day(h["changed_at"])[:10],
                f"{h['field']}: {h['old_value'] or '–'} → {h['new_value'] or '–'}",
                h["author"],
            ]
            for h in data["measure_history"]
        ],
    )
    b.table(
        "Themenvorschläge",
        ["Thema", "vorgeschlagen am"],
        [11.0, 4.5],
        [[t["title"], _day(t["created_at"])[:10]] for t in data["backlog_topics"]],
    )
    b.table(
        "Erwähnungen in Protokolltexten",
        ["Treffen", "Stelle", "Text"],
        [4.0, 3.5, 8.0],
        [
            [
                f"{m['meeting']}, {_day(m['start'])[:10]}",
                f"{m['item']} ({m['where']})".strip(),
                m["text"],
            ]
            for m in data["mentions"]
        ],
    )
    rights = [b.heading("Ihre Rechte"), Paragraph(esc(RIGHTS), s.body)]
    contact = [settings.office_name, *settings.address_lines]
    if settings.office_email:
        contact.append(f"E-Mail {settings.office_email}")
    rights.append(Paragraph("Verantwortlich: " + esc(", ".join(contact)), s.small))
    b.story.append(KeepTogether(rights))
    return b.story


def _period(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    return f"{_day(start) if start else '…'} – {_day(end) if end else 'heute'}"


def write_privacy_pdf(
    data: dict[str, Any], settings: OfficeSettings, path: str | os.PathLike[str]
) -> Path:
    """Write the access report to `path` (atomically); ServiceError if unwritable."""
    name = person_name(data)
    info = DocumentInfo(
        title=f"Auskunft nach Art. 15 DSGVO – {name}",
        settings=settings,
        subject="Auskunft über gespeicherte personenbezogene Daten",
        footer_text=f"Auskunft nach Art. 15 DSGVO · {name}",
        keywords=("DSGVO", "Auskunft", "Art. 15"),
    )
    return write_pdf(path, privacy_story(data, settings, info.frame_width), info)
