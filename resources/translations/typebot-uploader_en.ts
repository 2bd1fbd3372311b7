<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n stored file(s)</source>
        <translation>
            <numerusform>%n stored file</numerusform>
            <numerusform>%n stored files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forget these %n files and their links?</source>
        <translation>
            <numerusform>Forget this file and its link?</numerusform>
            <numerusform>Forget these %n files and their links?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Adding %n item(s)…</source>
        <translation>
            <numerusform>Adding %n item…</numerusform>
            <numerusform>Adding %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) copied.</source>
        <translation>
            <numerusform>%n link copied.</numerusform>
            <numerusform>%n links copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>%n file added.</numerusform>
            <numerusform>%n files added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) stored</source>
        <translation>
            <numerusform>%1 of %n file stored</numerusform>
            <numerusform>%1 of %n files stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored, %1 failed.</source>
        <translation>
            <numerusform>%n file stored, %1 failed.</numerusform>
            <numerusform>%n files stored, %1 failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored.</source>
        <translation>
            <numerusform>%n file stored.</numerusform>
            <numerusform>%n files stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored from the last session.</source>
        <translation>
            <numerusform>%n file restored from the last session.</numerusform>
            <numerusform>%n files restored from the last session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>curl commands for %n file(s) copied; the token, policy and signature are redacted.</source>
        <translation>
            <numerusform>curl commands for %n file copied; the token, policy and signature are redacted.</numerusform>
            <numerusform>curl commands for %n files copied; the token, policy and signature are redacted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are not uploaded yet.</source>
        <translation>
            <numerusform>%n file is not uploaded yet.</numerusform>
            <numerusform>%n files are not uploaded yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the files are already in the queue.</source>
        <translation>
            <numerusform>%n of the files is already in the queue.</numerusform>
            <numerusform>%n of the files are already in the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the queue were skipped.</source>
        <translation>
            <numerusform>%n file already in the queue was skipped.</numerusform>
            <numerusform>%n files already in the queue were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Typebot::UploadJob</name>
    <message numerus="yes">
        <source>Qt re-sent the body %n time(s)</source>
        <translation>
            <numerusform>Qt re-sent the body %n time</numerusform>
            <numerusform>Qt re-sent the body %n times</numerusform>
        </translation>
    </message>
</context>
</TS>
