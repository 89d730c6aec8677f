"""Texts of the demo's meetings and measures (`services.demo`): series, agenda items,
minutes, results, action items, tool cards and measure titles, all invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .names import COUNTY_TOWN, DISTRICT_OFFICE, words


class SeriesSpec(NamedTuple):
    """A meeting series as the demo sets it up."""

    title: str
    rrule: str
    meeting_title: str  # with the running number: "{n}. Sitzung …"
    hour: int  # start time
    minutes: int  # duration
    topics: list[str]
    kinds: Sequence[str | None]  # who is invited, by organisation kind (None: private)


class ToolCardSpec(NamedTuple):
    """A card of the planning toolbox; the names refer to the default taxonomies."""

    code: str
    title: str
    strategy: str
    spatial_level: str
    project_type: str
    target_groups: list[str]
    action_fields: list[str]


# --- meetings -------------------------------------------------------------------------

MAIN_DEPARTMENTS = ["Hauptamt", "Bauamt", "Sozialamt", "Jugendamt", "Wirtschaftsförderung"]

AGENDA_TEMPLATE = [
    ("Eröffnung und Begrüßung", 5),
    ("Feststellung der ordnungsgemäßen Einladung", 5),
    ("Genehmigung der Tagesordnung", 5),
    ("Genehmigung des Protokolls der letzten Sitzung", 10),
    ("Verschiedenes", 10),
]

TOPICS = {
    "Wohnraum auf Zeit": [
        "Wohnraumbörse für Pendler: Sachstand",
        "Möblierte Kurzzeitwohnungen im Leerstand",
        "Vorstellung Boardinghouse-Konzept",
        "Erfassung leerstehender Wohnungen in den Kommunen",
        "Werkswohnungen: Erfahrungen der Unternehmen",
        "Rechtsfragen der Zweitwohnungsteuer",
    ],
    "Kinderbetreuung": [
        "Kita-Randzeiten für Schichtarbeitende",
        "Ferienbetreuung für Kinder von Saisonkräften",
        "Tagespflege als flexible Ergänzung",
        "Bedarfsabfrage Kinderbetreuung: Ergebnisse",
    ],
    "Fachkräftegewinnung": [
        "Willkommenspaket für neue Fachkräfte",
        "Rückkehrertag zwischen den Jahren",
        "Betriebliches Willkommensmanagement",
        "Azubi-Wohnen im Landkreis",
        "Fachkräftemonitor: aktuelle Zahlen",
    ],
    "Mobilität für Pendler": [
        "Mitfahrbänke: Standorte und Nutzung",
        "Rufbus am Wochenende",
        "Pendlerparkplätze an den Bahnhöfen",
        "Jobticket für kleine Betriebe",
        "Fahrradabstellanlagen an Haltestellen",
    ],
    "Willkommenskultur": [
        "Neubürgerempfang in den Kommunen",
        "Patenprogramm für Neuankommende",
        "Mehrsprachige Willkommensbroschüre",
    ],
    "Coworking und mobiles Arbeiten": [
        "Coworking-Space im alten Bahnhof",
        "Breitbandausbau: Stand der Anschlüsse",
        "Arbeitsplätze auf Zeit in Rathäusern",
    ],
    "Ehrenamt und Vereinsleben": [
        "Vereinsmitgliedschaft auf Zeit",
        "Ehrenamtsbörse online",
        "Einbindung von Wochenendpendlern in die Feuerwehr",
    ],
    "Gesundheitsversorgung": [
        "Hausärztliche Versorgung im ländlichen Raum",
        "Gemeindeschwester plus: Erfahrungsbericht",
    ],
}
GENERAL_AGENDA = words(
    """
    Bericht der Koordinationsstelle, Sachstand der Maßnahmen aus dem letzten Treffen,
    Förderprogramme: aktuelle Aufrufe, Auswertung der Pendlerbefragung,
    Termine und Veranstaltungen in der Region, Planung des nächsten Vernetzungstreffens,
    Öffentlichkeitsarbeit und Pressemitteilungen, Datenlage Multilokalität im Landkreis
    """
)
TOWN_AGENDA = ["Bericht aus {town}", "Erfahrungen aus {town}"]

MAIN_SERIES = SeriesSpec(
    "Vernetzungstreffen Multilokalität",
    "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU",
    "{n}. Vernetzungstreffen Multilokalität",
    14,
    150,
    list(TOPICS),
    ["Kommune", "Kreisverwaltung", "Wohnungswirtschaft", "Unternehmen", "Verband"],
)

SECONDARY_SERIES = [
    SeriesSpec(
        "Arbeitsgruppe Wohnen und Multilokalität",
        "FREQ=MONTHLY;BYDAY=1WE",
        "{n}. Sitzung der AG Wohnen",
        10,
        120,
        ["Wohnraum auf Zeit"],
        ["Kommune", "Wohnungswirtschaft", "Investor"],
    ),
    SeriesSpec(
        "Arbeitsgruppe Mobilität für Pendler",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH",
        "{n}. Sitzung der AG Mobilität",
        9,
        120,
        ["Mobilität für Pendler"],
        ["Kommune", "Unternehmen", "Verband", "Lokale Bevölkerung"],
    ),
    SeriesSpec(
        "Arbeitskreis Fachkräfte und Unternehmen",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
        "{n}. Arbeitskreis Fachkräfte",
        15,
        120,
        ["Fachkräftegewinnung", "Kinderbetreuung"],
        ["Unternehmen", "Verband", "Sonstige"],
    ),
    SeriesSpec(
        "Dienstberatung der Bürgermeisterinnen und Bürgermeister",
        "FREQ=MONTHLY;BYDAY=-1MO",
        "Dienstberatung Nr. {n}",
        9,
        180,
        ["Willkommenskultur", "Gesundheitsversorgung"],
        ["Kommune", "Kreisverwaltung"],
    ),
    SeriesSpec(
        "Lenkungskreis Regionalentwicklung",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH",
        "{n}. Lenkungskreis",
        13,
        120,
        ["Coworking und mobiles Arbeiten"],
        ["Kreisverwaltung", "Kommune", "Verband"],
    ),
    SeriesSpec(
        "Stammtisch Wochenendpendler",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1FR",
        "{n}. Pendlerstammtisch",
        18,
        150,
        ["Ehrenamt und Vereinsleben", "Mobilität für Pendler"],
        [None, "Lokale Bevölkerung", "Verein"],
    ),
]
SINGLE_FRAME = [("Begrüßung und Einführung", 10), ("Zusammenfassung und Ausblick", 15)]
AGENDA_DESCRIPTIONS = [
    "Vortrag von {presenter} mit anschließender Diskussion.",
    "Kurzbericht und Austausch zu offenen Fragen.",
    "Vorstellung der Ergebnisse durch {presenter}.",
    "Sachstand und Abstimmung des weiteren Vorgehens.",
    "",
]
SINGLE_MEETINGS = [
    "Workshop „Wohnraum auf Zeit“",
    "Fachtag Multilokalität",
    "Unternehmerfrühstück Fachkräftegewinnung",
    "Bürgerdialog Mobilität in {town}",
    "Exkursion zum Coworking-Space {town}",
    "Informationsabend für Rückkehrer in {town}",
    "Werkstattgespräch Kinderbetreuung",
]
LOCATIONS = [
    f"{DISTRICT_OFFICE}, Großer Sitzungssaal, Schloßplatz 1, 97650 {COUNTY_TOWN}",
    "Rathaus {town}, Ratssaal",
    "Bürgerhaus {town}, Saal im Erdgeschoss",
    "Alter Bahnhof {town}, Coworking-Space",
    "Online (Videokonferenz, Zugangsdaten mit der Einladung)",
]

NOTE_OPENINGS = [
    "{presenter} stellt den aktuellen Stand vor und erläutert die nächsten Schritte.",
    "{presenter} berichtet über die bisherigen Erfahrungen.",
    "{presenter} führt in das Thema ein und zeigt Beispiele aus anderen Regionen.",
    "{presenter} stellt die Ergebnisse der Umfrage unter den Kommunen vor.",
]
NOTE_SENTENCES = [
    "In der Diskussion wird deutlich, dass vor allem kleinere Gemeinden Unterstützung brauchen.",
    "{town} berichtet von guten Erfahrungen mit einem ersten Pilotprojekt.",
    "Mehrere Teilnehmende regen an, die Unternehmen früher einzubinden.",
    "Die Wohnungswirtschaft signalisiert Bereitschaft, Wohnungen befristet zur Verfügung zu stellen.",
    "Es wird vereinbart, die Ergebnisse im nächsten Treffen erneut aufzurufen.",
    "Die Präsentation wird dem Protokoll als Anlage beigefügt.",
    "Offen bleibt die Frage der Finanzierung ab dem kommenden Haushaltsjahr.",
    "{company} bietet an, die Erfahrungen aus dem eigenen Betrieb in einer Arbeitsgruppe einzubringen.",
    "Die Koordinationsstelle prüft, ob ein Förderantrag im Programm „Ländliche Räume“ möglich ist.",
    "Ein Vertreter der Vereine weist auf den Bedarf an Übernachtungsmöglichkeiten hin.",
    "Die Teilnehmenden begrüßen den Vorschlag.",
    "Auf Nachfrage erläutert die Koordinationsstelle den Zeitplan bis zum Jahresende.",
]
INFORMATION_OUTCOMES = [
    "Die Koordinationsstelle informiert über den Stand der Förderanträge.",
    "{town} stellt die Ergebnisse der Bedarfsabfrage vor.",
    "Der Bericht wird zur Kenntnis genommen.",
    "Die Präsentation wird mit dem Protokoll versandt.",
]
AGREEMENT_OUTCOMES = [
    "Die Kommunen melden freie Wohnungen bis zum {date} an die Koordinationsstelle.",
    "{org} und die Koordinationsstelle erarbeiten bis zum {date} einen Entwurf.",
    "Das Thema wird im nächsten Vernetzungstreffen erneut aufgerufen.",
    "Eine Arbeitsgruppe aus {town} und der Wohnungswirtschaft wird gebildet.",
]
DECISION_OUTCOMES = [
    "Das Netzwerk empfiehlt den Kommunen, die Willkommensbroschüre zu übernehmen.",
    "Die Teilnehmenden beschließen, den Pilotversuch in {town} um ein Jahr zu verlängern.",
    "Der Förderantrag wird in der vorgestellten Fassung unterstützt.",
]
OUTCOMES = {
    "Information": INFORMATION_OUTCOMES,
    "Vereinbarung": AGREEMENT_OUTCOMES,
    "Beschluss": DECISION_OUTCOMES,
}
ACTION_TEXTS = words(
    """
    Liste der Leerstände an die Koordinationsstelle senden,
    Ansprechpersonen in den Betrieben benennen, Entwurf der Willkommensbroschüre abstimmen,
    Standorte für Mitfahrbänke in {town} prüfen,
    Termin mit der Wohnungsbaugenossenschaft vereinbaren,
    Präsentation an alle Teilnehmenden versenden, Förderantrag vorbereiten,
    Bedarfsabfrage Kinderbetreuung auswerten,
    Pressemitteilung zum Vernetzungstreffen abstimmen,
    Kontakt zum Verkehrsverbund wegen Rufbus aufnehmen
    """
)
BACKLOG = [
    ("Zweitwohnungsteuer: Erfahrungen der Kommunen", "Bauamt Großwöllmen"),
    ("Erreichbarkeit der Ärzte für Wochenendpendler", "Seniorenbeirat"),
    ("Digitale Pinnwand für Mitfahrgelegenheiten", "Pendlerstammtisch"),
    ("Sommerfest für neue Fachkräfte", "Koordinationsstelle"),
]

# --- measures -------------------------------------------------------------------------

TOOL_CARDS = [
    ToolCardSpec(
        "X 001",
        "Regelmäßige regionale Vernetzungstreffen zur Thematik Multilokalität",
        "Multilokalität sichtbar machen und vernetzen",
        "regional",
        "organisatorisch",
        ["Kommunen", "Unternehmen"],
        ["Kommunikation und Beteiligung"],
    ),
    ToolCardSpec(
        "BE 001",
        "Patenschaften von Vereinen für neu Ankommende",
        "Multilokale in das Gemeinwesen einbinden",
        "lokal",
        "organisatorisch",
        ["Incomings", "Wochenendpendler"],
        ["Bürgerschaftliches Engagement"],
    ),
    ToolCardSpec(
        "W 005",
        "Wohnraum auf Zeit für Pendler und Projektkräfte",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "lokal",
        "investiv",
        ["Incomings", "Saison- und Projektkräfte"],
        ["Wohnen"],
    ),
    ToolCardSpec(
        "TSI 001",
        "Flexible Kinderbetreuung zu Randzeiten",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "lokal",
        "organisatorisch",
        ["Incomings", "Wochenendpendler"],
        ["Soziale und technische Infrastruktur"],
    ),
    ToolCardSpec(
        "M 002",
        "Mitfahrangebote für Berufspendler",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "regional",
        "organisatorisch",
        ["Outgoings", "Wochenendpendler"],
        ["Mobilität"],
    ),
    ToolCardSpec(
        "U 003",
        "Betriebliches Willkommensmanagement",
        "Multilokale sesshaft machen",
        "regional",
        "kommunikativ",
        ["Incomings", "Unternehmen"],
        ["Unternehmen", "Arbeit"],
    ),
]
MEASURE_TEMPLATES = [
    # title, tool card or None, action field
    ("Wohnraumbörse für Pendler in {town}", "W 005", "Wohnen"),
    ("Boardinghouse am Bahnhof {town}", "W 005", "Wohnen"),
    ("Möblierte Kurzzeitwohnungen im Leerstand {town}", "W 005", "Wohnen"),
    ("Azubi-Wohnheim {town}", None, "Wohnen"),
    ("Patenprogramm für Neuankommende in {town}", "BE 001", "Bürgerschaftliches Engagement"),
    ("Vereinsmitgliedschaft auf Zeit in {town}", "BE 001", "Bürgerschaftliches Engagement"),
    (
        "Kita-Randzeitenbetreuung für Schichtarbeitende in {town}",
        "TSI 001",
        "Soziale und technische Infrastruktur",
    ),
    (
        "Ferienbetreuung für Kinder von Saisonkräften in {town}",
        "TSI 001",
        "Soziale und technische Infrastruktur",
    ),
    ("Mitfahrbank-Netz {town}", "M 002", "Mobilität"),
    ("Pendlerparkplatz am Bahnhof {town}", None, "Mobilität"),
    ("Rufbus am Wochenende für {town}", "M 002", "Mobilität"),
    ("Willkommensmappe der Betriebe in {town}", "U 003", "Unternehmen"),
    ("Coworking-Space im alten Bahnhof {town}", None, "Arbeit"),
    ("Neubürgerempfang in {town}", None, "Kommunikation und Beteiligung"),
    ("Breitbandversorgung des Gewerbegebiets {town}", None, "Soziale und technische Infrastruktur"),
    ("Leerstandsmanagement für Pendlerwohnungen in {town}", "W 005", "Wohnen"),
    ("Gemeinsame Werkswohnungen der Betriebe in {town}", "W 005", "Wohnen"),
    (
        "Dorfgemeinschaftshaus als Treffpunkt für Neubürger in {town}",
        "BE 001",
        "Bürgerschaftliches Engagement",
    ),
    ("Ehrenamtsbörse {town}", "BE 001", "Bürgerschaftliches Engagement"),
    ("Sprachcafé für Zugezogene in {town}", "BE 001", "Bürgerschaftliches Engagement"),
    ("Carsharing-Station {town}", "M 002", "Mobilität"),
    ("Fahrradabstellanlage am Bahnhof {town}", None, "Mobilität"),
    ("Ausbildungsmesse {town}", "U 003", "Arbeit"),
    ("Tagespflege-Netzwerk {town}", "TSI 001", "Soziale und technische Infrastruktur"),
    ("Dorfladen mit Abholstation in {town}", None, "Soziale und technische Infrastruktur"),
]
REGIONAL_MEASURES = [
    (
        "Regelmäßige regionale Vernetzungstreffen im Landkreis",
        "X 001",
        "Kommunikation und Beteiligung",
    ),
    ("Regionales Pendlerportal Talbach-Rhön", "M 002", "Mobilität"),
    ("Rückkehrertag zwischen den Jahren", "U 003", "Arbeit"),
    ("Mehrsprachige Willkommensbroschüre für den Landkreis", None, "Kommunikation und Beteiligung"),
    ("Fachkräftemonitor Talbach-Rhön", None, "Arbeit"),
    ("Jobticket für kleine und mittlere Betriebe", "M 002", "Mobilität"),
]
SUB_MEASURE_STEPS = [
    "Bestandsaufnahme",
    "Pilotphase",
    "Förderantrag",
    "Öffentlichkeitsarbeit",
    "Evaluation",
]
# Status of a sub-measure, by the status of its parent.
SUB_MEASURE_STATUS = {
    "umgesetzt": ["umgesetzt"],
    "in Umsetzung": ["umgesetzt", "in Umsetzung", "geplant"],
    "geplant": ["geplant", "in Prüfung"],
}
MEASURE_DESCRIPTIONS = [
    "Ziel ist es, multilokal Lebenden den Alltag in der Region zu erleichtern.",
    "Der Ansatz entstand im Vernetzungstreffen und wird von mehreren Kommunen getragen.",
    "Die Umsetzung erfolgt schrittweise; zunächst wird der Bedarf erhoben.",
    "Unternehmen und Wohnungswirtschaft beteiligen sich an den Kosten.",
    "Vorbild sind Erfahrungen aus anderen ländlichen Regionen.",
]
MEASURE_ACTION_TEXTS = [
    "Zwischenbericht zur Maßnahme vorlegen",
    "Kostenschätzung einholen",
    "Abstimmung mit dem Projektträger",
    "Fördermittelantrag einreichen",
    "Standortbesichtigung organisieren",
    "Kooperationsvereinbarung mit den Partnern entwerfen",
    "Bedarfsumfrage unter den Betrieben auswerten",
    "Gespräch mit der Wohnungsbaugesellschaft führen",
    "Pressemitteilung abstimmen",
    "Beschlussvorlage für den Gemeinderat vorbereiten",
    "Angebot des Verkehrsverbunds anfordern",
]
# Why an open measure is behind (Ampel "verzögert") or stuck ("blockiert").
DELAY_REASONS = [
    "Förderbescheid steht noch aus",
    "Personalwechsel beim Projektträger",
    "Ausschreibung musste wiederholt werden",
    "Abstimmung mit dem Landratsamt dauert länger",
    "Baugenehmigung liegt noch nicht vor",
    "Kostenschätzung deutlich über dem Ansatz",
    "Weniger Rückmeldungen der Betriebe als erwartet",
]
BLOCK_REASONS = [
    "Förderantrag abgelehnt; neue Finanzierung offen",
    "Eigentümer des Gebäudes hat das Angebot zurückgezogen",
    "Gemeinderatsbeschluss vertagt",
    "Kein Projektträger für den Betrieb gefunden",
]
# "Sowieso anstehende" topics a measure of this field of action often touches.
PENDING_TOPICS_BY_FIELD = {
    "Wohnen": ["Kleine Wohnungen"],
    "Bürgerschaftliches Engagement": ["Pflege und Versorgung Älterer", "Kinderbetreuung"],
    "Unternehmen": ["Fachkräftemangel"],
    "Arbeit": ["Fachkräftemangel"],
    "Soziale und technische Infrastruktur": [
        "Kinderbetreuung", "Pflege und Versorgung Älterer", "Nahversorgung",
    ],
    "Mobilität": ["ÖPNV-Anbindung"],
    "Kommunikation und Beteiligung": ["Fachkräftemangel", "Nahversorgung"],
}  # fmt: skip
PARTNER_ROLES = [
    "Projektpartner",
    "Projektpartner",
    "Kooperationspartner",
    "Förderer",
    "Fachliche Begleitung",
]
