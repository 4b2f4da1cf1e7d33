<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DisplayFormat</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
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
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n entry(s)}</source>
        <translation>
            <numerusform>{%n entry}</numerusform>
            <numerusform>{%n entries}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HexDump</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n more byte not shown</numerusform>
            <numerusform>… %n more bytes not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::CookieInspectorDialog</name>
    <message numerus="yes">
        <source>The session exists in Redis: %n value(s), %1.</source>
        <translation>
            <numerusform>The session exists in Redis: %n value, %1.</numerusform>
            <numerusform>The session exists in Redis: %n values, %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ExpireDialog</name>
    <message numerus="yes">
        <source>Choose when the %Ln selected sessions expire.</source>
        <translation>
            <numerusform>Choose when the %Ln selected session expires.</numerusform>
            <numerusform>Choose when the %Ln selected sessions expire.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set expiry of %Ln sessions</source>
        <translation>
            <numerusform>Set expiry of %Ln session</numerusform>
            <numerusform>Set expiry of %Ln sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionActions</name>
    <message numerus="yes">
        <source>Remove the expiry of %Ln session(s)? They will be kept until someone deletes them.</source>
        <translation>
            <numerusform>Remove the expiry of %Ln session? It will be kept until someone deletes it.</numerusform>
            <numerusform>Remove the expiry of %Ln sessions? They will be kept until someone deletes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persist %Ln session(s)</source>
        <translation>
            <numerusform>Persist %Ln session</numerusform>
            <numerusform>Persist %Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s) now? Their users are logged out at once. This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln session now? Its user is logged out at once. This cannot be undone.</numerusform>
            <numerusform>Delete %Ln sessions now? Their users are logged out at once. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln session(s)</source>
        <translation>
            <numerusform>Delete %Ln session</numerusform>
            <numerusform>Delete %Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) now expire in %1.</source>
        <translation>
            <numerusform>%Ln session now expires in %1.</numerusform>
            <numerusform>%Ln sessions now expire in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) no longer expire.</source>
        <translation>
            <numerusform>%Ln session no longer expires.</numerusform>
            <numerusform>%Ln sessions no longer expire.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer existed.</source>
        <translation>
            <numerusform>%Ln no longer existed.</numerusform>
            <numerusform>%Ln no longer existed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be changed: %1</source>
        <translation>
            <numerusform>%Ln could not be changed: %1</numerusform>
            <numerusform>%Ln could not be changed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln session(s).</source>
        <translation>
            <numerusform>Deleted %Ln session.</numerusform>
            <numerusform>Deleted %Ln sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionDetailWidget</name>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatusPanel</name>
    <message numerus="yes">
        <source>%1 of %Ln session(s) shown</source>
        <translation>
            <numerusform>%1 of %Ln session shown</numerusform>
            <numerusform>%1 of %Ln sessions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cluster: %n master(s) (%1)</source>
        <translation>
            <numerusform>Cluster: %n master (%1)</numerusform>
            <numerusform>Cluster: %n masters (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::TransferActions</name>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>Exported %n session to %1.</numerusform>
            <numerusform>Exported %n sessions to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them do not decode and were saved as stored bytes.</source>
        <translation>
            <numerusform>%n of them does not decode and was saved as stored bytes.</numerusform>
            <numerusform>%n of them do not decode and were saved as stored bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s) from %1.</source>
        <translation>
            <numerusform>Imported %n session from %1.</numerusform>
            <numerusform>Imported %n sessions from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing session(s) kept.</source>
        <translation>
            <numerusform>%n existing session kept.</numerusform>
            <numerusform>%n existing sessions kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired session(s) left out.</source>
        <translation>
            <numerusform>%n expired session left out.</numerusform>
            <numerusform>%n expired sessions left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) failed, the first: %1</source>
        <translation>
            <numerusform>%n session failed, the first: %1</numerusform>
            <numerusform>%n sessions failed, the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UserListModel</name>
    <message numerus="yes">
        <source>%1: %n live session(s)</source>
        <translation>
            <numerusform>%1: %n live session</numerusform>
            <numerusform>%1: %n live sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::UsersView</name>
    <message numerus="yes">
        <source>%n user(s) in the per-user index</source>
        <translation>
            <numerusform>%n user in the per-user index</numerusform>
            <numerusform>%n users in the per-user index</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %n live session(s), from the per-user index</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n live session, from the per-user index</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n live sessions, from the per-user index</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions whose values contain &lt;b&gt;%1&lt;/b&gt; — %n found</source>
        <translation>
            <numerusform>Sessions whose values contain &lt;b&gt;%1&lt;/b&gt; — %n found</numerusform>
            <numerusform>Sessions whose values contain &lt;b&gt;%1&lt;/b&gt; — %n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of user “%1”? They are logged out everywhere, at once.</source>
        <translation>
            <numerusform>End all %n session of user “%1”? They are logged out everywhere, at once.</numerusform>
            <numerusform>End all %n sessions of user “%1”? They are logged out everywhere, at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n session(s) whose values contain “%1”? There is no per-user index, so these are the sessions the value search found.</source>
        <translation>
            <numerusform>Delete the %n session whose values contain “%1”? There is no per-user index, so these are the sessions the value search found.</numerusform>
            <numerusform>Delete the %n sessions whose values contain “%1”? There is no per-user index, so these are the sessions the value search found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) of %1 ended.</source>
        <translation>
            <numerusform>%n session of %1 ended.</numerusform>
            <numerusform>%n sessions of %1 ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) deleted.</source>
        <translation>
            <numerusform>%n session deleted.</numerusform>
            <numerusform>%n sessions deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueTreeModel</name>
    <message numerus="yes">
        <source>%1 (%n entry(s))</source>
        <translation>
            <numerusform>%1 (%n entry)</numerusform>
            <numerusform>%1 (%n entries)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueType</name>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation>
            <numerusform>%1 (%n byte)</numerusform>
            <numerusform>%1 (%n bytes)</numerusform>
        </translation>
    </message>
</context>
</TS>
