<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AmendmentList</name>
    <message numerus="yes">
        <source>%n amendment(s), oldest first:</source>
        <translation>
            <numerusform>%n amendment:</numerusform>
            <numerusform>%n amendments, oldest first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s); the newest:</source>
        <translation>
            <numerusform>%n amendment:</numerusform>
            <numerusform>%n amendments; the newest:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n</source>
        <translation>
            <numerusform>Show all %n</numerusform>
            <numerusform>Show all %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message numerus="yes">
        <source>%n site(s) of this session on the {chart} chart</source>
        <translation>
            <numerusform>%n site of this session on the {chart} chart</numerusform>
            <numerusform>%n sites of this session on the {chart} chart</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartTabStrip</name>
    <message numerus="yes">
        <source>+%n</source>
        <comment>chart tabs not shown (a button listing every chart)</comment>
        <translation>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <comment>chart tabs not shown (a button listing every chart)</comment>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every chart by name: %n not shown in the tabs</source>
        <translation>
            <numerusform>Every chart by name: %n not shown in the tabs</numerusform>
            <numerusform>Every chart by name: %n not shown in the tabs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicSetupWizard</name>
    <message numerus="yes">
        <source>set; the screen locks after %n minute(s) without use</source>
        <translation>
            <numerusform>set; the screen locks after %n minute without use</numerusform>
            <numerusform>set; the screen locks after %n minutes without use</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message numerus="yes">
        <source>%n earlier shown</source>
        <translation>
            <numerusform>%n earlier shown</numerusform>
            <numerusform>%n earlier shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) ago</source>
        <translation>
            <numerusform>%n visit ago</numerusform>
            <numerusform>%n visits ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s), not signed: not drawn</source>
        <translation>
            <numerusform>%n draft, not signed: not drawn</numerusform>
            <numerusform>%n drafts, not signed: not drawn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message numerus="yes">
        <source>%n draft(s), not signed: not drawn, not in the heat map</source>
        <translation>
            <numerusform>%n draft, not signed: not drawn, not in the heat map</numerusform>
            <numerusform>%n drafts, not signed: not drawn, not in the heat map</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{root}: %n muscle(s) and the {root} paraspinal level are lit on the chart.</source>
        <translation>
            <numerusform>{root}: %n muscle and the {root} paraspinal level are lit on the chart.</numerusform>
            <numerusform>{root}: %n muscles and the {root} paraspinal level are lit on the chart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n other record(s) merged into it already</source>
        <translation>
            <numerusform>%n other record merged into it already</numerusform>
            <numerusform>%n other records merged into it already</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it holds %n signed session(s)</source>
        <translation>
            <numerusform>it holds %n signed session</numerusform>
            <numerusform>it holds %n signed sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it holds %n session(s)</source>
        <translation>
            <numerusform>it holds %n session</numerusform>
            <numerusform>it holds %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PainPlot</name>
    <message numerus="yes">
        <source>{date}: pain {before} → {after}, {grasping} of %n muscle(s) grasping, {sites} sites</source>
        <translation>
            <numerusform>{date}: pain {before} → {after}, {grasping} of %n muscle grasping, {sites} sites</numerusform>
            <numerusform>{date}: pain {before} → {after}, {grasping} of %n muscles grasping, {sites} sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date}: pain {before} → {after}, %n muscle(s) needled, not graded, {sites} sites</source>
        <translation>
            <numerusform>{date}: pain {before} → {after}, %n muscle needled, not graded, {sites} sites</numerusform>
            <numerusform>{date}: pain {before} → {after}, %n muscles needled, not graded, {sites} sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientMerging</name>
    <message numerus="yes">
        <source>{dup} merged into {kept}: one history of %n session(s), nothing rewritten.</source>
        <translation>
            <numerusform>{dup} merged into {kept}: one history of %n session, nothing rewritten.</numerusform>
            <numerusform>{dup} merged into {kept}: one history of %n sessions, nothing rewritten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message numerus="yes">
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n patient found</numerusform>
            <numerusform>%n patients found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s), shown after the signed note</source>
        <translation>
            <numerusform>%n amendment, shown after the signed note</numerusform>
            <numerusform>%n amendments, shown after the signed note</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message numerus="yes">
        <source>{reason} (%n more file(s) refused too.)</source>
        <translation>
            <numerusform>{reason} (%n more file refused too.)</numerusform>
            <numerusform>{reason} (%n more files refused too.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached, upright and without GPS or camera data.</source>
        <translation>
            <numerusform>%n photo attached, upright and without GPS or camera data.</numerusform>
            <numerusform>%n photos attached, upright and without GPS or camera data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningWords</name>
    <message numerus="yes">
        <source>copy forward (%n site(s))</source>
        <translation>
            <numerusform>copy forward (%n site)</numerusform>
            <numerusform>copy forward (%n sites)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) of the last visit added as planned markers: grade each one you needle, remove the others.</source>
        <translation>
            <numerusform>%n site of the last visit added as planned markers: grade each one you needle, remove the others.</numerusform>
            <numerusform>%n sites of the last visit added as planned markers: grade each one you needle, remove the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n site(s))</source>
        <translation>
            <numerusform>{name} (%n site)</numerusform>
            <numerusform>{name} (%n sites)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol {name}: %n planned site(s) added.</source>
        <translation>
            <numerusform>Protocol {name}: %n planned site added.</numerusform>
            <numerusform>Protocol {name}: %n planned sites added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol {name} saved with %n site(s).</source>
        <translation>
            <numerusform>Protocol {name} saved with %n site.</numerusform>
            <numerusform>Protocol {name} saved with %n sites.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Amended after signing (%n amendment(s)). The grid and the charts count the sites as the amendments corrected them (a grade, a cramp, a site recorded in error); what an amendment says in words only is not counted: read the amendments on the Session &amp; sites tab or in the session&apos;s PDF.</source>
        <translation>
            <numerusform>Amended after signing (%n amendment). The grid and the charts count the sites as the amendments corrected them (a grade, a cramp, a site recorded in error); what an amendment says in words only is not counted: read the amendments on the Session &amp; sites tab or in the session&apos;s PDF.</numerusform>
            <numerusform>Amended after signing (%n amendments). The grid and the charts count the sites as the amendments corrected them (a grade, a cramp, a site recorded in error); what an amendment says in words only is not counted: read the amendments on the Session &amp; sites tab or in the session&apos;s PDF.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, as not this patient&apos;s treatment: %n session(s) withdrawn or entered in error, started {dates}.</source>
        <translation>
            <numerusform>Left out, as not this patient&apos;s treatment: %n session withdrawn or entered in error, started {dates}.</numerusform>
            <numerusform>Left out, as not this patient&apos;s treatment: %n sessions withdrawn or entered in error, started {dates}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressSummary</name>
    <message numerus="yes">
        <source>Not compared: %n draft(s), not signed ({sessions}).</source>
        <translation>
            <numerusform>Not compared: %n draft, not signed ({sessions}).</numerusform>
            <numerusform>Not compared: %n drafts, not signed ({sessions}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{muscles} and %n more</source>
        <translation>
            <numerusform>{muscles} and %n more</numerusform>
            <numerusform>{muscles} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): %n muscle(s) needled, not graded.</source>
        <translation>
            <numerusform>Latest ({session}): %n muscle needled, not graded.</numerusform>
            <numerusform>Latest ({session}): %n muscles needled, not graded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): {grasping} of %n muscle(s) grasped (strongest: {strongest}).</source>
        <translation>
            <numerusform>Latest ({session}): {grasping} of %n muscle grasped (strongest: {strongest}).</numerusform>
            <numerusform>Latest ({session}): {grasping} of %n muscles grasped (strongest: {strongest}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): {grasping} of %n muscle(s) grasped.</source>
        <translation>
            <numerusform>Latest ({session}): {grasping} of %n muscle grasped.</numerusform>
            <numerusform>Latest ({session}): {grasping} of %n muscles grasped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Since {session} (%n session(s)): {changes}.</source>
        <translation>
            <numerusform>Since {session} (%n session): {changes}.</numerusform>
            <numerusform>Since {session} (%n sessions): {changes}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreWords</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed</source>
        <translation>
            <numerusform>%n signed</numerusform>
            <numerusform>%n signed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s)</source>
        <translation>
            <numerusform>%n amendment</numerusform>
            <numerusform>%n amendments</numerusform>
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
        <source>%n draft session(s) come back as they were then, not signed: check them before you sign.</source>
        <translation>
            <numerusform>%n draft session comes back as it was then, not signed: check it before you sign.</numerusform>
            <numerusform>%n draft sessions come back as they were then, not signed: check them before you sign.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newer backup(s) in this folder, of another database, not chosen (to restore one instead, choose it in the list of backups):
{list}</source>
        <translation>
            <numerusform>%n newer backup in this folder, of another database, not chosen (to restore it instead, choose it in the list of backups):
{list}</numerusform>
            <numerusform>%n newer backups in this folder, of another database, not chosen (to restore one instead, choose it in the list of backups):
{list}</numerusform>
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
        <source>%n draft session(s) changed since the backup (they come back as they were):</source>
        <translation>
            <numerusform>%n draft session changed since the backup (it comes back as it was):</numerusform>
            <numerusform>%n draft sessions changed since the backup (they come back as they were):</numerusform>
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
        <source>%n patient(s) whose details changed since the backup (they come back as they were):</source>
        <translation>
            <numerusform>%n patient whose details changed since the backup (they come back as they were):</numerusform>
            <numerusform>%n patients whose details changed since the backup (they come back as they were):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message numerus="yes">
        <source>Draft of &lt;b&gt;{when}&lt;/b&gt;, %n site(s).&lt;br&gt;&lt;br&gt;Withdrawing takes this draft out of the patient&apos;s treatment: it is locked, and its sites stay in the file, readable. The history shows it struck through as withdrawn, with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason; it counts in no figure, earlier-visit overlay, heat map, progress report or research CSV (the record&apos;s exports carry it, marked), and no longer shows as a draft left unsigned.&lt;br&gt;&lt;br&gt;&lt;b&gt;This is final:&lt;/b&gt; it cannot be undone, and a withdrawn draft is never signed or edited again.</source>
        <translation>
            <numerusform>Draft of &lt;b&gt;{when}&lt;/b&gt;, %n site.&lt;br&gt;&lt;br&gt;Withdrawing takes this draft out of the patient&apos;s treatment: it is locked, and its site stays in the file, readable. The history shows it struck through as withdrawn, with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason; it counts in no figure, earlier-visit overlay, heat map, progress report or research CSV (the record&apos;s exports carry it, marked), and no longer shows as a draft left unsigned.&lt;br&gt;&lt;br&gt;&lt;b&gt;This is final:&lt;/b&gt; it cannot be undone, and a withdrawn draft is never signed or edited again.</numerusform>
            <numerusform>Draft of &lt;b&gt;{when}&lt;/b&gt;, %n sites.&lt;br&gt;&lt;br&gt;Withdrawing takes this draft out of the patient&apos;s treatment: it is locked, and its sites stay in the file, readable. The history shows it struck through as withdrawn, with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason; it counts in no figure, earlier-visit overlay, heat map, progress report or research CSV (the record&apos;s exports carry it, marked), and no longer shows as a draft left unsigned.&lt;br&gt;&lt;br&gt;&lt;b&gt;This is final:&lt;/b&gt; it cannot be undone, and a withdrawn draft is never signed or edited again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message numerus="yes">
        <source>PIN saved: the window locks after %n idle minute(s).</source>
        <translation>
            <numerusform>PIN saved: the window locks after %n idle minute.</numerusform>
            <numerusform>PIN saved: the window locks after %n idle minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentTrend</name>
    <message numerus="yes">
        <source>{root} {side}, {session}: %n site(s); grasp {dominant} where {root} is the dominant root, {contributing} where it contributes</source>
        <translation>
            <numerusform>{root} {side}, {session}: %n site; grasp {dominant} where {root} is the dominant root, {contributing} where it contributes</numerusform>
            <numerusform>{root} {side}, {session}: %n sites; grasp {dominant} where {root} is the dominant root, {contributing} where it contributes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message numerus="yes">
        <source>Draft of {date}, %n day(s) ago, not signed</source>
        <translation>
            <numerusform>Draft of {date}, %n day ago, not signed</numerusform>
            <numerusform>Draft of {date}, %n days ago, not signed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message numerus="yes">
        <source>%n earlier session(s) still not signed: {sessions}.</source>
        <translation>
            <numerusform>%n earlier session still not signed: {sessions}.</numerusform>
            <numerusform>%n earlier sessions still not signed: {sessions}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;{when}&lt;/b&gt; — %n site(s).&lt;br&gt;Once signed, the session is locked: later corrections are dated amendments that leave this note as it is.</source>
        <translation>
            <numerusform>&lt;b&gt;{when}&lt;/b&gt; — %n site.&lt;br&gt;Once signed, the session is locked: later corrections are dated amendments that leave this note as it is.</numerusform>
            <numerusform>&lt;b&gt;{when}&lt;/b&gt; — %n sites.&lt;br&gt;Once signed, the session is locked: later corrections are dated amendments that leave this note as it is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitsRow</name>
    <message numerus="yes">
        <source>not counted · %n other visit(s)</source>
        <translation>
            <numerusform>not counted · %n other visit</numerusform>
            <numerusform>not counted · %n other visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_LegendStrip</name>
    <message numerus="yes">
        <source>%n session(s) ago</source>
        <translation>
            <numerusform>%n session ago</numerusform>
            <numerusform>%n sessions ago</numerusform>
        </translation>
    </message>
</context>
</TS>
