<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Browse, edit and expire the web sessions that RediStore and Go&apos;s redistore keep in Redis.</source>
        <translation>Parcourir, modifier et faire expirer les sessions web que RediStore et redistore (Go) conservent dans Redis.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The key prefix of the sessions (default session_).</source>
        <translation>Le préfixe des clés des sessions (par défaut session_).</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>préfixe</translation>
    </message>
    <message>
        <source>How sessions are stored: datastream, gob, json, or auto to detect (default).</source>
        <translation>Format de stockage des sessions : datastream, gob, json, ou auto pour le détecter (par défaut).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Never write to Redis.</source>
        <translation>Ne jamais écrire dans Redis.</translation>
    </message>
    <message>
        <source>The language of the window: en, de or fr.</source>
        <translation>La langue de la fenêtre : en, de ou fr.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>Connect, show the first session, save a PNG of the window to this file and quit.</source>
        <translation>Se connecter, afficher la première session, enregistrer une image PNG de la fenêtre dans ce fichier et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Unknown serializer “%1”: use datastream, gob, json or auto.</source>
        <translation>Sérialiseur « %1 » inconnu : utilisez datastream, gob, json ou auto.</translation>
    </message>
    <message>
        <source>--screenshot needs a URL: --url, --url-file or REDISTORE_URL.</source>
        <translation>--screenshot nécessite une URL : --url, --url-file ou REDISTORE_URL.</translation>
    </message>
    <message>
        <source>Read the URL from this file (“-”: standard input), so that a password stays out of the process list; REDISTORE_URL does the same. --url beats --url-file beats REDISTORE_URL.</source>
        <translation>Lire l’URL dans ce fichier (« - » : entrée standard), pour qu’un mot de passe n’apparaisse pas dans la liste des processus ; REDISTORE_URL fait de même. --url l’emporte sur --url-file, qui l’emporte sur REDISTORE_URL.</translation>
    </message>
    <message>
        <source>Give --url or --url-file, not both.</source>
        <translation>Indiquer --url ou --url-file, pas les deux.</translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation>Argument inattendu « %1 ».</translation>
    </message>
    <message>
        <source>Connect to this Redis at start: redis://[user:password@]host[:port][/db], rediss://... (TLS, with tls_ca, tls_cert, tls_key, tls_server_name, tls_verify=none parameters), unix:///path/to.sock, a Redis Cluster redis+cluster://host:port[,host:port...] or a master through Sentinel redis+sentinel://host:port[,host:port...]/MASTER[/db][?sentinel_password=...] (rediss+cluster://, rediss+sentinel:// with TLS).</source>
        <translation>Se connecter à ce Redis au démarrage : redis://[utilisateur:motdepasse@]hôte[:port][/base], rediss://... (TLS, avec les paramètres tls_ca, tls_cert, tls_key, tls_server_name, tls_verify=none), unix:///chemin/vers.sock, un Redis Cluster redis+cluster://hôte:port[,hôte:port...] ou un maître via Sentinel redis+sentinel://hôte:port[,hôte:port...]/MAÎTRE[/base][?sentinel_password=...] (rediss+cluster://, rediss+sentinel:// avec TLS).</translation>
    </message>
    <message>
        <source>The view to open (and, with --screenshot, to picture): sessions, users or statistics.</source>
        <translation>La vue à ouvrir (et, avec --screenshot, à photographier) : sessions, users ou statistics.</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use en, de or fr.</source>
        <translation>Langue « %1 » inconnue : utilisez en, de ou fr.</translation>
    </message>
    <message>
        <source>Unknown view “%1”: use sessions, users or statistics.</source>
        <translation>Vue « %1 » inconnue : utilisez sessions, users ou statistics.</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>the URL names user %1, the user field %2</source>
        <translation>l’URL indique l’utilisateur %1, le champ utilisateur %2</translation>
    </message>
    <message>
        <source>the URL and the password field give different passwords</source>
        <translation>l’URL et le champ mot de passe donnent des mots de passe différents</translation>
    </message>
    <message>
        <source>the URL selects database %1, the database field %2</source>
        <translation>l’URL choisit la base %1, le champ base %2</translation>
    </message>
    <message>
        <source>%1, database %2</source>
        <translation>%1, base %2</translation>
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
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <source>enter at least one node as host:port</source>
        <translation>saisissez au moins un nœud sous la forme hôte:port</translation>
    </message>
    <message>
        <source>“%1” is not a node address (host:port, [IPv6]:port)</source>
        <translation>« %1 » n’est pas une adresse de nœud (hôte:port, [IPv6]:port)</translation>
    </message>
    <message>
        <source>enter a redis://, rediss://, unix://, redis+cluster:// or redis+sentinel:// URL</source>
        <translation>saisissez une URL redis://, rediss://, unix://, redis+cluster:// ou redis+sentinel://</translation>
    </message>
    <message>
        <source>enter the name of the master that the sentinels watch</source>
        <translation>saisissez le nom du maître que surveillent les sentinelles</translation>
    </message>
    <message>
        <source>the URL and the sentinel password field give different sentinel passwords</source>
        <translation>l’URL et le champ du mot de passe des sentinelles donnent des mots de passe différents</translation>
    </message>
