<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Browse, edit and expire the web sessions that RediStore and Go&apos;s redistore keep in Redis.</source>
        <translation>Die Web-Sitzungen, die RediStore und Gos redistore in Redis ablegen, durchsuchen, bearbeiten und ablaufen lassen.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The key prefix of the sessions (default session_).</source>
        <translation>Das Schlüsselpräfix der Sitzungen (Standard: session_).</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>präfix</translation>
    </message>
    <message>
        <source>How sessions are stored: datastream, gob, json, or auto to detect (default).</source>
        <translation>Wie die Sitzungen gespeichert sind: datastream, gob, json oder auto zum Erkennen (Standard).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Never write to Redis.</source>
        <translation>Niemals in Redis schreiben.</translation>
    </message>
    <message>
        <source>The language of the window: en, de or fr.</source>
        <translation>Die Sprache des Fensters: en, de oder fr.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>sprache</translation>
    </message>
    <message>
        <source>Connect, show the first session, save a PNG of the window to this file and quit.</source>
        <translation>Verbinden, die erste Sitzung zeigen, ein PNG des Fensters in diese Datei schreiben und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Unknown serializer “%1”: use datastream, gob, json or auto.</source>
        <translation>Unbekannter Serialisierer „%1“: datastream, gob, json oder auto verwenden.</translation>
    </message>
    <message>
        <source>--screenshot needs a URL: --url, --url-file or REDISTORE_URL.</source>
        <translation>--screenshot braucht eine URL: --url, --url-file oder REDISTORE_URL.</translation>
    </message>
    <message>
        <source>Read the URL from this file (“-”: standard input), so that a password stays out of the process list; REDISTORE_URL does the same. --url beats --url-file beats REDISTORE_URL.</source>
        <translation>Die URL aus dieser Datei lesen („-“: Standardeingabe), damit ein Passwort nicht in der Prozessliste steht; REDISTORE_URL leistet dasselbe. --url geht vor --url-file, das vor REDISTORE_URL geht.</translation>
    </message>
    <message>
        <source>Give --url or --url-file, not both.</source>
        <translation>--url oder --url-file angeben, nicht beide.</translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>Connect to this Redis at start: redis://[user:password@]host[:port][/db], rediss://... (TLS, with tls_ca, tls_cert, tls_key, tls_server_name, tls_verify=none parameters), unix:///path/to.sock, a Redis Cluster redis+cluster://host:port[,host:port...] or a master through Sentinel redis+sentinel://host:port[,host:port...]/MASTER[/db][?sentinel_password=...] (rediss+cluster://, rediss+sentinel:// with TLS).</source>
        <translation>Beim Start mit diesem Redis verbinden: redis://[benutzer:passwort@]host[:port][/db], rediss://... (TLS, mit den Parametern tls_ca, tls_cert, tls_key, tls_server_name, tls_verify=none), unix:///pfad/zum.sock, ein Redis Cluster redis+cluster://host:port[,host:port...] oder ein Master über Sentinel redis+sentinel://host:port[,host:port...]/MASTER[/db][?sentinel_password=...] (rediss+cluster://, rediss+sentinel:// mit TLS).</translation>
    </message>
    <message>
        <source>The view to open (and, with --screenshot, to picture): sessions, users or statistics.</source>
        <translation>Die zu öffnende Ansicht (und mit --screenshot die abzubildende): sessions, users oder statistics.</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use en, de or fr.</source>
        <translation>Unbekannte Sprache „%1“: en, de oder fr verwenden.</translation>
    </message>
    <message>
        <source>Unknown view “%1”: use sessions, users or statistics.</source>
        <translation>Unbekannte Ansicht „%1“: sessions, users oder statistics verwenden.</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>the URL names user %1, the user field %2</source>
        <translation>die URL nennt den Benutzer %1, das Benutzerfeld %2</translation>
    </message>
    <message>
        <source>the URL and the password field give different passwords</source>
        <translation>URL und Passwortfeld nennen verschiedene Passwörter</translation>
    </message>
    <message>
        <source>the URL selects database %1, the database field %2</source>
        <translation>die URL wählt Datenbank %1, das Datenbankfeld %2</translation>
    </message>
    <message>
        <source>%1, database %2</source>
        <translation>%1, Datenbank %2</translation>
    </message>
    <message>
        <source>Qt DataStream</source>
        <translation>Qt DataStream</translation>
    </message>
    <message>
        <source>Go gob</source>
        <translation>Go gob</translation>
    </message>
    <message>
        <source>Go JSON</source>
        <translation>Go JSON</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>enter at least one node as host:port</source>
        <translation>mindestens einen Knoten als host:port eingeben</translation>
    </message>
    <message>
        <source>“%1” is not a node address (host:port, [IPv6]:port)</source>
        <translation>„%1“ ist keine Knotenadresse (host:port, [IPv6]:port)</translation>
    </message>
    <message>
        <source>enter a redis://, rediss://, unix://, redis+cluster:// or redis+sentinel:// URL</source>
        <translation>eine redis://-, rediss://-, unix://-, redis+cluster://- oder redis+sentinel://-URL eingeben</translation>
    </message>
    <message>
        <source>enter the name of the master that the sentinels watch</source>
        <translation>den Namen des Masters eingeben, den die Sentinels überwachen</translation>
    </message>
    <message>
        <source>the URL and the sentinel password field give different sentinel passwords</source>
        <translation>die URL und das Feld für das Sentinel-Passwort nennen verschiedene Sentinel-Passwörter</translation>
    </message>
