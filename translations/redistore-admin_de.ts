<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Browse, edit and expire the web sessions that RediStore and Go&apos;s redistore keep in Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this Redis at start: redis://[user:password@]host[:port][/db] or unix:///path/to.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key prefix of the sessions (default session_).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sessions are stored: datastream, gob, json, or auto to detect (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never write to Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window: en, de or fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect, show the first session, save a PNG of the window to this file and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown serializer “%1”: use datastream, gob, json or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs --url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>enter a redis:// or unix:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL names user %1, the user field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL and the password field give different passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL selects database %1, the database field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, database %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt DataStream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go gob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CookieInspector</name>
    <message>
        <source>This cookie is valid for the name “%1”, but the store reads the cookie “%2”: check the session name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pair %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cookie is signed correctly (key pair %1), but holds %2, not a session ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: signed with key pair %1 of %2 for the cookie “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature (MAC) does not match: the cookie was signed with another key or for another cookie name than “%1”, or it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key of the ring matches: the signature (MAC) is wrong under all %1 key pairs. The cookie was signed with other keys or for another cookie name than “%2”, or it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: the cookie was signed on %1, more than %2 ago (the maximum age).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cookie was signed too recently to be accepted (minimum age).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature matches, but the value does not decrypt: the block (encryption) key is wrong or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature matches, but the value inside is not a session ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable cookie keys: %1. Enter the store&apos;s keys first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cookie is longer than the store accepts (%1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a session cookie value: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n entry(s)}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(no values)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Redis at %1 refused the connection. Is the server running, and is this the right address and port?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The host may be down, or a firewall drops the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of %1 could not be found. Check the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1 rejected the user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1 has no such database. Choose a lower database number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Redis at %1 was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1 did not answer in time. The server may be busy or unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests are waiting for the connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Redis user is not allowed to do that: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis answered with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session no longer exists: it expired or was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored value does not decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serializer reads the stored value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values cannot be written with this serializer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is too large to store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HexDump</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ConnectionDialog</name>
    <message>
        <source>Connect to Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Production (leave empty to not save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACL user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the password in the settings file (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serializer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: never write to Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookies (for the cookie inspector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One key pair per line: hash key [block key]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1” without the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the key prefix of the sessions (Go&apos;s redistore uses “session_”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::CookieInspectorDialog</name>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a session cookie: its value, “name=value”, or a whole Cookie: or Set-Cookie: header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One key pair per line: hash key, then the block key if the cookies are encrypted. hex:…, base64:… or plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie: session=MTc1MDAwMDAwMHxOd3dBTkU1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key ring does not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking the session up in Redis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The session exists in Redis: %n value(s), %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is missing in Redis: it expired or was deleted, so this user is logged out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cookie found in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cookie value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ExpireDialog</name>
    <message>
        <source>Expire in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when this session expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose when the %n selected sessions expire.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Set expiry of %n sessions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Redis deletes it at %1 (in %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::LiveUpdates</name>
    <message>
        <source>Not following changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking keyspace notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing every %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MainWindow</name>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to another Redis or change the connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the sessions again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set when the selected sessions expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the expiry of the selected sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected sessions now (their users are logged out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode a session cookie and open its session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the values (e.g. a user name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying automatically…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the sessions failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Redis does not send keyspace notifications, so changes show up only when the sessions are rescanned. Turn them on for live updates? (This runs CONFIG SET notify-keyspace-events “%1” on the server.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not turn keyspace notifications on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Discard the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RediStore Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — RediStore Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · database %2 · %3*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Redis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values of session %1 were changed but not saved. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::PreviewCache</name>
    <message>
        <source>(gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionActions</name>
    <message>
        <source>Read-only mode: nothing was written to Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the expiry of %n session(s)? They will be kept until someone deletes them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persist %n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete session %1 now? Its user is logged out at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n session(s) now? Their users are logged out at once. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) now expire in %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) no longer expire.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer existed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be changed: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n session(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionConnection</name>
    <message>
        <source>Unknown serializer “%1”. Choose datastream, gob, json or auto.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionDetailWidget</name>
    <message>
        <source>Select a session to see its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SESSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry next to the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry inside the selected map or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the values back, with the same serializer, keeping the TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the expiry: the session is kept until deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The raw bytes are shown as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved with %1. The TTL was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session no longer exists in Redis: it expired or was deleted. Saving will not re-create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session was changed in Redis since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my edits and reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionTableModel</name>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live: when Redis deletes the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes stored in Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s values, decoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatusPanel</name>
    <message>
        <source>READ-ONLY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is ever written to Redis in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every session is listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching values: %1 of %2 checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value search done (%1 checked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueDelegate</name>
    <message>
        <source>hexadecimal, e.g. 48 65 6c 6c 6f</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueTreeModel</name>
    <message numerus="yes">
        <source>%1 (%n entry(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A key cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an entry called “%1” here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new_key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueType</name>
    <message>
        <source>Null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RediStore Admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
