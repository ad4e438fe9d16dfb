<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupCommand</name>
    <message numerus="yes">
        <source>%n draft session(s) come back as they were then, not signed: check them before you sign.</source>
        <translation>
            <numerusform>%n draft session comes back as it was then, not signed: check it before you sign.</numerusform>
            <numerusform>%n draft sessions come back as they were then, not signed: check them before you sign.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed session(s):</source>
        <translation>
            <numerusform>%n signed session:</numerusform>
            <numerusform>%n signed sessions:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s):</source>
        <translation>
            <numerusform>%n amendment:</numerusform>
            <numerusform>%n amendments:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s):</source>
        <translation>
            <numerusform>%n photo:</numerusform>
            <numerusform>%n photos:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) withdrawn or entered in error (they count again restored):</source>
        <translation>
            <numerusform>%n session withdrawn or entered in error (it counts again restored):</numerusform>
            <numerusform>%n sessions withdrawn or entered in error (they count again restored):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) or separation(s) of patient records (restored, the records read as before them):</source>
        <translation>
            <numerusform>%n merge or separation of patient records (restored, the records read as before it):</numerusform>
            <numerusform>%n merges or separations of patient records (restored, the records read as before them):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s):</source>
        <translation>
            <numerusform>%n draft session:</numerusform>
            <numerusform>%n draft sessions:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s) changed since the backup (restored as they were):</source>
        <translation>
            <numerusform>%n draft session changed since the backup (restored as it was):</numerusform>
            <numerusform>%n draft sessions changed since the backup (restored as they were):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s):</source>
        <translation>
            <numerusform>%n patient:</numerusform>
            <numerusform>%n patients:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) whose details changed since the backup (restored as they were):</source>
        <translation>
            <numerusform>%n patient whose details changed since the backup (restored as they were):</numerusform>
            <numerusform>%n patients whose details changed since the backup (restored as they were):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <source>%n of these session(s) withdrawn or entered in error, with that mark kept: counted in no figure.</source>
        <translation>
            <numerusform>%n of these sessions withdrawn or entered in error, with that mark kept: counted in no figure.</numerusform>
            <numerusform>%n of these sessions withdrawn or entered in error, with that mark kept: counted in no figure.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) or separation(s) of duplicate patient records kept, as the file&apos;s audit trail recorded them.</source>
        <translation>
            <numerusform>%n merge or separation of duplicate patient records kept, as the file&apos;s audit trail recorded it.</numerusform>
            <numerusform>%n merges or separations of duplicate patient records kept, as the file&apos;s audit trail recorded them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfCommand</name>
    <message numerus="yes">
        <source>Wrote the progress report of chart %1 (%n session(s)) to %2.</source>
        <translation>
            <numerusform>Wrote the progress report of chart %1 (%n session) to %2.</numerusform>
            <numerusform>Wrote the progress report of chart %1 (%n sessions) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to %1; %2 skipped because they exist already.</source>
        <translation>
            <numerusform>%n PDF written to %1; %2 skipped because they exist already.</numerusform>
            <numerusform>%n PDFs written to %1; %2 skipped because they exist already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to %1.</source>
        <translation>
            <numerusform>%n PDF written to %1.</numerusform>
            <numerusform>%n PDFs written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoPages</name>
    <message numerus="yes">
        <source>%n photo(s), stored upright and without camera metadata</source>
        <translation>
            <numerusform>%n photo, stored upright and without camera metadata</numerusform>
            <numerusform>%n photos, stored upright and without camera metadata</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressCharts</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in %1</source>
        <translation>
            <numerusform>%n site in %1</numerusform>
            <numerusform>%n sites in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) back</source>
        <translation>
            <numerusform>%n session back</numerusform>
            <numerusform>%n sessions back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not on the charts: %n draft(s), not signed (visit(s) %1).</source>
        <translation>
            <numerusform>Not on the charts: %n draft, not signed (visit %1).</numerusform>
            <numerusform>Not on the charts: %n drafts, not signed (visits %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPdf</name>
    <message numerus="yes">
        <source>%n draft(s), not signed</source>
        <translation>
            <numerusform>%n draft, not signed</numerusform>
            <numerusform>%n drafts, not signed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) amended after signing</source>
        <translation>
            <numerusform>%n visit amended after signing</numerusform>
            <numerusform>%n visits amended after signing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n session(s) recorded under %1 (%2), a duplicate record merged into this one by %3, %4: %5.</source>
        <translation>
            <numerusform>Includes %n session recorded under %1 (%2), a duplicate record merged into this one by %3, %4: %5.</numerusform>
            <numerusform>Includes %n sessions recorded under %1 (%2), a duplicate record merged into this one by %3, %4: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In this report: visit(s) %1.</source>
        <translation>
            <numerusform>In this report: visit %1.</numerusform>
            <numerusform>In this report: visits %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), oldest first</source>
        <translation>
            <numerusform>%n session, oldest first</numerusform>
            <numerusform>%n sessions, oldest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out of this report, with nothing needled yet: %n draft(s), started %1.</source>
        <translation>
            <numerusform>Left out of this report, with nothing needled yet: %n draft, started %1.</numerusform>
            <numerusform>Left out of this report, with nothing needled yet: %n drafts, started %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out of this report, as not this patient&apos;s treatment: %n session(s) withdrawn or entered in error, started %1.</source>
        <translation>
            <numerusform>Left out of this report, as not this patient&apos;s treatment: %n session withdrawn or entered in error, started %1.</numerusform>
            <numerusform>Left out of this report, as not this patient&apos;s treatment: %n sessions withdrawn or entered in error, started %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not compared: %n draft(s), not signed (visit(s) %1).</source>
        <translation>
            <numerusform>Not compared: %n draft, not signed (visit %1).</numerusform>
            <numerusform>Not compared: %n drafts, not signed (visits %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Progress over %n intramuscular stimulation (Gunn IMS) / dry needling session(s) for chart %1: pain, grasp by muscle and by root.</source>
        <translation>
            <numerusform>Progress over %n intramuscular stimulation (Gunn IMS) / dry needling session for chart %1: pain, grasp by muscle and by root.</numerusform>
            <numerusform>Progress over %n intramuscular stimulation (Gunn IMS) / dry needling sessions for chart %1: pain, grasp by muscle and by root.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPhotos</name>
    <message numerus="yes">
        <source>%1 taken at %n visit(s) (%2): listed under Photos, at the end of this report.</source>
        <translation>
            <numerusform>%1 taken at %n visit (%2): listed under Photos, at the end of this report.</numerusform>
            <numerusform>%1 taken at %n visits (%2): listed under Photos, at the end of this report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n photo, %1</numerusform>
            <numerusform>%n photos, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at %n visit(s)</source>
        <translation>
            <numerusform>at %n visit</numerusform>
            <numerusform>at %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not graded</source>
        <translation>
            <numerusform>%n not graded</numerusform>
            <numerusform>%n not graded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionCharts</name>
    <message numerus="yes">
        <source>site(s) %1</source>
        <translation>
            <numerusform>site %1</numerusform>
            <numerusform>sites %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPdf</name>
    <message numerus="yes">
        <source>%n amendment(s), below</source>
        <translation>
            <numerusform>%n amendment, below</numerusform>
            <numerusform>%n amendments, below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sign(s) of neuropathy</source>
        <translation>
            <numerusform>%n sign of neuropathy</numerusform>
            <numerusform>%n signs of neuropathy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n view(s) with sites; numbers match the site table</source>
        <translation>
            <numerusform>%n view with sites; numbers match the site table</numerusform>
            <numerusform>%n views with sites; numbers match the site table</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insertion site(s)</source>
        <translation>
            <numerusform>%n insertion site</numerusform>
            <numerusform>%n insertion sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionSections</name>
    <message numerus="yes">
        <source>%n insertion site(s) charted</source>
        <translation>
            <numerusform>%n insertion site charted</numerusform>
            <numerusform>%n insertion sites charted</numerusform>
        </translation>
    </message>
</context>
</TS>
