<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Adding %n item(s)…</source>
        <translation><numerusform>Adding %n item…</numerusform><numerusform>Adding %n items…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) copied.</source>
        <translation><numerusform>%n link copied.</numerusform><numerusform>%n links copied.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation><numerusform>%n file added.</numerusform><numerusform>%n files added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) stored</source>
        <translation><numerusform>%1 of %n file stored</numerusform><numerusform>%1 of %n files stored</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored, %1 failed.</source>
        <translation><numerusform>%n file stored, %1 failed.</numerusform><numerusform>%n files stored, %1 failed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored.</source>
        <translation><numerusform>%n file stored.</numerusform><numerusform>%n files stored.</numerusform></translation>
    </message>
</context>
<context>
    <name>Typebot::UploadJob</name>
    <message numerus="yes">
        <source>Qt re-sent the body %n time(s)</source>
        <translation><numerusform>Qt re-sent the body %n time</numerusform><numerusform>Qt re-sent the body %n times</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 (gave up after %n attempt(s))</source>
        <translation><numerusform>%1 (gave up after %n attempt)</numerusform><numerusform>%1 (gave up after %n attempts)</numerusform></translation>
    </message>
</context>
</TS>