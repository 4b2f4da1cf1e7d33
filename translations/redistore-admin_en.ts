<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DisplayFormat</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation><numerusform>%n second</numerusform><numerusform>%n seconds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation><numerusform>%n byte</numerusform><numerusform>%n bytes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation><numerusform>[%n item]</numerusform><numerusform>[%n items]</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{%n entry(s)}</source>
        <translation><numerusform>{%n entry}</numerusform><numerusform>{%n entries}</numerusform></translation>
    </message>
</context>
<context>
    <name>HexDump</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation><numerusform>… %n more byte not shown</numerusform><numerusform>… %n more bytes not shown</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::CookieInspectorDialog</name>
    <message numerus="yes">
        <source>The session exists in Redis: %n value(s), %1.</source>
        <translation><numerusform>The session exists in Redis: %n value, %1.</numerusform><numerusform>The session exists in Redis: %n values, %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ExpireDialog</name>
    <message numerus="yes">
        <source>Choose when the %n selected sessions expire.</source>
        <translation><numerusform>Choose when the %n selected session expires.</numerusform><numerusform>Choose when the %n selected sessions expire.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Set expiry of %n sessions</source>
        <translation><numerusform>Set expiry of %n session</numerusform><numerusform>Set expiry of %n sessions</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionActions</name>
    <message numerus="yes">
        <source>Remove the expiry of %n session(s)? They will be kept until someone deletes them.</source>
        <translation><numerusform>Remove the expiry of %n session? They will be kept until someone deletes them.</numerusform><numerusform>Remove the expiry of %n sessions? They will be kept until someone deletes them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Persist %n session(s)</source>
        <translation><numerusform>Persist %n session</numerusform><numerusform>Persist %n sessions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n session(s) now? Their users are logged out at once. This cannot be undone.</source>
        <translation><numerusform>Delete %n session now? Their users are logged out at once. This cannot be undone.</numerusform><numerusform>Delete %n sessions now? Their users are logged out at once. This cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n session(s)</source>
        <translation><numerusform>Delete %n session</numerusform><numerusform>Delete %n sessions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) now expire in %1.</source>
        <translation><numerusform>%n session now expires in %1.</numerusform><numerusform>%n sessions now expire in %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) no longer expire.</source>
        <translation><numerusform>%n session no longer expires.</numerusform><numerusform>%n sessions no longer expire.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n no longer existed.</source>
        <translation><numerusform>%n no longer existed.</numerusform><numerusform>%n no longer existed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n could not be changed: %1</source>
        <translation><numerusform>%n could not be changed: %1</numerusform><numerusform>%n could not be changed: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n session(s).</source>
        <translation><numerusform>Deleted %n session.</numerusform><numerusform>Deleted %n sessions.</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::SessionDetailWidget</name>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation><numerusform>%n value</numerusform><numerusform>%n values</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::StatusPanel</name>
    <message numerus="yes">
        <source>%1 of %n session(s) shown</source>
        <translation><numerusform>%1 of %n session shown</numerusform><numerusform>%1 of %n sessions shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation><numerusform>%n session</numerusform><numerusform>%n sessions</numerusform></translation>
    </message>
</context>
<context>
    <name>RediStore::Admin::ValueTreeModel</name>
    <message numerus="yes">
        <source>%1 (%n entry(s))</source>
        <translation><numerusform>%1 (%n entry)</numerusform><numerusform>%1 (%n entries)</numerusform></translation>
    </message>
</context>
<context>
    <name>ValueType</name>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation><numerusform>%1 (%n byte)</numerusform><numerusform>%1 (%n bytes)</numerusform></translation>
    </message>
</context>
</TS>