</context>
<context>
    <name>CookieInspector</name>
    <message>
        <source>This cookie is valid for the name “%1”, but the store reads the cookie “%2”: check the session name.</source>
        <translation>Dieses Cookie ist für den Namen „%1“ gültig, der Store liest aber das Cookie „%2“: den Sitzungsnamen prüfen.</translation>
    </message>
    <message>
        <source>Key pair %1: %2</source>
        <translation>Schlüsselpaar %1: %2</translation>
    </message>
    <message>
        <source>The cookie is signed correctly (key pair %1), but holds %2, not a session ID.</source>
        <translation>Das Cookie ist korrekt signiert (Schlüsselpaar %1), enthält aber %2 statt einer Sitzungs-ID.</translation>
    </message>
    <message>
        <source>Valid: signed with key pair %1 of %2 for the cookie “%3”.</source>
        <translation>Gültig: mit Schlüsselpaar %1 von %2 für das Cookie „%3“ signiert.</translation>
    </message>
    <message>
        <source>The signature (MAC) does not match: the cookie was signed with another key or for another cookie name than “%1”, or it was changed.</source>
        <translation>Die Signatur (MAC) passt nicht: Das Cookie wurde mit einem anderen Schlüssel oder für einen anderen Cookie-Namen als „%1“ signiert, oder es wurde verändert.</translation>
    </message>
    <message>
        <source>No key of the ring matches: the signature (MAC) is wrong under all %1 key pairs. The cookie was signed with other keys or for another cookie name than “%2”, or it was changed.</source>
        <translation>Kein Schlüssel des Schlüsselbunds passt: Die Signatur (MAC) ist unter allen %1 Schlüsselpaaren falsch. Das Cookie wurde mit anderen Schlüsseln oder für einen anderen Cookie-Namen als „%2“ signiert, oder es wurde verändert.</translation>
    </message>
    <message>
        <source>Expired: the cookie was signed on %1, more than %2 ago (the maximum age).</source>
        <translation>Abgelaufen: Das Cookie wurde am %1 signiert, vor mehr als %2 (dem Höchstalter).</translation>
    </message>
    <message>
        <source>The cookie was signed too recently to be accepted (minimum age).</source>
        <translation>Das Cookie wurde zu kürzlich signiert, um angenommen zu werden (Mindestalter).</translation>
    </message>
    <message>
        <source>The signature matches, but the value does not decrypt: the block (encryption) key is wrong or missing.</source>
        <translation>Die Signatur passt, aber der Wert lässt sich nicht entschlüsseln: Der Block- (Verschlüsselungs-)Schlüssel ist falsch oder fehlt.</translation>
    </message>
    <message>
        <source>The signature matches, but the value inside is not a session ID: %1</source>
        <translation>Die Signatur passt, aber der enthaltene Wert ist keine Sitzungs-ID: %1</translation>
    </message>
    <message>
        <source>No usable cookie keys: %1. Enter the store&apos;s keys first.</source>
        <translation>Keine brauchbaren Cookie-Schlüssel: %1. Zuerst die Schlüssel des Stores eingeben.</translation>
    </message>
    <message>
        <source>The cookie is longer than the store accepts (%1 characters).</source>
        <translation>Das Cookie ist länger, als der Store annimmt (%1 Zeichen).</translation>
    </message>
    <message>
        <source>This is not a session cookie value: %1</source>
        <translation>Das ist kein Sitzungs-Cookie-Wert: %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>no expiry</source>
        <translation>läuft nicht ab</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n entry(s)}</source>
        <translation>
            <numerusform>{%n Eintrag}</numerusform>
            <numerusform>{%n Einträge}</numerusform>
        </translation>
    </message>
    <message>
        <source>(no values)</source>
        <translation>(keine Werte)</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Redis at %1 refused the connection. Is the server running, and is this the right address and port?</source>
        <translation>Redis unter %1 hat die Verbindung abgelehnt. Läuft der Server, und stimmen Adresse und Port?</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The host may be down, or a firewall drops the connection.</source>
        <translation>Redis unter %1 hat nicht rechtzeitig geantwortet. Der Host ist vielleicht nicht erreichbar, oder eine Firewall verwirft die Verbindung.</translation>
    </message>
    <message>
        <source>The host of %1 could not be found. Check the host name.</source>
        <translation>Der Host von %1 wurde nicht gefunden. Den Hostnamen prüfen.</translation>
    </message>
    <message>
        <source>Redis at %1 requires a password. Enter the password (and the user name, if any) of this server.</source>
        <translation>Redis unter %1 verlangt ein Passwort. Das Passwort (und gegebenenfalls den Benutzernamen) dieses Servers eingeben.</translation>
    </message>
    <message>
        <source>Redis at %1 rejected the user name or password.</source>
        <translation>Redis unter %1 hat Benutzername oder Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>Redis at %1 has no such database. Choose a lower database number.</source>
        <translation>Redis unter %1 hat diese Datenbank nicht. Eine niedrigere Datenbanknummer wählen.</translation>
    </message>
    <message>
        <source>The connection to Redis at %1 was lost.</source>
        <translation>Die Verbindung zu Redis unter %1 ist verloren gegangen.</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The server may be busy or unreachable.</source>
        <translation>Redis unter %1 hat nicht rechtzeitig geantwortet. Der Server ist vielleicht ausgelastet oder nicht erreichbar.</translation>
    </message>
    <message>
        <source>Too many requests are waiting for the connection to %1.</source>
        <translation>Zu viele Anfragen warten auf die Verbindung zu %1.</translation>
    </message>
    <message>
        <source>This Redis user is not allowed to do that: %1</source>
        <translation>Dieser Redis-Benutzer darf das nicht: %1</translation>
    </message>
    <message>
        <source>Redis answered with an error: %1</source>
        <translation>Redis hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>The connection settings are not valid: %1</source>
        <translation>Die Verbindungseinstellungen sind ungültig: %1</translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis unter %1: %2</translation>
    </message>
    <message>
        <source>This session no longer exists: it expired or was deleted.</source>
        <translation>Diese Sitzung gibt es nicht mehr: Sie ist abgelaufen oder wurde gelöscht.</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Nur-Lesen-Modus: Es wurde nichts in Redis geschrieben.</translation>
    </message>
    <message>
        <source>The stored value does not decode: %1</source>
        <translation>Der gespeicherte Wert lässt sich nicht dekodieren: %1</translation>
    </message>
    <message>
        <source>No serializer reads the stored value: %1</source>
        <translation>Kein Serialisierer liest den gespeicherten Wert: %1</translation>
    </message>
    <message>
        <source>The values cannot be written with this serializer: %1</source>
        <translation>Die Werte lassen sich mit diesem Serialisierer nicht schreiben: %1</translation>
    </message>
    <message>
        <source>The session is too large to store: %1</source>
        <translation>Die Sitzung ist zu groß zum Speichern: %1</translation>
    </message>
    <message>
        <source>TLS cannot be set up for %1: %2</source>
        <translation>TLS kann für %1 nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>Redis at %1 did not complete a TLS handshake. Does this port speak TLS, and does the server accept this client certificate? (%2)</source>
        <translation>Redis unter %1 hat den TLS-Handshake nicht abgeschlossen. Spricht dieser Port TLS, und akzeptiert der Server dieses Client-Zertifikat? (%2)</translation>
    </message>
    <message>
        <source>The certificate of Redis at %1 was refused: %2. Check the CA certificate and the host name.</source>
        <translation>Das Zertifikat von Redis unter %1 wurde abgelehnt: %2. Prüfen Sie das CA-Zertifikat und den Hostnamen.</translation>
    </message>
    <message>
        <source>No sentinel of %1 answered. Are they running, and are these their addresses and password? %2</source>
        <translation>Kein Sentinel von %1 hat geantwortet. Laufen sie, und stimmen ihre Adressen und ihr Passwort? %2</translation>
    </message>
    <message>
        <source>The sentinels of %1 do not know this master: check the master&apos;s name. %2</source>
        <translation>Die Sentinels von %1 kennen diesen Master nicht: den Namen des Masters prüfen. %2</translation>
    </message>
    <message>
        <source>The server the sentinels name for %1 is not a master; a failover may be under way. %2</source>
        <translation>Der Server, den die Sentinels für %1 nennen, ist kein Master; vielleicht läuft gerade ein Failover. %2</translation>
    </message>
    <message>
        <source>The Redis Cluster at %1 cannot serve this now; a failover may be under way. %2</source>
        <translation>Der Redis Cluster unter %1 kann das gerade nicht bedienen; vielleicht läuft ein Failover. %2</translation>
    </message>