</context>
<context>
    <name>CookieInspector</name>
    <message>
        <source>This cookie is valid for the name “%1”, but the store reads the cookie “%2”: check the session name.</source>
        <translation>Ce cookie est valide pour le nom « %1 », mais le store lit le cookie « %2 » : vérifiez le nom de session.</translation>
    </message>
    <message>
        <source>Key pair %1: %2</source>
        <translation>Paire de clés %1 : %2</translation>
    </message>
    <message>
        <source>The cookie is signed correctly (key pair %1), but holds %2, not a session ID.</source>
        <translation>Le cookie est correctement signé (paire de clés %1), mais contient %2 au lieu d’un identifiant de session.</translation>
    </message>
    <message>
        <source>Valid: signed with key pair %1 of %2 for the cookie “%3”.</source>
        <translation>Valide : signé avec la paire de clés %1 sur %2 pour le cookie « %3 ».</translation>
    </message>
    <message>
        <source>The signature (MAC) does not match: the cookie was signed with another key or for another cookie name than “%1”, or it was changed.</source>
        <translation>La signature (MAC) ne correspond pas : le cookie a été signé avec une autre clé ou pour un autre nom de cookie que « %1 », ou il a été modifié.</translation>
    </message>
    <message>
        <source>No key of the ring matches: the signature (MAC) is wrong under all %1 key pairs. The cookie was signed with other keys or for another cookie name than “%2”, or it was changed.</source>
        <translation>Aucune clé du trousseau ne correspond : la signature (MAC) est fausse avec les %1 paires de clés. Le cookie a été signé avec d’autres clés ou pour un autre nom de cookie que « %2 », ou il a été modifié.</translation>
    </message>
    <message>
        <source>Expired: the cookie was signed on %1, more than %2 ago (the maximum age).</source>
        <translation>Expiré : le cookie a été signé le %1, il y a plus de %2 (l’âge maximal).</translation>
    </message>
    <message>
        <source>The cookie was signed too recently to be accepted (minimum age).</source>
        <translation>Le cookie a été signé trop récemment pour être accepté (âge minimal).</translation>
    </message>
    <message>
        <source>The signature matches, but the value does not decrypt: the block (encryption) key is wrong or missing.</source>
        <translation>La signature correspond, mais la valeur ne se déchiffre pas : la clé de bloc (de chiffrement) est fausse ou absente.</translation>
    </message>
    <message>
        <source>The signature matches, but the value inside is not a session ID: %1</source>
        <translation>La signature correspond, mais la valeur contenue n’est pas un identifiant de session : %1</translation>
    </message>
    <message>
        <source>No usable cookie keys: %1. Enter the store&apos;s keys first.</source>
        <translation>Aucune clé de cookie utilisable : %1. Saisissez d’abord les clés du store.</translation>
    </message>
    <message>
        <source>The cookie is longer than the store accepts (%1 characters).</source>
        <translation>Le cookie est plus long que ce que le store accepte (%1 caractères).</translation>
    </message>
    <message>
        <source>This is not a session cookie value: %1</source>
        <translation>Ce n’est pas une valeur de cookie de session : %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>no expiry</source>
        <translation>sans expiration</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparue</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 j %2 h</translation>
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
        <translation>maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n élément]</numerusform>
            <numerusform>[%n éléments]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n entry(s)}</source>
        <translation>
            <numerusform>{%n entrée}</numerusform>
            <numerusform>{%n entrées}</numerusform>
        </translation>
    </message>
    <message>
        <source>(no values)</source>
        <translation>(aucune valeur)</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Redis at %1 refused the connection. Is the server running, and is this the right address and port?</source>
        <translation>Redis à l’adresse %1 a refusé la connexion. Le serveur fonctionne-t-il, et l’adresse et le port sont-ils les bons ?</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The host may be down, or a firewall drops the connection.</source>
        <translation>Redis à l’adresse %1 n’a pas répondu à temps. L’hôte est peut-être arrêté, ou un pare-feu bloque la connexion.</translation>
    </message>
    <message>
        <source>The host of %1 could not be found. Check the host name.</source>
        <translation>L’hôte de %1 est introuvable. Vérifiez le nom d’hôte.</translation>
    </message>
    <message>
        <source>Redis at %1 requires a password. Enter the password (and the user name, if any) of this server.</source>
        <translation>Redis à l’adresse %1 exige un mot de passe. Saisissez le mot de passe (et le nom d’utilisateur, s’il y en a un) de ce serveur.</translation>
    </message>
    <message>
        <source>Redis at %1 rejected the user name or password.</source>
        <translation>Redis à l’adresse %1 a rejeté le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <source>Redis at %1 has no such database. Choose a lower database number.</source>
        <translation>Redis à l’adresse %1 n’a pas cette base. Choisissez un numéro de base plus petit.</translation>
    </message>
    <message>
        <source>The connection to Redis at %1 was lost.</source>
        <translation>La connexion à Redis à l’adresse %1 a été perdue.</translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The server may be busy or unreachable.</source>
        <translation>Redis à l’adresse %1 n’a pas répondu à temps. Le serveur est peut-être surchargé ou injoignable.</translation>
    </message>
    <message>
        <source>Too many requests are waiting for the connection to %1.</source>
        <translation>Trop de requêtes attendent la connexion à %1.</translation>
    </message>
    <message>
        <source>This Redis user is not allowed to do that: %1</source>
        <translation>Cet utilisateur Redis n’a pas le droit de faire cela : %1</translation>
    </message>
    <message>
        <source>Redis answered with an error: %1</source>
        <translation>Redis a répondu par une erreur : %1</translation>
    </message>
    <message>
        <source>The connection settings are not valid: %1</source>
        <translation>Les paramètres de connexion ne sont pas valides : %1</translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis à l’adresse %1 : %2</translation>
    </message>
    <message>
        <source>This session no longer exists: it expired or was deleted.</source>
        <translation>Cette session n’existe plus : elle a expiré ou a été supprimée.</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Mode lecture seule : rien n’a été écrit dans Redis.</translation>
    </message>
    <message>
        <source>The stored value does not decode: %1</source>
        <translation>La valeur stockée ne se décode pas : %1</translation>
    </message>
    <message>
        <source>No serializer reads the stored value: %1</source>
        <translation>Aucun sérialiseur ne lit la valeur stockée : %1</translation>
    </message>
    <message>
        <source>The values cannot be written with this serializer: %1</source>
        <translation>Les valeurs ne peuvent pas être écrites avec ce sérialiseur : %1</translation>
    </message>
    <message>
        <source>The session is too large to store: %1</source>
        <translation>La session est trop grande pour être stockée : %1</translation>
    </message>
    <message>
        <source>TLS cannot be set up for %1: %2</source>
        <translation>Impossible de configurer TLS pour %1 : %2</translation>
    </message>
    <message>
        <source>Redis at %1 did not complete a TLS handshake. Does this port speak TLS, and does the server accept this client certificate? (%2)</source>
        <translation>Redis à %1 n’a pas terminé la négociation TLS. Ce port parle-t-il TLS, et le serveur accepte-t-il ce certificat client ? (%2)</translation>
    </message>
    <message>
        <source>The certificate of Redis at %1 was refused: %2. Check the CA certificate and the host name.</source>
        <translation>Le certificat de Redis à %1 a été refusé : %2. Vérifiez le certificat de l’autorité et le nom d’hôte.</translation>
    </message>
    <message>
        <source>No sentinel of %1 answered. Are they running, and are these their addresses and password? %2</source>
        <translation>Aucune sentinelle de %1 n’a répondu. Fonctionnent-elles, et leurs adresses et leur mot de passe sont-ils les bons ? %2</translation>
    </message>
    <message>
        <source>The sentinels of %1 do not know this master: check the master&apos;s name. %2</source>
        <translation>Les sentinelles de %1 ne connaissent pas ce maître : vérifiez le nom du maître. %2</translation>
    </message>
    <message>
        <source>The server the sentinels name for %1 is not a master; a failover may be under way. %2</source>
        <translation>Le serveur que les sentinelles désignent pour %1 n’est pas un maître ; une bascule est peut-être en cours. %2</translation>
    </message>
    <message>
        <source>The Redis Cluster at %1 cannot serve this now; a failover may be under way. %2</source>
        <translation>Le Redis Cluster à %1 ne peut pas répondre pour l’instant ; une bascule est peut-être en cours. %2</translation>
    </message>
