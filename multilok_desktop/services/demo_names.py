"""Name and text pools of the demo generator (`services.demo`).

Everything here is invented for the fictional "Landkreis Talbach-Rhön": place names are
built from made-up parts, organisations from generic patterns. Person names are common
German and international first and last names, combined at random.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """A comma-separated pool, written compactly: "Anna, Anke, …" → ["Anna", "Anke", …]."""
    return [word.strip() for word in text.split(",") if word.strip()]


REGION = "Talbach-Rhön"
DISTRICT = f"Landkreis {REGION}"
DISTRICT_OFFICE = f"Landratsamt {REGION}"
DISTRICT_DOMAIN = "talbach-rhoen.de"
COUNTY_TOWN = "Bad Rödenau"
COUNTY_TOWN_POSTAL_CODE = 97650

# --- places ---------------------------------------------------------------------------

# The first towns, always used in this order: they show umlauts and ß on the first page.
FIRST_TOWNS = _words(
    """
    Bad Rödenau, Großwöllmen, Neußlingen, Kleinmüßbach, Oberjößlitz, Fennhausen,
    Lüttgerode, Hainsprügel, Quellmarsch, Wörpelsrode, Dürrenbrunnhof, Sankt Öhmen
    """
)

# Invented stems; combined with prefixes they make the towns of the large demo.
TOWN_STEMS = _words(
    """
    wöllmen, rödenau, müßbach, jößlitz, fennhausen, lüttgerode, sprügel, quellmarsch,
    brunnhof, öhmen, tälingen, wendsdorf, kürrbach, schönmöhren, lindwöhren, haselgrüning,
    mäuselbach, falkenhöh, eschenwarth, birkenlöhnitz, gräfenmoos, steinwöhr, kallwöhrden,
    rüdenhagen, trebsmühl, molkenrode, hessenbühl, ulmerode, veitsgrund, zwickelsbach,
    ahornsried, dornwiesen, flößau, gänsewalde, hümmelbach, kesselrode, lerchenwinkel,
    möschenthal, pfaffenbrück, rabenstöck, sülzwehren, weidenhöf
    """
)
TOWN_PREFIXES = ["", "Groß", "Klein", "Ober", "Unter", "Neu", "Alt", "Hohen", "Nieder"]

MUNICIPALITY_TYPES = ["Gemeinde", "Gemeinde", "Gemeinde", "Stadt", "Markt"]

STREETS = _words(
    """
    Hauptstraße, Bahnhofstraße, Marktplatz, Schulstraße, Am Anger, Lindenallee, Mühlweg,
    Rathausplatz, Goethestraße, Schillerstraße, Gartenstraße, Kirchgasse, Industriestraße,
    Am Sportplatz, Weißdornweg, Brückenstraße, Talstraße, Rhönblick, Am Gänseanger, Lößweg,
    Jahnstraße, Friedhofstraße, Wiesengrund, Ringstraße, Hohe Straße, Untere Dorfstraße,
    Obere Mühlgasse, Schloßberg, Birkenweg, Am Bahnhof, Gewerbepark Süd,
    Straße der Einheit, Försterweg
    """
)
AREA_CODES = ["09741", "09744", "09771", "06652", "06654", "03691", "03695", "036964"]

# --- people ---------------------------------------------------------------------------

FEMALE_FIRST = _words(
    """
    Anna, Anke, Bärbel, Birgit, Claudia, Doris, Elke, Franziska, Gudrun, Heike, Ines, Jana,
    Jördis, Julia, Karin, Käthe, Katrin, Kerstin, Lena, Lisa, Maren, Marlene, Monika,
    Nadine, Petra, Renate, Sabine, Sandra, Silke, Sophie, Susanne, Tanja, Ulrike, Ute,
    Vanessa, Yvonne, Zoë, Annegret, Friederike, Hannelore, Mareike, Dörte, Leonie, Johanna
    """
)
MALE_FIRST = _words(
    """
    Andreas, Bernd, Björn, Christian, Detlef, Dirk, Frank, Günter, Hans, Heiko, Holger,
    Jens, Jörg, Jörn, Jürgen, Karl-Heinz, Klaus, Lars, Lutz, Marco, Markus, Matthias,
    Michael, Norbert, Olaf, Peter, Ralf, René, Sören, Stefan, Thomas, Torsten, Uwe, Volker,
    Wolfgang, Jonas, Lukas, Maximilian, Niklas, Tobias, Gerd, Henning, Malte, Till
    """
)
GERMAN_LAST = _words(
    """
    Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
    Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,
    Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier,
    Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber, Kaiser,
    Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn, Schubert, Vogel, Friedrich,
    Keller, Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann, Franke, Albrecht,
    Schuster, Simon, Ludwig, Böhm, Winter, Kraus, Martin, Schumacher, Krämer, Vogt, Stein,
    Jäger, Otto, Sommer, Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Schulte,
    Dietrich, Ziegler, Kuhn, Kühn, Pohl, Engel, Horn, Busch, Bergmann, Thomas, Voigt,
    Sauer, Arnold, Wolff, Pfeiffer, Strauß, Voß, Hübner, Löffler, Rößler, Süß, Preuß,
    Fröhlich, Nußbaum, Öhler, Gößwein, Würzner, Düring, Häußler, Bräutigam, Lüdecke,
    Büttner, Schößler, Hölzel, Mäder, Rüdiger, Dörfler, Kästner, Göbel
    """
)
DOUBLE_NAME_SHARE = 0.04

# Other origins: (share of all people, female first, male first, last names)
FOREIGN_NAME_POOLS = [
    (
        0.04,
        ["Ayşe", "Elif", "Zeynep", "Gülay", "Emine", "Derya"],
        ["Mehmet", "Mustafa", "Emre", "Murat", "Hakan", "Can"],
        ["Yılmaz", "Demir", "Şahin", "Öztürk", "Kaya", "Çelik", "Aydın", "Doğan"],
    ),
    (
        0.03,
        ["Agnieszka", "Katarzyna", "Magdalena", "Małgorzata", "Joanna"],
        ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Marek"],
        ["Kowalczyk", "Nowak", "Wójcik", "Mazur", "Krawczyk", "Dudek"],
    ),
    (
        0.015,
        ["Thi Lan", "Mai", "Thu Trang", "Linh"],
        ["Duc", "Minh", "Van Hung", "Quang"],
        ["Nguyen", "Tran", "Pham", "Le", "Hoang"],
    ),
    (
        0.015,
        ["Jelena", "Ana", "Milica", "Ivana"],
        ["Dragan", "Goran", "Nikola", "Stefan"],
        ["Petrović", "Kovačević", "Jovanović", "Horvat", "Babić"],
    ),
    (
        0.02,
        ["Olena", "Iryna", "Natalija", "Oksana"],
        ["Andrii", "Oleksandr", "Serhii", "Dmytro"],
        ["Schewtschenko", "Bondarenko", "Kowalenko", "Melnyk", "Tkachenko"],
    ),
]
# Academic titles with their cumulative share: 0.5 % professors, 6 % doctors.
TITLES = [("Prof. Dr.", 0.005), ("Dr.", 0.065)]

PRIVATE_MAIL_DOMAINS = ["rhoenpost.de", "talnet-mail.de", "talpost.de"]
MOBILE_PREFIXES = ["0151", "0152", "0160", "0162", "0170", "0171", "0175", "0176"]

# Gendered roles (male, female).
MAYOR = ("Bürgermeister", "Bürgermeisterin")
DEPARTMENT_HEAD = {
    "Kämmerei": ("Kämmerer", "Kämmerin"),
    "Wirtschaftsförderung": ("Leiter Wirtschaftsförderung", "Leiterin Wirtschaftsförderung"),
    "Stadtplanung": ("Leiter Stadtplanung", "Leiterin Stadtplanung"),
    "Liegenschaften": ("Leiter Liegenschaften", "Leiterin Liegenschaften"),
    "Bürgerservice": ("Leiter Bürgerservice", "Leiterin Bürgerservice"),
}
CLERK = ("Sachbearbeiter", "Sachbearbeiterin")
# How many further staff an organisation of a kind gets, relative to a company.
STAFF_WEIGHTS = {"Kreisverwaltung": 30.0, "Kommune": 6.0, "Unternehmen": 1.2, "Verein": 0.6}
DISTRICT_STAFF = [
    # (role male, role female, department or None)
    ("Landrat", "Landrätin", "Hauptamt"),
    (
        "Leiter Koordinationsstelle Multilokalität",
        "Leiterin Koordinationsstelle Multilokalität",
        "Wirtschaftsförderung",
    ),
    (
        "Referent Koordinationsstelle Multilokalität",
        "Referentin Koordinationsstelle Multilokalität",
        "Wirtschaftsförderung",
    ),
    (
        "Projektassistent Koordinationsstelle",
        "Projektassistentin Koordinationsstelle",
        "Wirtschaftsförderung",
    ),
    ("Pressesprecher", "Pressesprecherin", "Hauptamt"),
    ("Sozialplaner", "Sozialplanerin", "Sozialamt"),
    ("Leiter Jugendamt", "Leiterin Jugendamt", "Jugendamt"),
    ("Kreisbaumeister", "Kreisbaumeisterin", "Bauamt"),
]
KIND_ROLES = {
    "Unternehmen": [
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Personalleiter", "Personalleiterin"),
        ("Prokurist", "Prokuristin"),
        ("Inhaber", "Inhaberin"),
        ("Ausbildungsleiter", "Ausbildungsleiterin"),
    ],
    "Wohnungswirtschaft": [
        ("Vorstand", "Vorständin"),
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Vermietungsleiter", "Vermietungsleiterin"),
        ("Quartiersmanager", "Quartiersmanagerin"),
    ],
    "Verein": [
        ("Vorsitzender", "Vorsitzende"),
        ("stellv. Vorsitzender", "stellv. Vorsitzende"),
        ("Kassenwart", "Kassenwartin"),
        ("Schriftführer", "Schriftführerin"),
    ],
    "Verband": [
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Referent", "Referentin"),
        ("Vorsitzender", "Vorsitzende"),
    ],
    "Investor": [
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Projektentwickler", "Projektentwicklerin"),
        ("Vorstand", "Vorständin"),
    ],
    "Lokale Bevölkerung": [("Sprecher", "Sprecherin"), ("Mitglied", "Mitglied")],
    "Sonstige": [("Leiter", "Leiterin"), ("Mitarbeiter", "Mitarbeiterin")],
}
CITIZEN_NOTES = [
    "Pendelt wöchentlich in die Landeshauptstadt.",
    "Zweitwohnsitz in der Region, Hauptwohnsitz in Norddeutschland.",
    "Saisonkraft in der Gastronomie, jeweils von April bis Oktober hier.",
    "Ist vor zwei Jahren mit der Familie zurückgekehrt.",
    "Engagiert sich in der Mitfahrbank-Initiative.",
    "",
]

# --- organisations --------------------------------------------------------------------

TRADES = _words(
    """
    Metallbau, Haustechnik, Elektrotechnik, Holzbau, Kunststofftechnik, Maschinenbau,
    Logistik, Bäckerei, Fleischerei, Landtechnik, Präzisionsteile, Dachdeckerei,
    Sanitär und Heizung, Gerüstbau, Autohaus, Steuerberatung, Softwareentwicklung,
    Pflegedienst, Gebäudereinigung, Druckerei, Brauerei, Fensterbau, Glasveredelung,
    Sägewerk, Verpackungstechnik, Orthopädietechnik, Hotel und Gasthof, Reisebüro,
    Ingenieurbüro, Busreisen, Agrargenossenschaft
    """
)
COMPANY_PATTERNS = [
    "{trade} {surname}",
    "{surname} {trade} {legal}",
    "{town_adj} {trade} {legal}",
    "{surname} & {surname2} {trade} {legal}",
    "{acronym} {trade} {legal}",
]
COMPANY_PATTERN_WEIGHTS = [25, 25, 30, 10, 10]
LEGAL_WORDS = {"gmbh", "co", "kg", "e", "v", "k", "ag", "ohg", "eg", "mbh"}
LEGAL_FORMS = ["GmbH", "GmbH", "GmbH & Co. KG", "KG", "e. K.", "AG", "OHG"]
COMPANY_ACRONYMS = ["RTW", "TRH", "HWK", "MBR", "ELTA", "SÜDTEC", "RÖTEC", "WÖMA", "PLANA"]
CLUB_PATTERNS = _words(
    """
    SV {town} {year} e. V., Heimatverein {town} e. V., Freiwillige Feuerwehr {town},
    Förderverein Grundschule {town} e. V., Sportfreunde {town} e. V.,
    Landfrauenverein {town}, Gesangverein Harmonie {town} e. V.,
    Kleingartenverein Am Mühlbach {town} e. V., Kulturverein {town} e. V.,
    Tafel {town} e. V., Musikverein {town} {year} e. V., Kirmesgesellschaft {town},
    Schützenverein {town} {year} e. V., Jugendclub {town} e. V.,
    Mitfahrbank-Initiative {town} e. V., Dorfladen {town} e. V., Seniorenbeirat {town},
    Wanderverein Rhönklub Zweigverein {town}
    """
)
FEDERATION_PATTERNS = [
    "Gewerbeverein {town} e. V.",
    "Ortsverband {town} der Landjugend",
    "Ortsgruppe {town} des Sozialverbands",
    "Tourismusverein {town} e. V.",
]
FEDERATION_FIXED = [
    f"Kreishandwerkerschaft {REGION}",
    f"Kreisbauernverband {REGION} e. V.",
    f"Kreissportbund {REGION} e. V.",
    f"Tourismusverband {REGION} e. V.",
    f"Regionalverband Wirtschaft {REGION} e. V.",
    f"Kreisjugendring {REGION}",
]
GUILDS = ["Bäcker", "Fleischer", "Elektro", "Metall", "Tischler", "Maler", "Kfz", "Friseur"]
COOPERATIVE_NAMES = _words(
    """
    Glück Auf, Eintracht, Heimstatt, Aufbau, Frohe Zukunft, Fortschritt, Rhönblick,
    Talbach, Solidarität, Neue Heimat Rhön, Am Wasserturm
    """
)
HOUSING_PATTERNS = [
    "Wohnungsbaugenossenschaft {coop} eG",
    "Wohnungsbaugenossenschaft {coop} {town} eG",
    "Städtische Wohnungsgesellschaft {town} mbH",
    "{town_adj} Wohnungsbau GmbH",
    "Hausverwaltung {surname}",
    "Wohnungsverwaltung {surname} & Partner GmbH",
    "Kommunale Wohnungsbau {town} GmbH",
]
INVESTOR_PATTERNS = [
    "{surname} Immobilien Invest GmbH",
    "{acronym} Projektentwicklung AG",
    "{surname} & {surname2} Grundbesitz KG",
    "Bürgerenergiegenossenschaft {town} eG",
    "{town_adj} Bauträger GmbH",
    "Rhön Capital {acronym} GmbH",
]
CITIZEN_GROUP_PATTERNS = [
    "Bürgerinitiative Lebenswertes {town}",
    "Dorfgemeinschaft {town}",
    "Einwohnerforum {town}",
    "Pendlerstammtisch {town}",
    "Nachbarschaftshilfe {town}",
]
OTHER_PATTERNS = [
    "Grundschule {town}",
    "Kita Sonnenschein {town}",
    "Evangelisches Pfarramt {town}",
    "Katholisches Pfarramt {town}",
    "Arztpraxis Dr. {surname}",
    "Bibliothek {town}",
]
OTHER_FIXED = [
    f"Hochschule {REGION}",
    f"Rhön-Kurier, Lokalredaktion {COUNTY_TOWN}",
    f"Jobcenter {REGION}",
    f"Volkshochschule {REGION}",
    f"Regionalmanagement {REGION}",
    f"Kreiskrankenhaus {COUNTY_TOWN}",
    f"Verkehrsgesellschaft {REGION} mbH",
    "Radio Tälachwelle",
]

NAME_PATTERNS = {
    "Wohnungswirtschaft": HOUSING_PATTERNS,
    "Verein": CLUB_PATTERNS,
    "Verband": FEDERATION_PATTERNS,
    "Investor": INVESTOR_PATTERNS,
    "Lokale Bevölkerung": CITIZEN_GROUP_PATTERNS,
    "Sonstige": OTHER_PATTERNS,
}
PRESS = {f"Rhön-Kurier, Lokalredaktion {COUNTY_TOWN}", "Radio Tälachwelle"}
MAILBOXES = {"Kommune": "rathaus", "Kreisverwaltung": "poststelle", "Verein": "vorstand"}
KIND_TAGS = {"Verein": "Ehrenamt", "Wohnungswirtschaft": "Wohnraumbörse"}
LIST_DESCRIPTIONS = {
    "Presseverteiler": "Lokalpresse und Pressestellen; erhält Einladungen zur Information.",
    "Bürgermeisterinnen und Bürgermeister": f"Alle Hauptverwaltungsbeamten im {DISTRICT}.",
    "Newsletter Multilokalität": "Empfänger des vierteljährlichen Newsletters.",
}

TAGS = _words(
    """
    Presse, Pendlerinitiative, Fachkräfte, Wohnraumbörse, Ehrenamt, Newsletter,
    Mitfahrbank, Kinderbetreuung, Coworking, Rückkehrer, Förderverein
    """
)

# --- meetings -------------------------------------------------------------------------

MAIN_SERIES = "Vernetzungstreffen Multilokalität"
MAIN_RRULE = "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"
MAIN_TITLE = "{n}. " + MAIN_SERIES
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
GENERAL_AGENDA = _words(
    """
    Bericht der Koordinationsstelle, Sachstand der Maßnahmen aus dem letzten Treffen,
    Förderprogramme: aktuelle Aufrufe, Auswertung der Pendlerbefragung,
    Termine und Veranstaltungen in der Region, Planung des nächsten Vernetzungstreffens,
    Öffentlichkeitsarbeit und Pressemitteilungen, Datenlage Multilokalität im Landkreis
    """
)
TOWN_AGENDA = ["Bericht aus {town}", "Erfahrungen aus {town}"]
ORGANISATION_AGENDA = ["Vorstellung: {org}"]

MAIN_SERIES_KINDS = ["Kommune", "Kreisverwaltung", "Wohnungswirtschaft", "Unternehmen", "Verband"]

SECONDARY_SERIES = [
    # title, rrule, meeting title pattern, start hour, minutes, topics, invited kinds
    (
        "Arbeitsgruppe Wohnen und Multilokalität",
        "FREQ=MONTHLY;BYDAY=1WE",
        "{n}. Sitzung der AG Wohnen",
        10,
        120,
        ["Wohnraum auf Zeit"],
        ["Kommune", "Wohnungswirtschaft", "Investor"],
    ),
    (
        "Arbeitsgruppe Mobilität für Pendler",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH",
        "{n}. Sitzung der AG Mobilität",
        9,
        120,
        ["Mobilität für Pendler"],
        ["Kommune", "Unternehmen", "Verband", "Lokale Bevölkerung"],
    ),
    (
        "Arbeitskreis Fachkräfte und Unternehmen",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
        "{n}. Arbeitskreis Fachkräfte",
        15,
        120,
        ["Fachkräftegewinnung", "Kinderbetreuung"],
        ["Unternehmen", "Verband", "Sonstige"],
    ),
    (
        "Dienstberatung der Bürgermeisterinnen und Bürgermeister",
        "FREQ=MONTHLY;BYDAY=-1MO",
        "Dienstberatung Nr. {n}",
        9,
        180,
        ["Willkommenskultur", "Gesundheitsversorgung"],
        ["Kommune", "Kreisverwaltung"],
    ),
    (
        "Lenkungskreis Regionalentwicklung",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH",
        "{n}. Lenkungskreis",
        13,
        120,
        ["Coworking und mobiles Arbeiten"],
        ["Kreisverwaltung", "Kommune", "Verband"],
    ),
    (
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
ACTION_TEXTS = _words(
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
    # code, title, strategy, spatial level, project type, target groups, action fields
    (
        "X 001",
        "Regelmäßige regionale Vernetzungstreffen zur Thematik Multilokalität",
        "Multilokalität sichtbar machen und vernetzen",
        "regional",
        "organisatorisch",
        ["Kommunen", "Unternehmen"],
        ["Kommunikation und Beteiligung"],
    ),
    (
        "BE 001",
        "Patenschaften von Vereinen für neu Ankommende",
        "Multilokale in das Gemeinwesen einbinden",
        "lokal",
        "organisatorisch",
        ["Incomings", "Wochenendpendler"],
        ["Bürgerschaftliches Engagement"],
    ),
    (
        "W 005",
        "Wohnraum auf Zeit für Pendler und Projektkräfte",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "lokal",
        "investiv",
        ["Incomings", "Saison- und Projektkräfte"],
        ["Wohnen"],
    ),
    (
        "TSI 001",
        "Flexible Kinderbetreuung zu Randzeiten",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "lokal",
        "organisatorisch",
        ["Incomings", "Wochenendpendler"],
        ["Soziale und technische Infrastruktur"],
    ),
    (
        "M 002",
        "Mitfahrangebote für Berufspendler",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "regional",
        "organisatorisch",
        ["Outgoings", "Wochenendpendler"],
        ["Mobilität"],
    ),
    (
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
]
PARTNER_ROLES = [
    "Projektpartner",
    "Projektpartner",
    "Kooperationspartner",
    "Förderer",
    "Fachliche Begleitung",
]