</context>
<context>
    <name>HexDump</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n weiteres Byte nicht angezeigt</numerusform>
            <numerusform>… %n weitere Bytes nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::BarChart</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 sessions (%3)</source>
        <translation>%1: %2 Sitzungen (%3)</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ConnectionDialog</name>
    <message>
        <source>Connect to Redis</source>
        <translation>Mit Redis verbinden</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>e.g. Production (leave empty to not save)</source>
        <translation>z. B. Produktion (leer lassen, um nicht zu speichern)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix-Socket</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>default user</source>
        <translation>Standardbenutzer</translation>
    </message>
    <message>
        <source>ACL user:</source>
        <translation>ACL-Benutzer:</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Merken</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain, never in the settings file</source>
        <translation>Das Passwort im Passwortspeicher des Systems ablegen, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>Schlüsselpräfix:</translation>
    </message>
    <message>
        <source>Serializer:</source>
        <translation>Serialisierer:</translation>
    </message>
    <message>
        <source>Read-only: never write to Redis</source>
        <translation>Nur lesen: niemals in Redis schreiben</translation>
    </message>
    <message>
        <source>Cookies (for the cookie inspector)</source>
        <translation>Cookies (für den Cookie-Inspektor)</translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation>Cookie-Name:</translation>
    </message>
    <message>
        <source>One key pair per line: hash key [block key]</source>
        <translation>Ein Schlüsselpaar pro Zeile: Hash-Schlüssel [Block-Schlüssel]</translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <source>Remember the keys</source>
        <translation>Schlüssel merken</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Redis Unix socket</source>
        <translation>Redis-Unix-Socket</translation>
    </message>
    <message>
        <source>Give the connection a name to save it.</source>
        <translation>Der Verbindung einen Namen geben, um sie zu speichern.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved “%1” without the password.</source>
        <translation>„%1“ ohne das Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Enter the key prefix of the sessions (Go&apos;s redistore uses “session_”).</source>
        <translation>Das Schlüsselpräfix der Sitzungen eingeben (Gos redistore verwendet „session_“).</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>Without verification the connection is encrypted, but anyone between you and Redis can read and change it</source>
        <translation>Ohne Prüfung ist die Verbindung verschlüsselt, aber jeder zwischen Ihnen und Redis kann sie lesen und verändern</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>the system&apos;s CA certificates</source>
        <translation>die CA-Zertifikate des Systems</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>in the certificate file</source>
        <translation>in der Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A hash key can forge any session. Remember the keys only on a computer you trust; they go to the system keychain.</source>
        <translation>Mit einem Hash-Schlüssel lässt sich jede Sitzung fälschen. Merken Sie die Schlüssel nur auf einem Rechner, dem Sie vertrauen; sie werden im Passwortspeicher des Systems abgelegt.</translation>
    </message>
    <message>
        <source>The password and cookie keys of this connection are no longer kept in the settings file and could not be moved to a keychain: type them again.</source>
        <translation>Passwort und Cookie-Schlüssel dieser Verbindung stehen nicht mehr in der Einstellungsdatei und konnten in keinen Passwortspeicher übertragen werden: Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The keychain did not give the remembered password or keys: %1</source>
        <translation>Der Passwortspeicher hat das gemerkte Passwort oder die Schlüssel nicht herausgegeben: %1</translation>
    </message>
    <message>
        <source>Keep the keys in the system keychain</source>
        <translation>Die Schlüssel im Passwortspeicher des Systems ablegen</translation>
    </message>
    <message>
        <source>Passwords and keys cannot be remembered: there is no system keychain.</source>
        <translation>Passwörter und Schlüssel können nicht gemerkt werden: Es gibt keinen Passwortspeicher des Systems.</translation>
    </message>
    <message>
        <source>Passwords and keys cannot be remembered: there is no system keychain (%1).</source>
        <translation>Passwörter und Schlüssel können nicht gemerkt werden: Es gibt keinen Passwortspeicher des Systems (%1).</translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Das Passwort wird aus dem Passwortspeicher gelesen…</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Sentinel</source>
        <translation>Sentinel</translation>
    </message>
    <message>
        <source>Some nodes of the Redis Cluster, host:port separated by commas; the others are found from them</source>
        <translation>Einige Knoten des Redis Clusters, host:port durch Kommas getrennt; die übrigen werden über sie gefunden</translation>
    </message>
    <message>
        <source>The sentinels, host:port separated by commas, in the order to ask them</source>
        <translation>Die Sentinels, host:port durch Kommas getrennt, in der Reihenfolge, in der sie gefragt werden</translation>
    </message>
    <message>
        <source>The name the sentinels know the master by</source>
        <translation>Der Name, unter dem die Sentinels den Master kennen</translation>
    </message>
    <message>
        <source>Master:</source>
        <translation>Master:</translation>
    </message>
    <message>
        <source>redis://, rediss:// (TLS, with tls_ca, tls_cert, tls_key, tls_server_name and tls_verify=none parameters) or unix://; a cluster: redis+cluster://host:port,host:port; sentinels: redis+sentinel://host:port,host:port/MASTER[/db][?sentinel_password=...]; rediss+cluster:// and rediss+sentinel:// with TLS</source>
        <translation>redis://, rediss:// (TLS, mit den Parametern tls_ca, tls_cert, tls_key, tls_server_name und tls_verify=none) oder unix://; ein Cluster: redis+cluster://host:port,host:port; Sentinels: redis+sentinel://host:port,host:port/MASTER[/db][?sentinel_password=...]; rediss+cluster:// und rediss+sentinel:// mit TLS</translation>
    </message>
    <message>
        <source>The sentinels&apos; own password, when they require one; remembered with the password</source>
        <translation>Das eigene Passwort der Sentinels, wenn sie eines verlangen; wird mit dem Passwort gespeichert</translation>
    </message>
    <message>
        <source>Sentinel password:</source>
        <translation>Sentinel-Passwort:</translation>
    </message>
    <message>
        <source>One Redis server at a host and port</source>
        <translation>Ein Redis-Server unter Host und Port</translation>
    </message>
    <message>
        <source>A Redis Cluster: every master&apos;s sessions</source>
        <translation>Ein Redis Cluster: die Sitzungen aller Master</translation>
    </message>
    <message>
        <source>The master that Redis Sentinel names, followed after a failover</source>
        <translation>Der Master, den Redis Sentinel nennt, auch nach einem Failover</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Verbinden mit:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Socket:</source>
        <translation>Socket:</translation>
    </message>
    <message>
        <source>Seed nodes:</source>
        <translation>Startknoten:</translation>
    </message>
    <message>
        <source>Sentinels:</source>
        <translation>Sentinels:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::CookieInspectorDialog</name>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation>Cookie-Inspektor</translation>
    </message>
    <message>
        <source>Paste a session cookie: its value, “name=value”, or a whole Cookie: or Set-Cookie: header.</source>
        <translation>Ein Sitzungs-Cookie einfügen: seinen Wert, „name=wert“ oder einen ganzen Cookie:- oder Set-Cookie:-Header.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>One key pair per line: hash key, then the block key if the cookies are encrypted. hex:…, base64:… or plain text.</source>
        <translation>Ein Schlüsselpaar pro Zeile: Hash-Schlüssel, dann der Block-Schlüssel, falls die Cookies verschlüsselt sind. hex:…, base64:… oder Klartext.</translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation>Cookie-Name:</translation>
    </message>
    <message>
        <source>Maximum age:</source>
        <translation>Höchstalter:</translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>The key ring does not read: %1</source>
        <translation>Der Schlüsselbund lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Looking the session up in Redis…</source>
        <translation>Suche die Sitzung in Redis …</translation>
    </message>
    <message numerus="yes">
        <source>The session exists in Redis: %n value(s), %1.</source>
        <translation>
            <numerusform>Die Sitzung existiert in Redis: %n Wert, %1.</numerusform>
            <numerusform>Die Sitzung existiert in Redis: %n Werte, %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft ab in %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>läuft nicht ab</translation>
    </message>
    <message>
        <source>The session is missing in Redis: it expired or was deleted, so this user is logged out.</source>
        <translation>Die Sitzung fehlt in Redis: Sie ist abgelaufen oder wurde gelöscht, dieser Benutzer ist also abgemeldet.</translation>
    </message>
    <message>
        <source>Redis could not be asked: %1</source>
        <translation>Redis konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>No cookie found in the text.</source>
        <translation>Im Text wurde kein Cookie gefunden.</translation>
    </message>
    <message>
        <source>(cookie value)</source>
        <translation>(Cookie-Wert)</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>Sitzungs-ID:</translation>
    </message>
    <message>
        <source>Signed at %1</source>
        <translation>Signiert am %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::DistributionModel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ExpireDialog</name>
    <message>
        <source>Expire in</source>
        <translation>Ablauf in</translation>
    </message>
    <message>
        <source>Expire at</source>
        <translation>Ablauf am</translation>
    </message>
    <message>
        <source>Set expiry</source>
        <translation>Ablauf festlegen</translation>
    </message>
    <message>
        <source>Choose when this session expires.</source>
        <translation>Wählen, wann diese Sitzung abläuft.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Redis deletes it at %1 (in %2).</source>
        <translation>Redis löscht sie am %1 (in %2).</translation>
    </message>
    <message numerus="yes">
        <source>Choose when the %Ln selected sessions expire.</source>
        <translation>
            <numerusform>Wählen, wann die %Ln ausgewählte Sitzung abläuft.</numerusform>
            <numerusform>Wählen, wann die %Ln ausgewählten Sitzungen ablaufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set expiry of %Ln sessions</source>
        <translation>
            <numerusform>Ablauf von %Ln Sitzung festlegen</numerusform>
            <numerusform>Ablauf von %Ln Sitzungen festlegen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::LiveUpdates</name>
    <message>
        <source>Not following changes</source>
        <translation>Änderungen werden nicht verfolgt</translation>
    </message>
    <message>
        <source>Checking keyspace notifications…</source>
        <translation>Prüfe Keyspace-Benachrichtigungen …</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Refreshing every %1</source>
        <translation>Aktualisiert alle %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MainWindow</name>
    <message>
        <source>Connect…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Connect to another Redis or change the connection settings</source>
        <translation>Mit einem anderen Redis verbinden oder die Verbindungseinstellungen ändern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Scan the sessions again</source>
        <translation>Die Sitzungen erneut durchsuchen</translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation>Ablauf …</translation>
    </message>
    <message>
        <source>Set when the selected sessions expire</source>
        <translation>Festlegen, wann die ausgewählten Sitzungen ablaufen</translation>
    </message>
    <message>
        <source>Persist</source>
        <translation>Dauerhaft</translation>
    </message>
    <message>
        <source>Remove the expiry of the selected sessions</source>
        <translation>Den Ablauf der ausgewählten Sitzungen entfernen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected sessions now (their users are logged out)</source>
        <translation>Die ausgewählten Sitzungen jetzt löschen (ihre Benutzer werden abgemeldet)</translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation>Cookie-Inspektor</translation>
    </message>
    <message>
        <source>Decode a session cookie and open its session</source>
        <translation>Ein Sitzungs-Cookie dekodieren und seine Sitzung öffnen</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <source>Copy the session ID</source>
        <translation>Die Sitzungs-ID kopieren</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Filter by session ID</source>
        <translation>Nach Sitzungs-ID filtern</translation>
    </message>
    <message>
        <source>Search the values (e.g. a user name)</source>
        <translation>In den Werten suchen (z. B. ein Benutzername)</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation>Verbindungseinstellungen …</translation>
    </message>
    <message>
        <source>Retrying automatically…</source>
        <translation>Neuer Versuch läuft automatisch …</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>Die Verbindung steht wieder.</translation>
    </message>
    <message>
        <source>Listing the sessions failed: %1</source>
        <translation>Das Auflisten der Sitzungen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This Redis does not send keyspace notifications, so changes show up only when the sessions are rescanned. Turn them on for live updates? (This runs CONFIG SET notify-keyspace-events “%1” on the server.)</source>
        <translation>Dieses Redis sendet keine Keyspace-Benachrichtigungen, daher erscheinen Änderungen erst, wenn die Sitzungen erneut durchsucht werden. Für Live-Aktualisierungen einschalten? (Das führt CONFIG SET notify-keyspace-events „%1“ auf dem Server aus.)</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Could not turn keyspace notifications on: %1</source>
        <translation>Keyspace-Benachrichtigungen ließen sich nicht einschalten: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Discard the changes?</source>
        <translation>Die Werte der Sitzung %1 wurden geändert, aber nicht gespeichert. Die Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>RediStore Admin</source>
        <translation>RediStore Admin</translation>
    </message>
    <message>
        <source>%1 — RediStore Admin</source>
        <translation>%1 — RediStore Admin</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(nur lesen)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Connection lost, retrying</source>
        <translation>Verbindung verloren, neuer Versuch</translation>
    </message>
    <message>
        <source>%1 · database %2 · %3*</source>
        <translation>%1 · Datenbank %2 · %3*</translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Quit anyway?</source>
        <translation>Die Werte der Sitzung %1 wurden geändert, aber nicht gespeichert. Trotzdem beenden?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>%1 · %2*</source>
        <translation>%1 · %2*</translation>
    </message>
    <message>
        <source>Filter by ID</source>
        <translation>Nach ID filtern</translation>
    </message>
    <message>
        <source>Show only the sessions whose ID contains a text</source>
        <translation>Nur die Sitzungen zeigen, deren ID einen Text enthält</translation>
    </message>
    <message>
        <source>Search the values</source>
        <translation>In den Werten suchen</translation>
    </message>
    <message>
        <source>Show only the sessions whose values contain a text</source>
        <translation>Nur die Sitzungen zeigen, deren Werte einen Text enthalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>About RediStore Admin</source>
        <translation>Über RediStore Admin</translation>
    </message>
    <message>
        <source>Export Sessions…</source>
        <translation>Sitzungen exportieren …</translation>
    </message>
    <message>
        <source>Save the selected sessions (or all, when none is selected) to a JSON file</source>
        <translation>Die ausgewählten Sitzungen (oder alle, wenn keine ausgewählt ist) in einer JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Import Sessions…</source>
        <translation>Sitzungen importieren …</translation>
    </message>
    <message>
        <source>Store the sessions of an exported JSON file</source>
        <translation>Die Sitzungen einer exportierten JSON-Datei speichern</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;RediStore Admin %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Browses, edits and expires the sessions that RediStore for Qt and Go&apos;s redistore keep in Redis.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;RediStore Admin %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Durchsucht, bearbeitet und beendet die Sitzungen, die RediStore für Qt und redistore für Go in Redis ablegen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Show the %1 view</source>
        <translation>Die Ansicht „%1“ zeigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Stop Export or Import</source>
        <translation>Export oder Import anhalten</translation>
    </message>
    <message>
        <source>Stop the export or import under way</source>
        <translation>Den laufenden Export oder Import anhalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::PreviewCache</name>
    <message>
        <source>(gone)</source>
        <translation>(weg)</translation>
    </message>
    <message>
        <source>does not decode: %1</source>
        <translation>nicht dekodierbar: %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SecretStore</name>
    <message>
        <source>the keychain did not answer</source>
        <translation>der Passwortspeicher hat nicht geantwortet</translation>
    </message>
    <message>
        <source>no keychain is running</source>
        <translation>es läuft kein Passwortspeicher</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionActions</name>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Nur-Lesen-Modus: Es wurde nichts in Redis geschrieben.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Remove expiry</source>
        <translation>Ablauf entfernen</translation>
    </message>
    <message>
        <source>Delete session %1 now? Its user is logged out at once.</source>
        <translation>Sitzung %1 jetzt löschen? Ihr Benutzer wird sofort abgemeldet.</translation>
    </message>
    <message>
        <source>Delete sessions</source>
        <translation>Sitzungen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Remove the expiry of %Ln session(s)? They will be kept until someone deletes them.</source>
        <translation>
            <numerusform>Den Ablauf von %Ln Sitzung entfernen? Sie bleibt erhalten, bis jemand sie löscht.</numerusform>
            <numerusform>Den Ablauf von %Ln Sitzungen entfernen? Sie bleiben erhalten, bis jemand sie löscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persist %Ln session(s)</source>
        <translation>
            <numerusform>%Ln Sitzung dauerhaft machen</numerusform>
            <numerusform>%Ln Sitzungen dauerhaft machen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s) now? Their users are logged out at once. This cannot be undone.</source>
        <translation>
            <numerusform>%Ln Sitzung jetzt löschen? Ihr Benutzer wird sofort abgemeldet. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%Ln Sitzungen jetzt löschen? Ihre Benutzer werden sofort abgemeldet. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s)</source>
        <translation>
            <numerusform>%Ln Sitzung löschen</numerusform>
            <numerusform>%Ln Sitzungen löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) now expire in %1.</source>
        <translation>
            <numerusform>%Ln Sitzung läuft nun in %1 ab.</numerusform>
            <numerusform>%Ln Sitzungen laufen nun in %1 ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) no longer expire.</source>
        <translation>
            <numerusform>%Ln Sitzung läuft nicht mehr ab.</numerusform>
            <numerusform>%Ln Sitzungen laufen nicht mehr ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer existed.</source>
        <translation>
            <numerusform>%Ln gab es nicht mehr.</numerusform>
            <numerusform>%Ln gab es nicht mehr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be changed: %1</source>
        <translation>
            <numerusform>%Ln ließ sich nicht ändern: %1</numerusform>
            <numerusform>%Ln ließen sich nicht ändern: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln session(s).</source>
        <translation>
            <numerusform>%Ln Sitzung gelöscht.</numerusform>
            <numerusform>%Ln Sitzungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionConnection</name>
    <message>
        <source>Unknown serializer “%1”. Choose datastream, gob, json or auto.</source>
        <translation>Unbekannter Serialisierer „%1“. datastream, gob, json oder auto wählen.</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionDetailWidget</name>
    <message>
        <source>Select a session to see its values.</source>
        <translation>Eine Sitzung auswählen, um ihre Werte zu sehen.</translation>
    </message>
    <message>
        <source>SESSION</source>
        <translation>SITZUNG</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Add an entry next to the selected one</source>
        <translation>Einen Eintrag neben dem ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Add inside</source>
        <translation>Darin hinzufügen</translation>
    </message>
    <message>
        <source>Add an entry inside the selected map or list</source>
        <translation>Einen Eintrag in die ausgewählte Map oder Liste einfügen</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Write the values back, with the same serializer, keeping the TTL</source>
        <translation>Die Werte mit demselben Serialisierer zurückschreiben, die TTL bleibt erhalten</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation>Ablauf …</translation>
    </message>
    <message>
        <source>Persist</source>
        <translation>Dauerhaft</translation>
    </message>
    <message>
        <source>Remove the expiry: the session is kept until deleted</source>
        <translation>Den Ablauf entfernen: Die Sitzung bleibt, bis sie gelöscht wird</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>lädt …</translation>
    </message>
    <message>
        <source>Does not decode: %1</source>
        <translation>Nicht dekodierbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>The raw bytes are shown as they are.</source>
        <translation>Die Rohbytes werden unverändert angezeigt.</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>läuft nicht ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft ab in %1</translation>
    </message>
    <message>
        <source>Saved with %1. The TTL was kept.</source>
        <translation>Mit %1 gespeichert. Die TTL blieb erhalten.</translation>
    </message>
    <message>
        <source>This session no longer exists in Redis: it expired or was deleted. Saving will not re-create it.</source>
        <translation>Diese Sitzung gibt es in Redis nicht mehr: Sie ist abgelaufen oder wurde gelöscht. Speichern legt sie nicht neu an.</translation>
    </message>
    <message>
        <source>This session was changed in Redis since you opened it.</source>
        <translation>Diese Sitzung wurde in Redis geändert, seit Sie sie geöffnet haben.</translation>
    </message>
    <message>
        <source>Discard my edits and reload</source>
        <translation>Meine Änderungen verwerfen und neu laden</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionTableModel</name>
    <message>
        <source>loading…</source>
        <translation>lädt …</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Läuft ab am %1</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Time to live: when Redis deletes the session</source>
        <translation>Lebensdauer: wann Redis die Sitzung löscht</translation>
    </message>
    <message>
        <source>Bytes stored in Redis</source>
        <translation>In Redis gespeicherte Bytes</translation>
    </message>
    <message>
        <source>The session&apos;s values, decoded</source>
        <translation>Die Werte der Sitzung, dekodiert</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatisticsView</name>
    <message>
        <source>Time to live</source>
        <translation>Restlaufzeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Serializer</source>
        <translation>Serialisierer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Copy numbers</source>
        <translation>Zahlen kopieren</translation>
    </message>
    <message>
        <source>Copy every chart&apos;s numbers as text (%1)</source>
        <translation>Die Zahlen aller Diagramme als Text kopieren (%1)</translation>
    </message>
    <message>
        <source>Users with the most sessions</source>
        <translation>Benutzer mit den meisten Sitzungen</translation>
    </message>
    <message>
        <source>No per-user index</source>
        <translation>Kein Benutzerindex</translation>
    </message>
    <message>
        <source>No sessions listed yet</source>
        <translation>Noch keine Sitzungen gelistet</translation>
    </message>
    <message>
        <source>%1 chart</source>
        <translation>Diagramm „%1“</translation>
    </message>
    <message>
        <source>%1 numbers</source>
        <translation>Zahlen „%1“</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The scan stopped (%1). The numbers cover the %2 sessions listed so far.</source>
        <translation>Der Scan wurde angehalten (%1). Die Zahlen umfassen die %2 bisher gelisteten Sitzungen.</translation>
    </message>
    <message>
        <source>%1 sessions, as of the last scan (%2). Sessions changed since are counted at the next refresh.</source>
        <translation>%1 Sitzungen, Stand des letzten Scans (%2). Seither geänderte Sitzungen werden beim nächsten Aktualisieren gezählt.</translation>
    </message>
    <message>
        <source>Scanning… %1 of about %2 sessions listed.</source>
        <translation>Scan läuft … %1 von etwa %2 Sitzungen gelistet.</translation>
    </message>
    <message>
        <source>Scanning… %1 sessions listed.</source>
        <translation>Scan läuft … %1 Sitzungen gelistet.</translation>
    </message>
    <message>
        <source>Gone while listed</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>&lt; 10 min</source>
        <translation>&lt; 10 min</translation>
    </message>
    <message>
        <source>&lt; 1 hour</source>
        <translation>&lt; 1 Stunde</translation>
    </message>
    <message>
        <source>&lt; 6 hours</source>
        <translation>&lt; 6 Stunden</translation>
    </message>
    <message>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 Tag</translation>
    </message>
    <message>
        <source>&lt; 7 days</source>
        <translation>&lt; 7 Tage</translation>
    </message>
    <message>
        <source>7 days or more</source>
        <translation>7 Tage oder mehr</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>&lt; 64 B</source>
        <translation>&lt; 64 B</translation>
    </message>
    <message>
        <source>&lt; 256 B</source>
        <translation>&lt; 256 B</translation>
    </message>
    <message>
        <source>&lt; 1 KiB</source>
        <translation>&lt; 1 KiB</translation>
    </message>
    <message>
        <source>&lt; 4 KiB</source>
        <translation>&lt; 4 KiB</translation>
    </message>
    <message>
        <source>&lt; 16 KiB</source>
        <translation>&lt; 16 KiB</translation>
    </message>
    <message>
        <source>&lt; 64 KiB</source>
        <translation>&lt; 64 KiB</translation>
    </message>
    <message>
        <source>64 KiB or more</source>
        <translation>64 KiB oder mehr</translation>
    </message>
    <message>
        <source>DataStream (Qt)</source>
        <translation>DataStream (Qt)</translation>
    </message>
    <message>
        <source>gob (Go)</source>
        <translation>gob (Go)</translation>
    </message>
    <message>
        <source>JSON (Go)</source>
        <translation>JSON (Go)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Time left when listed: %1 without expiry, %2 gone between listing and reading.</source>
        <translation>Restzeit beim Listen: %1 ohne Ablauf, %2 zwischen Listen und Lesen verschwunden.</translation>
    </message>
    <message>
        <source>%1 in all · smallest %2 · median about %3 · largest %4</source>
        <translation>%1 insgesamt · kleinste %2 · Median etwa %3 · größte %4</translation>
    </message>
    <message>
        <source>Told apart by the first bytes of each value (not decoded).</source>
        <translation>Unterschieden an den ersten Bytes jedes Werts (nicht dekodiert).</translation>
    </message>
    <message>
        <source>Reading the per-user index…</source>
        <translation>Benutzerindex wird gelesen …</translation>
    </message>
    <message>
        <source>No per-user index: these sessions are not indexed by user (withUserIndex), or nobody is logged in.</source>
        <translation>Kein Benutzerindex: Diese Sitzungen sind nicht nach Benutzer indiziert (withUserIndex), oder niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>The first %1 users of the per-user index, %2 sessions; more are indexed.</source>
        <translation>Die ersten %1 Benutzer des Benutzerindex, %2 Sitzungen; weitere sind indiziert.</translation>
    </message>
    <message>
        <source>%1 users in the per-user index, %2 sessions in all. Shares are of those sessions.</source>
        <translation>%1 Benutzer im Benutzerindex, %2 Sitzungen insgesamt. Die Anteile beziehen sich auf diese Sitzungen.</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatusPanel</name>
    <message>
        <source>READ-ONLY</source>
        <translation>NUR LESEN</translation>
    </message>
    <message>
        <source>Nothing is ever written to Redis in this window</source>
        <translation>In diesem Fenster wird nie etwas in Redis geschrieben</translation>
    </message>
    <message>
        <source>Every session is listed</source>
        <translation>Alle Sitzungen sind aufgelistet</translation>
    </message>
    <message>
        <source>Scanning… %1%</source>
        <translation>Durchsuche … %1 %</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Durchsuche …</translation>
    </message>
    <message>
        <source>Searching values: %1 of %2 checked</source>
        <translation>Suche in Werten: %1 von %2 geprüft</translation>
    </message>
    <message>
        <source>Value search done (%1 checked)</source>
        <translation>Wertesuche fertig (%1 geprüft)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln session(s) shown</source>
        <translation>
            <numerusform>%1 von %Ln Sitzung angezeigt</numerusform>
            <numerusform>%1 von %Ln Sitzungen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln Sitzung</numerusform>
            <numerusform>%Ln Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster (seeds %1)</source>
        <translation>Cluster (Startknoten %1)</translation>
    </message>
    <message numerus="yes">
        <source>Cluster: %n master(s) (%1)</source>
        <translation>
            <numerusform>Cluster: %n Master (%1)</numerusform>
            <numerusform>Cluster: %n Master (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sentinel %1 → %2</source>
        <translation>Sentinel %1 → %2</translation>
    </message>
    <message>
        <source>Sentinel %1 (sentinels %2)</source>
        <translation>Sentinel %1 (Sentinels %2)</translation>
    </message>
    <message>
        <source>Seed nodes:</source>
        <translation>Startknoten:</translation>
    </message>
    <message>
        <source>Masters:</source>
        <translation>Master:</translation>
    </message>
    <message>
        <source>Master %1 at %2</source>
        <translation>Master %1 auf %2</translation>
    </message>
    <message>
        <source>Sentinels:</source>
        <translation>Sentinels:</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::TransferActions</name>
    <message>
        <source>Export Sessions</source>
        <translation>Sitzungen exportieren</translation>
    </message>
    <message>
        <source>Import Sessions</source>
        <translation>Sitzungen importieren</translation>
    </message>
    <message>
        <source>Session exports (*.json);;All files (*)</source>
        <translation>Sitzungsexporte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Some sessions in the file may exist already. Keep those, or replace them with the file&apos;s?</source>
        <translation>Einige Sitzungen der Datei gibt es vielleicht schon. Diese behalten oder durch die der Datei ersetzen?</translation>
    </message>
    <message>
        <source>Keep Existing</source>
        <translation>Vorhandene behalten</translation>
    </message>
    <message>
        <source>Replace Existing</source>
        <translation>Vorhandene ersetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>An export or import is running already.</source>
        <translation>Ein Export oder Import läuft bereits.</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Nur-Lesen-Modus: Es wurde nichts in Redis geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 sessions…</source>
        <translation>%1 von %2 Sitzungen exportiert …</translation>
    </message>
    <message>
        <source>Exported %1 sessions…</source>
        <translation>%1 Sitzungen exportiert …</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Sitzungen werden exportiert …</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>Der Export wurde abgebrochen; %1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The export failed, and %1 was not written: %2</source>
        <translation>Der Export ist fehlgeschlagen, %1 wurde nicht geschrieben: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n Sitzung nach %1 exportiert.</numerusform>
            <numerusform>%n Sitzungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them do not decode and were saved as stored bytes.</source>
        <translation>
            <numerusform>%n davon lässt sich nicht dekodieren und wurde als gespeicherte Bytes gesichert.</numerusform>
            <numerusform>%n davon lassen sich nicht dekodieren und wurden als gespeicherte Bytes gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported %1 sessions, kept %2 existing, %3 failed…</source>
        <translation>%1 Sitzungen importiert, %2 vorhandene behalten, %3 fehlgeschlagen …</translation>
    </message>
    <message>
        <source>Importing sessions…</source>
        <translation>Sitzungen werden importiert …</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s) from %1.</source>
        <translation>
            <numerusform>%n Sitzung aus %1 importiert.</numerusform>
            <numerusform>%n Sitzungen aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing session(s) kept.</source>
        <translation>
            <numerusform>%n vorhandene Sitzung behalten.</numerusform>
            <numerusform>%n vorhandene Sitzungen behalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired session(s) left out.</source>
        <translation>
            <numerusform>%n abgelaufene Sitzung ausgelassen.</numerusform>
            <numerusform>%n abgelaufene Sitzungen ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) failed, the first: %1</source>
        <translation>
            <numerusform>%n Sitzung fehlgeschlagen: %1</numerusform>
            <numerusform>%n Sitzungen fehlgeschlagen, die erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde angehalten: %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UserListModel</name>
    <message numerus="yes">
        <source>%1: %n live session(s)</source>
        <translation>
            <numerusform>%1: %n aktive Sitzung</numerusform>
            <numerusform>%1: %n aktive Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UserSessionsModel</name>
    <message>
        <source>(gone)</source>
        <translation>(verschwunden)</translation>
    </message>
    <message>
        <source>(not decoded: %1)</source>
        <translation>(nicht dekodiert: %1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last values</source>
        <translation>Letzte Werte</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UsersView</name>
    <message>
        <source>Find a user</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Show the users and type a part of a user&apos;s name or ID</source>
        <translation>Die Benutzer zeigen und einen Teil eines Benutzernamens oder einer Benutzer-ID eingeben</translation>
    </message>
    <message>
        <source>End all sessions of the user…</source>
        <translation>Alle Sitzungen des Benutzers beenden …</translation>
    </message>
    <message>
        <source>Log the chosen user out everywhere: every session of theirs ends</source>
        <translation>Den gewählten Benutzer überall abmelden: Alle seine Sitzungen enden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Find a user (%1)</source>
        <translation>Benutzer suchen (%1)</translation>
    </message>
    <message>
        <source>Read the users again (%1)</source>
        <translation>Die Benutzer erneut lesen (%1)</translation>
    </message>
    <message>
        <source>A user&apos;s name or ID</source>
        <translation>Name oder ID eines Benutzers</translation>
    </message>
    <message>
        <source>Search the values</source>
        <translation>In den Werten suchen</translation>
    </message>
    <message>
        <source>End all sessions…</source>
        <translation>Alle Sitzungen beenden …</translation>
    </message>
    <message>
        <source>Reading the users…</source>
        <translation>Benutzer werden gelesen …</translation>
    </message>
    <message>
        <source>Reading the users failed: %1</source>
        <translation>Das Lesen der Benutzer ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No per-user index</source>
        <translation>Kein Benutzerindex</translation>
    </message>
    <message>
        <source>No user is indexed under the prefix “%1”: its sessions were stored without RedisStore&apos;s withUserIndex option, or nobody is logged in. You can still find a user&apos;s sessions by searching every session&apos;s values for their name or ID (this reads every session).</source>
        <translation>Unter dem Präfix „%1“ ist kein Benutzer indiziert: Seine Sitzungen wurden ohne die Option withUserIndex von RedisStore gespeichert, oder niemand ist angemeldet. Die Sitzungen eines Benutzers lassen sich trotzdem finden, indem die Werte aller Sitzungen nach seinem Namen oder seiner ID durchsucht werden (dabei wird jede Sitzung gelesen).</translation>
    </message>
    <message>
        <source>The first %1 users of the per-user index</source>
        <translation>Die ersten %1 Benutzer des Benutzerindex</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) in the per-user index</source>
        <translation>
            <numerusform>%n Benutzer im Benutzerindex</numerusform>
            <numerusform>%n Benutzer im Benutzerindex</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a user to see their sessions.</source>
        <translation>Einen Benutzer wählen, um seine Sitzungen zu sehen.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — reading their sessions…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; – Sitzungen werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %n live session(s), from the per-user index</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; – %n aktive Sitzung, aus dem Benutzerindex</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; – %n aktive Sitzungen, aus dem Benutzerindex</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions whose values contain &lt;b&gt;%1&lt;/b&gt; — %n found</source>
        <translation>
            <numerusform>Sitzungen, deren Werte &lt;b&gt;%1&lt;/b&gt; enthalten – %n gefunden</numerusform>
            <numerusform>Sitzungen, deren Werte &lt;b&gt;%1&lt;/b&gt; enthalten – %n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 read, by a value search (no per-user index)</source>
        <translation>in %1 gelesenen, durch eine Wertesuche (kein Benutzerindex)</translation>
    </message>
    <message>
        <source>; searching…</source>
        <translation>; Suche läuft …</translation>
    </message>
    <message>
        <source>(only the first %1 shown)</source>
        <translation>(nur die ersten %1 gezeigt)</translation>
    </message>
    <message>
        <source>Reading failed: %1</source>
        <translation>Das Lesen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Read-only profile: sessions cannot be ended from here</source>
        <translation>Nur-Lesen-Profil: Sitzungen können hier nicht beendet werden</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Nur-Lesen-Modus: Es wurde nichts in Redis geschrieben.</translation>
    </message>
    <message>
        <source>End all sessions of %1</source>
        <translation>Alle Sitzungen von %1 beenden</translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of user “%1”? They are logged out everywhere, at once.</source>
        <translation>
            <numerusform>Die %n Sitzung von Benutzer „%1“ beenden? Er wird sofort überall abgemeldet.</numerusform>
            <numerusform>Alle %n Sitzungen von Benutzer „%1“ beenden? Er wird sofort überall abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>End the sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message>
        <source>Delete the sessions found</source>
        <translation>Gefundene Sitzungen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n session(s) whose values contain “%1”? There is no per-user index, so these are the sessions the value search found.</source>
        <translation>
            <numerusform>Die %n Sitzung löschen, deren Werte „%1“ enthalten? Es gibt keinen Benutzerindex, also ist dies die Sitzung, die die Wertesuche gefunden hat.</numerusform>
            <numerusform>Die %n Sitzungen löschen, deren Werte „%1“ enthalten? Es gibt keinen Benutzerindex, also sind dies die Sitzungen, die die Wertesuche gefunden hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the sessions</source>
        <translation>Sitzungen löschen</translation>
    </message>
    <message>
        <source>Ending the sessions of %1 failed: %2</source>
        <translation>Das Beenden der Sitzungen von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) of %1 ended.</source>
        <translation>
            <numerusform>%n Sitzung von %1 beendet.</numerusform>
            <numerusform>%n Sitzungen von %1 beendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) deleted.</source>
        <translation>
            <numerusform>%n Sitzung gelöscht.</numerusform>
            <numerusform>%n Sitzungen gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueDelegate</name>
    <message>
        <source>hexadecimal, e.g. 48 65 6c 6c 6f</source>
        <translation>hexadezimal, z. B. 48 65 6c 6c 6f</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueTreeModel</name>
    <message numerus="yes">
        <source>%1 (%n entry(s))</source>
        <translation>
            <numerusform>%1 (%n Eintrag)</numerusform>
            <numerusform>%1 (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>A key cannot be empty.</source>
        <translation>Ein Schlüssel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>There is already an entry called “%1” here.</source>
        <translation>Hier gibt es schon einen Eintrag namens „%1“.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>“%1” is not a valid value of type %2.</source>
        <translation>„%1“ ist kein gültiger Wert vom Typ %2.</translation>
    </message>
</context>
<context>
    <name>ValueType</name>
    <message>
        <source>Null</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>Unsigned integer</source>
        <translation>Vorzeichenlose Ganzzahl</translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation>Gleitkommazahl</translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anderer Typ</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation>
            <numerusform>%1 (%n Byte)</numerusform>
            <numerusform>%1 (%n Bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RediStore Admin</source>
        <translation>RediStore Admin</translation>
    </message>
</context>
</TS>
