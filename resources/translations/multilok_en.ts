<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name></name>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>CSV für Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Maßnahmenübersicht</source>
        <translation>Measures overview</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Maßnahmen exportieren</source>
        <translation>Export measures</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Umsetzungsstand</source>
        <translation>Implementation status</translation>
    </message>
    <message>
        <source>Es gibt noch kein Treffen.</source>
        <translation>There is no meeting yet.</translation>
    </message>
    <message>
        <source>Umsetzungsstand speichern</source>
        <translation>Save implementation status</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Nächster Schritt</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Name eingeben oder aus dem Adressbuch wählen</source>
        <translation>Enter a name or choose from the address book</translation>
    </message>
    <message>
        <source>&amp;Adressbuch …</source>
        <translation>&amp;Address book …</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>&amp;Was ist zu tun?</source>
        <translation>&amp;What needs to be done?</translation>
    </message>
    <message>
        <source>&amp;Verantwortlich</source>
        <translation>&amp;Responsible</translation>
    </message>
    <message>
        <source>Termin</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Bitte beschreiben, was zu tun ist.</source>
        <translation>Please describe what needs to be done.</translation>
    </message>
</context>
<context>
    <name>ActionItemDialog</name>
    <message>
        <source>Aufgabe</source>
        <translation>Action item</translation>
    </message>
    <message>
        <source>&amp;Wählen …</source>
        <translation>&amp;Choose …</translation>
    </message>
    <message>
        <source>&amp;Lösen</source>
        <translation>&amp;Unlink</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>&amp;Aufgabe</source>
        <translation>&amp;Action item</translation>
    </message>
    <message>
        <source>&amp;Verantwortlich</source>
        <translation>&amp;Responsible</translation>
    </message>
    <message>
        <source>&amp;Termin</source>
        <translation>&amp;Due date</translation>
    </message>
    <message>
        <source>Maßnahme</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>– keine –</source>
        <translation>– none –</translation>
    </message>
