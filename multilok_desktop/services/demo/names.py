"""Names of the demo's places, people and organisations (`services.demo`).

Everything here is invented for the fictional "Landkreis Talbach-Rhön": place names are
built from made-up parts, organisations from generic patterns. Person names are common
German and international first and last names, combined at random.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
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
FIRST_TOWNS = words(
    """
    Bad Rödenau, Großwöllmen, Neußlingen, Kleinmüßbach, Oberjößlitz, Fennhausen,
    Lüttgerode, Hainsprügel, Quellmarsch, Wörpelsrode, Dürrenbrunnhof, Sankt Öhmen
    """
)

# Invented stems; combined with prefixes they make the towns of the large demo.
TOWN_STEMS = words(
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

STREETS = words(
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

FEMALE_FIRST = words(
    """
    Anna, Anke, Bärbel, Birgit, Claudia, Doris, Elke, Franziska, Gudrun, Heike, Ines, Jana,
    Jördis, Julia, Karin, Käthe, Katrin, Kerstin, Lena, Lisa, Maren, Marlene, Monika,
    Nadine, Petra, Renate, Sabine, Sandra, Silke, Sophie, Susanne, Tanja, Ulrike, Ute,
    Vanessa, Yvonne, Zoë, Annegret, Friederike, Hannelore, Mareike, Dörte, Leonie, Johanna
    """
)
MALE_FIRST = words(
    """
    Andreas, Bernd, Björn, Christian, Detlef, Dirk, Frank, Günter, Hans, Heiko, Holger,
    Jens, Jörg, Jörn, Jürgen, Karl-Heinz, Klaus, Lars, Lutz, Marco, Markus, Matthias,
    Michael, Norbert, Olaf, Peter, Ralf, René, Sören, Stefan, Thomas, Torsten, Uwe, Volker,
    Wolfgang, Jonas, Lukas, Maximilian, Niklas, Tobias, Gerd, Henning, Malte, Till
    """
)
GERMAN_LAST = words(
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

TRADES = words(
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
CLUB_PATTERNS = words(
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
COOPERATIVE_NAMES = words(
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