</context>
<context>
    <name>HexDump</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n octet de plus non affiché</numerusform>
            <numerusform>… %n octets de plus non affichés</numerusform>
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
        <translation>%1 : %2 sessions (%3)</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ConnectionDialog</name>
    <message>
        <source>Connect to Redis</source>
        <translation>Connexion à Redis</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Connexions enregistrées</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>e.g. Production (leave empty to not save)</source>
        <translation>p. ex. Production (laisser vide pour ne pas enregistrer)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Socket Unix</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>default user</source>
        <translation>utilisateur par défaut</translation>
    </message>
    <message>
        <source>ACL user:</source>
        <translation>Utilisateur ACL :</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Mémoriser</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain, never in the settings file</source>
        <translation>Conserver le mot de passe dans le gestionnaire de mots de passe du système, jamais dans le fichier de paramètres</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base :</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>Préfixe des clés :</translation>
    </message>
    <message>
        <source>Serializer:</source>
        <translation>Sérialiseur :</translation>
    </message>
    <message>
        <source>Read-only: never write to Redis</source>
        <translation>Lecture seule : ne jamais écrire dans Redis</translation>
    </message>
    <message>
        <source>Cookies (for the cookie inspector)</source>
        <translation>Cookies (pour l’inspecteur de cookies)</translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation>Nom du cookie :</translation>
    </message>
    <message>
        <source>One key pair per line: hash key [block key]</source>
        <translation>Une paire de clés par ligne : clé de hachage [clé de bloc]</translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation>Trousseau de clés :</translation>
    </message>
    <message>
        <source>Remember the keys</source>
        <translation>Mémoriser les clés</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Redis Unix socket</source>
        <translation>Socket Unix de Redis</translation>
    </message>
    <message>
        <source>Give the connection a name to save it.</source>
        <translation>Donnez un nom à la connexion pour l’enregistrer.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>« %1 » enregistrée.</translation>
    </message>
    <message>
        <source>Saved “%1” without the password.</source>
        <translation>« %1 » enregistrée sans le mot de passe.</translation>
    </message>
    <message>
        <source>Enter the key prefix of the sessions (Go&apos;s redistore uses “session_”).</source>
        <translation>Saisissez le préfixe des clés des sessions (redistore pour Go utilise « session_ »).</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Utiliser TLS</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>Without verification the connection is encrypted, but anyone between you and Redis can read and change it</source>
        <translation>Sans vérification, la connexion est chiffrée, mais quiconque se trouve entre vous et Redis peut la lire et la modifier</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS :</translation>
    </message>
    <message>
        <source>the system&apos;s CA certificates</source>
        <translation>les certificats d’autorité du système</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat d’autorité :</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat d’autorité</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>in the certificate file</source>
        <translation>dans le fichier du certificat</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client :</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>A hash key can forge any session. Remember the keys only on a computer you trust; they go to the system keychain.</source>
        <translation>Une clé de hachage permet de falsifier n’importe quelle session. Ne mémorisez les clés que sur un ordinateur de confiance ; elles sont placées dans le gestionnaire de mots de passe du système.</translation>
    </message>
    <message>
        <source>The password and cookie keys of this connection are no longer kept in the settings file and could not be moved to a keychain: type them again.</source>
        <translation>Le mot de passe et les clés de cookie de cette connexion ne sont plus conservés dans le fichier de paramètres et n’ont pu être placés dans aucun gestionnaire de mots de passe : saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>The keychain did not give the remembered password or keys: %1</source>
        <translation>Le gestionnaire de mots de passe n’a pas fourni le mot de passe ou les clés mémorisés : %1</translation>
    </message>
    <message>
        <source>Keep the keys in the system keychain</source>
        <translation>Conserver les clés dans le gestionnaire de mots de passe du système</translation>
    </message>
    <message>
        <source>Passwords and keys cannot be remembered: there is no system keychain.</source>
        <translation>Impossible de mémoriser les mots de passe et les clés : aucun gestionnaire de mots de passe du système n’est disponible.</translation>
    </message>
    <message>
        <source>Passwords and keys cannot be remembered: there is no system keychain (%1).</source>
        <translation>Impossible de mémoriser les mots de passe et les clés : aucun gestionnaire de mots de passe du système n’est disponible (%1).</translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Lecture du mot de passe dans le gestionnaire de mots de passe…</translation>
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
        <translation>Quelques nœuds du Redis Cluster, hôte:port séparés par des virgules ; les autres sont trouvés à partir d’eux</translation>
    </message>
    <message>
        <source>The sentinels, host:port separated by commas, in the order to ask them</source>
        <translation>Les sentinelles, hôte:port séparés par des virgules, dans l’ordre où les interroger</translation>
    </message>
    <message>
        <source>The name the sentinels know the master by</source>
        <translation>Le nom sous lequel les sentinelles connaissent le maître</translation>
    </message>
    <message>
        <source>Master:</source>
        <translation>Maître :</translation>
    </message>
    <message>
        <source>redis://, rediss:// (TLS, with tls_ca, tls_cert, tls_key, tls_server_name and tls_verify=none parameters) or unix://; a cluster: redis+cluster://host:port,host:port; sentinels: redis+sentinel://host:port,host:port/MASTER[/db][?sentinel_password=...]; rediss+cluster:// and rediss+sentinel:// with TLS</source>
        <translation>redis://, rediss:// (TLS, avec les paramètres tls_ca, tls_cert, tls_key, tls_server_name et tls_verify=none) ou unix:// ; un cluster : redis+cluster://hôte:port,hôte:port ; des sentinelles : redis+sentinel://hôte:port,hôte:port/MAÎTRE[/base][?sentinel_password=...] ; rediss+cluster:// et rediss+sentinel:// avec TLS</translation>
    </message>
    <message>
        <source>The sentinels&apos; own password, when they require one; remembered with the password</source>
        <translation>Le mot de passe propre aux sentinelles, si elles en demandent un ; mémorisé avec le mot de passe</translation>
    </message>
    <message>
        <source>Sentinel password:</source>
        <translation>Mot de passe des sentinelles :</translation>
    </message>
    <message>
        <source>One Redis server at a host and port</source>
        <translation>Un serveur Redis à un hôte et un port</translation>
    </message>
    <message>
        <source>A Redis Cluster: every master&apos;s sessions</source>
        <translation>Un Redis Cluster : les sessions de tous les maîtres</translation>
    </message>
    <message>
        <source>The master that Redis Sentinel names, followed after a failover</source>
        <translation>Le maître que désigne Redis Sentinel, suivi après une bascule</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Se connecter à :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Socket:</source>
        <translation>Socket :</translation>
    </message>
    <message>
        <source>Seed nodes:</source>
        <translation>Nœuds de départ :</translation>
    </message>
    <message>
        <source>Sentinels:</source>
        <translation>Sentinelles :</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL :</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::CookieInspectorDialog</name>
    <message>
        <source>Open session</source>
        <translation>Ouvrir la session</translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation>Inspecteur de cookies</translation>
    </message>
    <message>
        <source>Paste a session cookie: its value, “name=value”, or a whole Cookie: or Set-Cookie: header.</source>
        <translation>Collez un cookie de session : sa valeur, « nom=valeur », ou un en-tête Cookie: ou Set-Cookie: complet.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>One key pair per line: hash key, then the block key if the cookies are encrypted. hex:…, base64:… or plain text.</source>
        <translation>Une paire de clés par ligne : la clé de hachage, puis la clé de bloc si les cookies sont chiffrés. hex:…, base64:… ou texte brut.</translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation>Nom du cookie :</translation>
    </message>
    <message>
        <source>Maximum age:</source>
        <translation>Âge maximal :</translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation>Trousseau de clés :</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspecter</translation>
    </message>
    <message>
        <source>The key ring does not read: %1</source>
        <translation>Le trousseau de clés est illisible : %1</translation>
    </message>
    <message>
        <source>Looking the session up in Redis…</source>
        <translation>Recherche de la session dans Redis…</translation>
    </message>
    <message numerus="yes">
        <source>The session exists in Redis: %n value(s), %1.</source>
        <translation>
            <numerusform>La session existe dans Redis : %n valeur, %1.</numerusform>
            <numerusform>La session existe dans Redis : %n valeurs, %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>expire dans %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>sans expiration</translation>
    </message>
    <message>
        <source>The session is missing in Redis: it expired or was deleted, so this user is logged out.</source>
        <translation>La session est absente de Redis : elle a expiré ou a été supprimée, cet utilisateur est donc déconnecté.</translation>
    </message>
    <message>
        <source>Redis could not be asked: %1</source>
        <translation>Impossible d’interroger Redis : %1</translation>
    </message>
    <message>
        <source>No cookie found in the text.</source>
        <translation>Aucun cookie trouvé dans le texte.</translation>
    </message>
    <message>
        <source>(cookie value)</source>
        <translation>(valeur du cookie)</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>Identifiant de session :</translation>
    </message>
    <message>
        <source>Signed at %1</source>
        <translation>Signé le %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
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
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ExpireDialog</name>
    <message>
        <source>Expire in</source>
        <translation>Expire dans</translation>
    </message>
    <message>
        <source>Expire at</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Set expiry</source>
        <translation>Définir l’expiration</translation>
    </message>
    <message>
        <source>Choose when this session expires.</source>
        <translation>Choisissez quand cette session expire.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Redis deletes it at %1 (in %2).</source>
        <translation>Redis la supprimera le %1 (dans %2).</translation>
    </message>
    <message numerus="yes">
        <source>Choose when the %Ln selected sessions expire.</source>
        <translation>
            <numerusform>Choisissez quand la %Ln session sélectionnée expire.</numerusform>
            <numerusform>Choisissez quand les %Ln sessions sélectionnées expirent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set expiry of %Ln sessions</source>
        <translation>
            <numerusform>Définir l’expiration de %Ln session</numerusform>
            <numerusform>Définir l’expiration de %Ln sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::LiveUpdates</name>
    <message>
        <source>Not following changes</source>
        <translation>Modifications non suivies</translation>
    </message>
    <message>
        <source>Checking keyspace notifications…</source>
        <translation>Vérification des notifications d’espace de clés…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Refreshing every %1</source>
        <translation>Actualisation toutes les %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MainWindow</name>
    <message>
        <source>Connect…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Connect to another Redis or change the connection settings</source>
        <translation>Se connecter à un autre Redis ou modifier les paramètres de connexion</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Scan the sessions again</source>
        <translation>Parcourir à nouveau les sessions</translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation>Expiration…</translation>
    </message>
    <message>
        <source>Set when the selected sessions expire</source>
        <translation>Définir quand les sessions sélectionnées expirent</translation>
    </message>
    <message>
        <source>Persist</source>
        <translation>Rendre permanente</translation>
    </message>
    <message>
        <source>Remove the expiry of the selected sessions</source>
        <translation>Supprimer l’expiration des sessions sélectionnées</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected sessions now (their users are logged out)</source>
        <translation>Supprimer maintenant les sessions sélectionnées (leurs utilisateurs sont déconnectés)</translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation>Inspecteur de cookies</translation>
    </message>
    <message>
        <source>Decode a session cookie and open its session</source>
        <translation>Décoder un cookie de session et ouvrir sa session</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>Copier l’identifiant</translation>
    </message>
    <message>
        <source>Copy the session ID</source>
        <translation>Copier l’identifiant de la session</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Filter by session ID</source>
        <translation>Filtrer par identifiant de session</translation>
    </message>
    <message>
        <source>Search the values (e.g. a user name)</source>
        <translation>Rechercher dans les valeurs (p. ex. un nom d’utilisateur)</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation>Paramètres de connexion…</translation>
    </message>
    <message>
        <source>Retrying automatically…</source>
        <translation>Nouvelle tentative automatique…</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>La connexion est rétablie.</translation>
    </message>
    <message>
        <source>Listing the sessions failed: %1</source>
        <translation>L’énumération des sessions a échoué : %1</translation>
    </message>
    <message>
        <source>This Redis does not send keyspace notifications, so changes show up only when the sessions are rescanned. Turn them on for live updates? (This runs CONFIG SET notify-keyspace-events “%1” on the server.)</source>
        <translation>Ce Redis n’envoie pas de notifications d’espace de clés : les modifications n’apparaissent qu’au prochain parcours des sessions. Les activer pour des mises à jour en direct ? (Cela exécute CONFIG SET notify-keyspace-events « %1 » sur le serveur.)</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Could not turn keyspace notifications on: %1</source>
        <translation>Impossible d’activer les notifications d’espace de clés : %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Discard the changes?</source>
        <translation>Les valeurs de la session %1 ont été modifiées mais pas enregistrées. Abandonner les modifications ?</translation>
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
        <translation>(lecture seule)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connection lost, retrying</source>
        <translation>Connexion perdue, nouvelle tentative</translation>
    </message>
    <message>
        <source>%1 · database %2 · %3*</source>
        <translation>%1 · base %2 · %3*</translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Quit anyway?</source>
        <translation>Les valeurs de la session %1 ont été modifiées mais pas enregistrées. Quitter quand même ?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer à modifier</translation>
    </message>
    <message>
        <source>%1 · %2*</source>
        <translation>%1 · %2*</translation>
    </message>
    <message>
        <source>Filter by ID</source>
        <translation>Filtrer par identifiant</translation>
    </message>
    <message>
        <source>Show only the sessions whose ID contains a text</source>
        <translation>N’afficher que les sessions dont l’identifiant contient un texte</translation>
    </message>
    <message>
        <source>Search the values</source>
        <translation>Rechercher dans les valeurs</translation>
    </message>
    <message>
        <source>Show only the sessions whose values contain a text</source>
        <translation>N’afficher que les sessions dont les valeurs contiennent un texte</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>About RediStore Admin</source>
        <translation>À propos de RediStore Admin</translation>
    </message>
    <message>
        <source>Export Sessions…</source>
        <translation>Exporter des sessions…</translation>
    </message>
    <message>
        <source>Save the selected sessions (or all, when none is selected) to a JSON file</source>
        <translation>Enregistrer les sessions sélectionnées (ou toutes, si aucune ne l’est) dans un fichier JSON</translation>
    </message>
    <message>
        <source>Import Sessions…</source>
        <translation>Importer des sessions…</translation>
    </message>
    <message>
        <source>Store the sessions of an exported JSON file</source>
        <translation>Enregistrer les sessions d’un fichier JSON exporté</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;RediStore Admin %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Browses, edits and expires the sessions that RediStore for Qt and Go&apos;s redistore keep in Redis.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;RediStore Admin %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Parcourt, modifie et fait expirer les sessions que RediStore pour Qt et redistore pour Go gardent dans Redis.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Show the %1 view</source>
        <translation>Afficher la vue « %1 »</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sessions</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Stop Export or Import</source>
        <translation>Arrêter l’export ou l’import</translation>
    </message>
    <message>
        <source>Stop the export or import under way</source>
        <translation>Arrêter l’export ou l’import en cours</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::PreviewCache</name>
    <message>
        <source>(gone)</source>
        <translation>(disparue)</translation>
    </message>
    <message>
        <source>does not decode: %1</source>
        <translation>indécodable : %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SecretStore</name>
    <message>
        <source>the keychain did not answer</source>
        <translation>le gestionnaire de mots de passe n’a pas répondu</translation>
    </message>
    <message>
        <source>no keychain is running</source>
        <translation>aucun gestionnaire de mots de passe n’est lancé</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionActions</name>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Mode lecture seule : rien n’a été écrit dans Redis.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Remove expiry</source>
        <translation>Supprimer l’expiration</translation>
    </message>
    <message>
        <source>Delete session %1 now? Its user is logged out at once.</source>
        <translation>Supprimer la session %1 maintenant ? Son utilisateur est déconnecté immédiatement.</translation>
    </message>
    <message>
        <source>Delete sessions</source>
        <translation>Supprimer des sessions</translation>
    </message>
    <message numerus="yes">
        <source>Remove the expiry of %Ln session(s)? They will be kept until someone deletes them.</source>
        <translation>
            <numerusform>Supprimer l’expiration de %Ln session ? Elle sera conservée jusqu’à ce que quelqu’un la supprime.</numerusform>
            <numerusform>Supprimer l’expiration de %Ln sessions ? Elles seront conservées jusqu’à ce que quelqu’un les supprime.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persist %Ln session(s)</source>
        <translation>
            <numerusform>Rendre %Ln session permanente</numerusform>
            <numerusform>Rendre %Ln sessions permanentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s) now? Their users are logged out at once. This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %Ln session maintenant ? Son utilisateur est déconnecté immédiatement. Cette action est irréversible.</numerusform>
            <numerusform>Supprimer %Ln sessions maintenant ? Leurs utilisateurs sont déconnectés immédiatement. Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s)</source>
        <translation>
            <numerusform>Supprimer %Ln session</numerusform>
            <numerusform>Supprimer %Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) now expire in %1.</source>
        <translation>
            <numerusform>%Ln session expire désormais dans %1.</numerusform>
            <numerusform>%Ln sessions expirent désormais dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) no longer expire.</source>
        <translation>
            <numerusform>%Ln session n’expire plus.</numerusform>
            <numerusform>%Ln sessions n’expirent plus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer existed.</source>
        <translation>
            <numerusform>%Ln n’existait plus.</numerusform>
            <numerusform>%Ln n’existaient plus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be changed: %1</source>
        <translation>
            <numerusform>%Ln n’a pas pu être modifiée : %1</numerusform>
            <numerusform>%Ln n’ont pas pu être modifiées : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln session(s).</source>
        <translation>
            <numerusform>%Ln session supprimée.</numerusform>
            <numerusform>%Ln sessions supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionConnection</name>
    <message>
        <source>Unknown serializer “%1”. Choose datastream, gob, json or auto.</source>
        <translation>Sérialiseur « %1 » inconnu. Choisissez datastream, gob, json ou auto.</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionDetailWidget</name>
    <message>
        <source>Select a session to see its values.</source>
        <translation>Sélectionnez une session pour voir ses valeurs.</translation>
    </message>
    <message>
        <source>SESSION</source>
        <translation>SESSION</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <source>Add an entry next to the selected one</source>
        <translation>Ajouter une entrée à côté de celle sélectionnée</translation>
    </message>
    <message>
        <source>Add inside</source>
        <translation>Ajouter dedans</translation>
    </message>
    <message>
        <source>Add an entry inside the selected map or list</source>
        <translation>Ajouter une entrée dans la table ou la liste sélectionnée</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Supprimer l’entrée</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Write the values back, with the same serializer, keeping the TTL</source>
        <translation>Réécrire les valeurs avec le même sérialiseur, en conservant le TTL</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation>Expiration…</translation>
    </message>
    <message>
        <source>Persist</source>
        <translation>Rendre permanente</translation>
    </message>
    <message>
        <source>Remove the expiry: the session is kept until deleted</source>
        <translation>Supprimer l’expiration : la session est conservée jusqu’à sa suppression</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>Does not decode: %1</source>
        <translation>Indécodable : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n valeur</numerusform>
            <numerusform>%n valeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>The raw bytes are shown as they are.</source>
        <translation>Les octets bruts sont affichés tels quels.</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparue</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>sans expiration</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>expire dans %1</translation>
    </message>
    <message>
        <source>Saved with %1. The TTL was kept.</source>
        <translation>Enregistrée avec %1. Le TTL a été conservé.</translation>
    </message>
    <message>
        <source>This session no longer exists in Redis: it expired or was deleted. Saving will not re-create it.</source>
        <translation>Cette session n’existe plus dans Redis : elle a expiré ou a été supprimée. L’enregistrement ne la recréera pas.</translation>
    </message>
    <message>
        <source>This session was changed in Redis since you opened it.</source>
        <translation>Cette session a été modifiée dans Redis depuis que vous l’avez ouverte.</translation>
    </message>
    <message>
        <source>Discard my edits and reload</source>
        <translation>Abandonner mes modifications et recharger</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Disparue</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifiée</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionTableModel</name>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Expire le %1</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Identifiant de session</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Time to live: when Redis deletes the session</source>
        <translation>Durée de vie : moment où Redis supprime la session</translation>
    </message>
    <message>
        <source>Bytes stored in Redis</source>
        <translation>Octets stockés dans Redis</translation>
    </message>
    <message>
        <source>The session&apos;s values, decoded</source>
        <translation>Les valeurs de la session, décodées</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatisticsView</name>
    <message>
        <source>Time to live</source>
        <translation>Durée de vie restante</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Serializer</source>
        <translation>Sérialiseur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Copy numbers</source>
        <translation>Copier les chiffres</translation>
    </message>
    <message>
        <source>Copy every chart&apos;s numbers as text (%1)</source>
        <translation>Copier les chiffres de chaque graphique en texte (%1)</translation>
    </message>
    <message>
        <source>Users with the most sessions</source>
        <translation>Utilisateurs ayant le plus de sessions</translation>
    </message>
    <message>
        <source>No per-user index</source>
        <translation>Pas d’index par utilisateur</translation>
    </message>
    <message>
        <source>No sessions listed yet</source>
        <translation>Aucune session listée pour l’instant</translation>
    </message>
    <message>
        <source>%1 chart</source>
        <translation>Graphique « %1 »</translation>
    </message>
    <message>
        <source>%1 numbers</source>
        <translation>Chiffres « %1 »</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>The scan stopped (%1). The numbers cover the %2 sessions listed so far.</source>
        <translation>Le parcours s’est arrêté (%1). Les chiffres portent sur les %2 sessions listées jusque-là.</translation>
    </message>
    <message>
        <source>%1 sessions, as of the last scan (%2). Sessions changed since are counted at the next refresh.</source>
        <translation>%1 sessions, au dernier parcours (%2). Les sessions modifiées depuis seront comptées à la prochaine actualisation.</translation>
    </message>
    <message>
        <source>Scanning… %1 of about %2 sessions listed.</source>
        <translation>Parcours en cours… %1 sessions listées sur environ %2.</translation>
    </message>
    <message>
        <source>Scanning… %1 sessions listed.</source>
        <translation>Parcours en cours… %1 sessions listées.</translation>
    </message>
    <message>
        <source>Gone while listed</source>
        <translation>Disparues</translation>
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
        <translation>&lt; 1 heure</translation>
    </message>
    <message>
        <source>&lt; 6 hours</source>
        <translation>&lt; 6 heures</translation>
    </message>
    <message>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 jour</translation>
    </message>
    <message>
        <source>&lt; 7 days</source>
        <translation>&lt; 7 jours</translation>
    </message>
    <message>
        <source>7 days or more</source>
        <translation>7 jours ou plus</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Sans expiration</translation>
    </message>
    <message>
        <source>&lt; 64 B</source>
        <translation>&lt; 64 o</translation>
    </message>
    <message>
        <source>&lt; 256 B</source>
        <translation>&lt; 256 o</translation>
    </message>
    <message>
        <source>&lt; 1 KiB</source>
        <translation>&lt; 1 Kio</translation>
    </message>
    <message>
        <source>&lt; 4 KiB</source>
        <translation>&lt; 4 Kio</translation>
    </message>
    <message>
        <source>&lt; 16 KiB</source>
        <translation>&lt; 16 Kio</translation>
    </message>
    <message>
        <source>&lt; 64 KiB</source>
        <translation>&lt; 64 Kio</translation>
    </message>
    <message>
        <source>64 KiB or more</source>
        <translation>64 Kio ou plus</translation>
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
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Time left when listed: %1 without expiry, %2 gone between listing and reading.</source>
        <translation>Temps restant au listage : %1 sans expiration, %2 disparues entre le listage et la lecture.</translation>
    </message>
    <message>
        <source>%1 in all · smallest %2 · median about %3 · largest %4</source>
        <translation>%1 au total · plus petite %2 · médiane environ %3 · plus grande %4</translation>
    </message>
    <message>
        <source>Told apart by the first bytes of each value (not decoded).</source>
        <translation>Distingués par les premiers octets de chaque valeur (non décodée).</translation>
    </message>
    <message>
        <source>Reading the per-user index…</source>
        <translation>Lecture de l’index par utilisateur…</translation>
    </message>
    <message>
        <source>No per-user index: these sessions are not indexed by user (withUserIndex), or nobody is logged in.</source>
        <translation>Pas d’index par utilisateur : ces sessions ne sont pas indexées par utilisateur (withUserIndex), ou personne n’est connecté.</translation>
    </message>
    <message>
        <source>The first %1 users of the per-user index, %2 sessions; more are indexed.</source>
        <translation>Les %1 premiers utilisateurs de l’index, %2 sessions ; d’autres sont indexés.</translation>
    </message>
    <message>
        <source>%1 users in the per-user index, %2 sessions in all. Shares are of those sessions.</source>
        <translation>%1 utilisateurs dans l’index, %2 sessions au total. Les parts portent sur ces sessions.</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatusPanel</name>
    <message>
        <source>READ-ONLY</source>
        <translation>LECTURE SEULE</translation>
    </message>
    <message>
        <source>Nothing is ever written to Redis in this window</source>
        <translation>Cette fenêtre n’écrit jamais rien dans Redis</translation>
    </message>
    <message>
        <source>Every session is listed</source>
        <translation>Toutes les sessions sont listées</translation>
    </message>
    <message>
        <source>Scanning… %1%</source>
        <translation>Parcours… %1 %</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Parcours…</translation>
    </message>
    <message>
        <source>Searching values: %1 of %2 checked</source>
        <translation>Recherche dans les valeurs : %1 sur %2 vérifiées</translation>
    </message>
    <message>
        <source>Value search done (%1 checked)</source>
        <translation>Recherche dans les valeurs terminée (%1 vérifiées)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln session(s) shown</source>
        <translation>
            <numerusform>Affichage : %1 sur %Ln session</numerusform>
            <numerusform>Affichage : %1 sur %Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster (seeds %1)</source>
        <translation>Cluster (nœuds de départ %1)</translation>
    </message>
    <message numerus="yes">
        <source>Cluster: %n master(s) (%1)</source>
        <translation>
            <numerusform>Cluster : %n maître (%1)</numerusform>
            <numerusform>Cluster : %n maîtres (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sentinel %1 → %2</source>
        <translation>Sentinel %1 → %2</translation>
    </message>
    <message>
        <source>Sentinel %1 (sentinels %2)</source>
        <translation>Sentinel %1 (sentinelles %2)</translation>
    </message>
    <message>
        <source>Seed nodes:</source>
        <translation>Nœuds de départ :</translation>
    </message>
    <message>
        <source>Masters:</source>
        <translation>Maîtres :</translation>
    </message>
    <message>
        <source>Master %1 at %2</source>
        <translation>Maître %1 sur %2</translation>
    </message>
    <message>
        <source>Sentinels:</source>
        <translation>Sentinelles :</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::TransferActions</name>
    <message>
        <source>Export Sessions</source>
        <translation>Exporter des sessions</translation>
    </message>
    <message>
        <source>Import Sessions</source>
        <translation>Importer des sessions</translation>
    </message>
    <message>
        <source>Session exports (*.json);;All files (*)</source>
        <translation>Exports de sessions (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Some sessions in the file may exist already. Keep those, or replace them with the file&apos;s?</source>
        <translation>Certaines sessions du fichier existent peut-être déjà. Les garder, ou les remplacer par celles du fichier ?</translation>
    </message>
    <message>
        <source>Keep Existing</source>
        <translation>Garder les existantes</translation>
    </message>
    <message>
        <source>Replace Existing</source>
        <translation>Remplacer les existantes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>An export or import is running already.</source>
        <translation>Un export ou un import est déjà en cours.</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Mode lecture seule : rien n’a été écrit dans Redis.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 sessions…</source>
        <translation>%1 sessions exportées sur %2…</translation>
    </message>
    <message>
        <source>Exported %1 sessions…</source>
        <translation>%1 sessions exportées…</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Export des sessions…</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>L’export a été annulé ; %1 n’a pas été écrit.</translation>
    </message>
    <message>
        <source>The export failed, and %1 was not written: %2</source>
        <translation>L’export a échoué et %1 n’a pas été écrit : %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n session exportée vers %1.</numerusform>
            <numerusform>%n sessions exportées vers %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them do not decode and were saved as stored bytes.</source>
        <translation>
            <numerusform>%n d’entre elles ne se décode pas et a été enregistrée telle que stockée.</numerusform>
            <numerusform>%n d’entre elles ne se décodent pas et ont été enregistrées telles que stockées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Imported %1 sessions, kept %2 existing, %3 failed…</source>
        <translation>%1 sessions importées, %2 existantes gardées, %3 en échec…</translation>
    </message>
    <message>
        <source>Importing sessions…</source>
        <translation>Import des sessions…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s) from %1.</source>
        <translation>
            <numerusform>%n session importée depuis %1.</numerusform>
            <numerusform>%n sessions importées depuis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing session(s) kept.</source>
        <translation>
            <numerusform>%n session existante gardée.</numerusform>
            <numerusform>%n sessions existantes gardées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired session(s) left out.</source>
        <translation>
            <numerusform>%n session expirée laissée de côté.</numerusform>
            <numerusform>%n sessions expirées laissées de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) failed, the first: %1</source>
        <translation>
            <numerusform>%n session en échec : %1</numerusform>
            <numerusform>%n sessions en échec, la première : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>L’import s’est arrêté : %1</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UserListModel</name>
    <message numerus="yes">
        <source>%1: %n live session(s)</source>
        <translation>
            <numerusform>%1 : %n session active</numerusform>
            <numerusform>%1 : %n sessions actives</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UserSessionsModel</name>
    <message>
        <source>(gone)</source>
        <translation>(disparue)</translation>
    </message>
    <message>
        <source>(not decoded: %1)</source>
        <translation>(non décodée : %1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Identifiant de session</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Last values</source>
        <translation>Dernières valeurs</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UsersView</name>
    <message>
        <source>Find a user</source>
        <translation>Trouver un utilisateur</translation>
    </message>
    <message>
        <source>Show the users and type a part of a user&apos;s name or ID</source>
        <translation>Afficher les utilisateurs et saisir une partie du nom ou de l’identifiant d’un utilisateur</translation>
    </message>
    <message>
        <source>End all sessions of the user…</source>
        <translation>Mettre fin à toutes les sessions de l’utilisateur…</translation>
    </message>
    <message>
        <source>Log the chosen user out everywhere: every session of theirs ends</source>
        <translation>Déconnecter partout l’utilisateur choisi : toutes ses sessions prennent fin</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Find a user (%1)</source>
        <translation>Trouver un utilisateur (%1)</translation>
    </message>
    <message>
        <source>Read the users again (%1)</source>
        <translation>Relire les utilisateurs (%1)</translation>
    </message>
    <message>
        <source>A user&apos;s name or ID</source>
        <translation>Nom ou identifiant d’un utilisateur</translation>
    </message>
    <message>
        <source>Search the values</source>
        <translation>Rechercher dans les valeurs</translation>
    </message>
    <message>
        <source>End all sessions…</source>
        <translation>Mettre fin à toutes les sessions…</translation>
    </message>
    <message>
        <source>Reading the users…</source>
        <translation>Lecture des utilisateurs…</translation>
    </message>
    <message>
        <source>Reading the users failed: %1</source>
        <translation>La lecture des utilisateurs a échoué : %1</translation>
    </message>
    <message>
        <source>No per-user index</source>
        <translation>Pas d’index par utilisateur</translation>
    </message>
    <message>
        <source>No user is indexed under the prefix “%1”: its sessions were stored without RedisStore&apos;s withUserIndex option, or nobody is logged in. You can still find a user&apos;s sessions by searching every session&apos;s values for their name or ID (this reads every session).</source>
        <translation>Aucun utilisateur n’est indexé sous le préfixe « %1 » : ses sessions ont été enregistrées sans l’option withUserIndex de RedisStore, ou personne n’est connecté. Vous pouvez tout de même trouver les sessions d’un utilisateur en cherchant son nom ou son identifiant dans les valeurs de chaque session (toutes les sessions sont lues).</translation>
    </message>
    <message>
        <source>The first %1 users of the per-user index</source>
        <translation>Les %1 premiers utilisateurs de l’index</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) in the per-user index</source>
        <translation>
            <numerusform>%n utilisateur dans l’index</numerusform>
            <numerusform>%n utilisateurs dans l’index</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a user to see their sessions.</source>
        <translation>Choisissez un utilisateur pour voir ses sessions.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — reading their sessions…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — lecture de ses sessions…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %n live session(s), from the per-user index</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n session active, d’après l’index par utilisateur</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n sessions actives, d’après l’index par utilisateur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions whose values contain &lt;b&gt;%1&lt;/b&gt; — %n found</source>
        <translation>
            <numerusform>Sessions dont les valeurs contiennent &lt;b&gt;%1&lt;/b&gt; — %n trouvée</numerusform>
            <numerusform>Sessions dont les valeurs contiennent &lt;b&gt;%1&lt;/b&gt; — %n trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 read, by a value search (no per-user index)</source>
        <translation>sur %1 lues, par une recherche dans les valeurs (pas d’index par utilisateur)</translation>
    </message>
    <message>
        <source>; searching…</source>
        <translation> ; recherche en cours…</translation>
    </message>
    <message>
        <source>(only the first %1 shown)</source>
        <translation>(seules les %1 premières sont affichées)</translation>
    </message>
    <message>
        <source>Reading failed: %1</source>
        <translation>La lecture a échoué : %1</translation>
    </message>
    <message>
        <source>Read-only profile: sessions cannot be ended from here</source>
        <translation>Profil en lecture seule : impossible de mettre fin aux sessions ici</translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation>Mode lecture seule : rien n’a été écrit dans Redis.</translation>
    </message>
    <message>
        <source>End all sessions of %1</source>
        <translation>Mettre fin à toutes les sessions de %1</translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of user “%1”? They are logged out everywhere, at once.</source>
        <translation>
            <numerusform>Mettre fin à la session de l’utilisateur « %1 » (%n) ? Il est déconnecté partout, tout de suite.</numerusform>
            <numerusform>Mettre fin aux %n sessions de l’utilisateur « %1 » ? Il est déconnecté partout, tout de suite.</numerusform>
        </translation>
    </message>
    <message>
        <source>End the sessions</source>
        <translation>Mettre fin aux sessions</translation>
    </message>
    <message>
        <source>Delete the sessions found</source>
        <translation>Supprimer les sessions trouvées</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n session(s) whose values contain “%1”? There is no per-user index, so these are the sessions the value search found.</source>
        <translation>
            <numerusform>Supprimer la session (%n) dont les valeurs contiennent « %1 » ? Il n’y a pas d’index par utilisateur : c’est la session trouvée par la recherche dans les valeurs.</numerusform>
            <numerusform>Supprimer les %n sessions dont les valeurs contiennent « %1 » ? Il n’y a pas d’index par utilisateur : ce sont les sessions trouvées par la recherche dans les valeurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the sessions</source>
        <translation>Supprimer les sessions</translation>
    </message>
    <message>
        <source>Ending the sessions of %1 failed: %2</source>
        <translation>La fin des sessions de %1 a échoué : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) of %1 ended.</source>
        <translation>
            <numerusform>%n session de %1 terminée.</numerusform>
            <numerusform>%n sessions de %1 terminées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) deleted.</source>
        <translation>
            <numerusform>%n session supprimée.</numerusform>
            <numerusform>%n sessions supprimées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueDelegate</name>
    <message>
        <source>hexadecimal, e.g. 48 65 6c 6c 6f</source>
        <translation>hexadécimal, p. ex. 48 65 6c 6c 6f</translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueTreeModel</name>
    <message numerus="yes">
        <source>%1 (%n entry(s))</source>
        <translation>
            <numerusform>%1 (%n entrée)</numerusform>
            <numerusform>%1 (%n entrées)</numerusform>
        </translation>
    </message>
    <message>
        <source>A key cannot be empty.</source>
        <translation>Une clé ne peut pas être vide.</translation>
    </message>
    <message>
        <source>There is already an entry called “%1” here.</source>
        <translation>Il existe déjà une entrée nommée « %1 » ici.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>“%1” is not a valid value of type %2.</source>
        <translation>« %1 » n’est pas une valeur valide de type %2.</translation>
    </message>
</context>
<context>
    <name>ValueType</name>
    <message>
        <source>Null</source>
        <translation>Nul</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Integer</source>
        <translation>Entier</translation>
    </message>
    <message>
        <source>Unsigned integer</source>
        <translation>Entier non signé</translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation>Nombre à virgule flottante</translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation>Booléen</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre type</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation>
            <numerusform>%1 (%n octet)</numerusform>
            <numerusform>%1 (%n octets)</numerusform>
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