</context>
<context>
    <name>AddressBookView</name>
    <message>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Ressort:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <source>Suchen: Name, Organisation, E-Mail, Ort, Schlagwort … (Strg+F)</source>
        <translation>Search: name, organisation, e-mail, town, tag … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Suchen: Name, Art, E-Mail, Ort, Schlagwort … (Strg+F)</source>
        <translation>Search: name, type, e-mail, town, tag … (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Personen</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <source>&amp;Organisationen</source>
        <translation>&amp;Organisations</translation>
    </message>
    <message>
        <source>&amp;Verteiler</source>
        <translation>&amp;Distribution lists</translation>
    </message>
    <message>
        <source>Adressbuch</source>
        <translation>Address book</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Zusammenführen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Zu Verteiler …</source>
        <translation>Add to list …</translation>
    </message>
    <message>
        <source>Importieren …</source>
        <translation>Import …</translation>
    </message>
    <message>
        <source>Exportieren …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Datenschutz-Prüfung …</source>
        <translation>Privacy review …</translation>
    </message>
    <message>
        <source>Auskunft nach Art. 15 DSGVO …</source>
        <translation>Access request (Art. 15 GDPR) …</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Löschen nach Art. 17 DSGVO …</source>
        <translation>Erase (Art. 17 GDPR) …</translation>
    </message>
    <message>
        <source>Dieser Eintrag wurde inzwischen gelöscht.</source>
        <translation>This entry has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>Person gespeichert.</source>
        <translation>Person saved.</translation>
    </message>
    <message>
        <source>Organisation gespeichert.</source>
        <translation>Organisation saved.</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Person löschen</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <source>„%1“ endgültig löschen?

In Protokollen bleibt der Name lesbar; Zugehörigkeiten und Verteiler-Einträge werden entfernt.</source>
        <translation>Delete “%1” permanently?

The name stays readable in minutes; memberships and distribution list entries are removed.</translation>
    </message>
    <message>
        <source>„%1“ gelöscht.</source>
        <translation>“%1” deleted.</translation>
    </message>
    <message>
        <source>„%1“ endgültig löschen?</source>
        <translation>Delete “%1” permanently?</translation>
    </message>
    <message numerus="yes">
        <source>%n Person(en) verlieren damit diese Zugehörigkeit; die Personen selbst bleiben.</source>
        <translation>
            <numerusform>%n person(s) will lose this membership; the people themselves remain.</numerusform>
            <numerusform>%n person(s) will lose this membership; the people themselves remain.</numerusform>
        </translation>
    </message>
    <message>
        <source>Organisation löschen</source>
        <translation>Delete organisation</translation>
    </message>
    <message>
        <source>Bitte genau zwei Personen auswählen (Strg+Klick).</source>
        <translation>Please select exactly two people (Ctrl+click).</translation>
    </message>
    <message>
        <source>Personen zusammengeführt.</source>
        <translation>People merged.</translation>
    </message>
    <message>
        <source>Verteiler hat jetzt %1 Einträge.</source>
        <translation>The distribution list now has %1 entries.</translation>
    </message>
    <message>
        <source>Kontakte importieren</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Kontakte exportieren</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>Export fehlgeschlagen</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>%1 Kontakte exportiert nach %2.</source>
        <translation>%1 contacts exported to %2.</translation>
    </message>
</context>
<context>
    <name>AgendaTable</name>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Vortrag</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>nicht öffentl.</source>
        <translation>not public</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Protokoll genehmigen</source>
        <translation>Approve minutes</translation>
    </message>
    <message>
        <source>Nach der Genehmigung ist das Protokoll gesperrt; Änderungen nur noch als Korrektur mit neuer Revision.</source>
        <translation>Once approved, the minutes are locked; changes are then only possible as a correction with a new revision.</translation>
    </message>
    <message>
        <source>Genehmigt am</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Genehmigen</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ab</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Aus &amp;Adressbuch …</source>
        <translation>From &amp;address book …</translation>
    </message>
    <message>
        <source>&amp;Gast …</source>
        <translation>&amp;Guest …</translation>
    </message>
    <message>
        <source>Anwesend %1 von %2</source>
        <translation>Present %1 of %2</translation>
    </message>
    <message>
        <source>Gast</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>Name (und Organisation):</source>
        <translation>Name (and organisation):</translation>
    </message>
</context>
<context>
    <name>BacklogTopicDialog</name>
    <message>
        <source>Thema für eine der nächsten Tagesordnungen</source>
        <translation>Topic for one of the next agendas</translation>
    </message>
    <message>
        <source>&amp;Thema</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>&amp;Vorgeschlagen von</source>
        <translation>&amp;Suggested by</translation>
    </message>
    <message>
        <source>&amp;Beschreibung</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>noch keine Sicherung</source>
        <translation>no backup yet</translation>
    </message>
    <message>
        <source>letzte Sicherung %1</source>
        <translation>last backup %1</translation>
    </message>
    <message>
        <source>Sicherung fehlgeschlagen</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Automatische Sicherung fehlgeschlagen: %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <source>Sicherungen: alle 30 Minuten bei Änderungen, vor jedem Import und beim Beenden.
Ordner: %1</source>
        <translation>Backups: every 30 minutes when there are changes, before every import and on exit.
Folder: %1</translation>
    </message>
    <message>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Bitte zuerst die anderen Multilok-Fenster (z. B. den Sitzungsmodus) schließen; sie könnten sonst Änderungen in die wiederhergestellte Datenbank schreiben.</source>
        <translation>Please close the other Multilok windows (e.g. the meeting mode) first; otherwise they could write changes into the restored database.</translation>
    </message>
    <message>
        <source>Nicht wiederhergestellt</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>Sicherung wiederhergestellt</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Die Sicherung ist wiederhergestellt; der vorherige Stand ist gesichert in:
%1

Multilok wird jetzt beendet. Bitte starten Sie es neu, um mit dem wiederhergestellten Stand zu arbeiten.</source>
        <translation>The backup has been restored; the previous state is saved in:
%1

Multilok will now quit. Please start it again to work with the restored state.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>keine Daten</source>
        <translation>no data</translation>
    </message>
</context>
<context>
    <name>BoardColumnWidget</name>
    <message>
        <source> (ausgelaufen)</source>
        <translation> (retired)</translation>
    </message>
    <message numerus="yes">
        <source>Spalte %1, %n Maßnahmen</source>
        <translation>
            <numerusform>Column %1, %n measure</numerusform>
            <numerusform>Column %1, %n measures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Ort noch offen</source>
        <translation>Venue to be confirmed</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Schwerpunkte: %1</source>
        <translation>Focus topics: %1</translation>
    </message>
    <message>
        <source>(nicht öffentlich)</source>
        <translation>(closed session)</translation>
    </message>
    <message>
        <source>%1 Min.</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>&amp;Heute</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Treffen</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Anstehend</source>
        <translation>&amp;Upcoming</translation>
    </message>
    <message>
        <source>&amp;Vergangen</source>
        <translation>&amp;Past</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Monat</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Liste</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <source>&amp;Treffenreihen</source>
        <translation>Meeting &amp;series</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Neues Treffen</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Absagen</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Sitzungsmodus</source>
        <translation>Meeting mode</translation>
    </message>
    <message>
        <source>Wiedervorlage …</source>
        <translation>Follow-up items …</translation>
    </message>
    <message>
        <source>Einladung (.ics) …</source>
        <translation>Invitation (.ics) …</translation>
    </message>
    <message>
        <source>E-Mail-Entwurf …</source>
        <translation>E-mail draft …</translation>
    </message>
    <message>
        <source>Einladungsschreiben …</source>
        <translation>Invitation letter …</translation>
    </message>
    <message>
        <source>Teilnehmerliste …</source>
        <translation>Attendance list …</translation>
    </message>
    <message>
        <source>Jahresplan …</source>
        <translation>Annual plan …</translation>
    </message>
    <message>
        <source>Kalender exportieren …</source>
        <translation>Export calendar …</translation>
    </message>
    <message>
        <source>Kalender importieren …</source>
        <translation>Import calendar …</translation>
    </message>
    <message>
        <source>Sitzungspaket exportieren …</source>
        <translation>Export meeting package …</translation>
    </message>
    <message>
        <source>Sitzungspaket einlesen …</source>
        <translation>Import meeting package …</translation>
    </message>
    <message>
        <source>Kein Treffen ausgewählt.</source>
        <translation>No meeting selected.</translation>
    </message>
    <message>
        <source>Dieses Treffen gibt es nicht mehr.</source>
        <translation>This meeting no longer exists.</translation>
    </message>
    <message>
        <source>Treffen angelegt.</source>
        <translation>Meeting created.</translation>
    </message>
    <message>
        <source>Treffen gespeichert.</source>
        <translation>Meeting saved.</translation>
    </message>
    <message>
        <source>Treffen absagen</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>„%1“ absagen? Es bleibt im Kalender (durchgestrichen); eine exportierte Einladung wird damit in Outlook zur Absage.</source>
        <translation>Cancel “%1”? It stays in the calendar (struck through); an exported invitation then becomes a cancellation in Outlook.</translation>
    </message>
    <message>
        <source>Nicht abgesagt</source>
        <translation>Not cancelled</translation>
    </message>
    <message>
        <source>Treffen abgesagt.</source>
        <translation>Meeting cancelled.</translation>
    </message>
    <message>
        <source>Treffen löschen</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>„%1“ mit Tagesordnung, Einladungen und Mitschrift endgültig löschen?</source>
        <translation>Delete “%1” with its agenda, invitations and minutes permanently?</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Treffen gelöscht.</source>
        <translation>Meeting deleted.</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up items</translation>
    </message>
    <message>
        <source>Aus früheren Treffen sind keine Aufgaben mehr offen.</source>
        <translation>No action items from earlier meetings are still open.</translation>
    </message>
    <message numerus="yes">
        <source>%n offene Aufgabe(n) auf die Tagesordnung gesetzt.</source>
        <translation>
            <numerusform>%n open action item(s) put on the agenda.</numerusform>
            <numerusform>%n open action item(s) put on the agenda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Einladung für Outlook speichern</source>
        <translation>Save invitation for Outlook</translation>
    </message>
    <message>
        <source>Einladung gespeichert: %1</source>
        <translation>Invitation saved: %1</translation>
    </message>
    <message>
        <source>E-Mail-Entwurf speichern</source>
        <translation>Save e-mail draft</translation>
    </message>
    <message>
        <source>E-Mail-Entwurf an %1 Empfänger (Bcc) gespeichert.</source>
        <translation>E-mail draft to %1 recipients (Bcc) saved.</translation>
    </message>
    <message>
        <source>Einladungsschreiben speichern</source>
        <translation>Save invitation letter</translation>
    </message>
    <message>
        <source>Einladungsschreiben gespeichert: %1</source>
        <translation>Invitation letter saved: %1</translation>
    </message>
    <message>
        <source>Teilnehmerliste speichern</source>
        <translation>Save attendance list</translation>
    </message>
    <message>
        <source>Teilnehmerliste gespeichert: %1</source>
        <translation>Attendance list saved: %1</translation>
    </message>
    <message>
        <source>Jahresplan</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <source>Jahr:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Jahresplan speichern</source>
        <translation>Save annual plan</translation>
    </message>
    <message>
        <source>Jahresplan gespeichert: %1</source>
        <translation>Annual plan saved: %1</translation>
    </message>
    <message>
        <source>Kalender exportieren</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <source>Kalender gespeichert: %1</source>
        <translation>Calendar saved: %1</translation>
    </message>
    <message>
        <source>Kalender importieren</source>
        <translation>Import calendar</translation>
    </message>
    <message>
        <source>Datei kann nicht importiert werden</source>
        <translation>The file cannot be imported</translation>
    </message>
    <message>
        <source>%1

Es wurde nichts übernommen.</source>
        <translation>%1

Nothing was imported.</translation>
    </message>
    <message>
        <source>%1 Treffen neu, %2 aktualisiert, %3 unverändert.</source>
        <translation>%1 meetings new, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <source>Sitzungspaket speichern</source>
        <translation>Save meeting package</translation>
    </message>
    <message>
        <source>Sitzungspaket (*.multilok)</source>
        <translation>Meeting package (*.multilok)</translation>
    </message>
    <message>
        <source>Sitzungspaket gespeichert: %1 — auf dem Laptop mit „Sitzungspaket einlesen“ öffnen, dort protokollieren, wieder exportieren und hier einlesen.</source>
        <translation>Meeting package saved: %1 — open it on the laptop with “Import meeting package”, take the minutes there, export it again and import it here.</translation>
    </message>
    <message>
        <source>Sitzungspaket einlesen</source>
        <translation>Import meeting package</translation>
    </message>
    <message>
        <source>Sitzungspaket kann nicht eingelesen werden</source>
        <translation>The meeting package cannot be imported</translation>
    </message>
    <message>
        <source>Treffen „%1“ zum Protokollieren übernommen.</source>
        <translation>Meeting “%1” taken over for minute-taking.</translation>
    </message>
    <message>
        <source>Protokoll von „%1“ übernommen.</source>
        <translation>Minutes of “%1” taken over.</translation>
    </message>
</context>
<context>
    <name>ColumnSpec</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ampel</source>
        <translation>Traffic light</translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation>Field of action</translation>
    </message>
    <message>
        <source>Zielgruppen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Projektträger</source>
        <translation>Project lead</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Zieltermin</source>
        <translation>Target date</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Dieser Bereich ist noch nicht fertig und kommt mit einer der nächsten Versionen. Die Daten dafür (z. B. aus den Beispieldaten) sind schon in der Datenbank und über die Kommandozeile abrufbar: &lt;code&gt;multilok list meetings&lt;/code&gt;, &lt;code&gt;multilok list measures&lt;/code&gt;.</source>
        <translation>This area is not finished yet and will come with one of the next versions. Its data (e.g. from the demo data) is already in the database and available on the command line: &lt;code&gt;multilok list meetings&lt;/code&gt;, &lt;code&gt;multilok list measures&lt;/code&gt;.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Ihre Fassung</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>gespeicherte Fassung</source>
        <translation>Saved version</translation>
    </message>
    <message>
        <source>Gleichzeitig geändert</source>
        <translation>Changed at the same time</translation>
    </message>
    <message>
        <source>&amp;Gespeicherte Fassung laden</source>
        <translation>&amp;Load the saved version</translation>
    </message>
    <message>
        <source>&amp;Meine Fassung speichern</source>
        <translation>&amp;Save my version</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation>&amp;Back</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>z. B. Einwilligungserklärung v2 (03/2026)</source>
        <translation>e.g. consent form v2 (03/2026)</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Zweck</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>&amp;Textfassung</source>
        <translation>&amp;Text version</translation>
    </message>
    <message>
        <source>&amp;Notiz</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Erfassen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Einwilligung nicht erfasst</source>
        <translation>Consent not recorded</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>fällig</source>
        <translation>due</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Rechtsgrundlage</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>nicht erfasst</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mobil</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Schlagworte</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Verteiler</source>
        <translation>Distribution lists</translation>
    </message>
    <message>
        <source>Treffen</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>%1 besucht · offene Aufgaben: %2</source>
        <translation>%1 attended · open action items: %2</translation>
    </message>
    <message>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Organisationen</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Webseite</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>(ehemals)</source>
        <translation>(former)</translation>
    </message>
    <message>
        <source>Personen (%1)</source>
        <translation>People (%1)</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Noch niemand zugeordnet.</source>
        <translation>Nobody assigned yet.</translation>
    </message>
    <message>
        <source>Kein Eintrag ausgewählt.</source>
        <translation>No entry selected.</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message numerus="yes">
        <source>%n Einträge</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Keine Treffer.</source>
        <translation>No matches.</translation>
    </message>
    <message numerus="yes">
        <source>%n Einträge ausgewählt.</source>
        <translation>
            <numerusform>%n entry selected.</numerusform>
            <numerusform>%n entries selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Maßnahmen exportieren</source>
        <translation>Export measures</translation>
    </message>
    <message>
        <source>&amp;PDF – Maßnahmenübersicht zum Ausdrucken</source>
        <translation>&amp;PDF – measures overview for printing</translation>
    </message>
    <message>
        <source>&amp;CSV – Tabelle für Excel (Semikolon, UTF-8)</source>
        <translation>&amp;CSV – table for Excel (semicolon, UTF-8)</translation>
    </message>
    <message>
        <source>&amp;Excel-Arbeitsmappe (.xlsx)</source>
        <translation>&amp;Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation>Field of action</translation>
    </message>
    <message>
        <source>&amp;Gruppiert nach:</source>
        <translation>&amp;Grouped by:</translation>
    </message>
    <message>
        <source>Maßnahme</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>%1 %2 der aktuellen Auswahl:</source>
        <translation>%1 %2 of the current selection:</translation>
    </message>
    <message>
        <source>Weiter …</source>
        <translation>Next …</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation>Field of action</translation>
    </message>
    <message>
        <source>Räumliche Ebene</source>
        <translation>Spatial level</translation>
    </message>
    <message>
        <source>Projektart</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>Sowieso-Themen</source>
        <translation>Ongoing topics</translation>
    </message>
    <message>
        <source>Suchen: Titel, Beschreibung, Grund, Karte … (Strg+F)</source>
        <translation>Search: title, description, reason, card … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Gespeicherte Filter</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>Filter &amp;speichern …</source>
        <translation>&amp;Save filter …</translation>
    </message>
    <message>
        <source>Filter lösc&amp;hen</source>
        <translation>&amp;Delete filter</translation>
    </message>
    <message>
        <source>Ampel</source>
        <translation>Traffic light</translation>
    </message>
    <message>
        <source>Organisation wählen …</source>
        <translation>Choose organisation …</translation>
    </message>
    <message>
        <source>Alle Organisationen</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>Maßnahmen, an denen die Organisation als Projektträger oder Partner beteiligt ist</source>
        <translation>Measures in which the organisation takes part as project lead or partner</translation>
    </message>
    <message>
        <source>nur &amp;offene</source>
        <translation>&amp;open only</translation>
    </message>
    <message>
        <source>nur ü&amp;berfällige</source>
        <translation>o&amp;verdue only</translation>
    </message>
    <message>
        <source>Filter &amp;zurücksetzen</source>
        <translation>&amp;Reset filters</translation>
    </message>
    <message>
        <source>1 Maßnahme</source>
        <translation>1 measure</translation>
    </message>
    <message>
        <source>%1 Maßnahmen</source>
        <translation>%1 measures</translation>
    </message>
    <message>
        <source>%1 (ausgemustert)</source>
        <translation>%1 (retired)</translation>
    </message>
    <message>
        <source>Organisation: alle</source>
        <translation>Organisation: all</translation>
    </message>
    <message>
        <source>(gelöscht)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>Gespeichert: –</source>
        <translation>Saved: –</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Filter „%1“ angewendet.</source>
        <translation>Filter “%1” applied.</translation>
    </message>
    <message>
        <source>Filter speichern</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>Bitte zuerst Filter setzen – ohne Filterangaben gibt es nichts zu speichern.</source>
        <translation>Please set filters first – without any filter there is nothing to save.</translation>
    </message>
    <message>
        <source>Name des Filters:</source>
        <translation>Name of the filter:</translation>
    </message>
    <message>
        <source>Filter ersetzen</source>
        <translation>Replace filter</translation>
    </message>
    <message>
        <source>Einen Filter „%1“ gibt es schon. Ersetzen?</source>
        <translation>A filter “%1” already exists. Replace it?</translation>
    </message>
    <message>
        <source>Filter nicht gespeichert</source>
        <translation>Filter not saved</translation>
    </message>
    <message>
        <source>Filter „%1“ gespeichert.</source>
        <translation>Filter “%1” saved.</translation>
    </message>
    <message>
        <source>Filter löschen</source>
        <translation>Delete filter</translation>
    </message>
    <message>
        <source>Den gespeicherten Filter „%1“ löschen?

Die Maßnahmen bleiben unberührt.</source>
        <translation>Delete the saved filter “%1”?

The measures remain untouched.</translation>
    </message>
    <message>
        <source>Filter nicht gelöscht</source>
        <translation>Filter not deleted</translation>
    </message>
    <message>
        <source>Filter „%1“ gelöscht.</source>
        <translation>Filter “%1” deleted.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Umsetzungsstand</source>
        <translation>Implementation status</translation>
    </message>
    <message>
        <source>nur nach Ampel</source>
        <translation>traffic light only</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation>Field of action</translation>
    </message>
    <message>
        <source>&amp;Treffen:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <source>&amp;Gruppiert nach:</source>
        <translation>&amp;Grouped by:</translation>
    </message>
    <message>
        <source>Weiter …</source>
        <translation>Next …</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Aktualisieren</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Aufgaben überfällig</source>
        <translation>Overdue action items</translation>
    </message>
    <message>
        <source>Keine überfälligen Aufgaben.</source>
        <translation>No overdue action items.</translation>
    </message>
    <message>
        <source>Aufgaben in den nächsten 14 Tagen</source>
        <translation>Action items in the next 14 days</translation>
    </message>
    <message>
        <source>In den nächsten 14 Tagen ist keine Aufgabe fällig.</source>
        <translation>No action item is due in the next 14 days.</translation>
    </message>
    <message>
        <source>Maßnahmen in den letzten 30 Tagen geändert</source>
        <translation>Measures changed in the last 30 days</translation>
    </message>
    <message>
        <source>In den letzten 30 Tagen wurde keine Maßnahme geändert.</source>
        <translation>No measure was changed in the last 30 days.</translation>
    </message>
    <message>
        <source>Maßnahmen im Stillstand, seit 180 Tagen unverändert</source>
        <translation>Stalled measures, unchanged for 180 days</translation>
    </message>
    <message>
        <source>Keine offene Maßnahme steht still.</source>
        <translation>No open measure is stalled.</translation>
    </message>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Datenschutz-Prüfung fällig</source>
        <translation>Privacy review due</translation>
    </message>
    <message>
        <source>Keine Datenschutz-Prüfung fällig.</source>
        <translation>No privacy review due.</translation>
    </message>
    <message>
        <source>wird geladen …</source>
        <translation>loading …</translation>
    </message>
    <message>
        <source>konnte nicht geladen werden: %1</source>
        <translation>could not be loaded: %1</translation>
    </message>
    <message>
        <source>Nächstes Treffen</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>Kein Treffen geplant.</source>
        <translation>No meeting planned.</translation>
    </message>
    <message>
        <source>Einladungen versendet</source>
        <translation>Invitations sent</translation>
    </message>
    <message>
        <source>Einladungen noch nicht versendet</source>
        <translation>Invitations not sent yet</translation>
    </message>
    <message>
        <source>Ort noch offen</source>
        <translation>Venue to be confirmed</translation>
    </message>
    <message>
        <source>Rückmeldungen</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>und 1 weitere</source>
        <translation>and 1 more</translation>
    </message>
    <message>
        <source>und %1 weitere</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>fällig %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>ohne Zuständige</source>
        <translation>nobody responsible</translation>
    </message>
    <message>
        <source>zuletzt geändert %1</source>
        <translation>last changed %1</translation>
    </message>
    <message>
        <source>seit %1</source>
        <translation>since %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Kontakte importieren – %1</source>
        <translation>Import contacts – %1</translation>
    </message>
    <message>
        <source>Datei kann nicht importiert werden</source>
        <translation>The file cannot be imported</translation>
    </message>
    <message>
        <source>%1

Es wurde nichts übernommen.</source>
        <translation>%1

Nothing was imported.</translation>
    </message>
    <message>
        <source>Format: %1 · %2 Kontakte · %3 mögliche Dubletten · %4 neue Organisationen</source>
        <translation>Format: %1 · %2 contacts · %3 possible duplicates · %4 new organisations</translation>
    </message>
    <message>
        <source>Mögliche Dubletten sind abgewählt. Häkchen setzen, um sie trotzdem zu übernehmen; rot markierte Einträge lassen sich so nicht übernehmen – abwählen oder Datei korrigieren.</source>
        <translation>Possible duplicates are deselected. Tick them to import them anyway; entries marked red cannot be imported like this – deselect them or correct the file.</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Spalte in der Datei</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>wird zu</source>
        <translation>becomes</translation>
    </message>
    <message>
        <source>Zuordnung der Spalten</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>&amp;Alle auswählen</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <source>&amp;Keine auswählen</source>
        <translation>Select &amp;none</translation>
    </message>
    <message>
        <source>&amp;Importieren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source> (neu)</source>
        <translation> (new)</translation>
    </message>
    <message>
        <source>schon vorhanden: %1 (%2)</source>
        <translation>already exists: %1 (%2)</translation>
    </message>
    <message>
        <source>doppelt in der Datei (wie Eintrag %1)</source>
        <translation>twice in the file (like entry %1)</translation>
    </message>
    <message>
        <source>%1 von %2 ausgewählt</source>
        <translation>%1 of %2 selected</translation>
    </message>
    <message>
        <source>Nichts importiert</source>
        <translation>Nothing imported</translation>
    </message>
    <message>
        <source>%1 Personen und %2 Organisationen importiert.</source>
        <translation>%1 people and %2 organisations imported.</translation>
    </message>
</context>
<context>
    <name>InvitationsPanel</name>
    <message>
        <source>1 eingeladene Stelle</source>
        <translation>1 invitee</translation>
    </message>
    <message>
        <source>%1 Eingeladene</source>
        <translation>%1 invitees</translation>
    </message>
    <message>
        <source>ohne Rückmeldung</source>
        <translation>no reply</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Rückmeldung</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <source>&amp;Personen …</source>
        <translation>&amp;People …</translation>
    </message>
    <message>
        <source>&amp;Organisationen …</source>
        <translation>&amp;Organisations …</translation>
    </message>
    <message>
        <source>&amp;Verteiler …</source>
        <translation>&amp;Distribution list …</translation>
    </message>
    <message>
        <source>Ent&amp;fernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Ent</source>
        <translation>Rem</translation>
    </message>
    <message>
        <source>Verteiler einladen</source>
        <translation>Invite a distribution list</translation>
    </message>
    <message>
        <source>Verteiler:</source>
        <translation>Distribution list:</translation>
    </message>
</context>
<context>
    <name>ListPropertiesDialog</name>
    <message>
        <source>Verteiler</source>
        <translation>Distribution list</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Beschreibung</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-Mail / Art</source>
        <translation>E-mail / type</translation>
    </message>
    <message>
        <source>&amp;Personen hinzufügen …</source>
        <translation>Add &amp;people …</translation>
    </message>
    <message>
        <source>&amp;Organisationen hinzufügen …</source>
        <translation>Add &amp;organisations …</translation>
    </message>
    <message>
        <source>Aus Verteiler &amp;entfernen</source>
        <translation>R&amp;emove from list</translation>
    </message>
    <message>
        <source>Noch kein Verteiler angelegt – „Neu“ legt einen an.</source>
        <translation>No distribution list yet – “New” creates one.</translation>
    </message>
    <message>
        <source>%1 Einträge</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>Verteiler nicht angelegt</source>
        <translation>Distribution list not created</translation>
    </message>
    <message>
        <source>Verteiler „%1“ angelegt.</source>
        <translation>Distribution list “%1” created.</translation>
    </message>
    <message>
        <source>Verteiler nicht gespeichert</source>
        <translation>Distribution list not saved</translation>
    </message>
    <message>
        <source>Verteiler löschen</source>
        <translation>Delete distribution list</translation>
    </message>
    <message>
        <source>Den Verteiler „%1“ mit %2 Einträgen löschen? Die Personen und Organisationen selbst bleiben erhalten.</source>
        <translation>Delete the distribution list “%1” with %2 entries? The people and organisations themselves are kept.</translation>
    </message>
    <message>
        <source>Verteiler „%1“ gelöscht.</source>
        <translation>Distribution list “%1” deleted.</translation>
    </message>
    <message>
        <source>Verteiler hat jetzt %1 Einträge.</source>
        <translation>The distribution list now has %1 entries.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Multilok – Vernetzungstreffen Multilokalität</source>
        <translation>Multilok – networking meetings on multilocality</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Adressbuch</source>
        <translation>Address book</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Protokolle</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Datenbank: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>alles gespeichert</source>
        <translation>everything saved</translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Kontakte &amp;importieren …</source>
        <translation>&amp;Import contacts …</translation>
    </message>
    <message>
        <source>Kontakte &amp;exportieren …</source>
        <translation>&amp;Export contacts …</translation>
    </message>
    <message>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <source>Sicherung &amp;wiederherstellen …</source>
        <translation>&amp;Restore backup …</translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>E&amp;xtras</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Wertelisten bearbeiten …</source>
        <translation>Edit &amp;value lists …</translation>
    </message>
    <message>
        <source>&amp;Planungskarten …</source>
        <translation>&amp;Planning cards …</translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Über &amp;Multilok</source>
        <translation>About &amp;Multilok</translation>
    </message>
    <message>
        <source>Sitzungsmodus wiederhergestellt</source>
        <translation>Meeting mode restored</translation>
    </message>
    <message>
        <source>Multilok wurde während der Mitschrift nicht ordnungsgemäß beendet. Alles bis wenige Sekunden vor dem Abbruch ist gespeichert; die Mitschrift ist wieder geöffnet.</source>
        <translation>Multilok was not closed properly while minutes were being taken. Everything up to a few seconds before the interruption is saved; the minutes are open again.</translation>
    </message>
    <message>
        <source>Einstellungen gespeichert. Die neue Sprache gilt nach einem Neustart.</source>
        <translation>Settings saved. The new language applies after a restart.</translation>
    </message>
    <message>
        <source>Einstellungen gespeichert.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Über Multilok</source>
        <translation>About Multilok</translation>
    </message>
    <message>
        <source>&lt;b&gt;Multilok Desktop %1&lt;/b&gt;&lt;p&gt;Vernetzungstreffen, Adressbuch, Maßnahmen und Protokolle für die Koordinationsstelle Multilokalität.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Multilok Desktop %1&lt;/b&gt;&lt;p&gt;Networking meetings, address book, measures and minutes for the coordination office for multilocality.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MeasureBoard</name>
    <message>
        <source>Projektträger: %1</source>
        <translation>Project lead: %1</translation>
    </message>
    <message>
        <source>Fortschritt %1 % · Ampel: %2</source>
        <translation>Progress %1 % · Traffic light: %2</translation>
    </message>
    <message>
        <source>(überfällig)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>Zieltermin: %1</source>
        <translation>Target date: %1</translation>
    </message>
    <message>
        <source>Karte verschieben: ziehen oder Strg+← / Strg+→ · Spalte wechseln: ← / → · Öffnen: Eingabetaste oder Doppelklick</source>
        <translation>Move card: drag or Ctrl+← / Ctrl+→ · Change column: ← / → · Open: Enter or double-click</translation>
    </message>
    <message>
        <source>Die Karte steht schon in der ersten Spalte.</source>
        <translation>The card is already in the first column.</translation>
    </message>
    <message>
        <source>Die Karte steht schon in der letzten Spalte.</source>
        <translation>The card is already in the last column.</translation>
    </message>
    <message>
        <source>Status nicht geändert</source>
        <translation>Status not changed</translation>
    </message>
    <message>
        <source>„%1“ → %2 (vom Filter jetzt ausgeblendet)</source>
        <translation>“%1” → %2 (now hidden by the filter)</translation>
    </message>
    <message>
        <source>„%1“ bleibt bei „%3“: der Status folgt den Teilmaßnahmen.</source>
        <translation>“%1” stays at “%3”: the status follows the sub-measures.</translation>
    </message>
    <message>
        <source>„%1“ → %2</source>
        <translation>“%1” → %2</translation>
    </message>
</context>
<context>
    <name>MeasureDetailPane</name>
    <message>
        <source>hoch</source>
        <translation>high</translation>
    </message>
    <message>
        <source>mittel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>niedrig</source>
        <translation>low</translation>
    </message>
    <message>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>%1 entfernt</source>
        <translation>%1 removed</translation>
    </message>
    <message>
        <source>Treffen %1</source>
        <translation>Meeting %1</translation>
    </message>
    <message>
        <source>im Treffen %1</source>
        <translation>in the meeting %1</translation>
    </message>
    <message>
        <source>ab %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>bis %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ampel</source>
        <translation>Traffic light</translation>
    </message>
    <message>
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Priorität</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Projektträger</source>
        <translation>Project lead</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Handlungsfelder</source>
        <translation>Fields of action</translation>
    </message>
    <message>
        <source>Zielgruppen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Räumliche Ebene</source>
        <translation>Spatial level</translation>
    </message>
    <message>
        <source>Projektart</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>Sowieso-Themen</source>
        <translation>Ongoing topics</translation>
    </message>
    <message>
        <source>Teil von</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>Entstanden in</source>
        <translation>Originated in</translation>
    </message>
    <message>
        <source>ohne Status</source>
        <translation>no status</translation>
    </message>
    <message>
        <source>Teilmaßnahmen (%1)</source>
        <translation>Sub-measures (%1)</translation>
    </message>
    <message>
        <source>Besprochen in</source>
        <translation>Discussed in</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Noch keine Änderungen.</source>
        <translation>No changes yet.</translation>
    </message>
    <message>
        <source>(aus: %1)</source>
        <translation>(from: %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nächste Schritte&lt;/b&gt;</source>
        <translation>&lt;b&gt;Next steps&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Schritt &amp;hinzufügen …</source>
        <translation>&amp;Add step …</translation>
    </message>
    <message>
        <source>Nächsten Schritt hinzufügen (Alt+A)</source>
        <translation>Add next step (Alt+A)</translation>
    </message>
    <message>
        <source>Bearbeiten …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Keine Maßnahme ausgewählt.</source>
        <translation>No measure selected.</translation>
    </message>
    <message>
        <source>Abhaken, wenn erledigt</source>
        <translation>Tick when done</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nächste Schritte&lt;/b&gt; (%1 offen)</source>
        <translation>&lt;b&gt;Next steps&lt;/b&gt; (%1 open)</translation>
    </message>
    <message>
        <source>Diese Maßnahme wurde inzwischen gelöscht.</source>
        <translation>This measure has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Nächster Schritt hinzugefügt.</source>
        <translation>Next step added.</translation>
    </message>
    <message>
        <source>Aufgabe aus dem Protokoll</source>
        <translation>Action item from the minutes</translation>
    </message>
    <message>
        <source>Diese Aufgabe stammt aus dem Protokoll „%1“ und wird dort bearbeitet. Abhaken geht auch hier.</source>
        <translation>This action item comes from the minutes “%1” and is edited there. It can be ticked off here too.</translation>
    </message>
    <message>
        <source>Nächster Schritt geändert.</source>
        <translation>Next step changed.</translation>
    </message>
    <message>
        <source>Schritt entfernen</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <source>„%1“ entfernen?</source>
        <translation>Remove “%1”?</translation>
    </message>
    <message>
        <source>Nächster Schritt entfernt.</source>
        <translation>Next step removed.</translation>
    </message>
    <message>
        <source>Schritt erledigt.</source>
        <translation>Step done.</translation>
    </message>
    <message>
        <source>Schritt wieder offen.</source>
        <translation>Step open again.</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>hoch</source>
        <translation>high</translation>
    </message>
    <message>
        <source>mittel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>niedrig</source>
        <translation>low</translation>
    </message>
    <message>
        <source>Maßnahme bearbeiten – %1</source>
        <translation>Edit measure – %1</translation>
    </message>
    <message>
        <source>Neue Maßnahme</source>
        <translation>New measure</translation>
    </message>
    <message>
        <source>&amp;Allgemein</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Einordnung</source>
        <translation>&amp;Classification</translation>
    </message>
    <message>
        <source>&amp;Beteiligte</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Termine &amp;&amp; Stand</source>
        <translation>&amp;Dates &amp;&amp; status</translation>
    </message>
    <message>
        <source>Be&amp;züge</source>
        <translation>Re&amp;lations</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>(gelöscht)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>– ohne Status –</source>
        <translation>– no status –</translation>
    </message>
    <message>
        <source>aus einer Planungskarte</source>
        <translation>from a planning card</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>A&amp;rt</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Priorität</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>Beschrei&amp;bung</source>
        <translation>Descri&amp;ption</translation>
    </message>
    <message>
        <source>Planungskarte</source>
        <translation>Planning card</translation>
    </message>
    <message>
        <source>&amp;Strategie</source>
        <translation>&amp;Strategy</translation>
    </message>
    <message>
        <source>&amp;Räumliche Ebene</source>
        <translation>Spatial &amp;level</translation>
    </message>
    <message>
        <source>&amp;Projektart</source>
        <translation>&amp;Project type</translation>
    </message>
    <message>
        <source>&amp;Zielgruppen</source>
        <translation>&amp;Target groups</translation>
    </message>
    <message>
        <source>&amp;Handlungsfelder</source>
        <translation>&amp;Fields of action</translation>
    </message>
    <message>
        <source>S&amp;owieso anstehende Themen</source>
        <translation>&amp;Upcoming topics anyway</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Partner &amp;hinzufügen …</source>
        <translation>&amp;Add partner …</translation>
    </message>
    <message>
        <source>Partner e&amp;ntfernen</source>
        <translation>Re&amp;move partner</translation>
    </message>
    <message>
        <source>Projektträger</source>
        <translation>Project lead</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Projektpartner (Rolle in der zweiten Spalte eintragen)</source>
        <translation>Project partners (enter the role in the second column)</translation>
    </message>
    <message>
        <source>Auswählen …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>ab</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Warum verzögert oder blockiert?</source>
        <translation>Why delayed or blocked?</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Zieltermin</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>&amp;Fortschritt</source>
        <translation>&amp;Progress</translation>
    </message>
    <message>
        <source>Ampel</source>
        <translation>Traffic light</translation>
    </message>
    <message>
        <source>&amp;Grund</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>&amp;Hinzufügen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>E&amp;ntfernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Teil von</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>Ent&amp;standen in</source>
        <translation>&amp;Originated in</translation>
    </message>
    <message>
        <source>Besprochen in diesen Treffen</source>
        <translation>Discussed in these meetings</translation>
    </message>
    <message>
        <source>Treffen %1</source>
        <translation>Meeting %1</translation>
    </message>
    <message>
        <source>– (eigenständig)</source>
        <translation>– (independent)</translation>
    </message>
    <message>
        <source>Projektpartner</source>
        <translation>Project partners</translation>
    </message>
</context>
<context>
    <name>MeasureOverview</name>
    <message>
        <source>seit 1 Tag</source>
        <translation>for 1 day</translation>
    </message>
    <message>
        <source>seit %1 Tagen</source>
        <translation>for %1 days</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>umgesetzt</source>
        <translation>implemented</translation>
    </message>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Aufgaben überfällig</source>
        <translation>Overdue action items</translation>
    </message>
    <message>
        <source>verzögert oder blockiert</source>
        <translation>delayed or blocked</translation>
    </message>
    <message>
        <source>Stillstand &gt; 6 Monate</source>
        <translation>stalled &gt; 6 months</translation>
    </message>
    <message>
        <source>Maßnahmen nach Status</source>
        <translation>Measures by status</translation>
    </message>
    <message>
        <source>Maßnahmen nach Handlungsfeld</source>
        <translation>Measures by field of action</translation>
    </message>
    <message>
        <source>Ampel der offenen Maßnahmen</source>
        <translation>Traffic light of the open measures</translation>
    </message>
    <message>
        <source>Nach Status</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>Nach Handlungsfeld</source>
        <translation>By field of action</translation>
    </message>
    <message>
        <source>Nach Kommune (Träger oder Partner)</source>
        <translation>By municipality (lead or partner)</translation>
    </message>
    <message>
        <source>Überfällig</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Stillstand seit über 6 Monaten</source>
        <translation>Stalled for more than 6 months</translation>
    </message>
    <message>
        <source>%1 überfällig</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>(Ziel %1)</source>
        <translation>(target %1)</translation>
    </message>
    <message>
        <source>fällig %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>zu %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>Keine überfälligen Maßnahmen.</source>
        <translation>No overdue measures.</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>letzte Änderung %1 (%2)</source>
        <translation>last changed %1 (%2)</translation>
    </message>
    <message>
        <source>Keine: jede offene Maßnahme hat sich bewegt.</source>
        <translation>None: every open measure has moved.</translation>
    </message>
    <message>
        <source>… und %1 weitere</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>MeasurePickDialog</name>
    <message>
        <source>Maßnahme wählen</source>
        <translation>Choose measure</translation>
    </message>
    <message>
        <source>Wählen</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>MeasurePicker</name>
    <message>
        <source>Titel oder Kartennummer eingeben …</source>
        <translation>Enter title or card number …</translation>
    </message>
</context>
<context>
    <name>MeasuresTableModel</name>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Teilmaßnahme: %1</source>
        <translation>Sub-measure: %1</translation>
    </message>
</context>
<context>
    <name>MeasuresView</name>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Neu aus Planungskarte …</source>
        <translation>New from planning card …</translation>
    </message>
    <message>
        <source>Exportieren …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Umsetzungsstand …</source>
        <translation>Implementation status …</translation>
    </message>
    <message>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Tabelle</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <source>T&amp;afel</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>Überbl&amp;ick</source>
        <translation>Overv&amp;iew</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Umsetzungsstand gespeichert: %1</source>
        <translation>Implementation status saved: %1</translation>
    </message>
    <message>
        <source>Diese Maßnahme wurde inzwischen gelöscht.</source>
        <translation>This measure has been deleted in the meantime.</translation>
    </message>
    <message>
        <source>Maßnahme angelegt.</source>
        <translation>Measure created.</translation>
    </message>
    <message>
        <source>Maßnahme</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Maßnahme gespeichert.</source>
        <translation>Measure saved.</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Die Maßnahme „%1“ endgültig löschen?</source>
        <translation>Delete the measure “%1” permanently?</translation>
    </message>
    <message>
        <source>Ihre %1 Teilmaßnahme(n) bleiben als eigenständige Maßnahmen erhalten.</source>
        <translation>Its %1 sub-measure(s) are kept as independent measures.</translation>
    </message>
    <message>
        <source>Maßnahme löschen</source>
        <translation>Delete measure</translation>
    </message>
    <message>
        <source>„%1“ gelöscht.</source>
        <translation>“%1” deleted.</translation>
    </message>
    <message>
        <source>Keine Maßnahme passt zu den Filtern.</source>
        <translation>No measure matches the filters.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Neues Treffen</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Treffen bearbeiten</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>durch Komma getrennt, z. B. Wohnraum auf Zeit, Kinderbetreuung</source>
        <translation>separated by commas, e.g. temporary housing, childcare</translation>
    </message>
    <message>
        <source>von</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Uhr</source>
        <translation>o&apos;clock</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Ort</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Schwer&amp;punkte</source>
        <translation>&amp;Focus topics</translation>
    </message>
    <message>
        <source>&amp;Notizen</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>TOP &amp;hinzufügen</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <source>TOP ent&amp;fernen</source>
        <translation>&amp;Remove item</translation>
    </message>
    <message>
        <source>Nach oben (Alt+↑)</source>
        <translation>Up (Alt+↑)</translation>
    </message>
    <message>
        <source>Nach unten (Alt+↓)</source>
        <translation>Down (Alt+↓)</translation>
    </message>
    <message>
        <source>&amp;Allgemein</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>Ta&amp;gesordnung</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>&amp;Einladungen</source>
        <translation>&amp;Invitations</translation>
    </message>
    <message>
        <source>Nach dem Speichern des Treffens können Sie hier einladen.</source>
        <translation>You can send invitations here once the meeting has been saved.</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vernetzungstreffen Multilokalität</source>
        <translation>Networking meeting on multilocality</translation>
    </message>
    <message>
        <source>Das Ende liegt vor dem Beginn.</source>
        <translation>The end is before the start.</translation>
    </message>
    <message>
        <source>Neuer Tagesordnungspunkt</source>
        <translation>New agenda item</translation>
    </message>
    <message>
        <source>TOP entfernen</source>
        <translation>Remove agenda item</translation>
    </message>
    <message>
        <source>„%1“ mit allen Notizen, Ergebnissen und Aufgaben dazu entfernen (beim Speichern)?</source>
        <translation>Remove “%1” with all its notes, results and action items (when saving)?</translation>
    </message>
    <message>
        <source>geplant: %1 Min. von %2 Min.</source>
        <translation>planned: %1 min. of %2 min.</translation>
    </message>
    <message>
        <source>Treffen einer Reihe ändern</source>
        <translation>Change a meeting of a series</translation>
    </message>
    <message>
        <source>Dieses Treffen gehört zu einer Treffenreihe. Was soll geändert werden?</source>
        <translation>This meeting belongs to a meeting series. What should be changed?</translation>
    </message>
    <message>
        <source>Nur dieses Treffen</source>
        <translation>Only this meeting</translation>
    </message>
    <message>
        <source>Dieses und alle folgenden</source>
        <translation>This and all following</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Treffen nicht gespeichert</source>
        <translation>Meeting not saved</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Personen zusammenführen</source>
        <translation>Merge people</translation>
    </message>
    <message>
        <source>Beide Einträge werden zu einem. Der behaltene Eintrag bekommt alle Zugehörigkeiten, Verteiler, Einladungen, Anwesenheiten und Aufgaben des anderen; leere Felder werden aus dem anderen Eintrag ergänzt. Das lässt sich nicht rückgängig machen.</source>
        <translation>Both entries become one. The entry kept receives all memberships, distribution lists, invitations, attendances and action items of the other; empty fields are filled from the other entry. This cannot be undone.</translation>
    </message>
    <message>
        <source>Diesen Eintrag behalten</source>
        <translation>Keep this entry</translation>
    </message>
    <message>
        <source>Zusammenführen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Nicht zusammengeführt</source>
        <translation>Not merged</translation>
    </message>
</context>
<context>
    <name>MinutesWindow</name>
    <message>
        <source>Sitzungsmodus – %1</source>
        <translation>Meeting mode – %1</translation>
    </message>
    <message>
        <source>Leitung:</source>
        <translation>Chair:</translation>
    </message>
    <message>
        <source>Protokoll:</source>
        <translation>Minute-taker:</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Anwesenheit</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up items</translation>
    </message>
    <message>
        <source>&amp;Information</source>
        <translation>&amp;Information</translation>
    </message>
    <message>
        <source>&amp;Vereinbarung</source>
        <translation>&amp;Agreement</translation>
    </message>
    <message>
        <source>&amp;Beschluss</source>
        <translation>&amp;Decision</translation>
    </message>
    <message>
        <source>&amp;Aufgabe</source>
        <translation>&amp;Action item</translation>
    </message>
    <message>
        <source>Als &amp;Maßnahme …</source>
        <translation>As &amp;measure …</translation>
    </message>
    <message>
        <source>Ein&amp;wand zum letzten Protokoll</source>
        <translation>&amp;Objection to the last minutes</translation>
    </message>
    <message>
        <source>Ergebnisse</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Das Protokoll ist genehmigt und gesperrt – nur lesen. Änderungen über „Korrektur …“ in der Protokollübersicht.</source>
        <translation>The minutes are approved and locked – read only. Changes via “Correction …” in the minutes overview.</translation>
    </message>
    <message>
        <source> (nicht öffentlich)</source>
        <translation> (not public)</translation>
    </message>
    <message>
        <source>Die Tagesordnung ist leer – mit Strg+Umschalt+N einen TOP anlegen.</source>
        <translation>The agenda is empty – create an item with Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>Vortrag: %1</source>
        <translation>Presenter: %1</translation>
    </message>
    <message>
        <source>Maßnahme: %1</source>
        <translation>Measure: %1</translation>
    </message>
    <message>
        <source>ungespeicherte Änderung …</source>
        <translation>unsaved change …</translation>
    </message>
    <message>
        <source>gespeichert</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>Sitzungsmodus</source>
        <translation>Meeting mode</translation>
    </message>
    <message>
        <source>gespeichert vor %1 s</source>
        <translation>saved %1 s ago</translation>
    </message>
    <message>
        <source>Erst ein Ergebnis erfassen (Alt+I, Alt+V oder Alt+B).</source>
        <translation>Record a result first (Alt+I, Alt+V or Alt+B).</translation>
    </message>
    <message>
        <source>Maßnahme übernommen.</source>
        <translation>Measure taken over.</translation>
    </message>
    <message>
        <source>Einwand zum Protokoll der letzten Sitzung</source>
        <translation>Objection to the minutes of the last meeting</translation>
    </message>
    <message>
        <source>Einwand:</source>
        <translation>Objection:</translation>
    </message>
    <message>
        <source>Ungeplanter TOP</source>
        <translation>Unplanned agenda item</translation>
    </message>
    <message>
        <source>Thema:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Die letzten Notizen ließen sich nicht speichern. Trotzdem schließen?</source>
        <translation>The last notes could not be saved. Close anyway?</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <source>Alle (keine Einschränkung)</source>
        <translation>All (no restriction)</translation>
    </message>
    <message>
        <source>%1: alle</source>
        <translation>%1: all</translation>
    </message>
</context>
<context>
    <name>MunicipalityModel</name>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>als Träger</source>
        <translation>as lead</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Neue Organisation</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <source>Organisation bearbeiten</source>
        <translation>Edit organisation</translation>
    </message>
    <message>
        <source>— bitte wählen —</source>
        <translation>— please choose —</translation>
    </message>
    <message>
        <source>durch Komma getrennt</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Straße</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>PLZ, &amp;Ort</source>
        <translation>Postcode, &amp;town</translation>
    </message>
    <message>
        <source>Tele&amp;fon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;E-Mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Webseite</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Schlag&amp;worte</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Noti&amp;zen</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Organisation nicht gespeichert</source>
        <translation>Organisation not saved</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>mit Abstimmung</source>
        <translation>with vote</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Enthaltung</source>
        <translation>Abstention</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Stimmen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>OutcomeMeasureDialog</name>
    <message>
        <source>Ergebnis als Maßnahme</source>
        <translation>Result as a measure</translation>
    </message>
    <message>
        <source>&amp;Neue Maßnahme anlegen</source>
        <translation>Create a &amp;new measure</translation>
    </message>
    <message>
        <source>&amp;Bestehende Maßnahme fortschreiben</source>
        <translation>Update an &amp;existing measure</translation>
    </message>
    <message>
        <source>– noch offen –</source>
        <translation>– still open –</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Projektträger</source>
        <translation>&amp;Project lead</translation>
    </message>
    <message>
        <source>&amp;Handlungsfelder</source>
        <translation>&amp;Fields of action</translation>
    </message>
    <message>
        <source>&amp;Zielgruppen</source>
        <translation>&amp;Target groups</translation>
    </message>
    <message>
        <source>unverändert</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>z. B. was vereinbart wurde (freiwillig)</source>
        <translation>e.g. what was agreed (optional)</translation>
    </message>
    <message>
        <source>&amp;Maßnahme</source>
        <translation>&amp;Measure</translation>
    </message>
    <message>
        <source>Neuer &amp;Status</source>
        <translation>New &amp;status</translation>
    </message>
    <message>
        <source>&amp;Fortschritt</source>
        <translation>&amp;Progress</translation>
    </message>
    <message>
        <source>N&amp;otiz</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Ergebnis:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Bitte eine Maßnahme suchen und auswählen.</source>
        <translation>Please search for and select a measure.</translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <source>Sitzungspaket einlesen</source>
        <translation>Import meeting package</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>laptop</translation>
    </message>
    <message>
        <source>Büro</source>
        <translation>office</translation>
    </message>
    <message>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Was geschah</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Welche Fassung gilt</source>
        <translation>Which version applies</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>%1-Fassung behalten</source>
        <translation>Keep the %1 version</translation>
    </message>
    <message>
        <source>%1-Fassung übernehmen</source>
        <translation>Take the %1 version</translation>
    </message>
    <message>
        <source>Wahl für %1</source>
        <translation>Choice for %1</translation>
    </message>
    <message>
        <source>Beide Fassungen</source>
        <translation>Both versions</translation>
    </message>
    <message>
        <source>Beide Fassungen des gewählten Eintrags:</source>
        <translation>Both versions of the selected entry:</translation>
    </message>
    <message>
        <source>Alle: %1-Fassung &amp;behalten</source>
        <translation>All: &amp;keep the %1 version</translation>
    </message>
    <message>
        <source>Alle: %1-Fassung ü&amp;bernehmen</source>
        <translation>All: &amp;take the %1 version</translation>
    </message>
    <message>
        <source>&amp;Einlesen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Das Treffen &lt;b&gt;%1&lt;/b&gt; wird in dieser Datenbank als Kopie zum Protokollieren angelegt, mit Tagesordnung, Eingeladenen und Wiedervorlage.</source>
        <translation>The meeting &lt;b&gt;%1&lt;/b&gt; is created in this database as a copy for minute-taking, with agenda, invitees and follow-up items.</translation>
    </message>
    <message>
        <source>Das Protokoll von &lt;b&gt;%1&lt;/b&gt; wird übernommen: %2 Einträge neu, %3 geändert, %4 gelöscht.</source>
        <translation>The minutes of &lt;b&gt;%1&lt;/b&gt; are taken over: %2 entries new, %3 changed, %4 deleted.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ein Eintrag wurde hier und im Sitzungspaket geändert.&lt;/b&gt; Nichts wird überschrieben, bevor Sie gewählt haben, welche Fassung gilt.</source>
        <translation>&lt;b&gt;One entry was changed both here and in the meeting package.&lt;/b&gt; Nothing is overwritten before you have chosen which version applies.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 Einträge wurden hier und im Sitzungspaket geändert.&lt;/b&gt; Nichts wird überschrieben, bevor Sie je Eintrag gewählt haben, welche Fassung gilt.</source>
        <translation>&lt;b&gt;%1 entries were changed both here and in the meeting package.&lt;/b&gt; Nothing is overwritten before you have chosen for each entry which version applies.</translation>
    </message>
    <message>
        <source>%1 und %2: beide eingetragen</source>
        <translation>%1 and %2: both entered</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>%1 und %2: beide geändert</source>
        <translation>%1 and %2: both changed</translation>
    </message>
    <message>
        <source>%1: gelöscht, %2: geändert</source>
        <translation>%1: deleted, %2: changed</translation>
    </message>
    <message>
        <source>%1: geändert, %2: gelöscht</source>
        <translation>%1: changed, %2: deleted</translation>
    </message>
</context>
<context>
    <name>ParentPickerDialog</name>
    <message>
        <source>Übergeordnete Maßnahme wählen</source>
        <translation>Choose parent measure</translation>
    </message>
    <message>
        <source>Titel suchen …</source>
        <translation>Search title …</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Neue Person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Person bearbeiten</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>z. B. Dr.</source>
        <translation>e.g. Dr.</translation>
    </message>
    <message>
        <source>durch Komma getrennt, z. B. Presse, Pendlerinitiative</source>
        <translation>separated by commas, e.g. press, commuter initiative</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Anrede</source>
        <translation>&amp;Salutation</translation>
    </message>
    <message>
        <source>&amp;Vorname</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>&amp;Nachname</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>&amp;Funktion</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>&amp;E-Mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Mobil</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Tele&amp;fon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;Straße</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>PLZ, &amp;Ort</source>
        <translation>Postcode, &amp;town</translation>
    </message>
    <message>
        <source>Schlag&amp;worte</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Noti&amp;zen</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ressort</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>von</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Haupt</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Organisation &amp;hinzufügen …</source>
        <translation>&amp;Add organisation …</translation>
    </message>
    <message>
        <source>Ent&amp;fernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Zugehörigkeit zu Organisationen</source>
        <translation>Memberships of organisations</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Datenschutz</source>
        <translation>&amp;Privacy</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Möglicherweise schon vorhanden: </source>
        <translation>Possibly already present: </translation>
    </message>
    <message>
        <source>Person nicht gespeichert</source>
        <translation>Person not saved</translation>
    </message>
    <message>
        <source>Mögliche Dublette</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Diese Person gibt es möglicherweise schon:</source>
        <translation>This person may already exist:</translation>
    </message>
    <message>
        <source>Trotzdem speichern</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PickerDialog</name>
    <message>
        <source>Suchen …</source>
        <translation>Search …</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>&amp;Neu …</source>
        <translation>&amp;New …</translation>
    </message>
    <message numerus="yes">
        <source>%n Treffer</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Druckvorschau</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>PrivacyReviewDialog</name>
    <message>
        <source>Datenschutz-Prüfung</source>
        <translation>Privacy review</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>fällig seit</source>
        <translation>due since</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Person &amp;öffnen</source>
        <translation>&amp;Open person</translation>
    </message>
    <message>
        <source>sofort</source>
        <translation>immediately</translation>
    </message>
    <message>
        <source>%1 Person(en) brauchen eine Entscheidung: Daten löschen (Art. 17), Einwilligung einholen oder ein neues Prüfdatum setzen.</source>
        <translation>%1 person(s) need a decision: erase the data (Art. 17), obtain consent or set a new review date.</translation>
    </message>
    <message>
        <source>Niemand ist fällig: keine Prüfung fällig, keine Einwilligung offen.</source>
        <translation>Nobody is due: no review due, no consent outstanding.</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Zweck</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Textfassung</source>
        <translation>Text version</translation>
    </message>
    <message>
        <source>nicht erfasst</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>z. B. Visitenkarte beim 6. Vernetzungstreffen, Meldung der Gemeinde</source>
        <translation>e.g. business card at the 6th networking meeting, report from the municipality</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>&amp;Rechtsgrundlage</source>
        <translation>&amp;Legal basis</translation>
    </message>
    <message>
        <source>&amp;Herkunft der Daten</source>
        <translation>&amp;Source of the data</translation>
    </message>
    <message>
        <source>Teil&amp;nahmen</source>
        <translation>&amp;Attendances</translation>
    </message>
    <message>
        <source>Prüfen bis: &amp;Kontaktdaten</source>
        <translation>Review by: &amp;contact data</translation>
    </message>
    <message>
        <source>Zum Prüfdatum erscheint die Person in der Datenschutz-Prüfung: Daten, die nicht mehr gebraucht werden, löschen oder ein neues Datum setzen.</source>
        <translation>On the review date the person appears in the privacy review: erase data that is no longer needed or set a new date.</translation>
    </message>
    <message>
        <source>Einwilligung &amp;erfassen …</source>
        <translation>&amp;Record consent …</translation>
    </message>
    <message>
        <source>Einwilligung &amp;widerrufen</source>
        <translation>&amp;Withdraw consent</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Einwilligung liegt vor (seit %1).</source>
        <translation>Consent given (since %1).</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen am %1.</source>
        <translation>Consent withdrawn on %1.</translation>
    </message>
    <message>
        <source>Keine Einwilligung erfasst.</source>
        <translation>No consent recorded.</translation>
    </message>
    <message>
        <source>Wird mit der Person gespeichert.</source>
        <translation>Saved with the person.</translation>
    </message>
    <message>
        <source>Einwilligung nicht erfasst</source>
        <translation>Consent not recorded</translation>
    </message>
    <message>
        <source>Nicht widerrufen</source>
        <translation>Not withdrawn</translation>
    </message>
</context>
<context>
    <name>ProtocolsView</name>
    <message>
        <source>In allen Protokollen suchen, z. B. „Kinderbetreuung“ … (Strg+F)</source>
        <translation>Search all minutes, e.g. “childcare” … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Reihe:</source>
        <translation>Series:</translation>
    </message>
    <message>
        <source>Jahr:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Treffen</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Protokoll</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <source>offene Aufgaben</source>
        <translation>open action items</translation>
    </message>
    <message>
        <source>Protokolle</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Sitzungsmodus</source>
        <translation>Meeting mode</translation>
    </message>
    <message>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <source>PDF für Verteiler …</source>
        <translation>PDF for distribution …</translation>
    </message>
    <message>
        <source>PDF/A (Archiv) …</source>
        <translation>PDF/A (archive) …</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Zur Abstimmung versendet</source>
        <translation>Sent for approval</translation>
    </message>
    <message>
        <source>Genehmigen …</source>
        <translation>Approve …</translation>
    </message>
    <message>
        <source>Korrektur …</source>
        <translation>Correction …</translation>
    </message>
    <message>
        <source>Anlage hinzufügen …</source>
        <translation>Add attachment …</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>noch keins</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Keine Treffer.</source>
        <translation>No matches.</translation>
    </message>
    <message>
        <source>Protokoll: %1 · Revision %2</source>
        <translation>Minutes: %1 · revision %2</translation>
    </message>
    <message>
        <source>genehmigt am %1</source>
        <translation>approved on %1</translation>
    </message>
    <message>
        <source>Sitzungsleitung: %1</source>
        <translation>Chair: %1</translation>
    </message>
    <message>
        <source>Protokollführung: %1</source>
        <translation>Minute-taker: %1</translation>
    </message>
    <message>
        <source>Anwesend: %1 · TOPs: %2</source>
        <translation>Present: %1 · items: %2</translation>
    </message>
    <message>
        <source>Anlage %1: %2</source>
        <translation>Attachment %1: %2</translation>
    </message>
    <message>
        <source>Frühere Revisionen:</source>
        <translation>Earlier revisions:</translation>
    </message>
    <message>
        <source>Protokoll speichern</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Protokoll gespeichert: %1</source>
        <translation>Minutes saved: %1</translation>
    </message>
    <message>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Protokoll als zur Abstimmung versendet markiert.</source>
        <translation>Minutes marked as sent for approval.</translation>
    </message>
    <message>
        <source>Protokoll genehmigt und gesperrt.</source>
        <translation>Minutes approved and locked.</translation>
    </message>
    <message>
        <source>Korrektur</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Grund der Korrektur (wird mit der alten Revision aufbewahrt):</source>
        <translation>Reason for the correction (kept with the old revision):</translation>
    </message>
    <message>
        <source>Neue Revision angelegt; das Protokoll ist wieder bearbeitbar.</source>
        <translation>New revision created; the minutes can be edited again.</translation>
    </message>
    <message>
        <source>Anlage hinzufügen</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Anlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Anlage hinzugefügt.</source>
        <translation>Attachment added.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Wählen Sie den Stand, zu dem Multilok zurückkehren soll. Der jetzige Stand wird vorher gesichert und geht nicht verloren.</source>
        <translation>Choose the state Multilok should return to. The current state is backed up first and is not lost.</translation>
    </message>
    <message>
        <source>Gesichert am</source>
        <translation>Backed up on</translation>
    </message>
    <message>
        <source>Größe</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>In den Sicherungsordnern liegt noch keine Sicherung.</source>
        <translation>There is no backup in the backup folders yet.</translation>
    </message>
    <message>
        <source>&amp;Wiederherstellen …</source>
        <translation>&amp;Restore …</translation>
    </message>
    <message>
        <source>Andere &amp;Datei …</source>
        <translation>Other &amp;file …</translation>
    </message>
    <message>
        <source>Sicherung auswählen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <source>Multilok-Datenbank (*.sqlite *.db);;Alle Dateien (*)</source>
        <translation>Multilok database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Den gesicherten Stand (%1) wiederherstellen?

Änderungen seit dieser Sicherung sind danach nicht mehr zu sehen. Der jetzige Stand wird vorher gesichert und lässt sich ebenso zurückholen.</source>
        <translation>Restore the backed-up state (%1)?

Changes made since this backup will no longer be visible. The current state is backed up first and can be restored in the same way.</translation>
    </message>
    <message>
        <source>Datenbank lässt sich nicht öffnen</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Neueste fehlerfreie Sicherung: %1. Multilok kann sie wiederherstellen; die jetzige Datei bleibt dabei unverändert als „…beschädigt-…“ daneben erhalten.</source>
        <translation>Latest intact backup: %1. Multilok can restore it; the current file is kept unchanged next to it as “…beschädigt-…”.</translation>
    </message>
    <message>
        <source>In den Sicherungsordnern gibt es keine fehlerfreie Sicherung. Sie können eine Sicherungsdatei auswählen, z. B. von einem Netzlaufwerk oder USB-Stick; die jetzige Datei bleibt erhalten.</source>
        <translation>There is no intact backup in the backup folders. You can choose a backup file, e.g. from a network drive or USB stick; the current file is kept.</translation>
    </message>
    <message>
        <source>Andere Sicherung …</source>
        <translation>Other backup …</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Nicht wiederhergestellt</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>Sicherung wiederhergestellt</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Die Sicherung ist wiederhergestellt. Die vorherige Datei ist aufbewahrt unter:
%1</source>
        <translation>The backup has been restored. The previous file is kept at:
%1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Wiedervorlage: offene Aufgaben</source>
        <translation>Follow-up: open action items</translation>
    </message>
    <message>
        <source>Die angehakten Aufgaben kommen als TOP „Wiedervorlage: offene Aufgaben“ auf die Tagesordnung (vor „Verschiedenes“).</source>
        <translation>The ticked action items go on the agenda as the item “Follow-up: open action items” (before “Any other business”).</translation>
    </message>
    <message>
        <source>Auf die Tagesordnung</source>
        <translation>Put on the agenda</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Organisationen</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Treffen</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Protokolle</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Personen, Organisationen, Treffen, Protokolle, Maßnahmen …</source>
        <translation>People, organisations, meetings, minutes, measures …</translation>
    </message>
    <message>
        <source>Tippen zum Suchen · ↑/↓ wählen · Enter öffnen · Esc schließen</source>
        <translation>Type to search · ↑/↓ choose · Enter open · Esc close</translation>
    </message>
    <message>
        <source>Nichts gefunden.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <source>%1 Treffer · ↑/↓ wählen · Enter öffnen · Esc schließen</source>
        <translation>%1 matches · ↑/↓ choose · Enter open · Esc close</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Jan.</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb.</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>März</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr.</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mai</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Aug.</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep.</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt.</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov.</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Dez.</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Montag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Dienstag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Mittwoch</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Donnerstag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Freitag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Samstag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sonntag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>letzten</source>
        <translation>last</translation>
    </message>
    <message>
        <source>jährlich, in den Monaten</source>
        <translation>yearly, in the months</translation>
    </message>
    <message>
        <source>monatlich</source>
        <translation>monthly</translation>
    </message>
    <message>
        <source>wöchentlich</source>
        <translation>weekly</translation>
    </message>
    <message>
        <source>Neue Treffenreihe</source>
        <translation>New meeting series</translation>
    </message>
    <message>
        <source>Treffenreihe bearbeiten</source>
        <translation>Edit meeting series</translation>
    </message>
    <message>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>am</source>
        <translation>on</translation>
    </message>
    <message>
        <source>um</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Uhr, Dauer</source>
        <translation>o&apos;clock, duration</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Rhythmus</source>
        <translation>&amp;Rhythm</translation>
    </message>
    <message>
        <source>Ta&amp;g</source>
        <translation>Da&amp;y</translation>
    </message>
    <message>
        <source>Erster Ter&amp;min</source>
        <translation>First &amp;date</translation>
    </message>
    <message>
        <source>Standard&amp;ort</source>
        <translation>Default &amp;place</translation>
    </message>
    <message>
        <source>&amp;Beschreibung</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Ergibt</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Nächste Termine</source>
        <translation>Next dates</translation>
    </message>
    <message>
        <source>ein Tagesordnungspunkt je Zeile, Minuten nach einem |</source>
        <translation>one agenda item per line, minutes after a |</translation>
    </message>
    <message>
        <source>Mit diesen Tagesordnungspunkten beginnt jedes neue Treffen der Reihe (eine Zeile je TOP, z. B. „Eröffnung und Begrüßung | 5“):</source>
        <translation>Every new meeting of the series starts with these agenda items (one line per item, e.g. “Opening and welcome | 5”):</translation>
    </message>
    <message>
        <source>&amp;Personen …</source>
        <translation>&amp;People …</translation>
    </message>
    <message>
        <source>Or&amp;ganisationen …</source>
        <translation>Or&amp;ganisations …</translation>
    </message>
    <message>
        <source>&amp;Verteiler …</source>
        <translation>&amp;Distribution list …</translation>
    </message>
    <message>
        <source>Entfe&amp;rnen</source>
        <translation>Remo&amp;ve</translation>
    </message>
    <message>
        <source>neu Hinzugefügte nur informieren (nicht einladen)</source>
        <translation>only inform newly added ones (do not invite)</translation>
    </message>
    <message>
        <source>Beteiligte Ressorts</source>
        <translation>Participating departments</translation>
    </message>
    <message>
        <source>Standard-Eingeladene</source>
        <translation>Default invitees</translation>
    </message>
    <message>
        <source>&amp;Allgemein</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Standard-Tagesordnung</source>
        <translation>&amp;Default agenda</translation>
    </message>
    <message>
        <source>Ressorts und &amp;Eingeladene</source>
        <translation>Departments and &amp;invitees</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vernetzungstreffen Multilokalität</source>
        <translation>Networking meeting on multilocality</translation>
    </message>
    <message>
        <source>Verteiler: %1</source>
        <translation>Distribution list: %1</translation>
    </message>
    <message>
        <source>jedes Jahr</source>
        <translation>every year</translation>
    </message>
    <message>
        <source>Jahre</source>
        <translation>years</translation>
    </message>
    <message>
        <source>jeden Monat</source>
        <translation>every month</translation>
    </message>
    <message>
        <source>Monate</source>
        <translation>months</translation>
    </message>
    <message>
        <source>jede Woche</source>
        <translation>every week</translation>
    </message>
    <message>
        <source>Wochen</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>alle </source>
        <translation>all </translation>
    </message>
    <message>
        <source> (informiert)</source>
        <translation> (informed)</translation>
    </message>
    <message>
        <source>Verteiler</source>
        <translation>Distribution list</translation>
    </message>
    <message>
        <source>Verteiler:</source>
        <translation>Distribution list:</translation>
    </message>
    <message>
        <source>Treffenreihe nicht gespeichert</source>
        <translation>Meeting series not saved</translation>
    </message>
</context>
<context>
    <name>SeriesPage</name>
    <message>
        <source>&amp;Neue Reihe …</source>
        <translation>&amp;New series …</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten …</source>
        <translation>&amp;Edit …</translation>
    </message>
    <message>
        <source>Termine &amp;erzeugen …</source>
        <translation>&amp;Generate dates …</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Thema &amp;hinzufügen …</source>
        <translation>&amp;Add topic …</translation>
    </message>
    <message>
        <source>In &amp;Tagesordnung übernehmen …</source>
        <translation>Put on the &amp;agenda …</translation>
    </message>
    <message>
        <source>Ent&amp;fernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Themenspeicher der Reihe</source>
        <translation>Topic backlog of the series</translation>
    </message>
    <message>
        <source>Noch keine Treffenreihe – „Neue Reihe …“ legt eine an.</source>
        <translation>No meeting series yet – “New series …” creates one.</translation>
    </message>
    <message>
        <source>%1 · %2 Treffen · nächster Termin nach der Regel: %3</source>
        <translation>%1 · %2 meetings · next date by the rule: %3</translation>
    </message>
    <message>
        <source>Treffenreihe angelegt. Mit „Termine erzeugen“ entstehen die Treffen.</source>
        <translation>Meeting series created. “Generate dates” creates the meetings.</translation>
    </message>
    <message>
        <source>Treffenreihe gespeichert.</source>
        <translation>Meeting series saved.</translation>
    </message>
    <message>
        <source>Treffenreihe löschen</source>
        <translation>Delete meeting series</translation>
    </message>
    <message>
        <source>Die Reihe „%1“ löschen? Ihre Treffen bleiben als einzelne Treffen erhalten.</source>
        <translation>Delete the series “%1”? Its meetings are kept as single meetings.</translation>
    </message>
    <message>
        <source>Termine erzeugen</source>
        <translation>Generate dates</translation>
    </message>
    <message>
        <source>Treffen der Reihe anlegen bis Ende des Jahres:</source>
        <translation>Create the meetings of the series until the end of the year:</translation>
    </message>
    <message>
        <source>Keine Termine erzeugt</source>
        <translation>No dates generated</translation>
    </message>
    <message>
        <source>%1 neue Treffen angelegt.</source>
        <translation>%1 new meetings created.</translation>
    </message>
    <message>
        <source>Thema nicht gespeichert</source>
        <translation>Topic not saved</translation>
    </message>
    <message>
        <source>Kein Treffen</source>
        <translation>No meeting</translation>
    </message>
    <message>
        <source>Für diese Reihe ist kein Treffen geplant. Erst Termine erzeugen.</source>
        <translation>No meeting is planned for this series. Generate dates first.</translation>
    </message>
    <message>
        <source>In Tagesordnung übernehmen</source>
        <translation>Put on the agenda</translation>
    </message>
    <message>
        <source>Treffen:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>Nicht übernommen</source>
        <translation>Not taken over</translation>
    </message>
    <message>
        <source>Thema steht jetzt auf der Tagesordnung von „%1“.</source>
        <translation>The topic is now on the agenda of “%1”.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Briefkopf</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Datensicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Name, Anschrift und Logo stehen oben auf jedem PDF (Einladung, Teilnehmerliste, Protokoll, Maßnahmenübersicht, Auskunft).</source>
        <translation>Name, address and logo appear at the top of every PDF (invitation, attendance list, minutes, measures overview, access report).</translation>
    </message>
    <message>
        <source>&amp;Name der Koordinationsstelle</source>
        <translation>&amp;Name of the coordination office</translation>
    </message>
    <message>
        <source>&amp;Behörde / Referat</source>
        <translation>&amp;Authority / unit</translation>
    </message>
    <message>
        <source>St&amp;raße</source>
        <translation>St&amp;reet</translation>
    </message>
    <message>
        <source>&amp;PLZ</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>&amp;Ort</source>
        <translation>&amp;Town</translation>
    </message>
    <message>
        <source>&amp;Telefon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;E-Mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Webseite</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Vorschau des Logos</source>
        <translation>Logo preview</translation>
    </message>
    <message>
        <source>&amp;Logo wählen …</source>
        <translation>Choose &amp;logo …</translation>
    </message>
    <message>
        <source>Logo ent&amp;fernen</source>
        <translation>Re&amp;move logo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>PNG oder JPEG, höchstens 1 MB; erscheint rechts oben.</source>
        <translation>PNG or JPEG, at most 1 MB; appears at the top right.</translation>
    </message>
    <message>
        <source>&amp;Bundesland (Feiertage)</source>
        <translation>&amp;Federal state (public holidays)</translation>
    </message>
    <message>
        <source>z. B. Landratsamt, Großer Sitzungssaal</source>
        <translation>e.g. district office, large meeting room</translation>
    </message>
    <message>
        <source>Ort &amp;neuer Treffen</source>
        <translation>Place of &amp;new meetings</translation>
    </message>
    <message>
        <source>Schulferien (für die Warnungen bei der Terminwahl)</source>
        <translation>School holidays (for the warnings when choosing a date)</translation>
    </message>
    <message>
        <source>Schulferien</source>
        <translation>School holidays</translation>
    </message>
    <message>
        <source>z. B. Winterferien 2027</source>
        <translation>e.g. winter holidays 2027</translation>
    </message>
    <message>
        <source>Name der Ferien</source>
        <translation>Name of the holidays</translation>
    </message>
    <message>
        <source>Erster Ferientag</source>
        <translation>First day of the holidays</translation>
    </message>
    <message>
        <source>Letzter Ferientag</source>
        <translation>Last day of the holidays</translation>
    </message>
    <message>
        <source>Ferien &amp;hinzufügen</source>
        <translation>&amp;Add holidays</translation>
    </message>
    <message>
        <source>Ferien en&amp;tfernen</source>
        <translation>Remove holi&amp;days</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Leer lassen für den Standardordner %1. Ein Netzlaufwerk ist möglich; ist es nicht erreichbar, sichert Multilok in den Standardordner.</source>
        <translation>Leave empty for the default folder %1. A network drive is possible; if it cannot be reached, Multilok backs up into the default folder.</translation>
    </message>
    <message>
        <source>Ordner &amp;wählen …</source>
        <translation>&amp;Choose folder …</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>&amp;Default</translation>
    </message>
    <message>
        <source>Automatisch alle 30 Minuten bei Änderungen, vor jedem Import und beim Beenden; aufbewahrt werden alle von heute und je eine pro Tag, Woche und Monat.</source>
        <translation>Automatically every 30 minutes when there are changes, before every import and on exit; all of today are kept, and one per day, week and month.</translation>
    </message>
    <message>
        <source>Sicherungs&amp;ordner</source>
        <translation>Backup &amp;folder</translation>
    </message>
    <message>
        <source>Die Sprache der Oberfläche gilt für Ihr Benutzerkonto und wird beim nächsten Start von Multilok übernommen. Datums- und Zahlenformate folgen der Sprache. Die PDF-Dokumente bleiben deutsch.</source>
        <translation>The interface language applies to your user account and takes effect the next time Multilok starts. Date and number formats follow the language. The PDF documents stay in German.</translation>
    </message>
    <message>
        <source>Sprache der &amp;Oberfläche</source>
        <translation>&amp;Interface language</translation>
    </message>
    <message>
        <source>kein Logo</source>
        <translation>no logo</translation>
    </message>
    <message>
        <source>Logo wählen</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Logo nicht übernommen</source>
        <translation>Logo not taken over</translation>
    </message>
    <message>
        <source>Sicherungsordner wählen</source>
        <translation>Choose backup folder</translation>
    </message>
    <message>
        <source>Ferien nicht gespeichert</source>
        <translation>Holidays not saved</translation>
    </message>
    <message>
        <source>Einstellungen nicht gespeichert</source>
        <translation>Settings not saved</translation>
    </message>
</context>
<context>
    <name>TaxonomyDialog</name>
    <message>
        <source>Wertelisten bearbeiten</source>
        <translation>Edit value lists</translation>
    </message>
    <message>
        <source>&amp;Phase des Status:</source>
        <translation>&amp;Phase of the status:</translation>
    </message>
    <message>
        <source>Die Phase bestimmt, was der Status für Auswertungen bedeutet.</source>
        <translation>The phase determines what the status means for evaluations.</translation>
    </message>
    <message>
        <source>&amp;Neu …</source>
        <translation>&amp;New …</translation>
    </message>
    <message>
        <source>&amp;Umbenennen …</source>
        <translation>&amp;Rename …</translation>
    </message>
    <message>
        <source>Nach &amp;oben</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Nach un&amp;ten</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>&amp;Ausmustern</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Werte</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>  (ausgemustert)</source>
        <translation>  (retired)</translation>
    </message>
    <message>
        <source>&amp;Reaktivieren</source>
        <translation>Re&amp;activate</translation>
    </message>
    <message>
        <source>„%1“ wird %2× verwendet: ausmustern statt löschen.</source>
        <translation>“%1” is used %2×: retire it instead of deleting it.</translation>
    </message>
    <message>
        <source>„%1“ wird nirgends verwendet.</source>
        <translation>“%1” is not used anywhere.</translation>
    </message>
    <message>
        <source>Wertelisten</source>
        <translation>Value lists</translation>
    </message>
    <message>
        <source>Neuer Wert</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Name des neuen Werts:</source>
        <translation>Name of the new value:</translation>
    </message>
    <message>
        <source>Umbenennen</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Neuer Name für „%1“:</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <source>„%1“ wird noch verwendet und kann nur ausgemustert werden.</source>
        <translation>“%1” is still in use and can only be retired.</translation>
    </message>
</context>
<context>
    <name>ToolCardDialog</name>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Räumliche Ebene</source>
        <translation>Spatial level</translation>
    </message>
    <message>
        <source>Projektart</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>Zielgruppen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Handlungsfelder</source>
        <translation>Fields of action</translation>
    </message>
    <message>
        <source>(ausgemustert)</source>
        <translation>(retired)</translation>
    </message>
    <message>
        <source>1 Maßnahme aus dieser Karte angelegt.</source>
        <translation>1 measure created from this card.</translation>
    </message>
    <message>
        <source>%1 Maßnahmen aus dieser Karte angelegt.</source>
        <translation>%1 measures created from this card.</translation>
    </message>
    <message>
        <source>Planungskarte wählen</source>
        <translation>Choose planning card</translation>
    </message>
    <message>
        <source>Planungskarten</source>
        <translation>Planning cards</translation>
    </message>
    <message>
        <source>Karte suchen (Nummer oder Titel) …</source>
        <translation>Search card (number or title) …</translation>
    </message>
    <message>
        <source>&amp;ausgemusterte zeigen</source>
        <translation>show &amp;retired</translation>
    </message>
    <message>
        <source>&amp;Neu …</source>
        <translation>&amp;New …</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten …</source>
        <translation>&amp;Edit …</translation>
    </message>
    <message>
        <source>Aus&amp;mustern</source>
        <translation>Re&amp;tire</translation>
    </message>
    <message>
        <source>Maßnahme aus dieser &amp;Karte anlegen</source>
        <translation>Create a measure from this &amp;card</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>  (ausgemustert)</source>
        <translation>  (retired)</translation>
    </message>
    <message>
        <source>Keine Planungskarte gefunden.</source>
        <translation>No planning card found.</translation>
    </message>
    <message>
        <source>Re&amp;aktivieren</source>
        <translation>Re&amp;activate</translation>
    </message>
</context>
<context>
    <name>ToolCardForm</name>
    <message>
        <source>Planungskarte bearbeiten</source>
        <translation>Edit planning card</translation>
    </message>
    <message>
        <source>Neue Planungskarte</source>
        <translation>New planning card</translation>
    </message>
    <message>
        <source>z. B. W 005</source>
        <translation>e.g. W 005</translation>
    </message>
    <message>
        <source>Der Text der Karte: Ziel, Beschreibung, Umsetzungsschritte …</source>
        <translation>The text of the card: goal, description, implementation steps …</translation>
    </message>
    <message>
        <source>&amp;Nummer</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Kurzbeschreibung</source>
        <translation>&amp;Short description</translation>
    </message>
    <message>
        <source>&amp;Strategie</source>
        <translation>&amp;Strategy</translation>
    </message>
    <message>
        <source>&amp;Räumliche Ebene</source>
        <translation>Spatial &amp;level</translation>
    </message>
    <message>
        <source>&amp;Projektart</source>
        <translation>&amp;Project type</translation>
    </message>
    <message>
        <source>&amp;Zielgruppen</source>
        <translation>&amp;Target groups</translation>
    </message>
    <message>
        <source>&amp;Handlungsfelder</source>
        <translation>&amp;Fields of action</translation>
    </message>
    <message>
        <source>&amp;Volltext</source>
        <translation>&amp;Full text</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Kein Verteiler</source>
        <translation>No distribution list</translation>
    </message>
    <message>
        <source>Es gibt noch keinen Verteiler. Legen Sie unter „Verteiler“ einen an.</source>
        <translation>There is no distribution list yet. Create one under “Distribution lists”.</translation>
    </message>
    <message>
        <source>Zu Verteiler hinzufügen</source>
        <translation>Add to distribution list</translation>
    </message>
    <message>
        <source>Verteiler:</source>
        <translation>Distribution list:</translation>
    </message>
    <message>
        <source>Organisation auswählen</source>
        <translation>Choose organisation</translation>
    </message>
    <message>
        <source>Personen auswählen</source>
        <translation>Choose people</translation>
    </message>
    <message>
        <source>Organisationen auswählen</source>
        <translation>Choose organisations</translation>
    </message>
    <message>
        <source>Auskunft nach Art. 15 DSGVO speichern</source>
        <translation>Save access report (Art. 15 GDPR)</translation>
    </message>
    <message>
        <source>Auskunft nicht gespeichert</source>
        <translation>Access report not saved</translation>
    </message>
    <message>
        <source>Löschen nach Art. 17 DSGVO</source>
        <translation>Erasure under Art. 17 GDPR</translation>
    </message>
    <message>
        <source>Endgültig löschen</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Person auswählen</source>
        <translation>Choose person</translation>
    </message>
</context>
<context>
    <name>self._parent</name>
    <message>
        <source>Auskunft gespeichert: %1</source>
        <translation>Access report saved: %1</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Einwilligung von „%1“ widerrufen (%2 Zweck(e)).</source>
        <translation>Consent of “%1” withdrawn (%2 purpose(s)).</translation>
    </message>
    <message>
        <source>Nicht gelöscht</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Person nach Art. 17 DSGVO gelöscht.</source>
        <translation>Person erased under Art. 17 GDPR.</translation>
    </message>
    <message>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
</context>
</TS>
