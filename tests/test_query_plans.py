"""What the window asks the database during a day's work reaches every table that grows with
the years (sites, audit entries, sessions, patients and their rows) through its id or an index,
never by reading it through.

At ten million sites a statement that reads the sites through takes about a second; on the
small files of the tests it takes nothing, so no timing shows it. The query plans do: imsmap
keeps no ANALYZE statistics, so SQLite plans a statement the same on a small file as on a
large one. Found this way: a journal record after each signature read every site (1.2 s at
every signature at ten million sites; tests/test_backup_sets.py checks the journal's own).
"""

from __future__ import annotations

import re
from dataclasses import replace

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import clinic
from imsmap.services.fidelity import refuse_unfaithful
from imsmap.services.photos import Photos
from photo_support import png_bytes, write
from support import spot
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
)

GROWING = ("sites", "audit", "sessions", "patients", "findings", "adverse_events",
           "amendments", "photos", "photo_blobs", "imported_audit", "patient_order")


def reads_through(plan: str, statement: str) -> bool:
    """Whether a line of EXPLAIN QUERY PLAN reads a growing table (or its index) through."""
    words = plan.split()
    if len(words) < 2 or words[1] not in GROWING:
        return False
    if plan == f"SEARCH {words[1]}":  # max(id), min(id): read from one end
        return False
    if "INTEGER PRIMARY KEY" in plan or re.search(r"\((\w+|<expr>)=\?", plan):
        return False  # by id, or an index (of a column or an expression) looked up by equality
    if re.search(r"\(\w+>\? AND \w+<\?\)", plan):
        return False  # a range bounded on both sides: the patients whose name starts so
    # the first rows of an index in its order: the patient list's first page
    return not (words[0] == "SCAN" and "USING INDEX" in plan and " LIMIT " in statement)


def test_a_days_work_in_the_window_reads_no_growing_table_through(make_window, records,
                                                                  qtbot):
    patients = [records.create_patient(chart_number=f"C-{i}", family_name=name,
                                       given_name="Anna") for i, name in
                enumerate(("Nguyen", "Okafor", "Tremblay", "Gagnon"), 1)]
    earlier = []
    for day in range(4):  # earlier visits: the history, the overlay and the progress tab
        s = records.start_session(patients[0].id, practitioner="J. Physio")
        for i in range(3):
            view, x, y, muscle, side = spot(records.atlas, i + day)
            records.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4)
        records.sign_session(s.id)
        earlier.append(s.id)
    conn = records.db.conn
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    try:
        w = make_window()
        panel = w.patients
        for text in ("ok", "C-1", "Ng"):  # the search as it is typed
            panel.search.setText(text)
            panel.refresh_patients()
            qtbot.wait(1)
        w.patients.select_patient(patients[0].id)
        w.patients.select_session(earlier[-1])
        today = records.start_session(patients[0].id, practitioner="J. Physio")
        w.patients.select_session(today.id)
        region = pick_region(w)
        click_region(qtbot, w, region)  # a tap: a site
        qtbot.waitUntil(lambda: len(records.repo.sites_for_session(today.id)) == 1)
        site = records.repo.sites_for_session(today.id)[0]
        records.update_site(site.id, grasp=2, notes="tight band")
        records.sign_session(today.id)
        w.show_progress()
        qtbot.wait(20)
        w.patients.select_patient(patients[1].id)
        qtbot.wait(5)
    finally:
        conn.set_trace_callback(None)
    selects = {s for s in ran if s.lstrip().upper().startswith(("SELECT", "WITH"))}
    assert any("FROM sites" in s for s in selects) and any("FROM audit" in s for s in ran)
    found = []
    for statement in selects:
        for row in conn.execute("EXPLAIN QUERY PLAN " + statement):
            if reads_through(row[3], statement):
                found.append((row[3], " ".join(statement.split())[:160]))
    assert len(selects) > 30  # the flow asked what a day asks
    assert not found, "\n".join(map(str, found))


def test_a_new_patient_a_changed_chart_number_and_an_import_read_no_patient_through(
        records, tmp_path):
    """Each asks whether the number is another patient's in other capitals ("c-1001" beside
    C-1001: RecordQueries.check_chart_number_free, import_checks.chart_number_taken): by an
    index of the folded number since schema 15, where every patient was read (60 ms at
    100,000, at each patient saved)."""
    from imsmap.services.export import export_document
    from imsmap.services.importer import import_document
    from test_import import open_clinic

    conn = records.db.conn
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    try:
        patient = records.create_patient(chart_number="C-1", family_name="Tremblay")
        records.update_patient(patient.id, chart_number="C-2")
        other = open_clinic(tmp_path / "other.sqlite3")
        try:
            other.create_patient(chart_number="D-1", family_name="Gagnon")
            import_document(records, export_document(other))
        finally:
            other.db.close()
    finally:
        conn.set_trace_callback(None)
    selects = {s for s in ran if s.lstrip().upper().startswith(("SELECT", "WITH"))}
    assert any("lower(chart_number)" in s for s in selects)
    found = [(row[3], " ".join(statement.split())[:160]) for statement in selects
             for row in conn.execute("EXPLAIN QUERY PLAN " + statement)
             if reads_through(row[3], statement)]
    assert not found, "\n".join(map(str, found))


def test_the_rule_sees_a_table_read_through(records, session):
    """The check itself: the statements that read all the sites are seen as such."""
    conn = records.db.conn
    bad = "SELECT * FROM sites WHERE session_id IN (1, 2) OR id > 5 ORDER BY id"
    good = ("SELECT * FROM sites WHERE session_id IN (1, 2) UNION SELECT * FROM sites"
            " WHERE id > 5 ORDER BY id")
    plans = {q: [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + q)] for q in (bad, good)}
    assert any(reads_through(p, bad) for p in plans[bad])
    assert not any(reads_through(p, good) for p in plans[good])
    distinct = "SELECT DISTINCT session_id FROM audit WHERE id > 3 AND session_id IS NOT NULL"
    assert any(reads_through(r[3], distinct)
               for r in conn.execute("EXPLAIN QUERY PLAN " + distinct))


def test_a_signed_sessions_pdf_reads_no_growing_table_through(qapp, records, tmp_path):
    """The session PDF (issue 16's session_pdf_ms: a signed session of a patient with a long
    history, at ten million sites), from the window or `imsmap pdf` (which first checks that
    the session can be printed faithfully), reads the session, its sites, findings, adverse
    events, photos, amendments, signature and the audit entries that seal it by their ids or an
    index, none of them through (the seal's chain link walks back from the signing entry to the
    last stored link, by id: at most a checkpoint's sixteen entries)."""
    patient = records.create_patient(chart_number="C-7", family_name="Tremblay",
                                     given_name="Anna")
    other = records.create_patient(chart_number="C-8", family_name="Gagnon", given_name="Luc")
    for who in (patient, patient, other):  # a history, and someone else's records
        earlier = records.start_session(who.id, practitioner="J. Physio")
        for i in range(3):
            view, x, y, muscle, side = spot(records.atlas, i)
            records.add_site(earlier.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4)
        records.sign_session(earlier.id)
    s = records.start_session(patient.id, practitioner="J. Physio", complaint="Neck pain")
    for i in range(4):
        view, x, y, muscle, side = spot(records.atlas, i + 5)
        records.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4,
                         notes="tight band" if i == 0 else "")
    records.add_finding(s.id, "tender_paraspinals", "C5-C6", "R")
    records.add_adverse_event(s.id, "bruising", "mild", "Pressure for one minute.")
    Photos(records).add_file(s.id, write(tmp_path / "a.png", png_bytes()), "Posture")
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    records.sign_session(s.id)
    records.amend_session(s.id, "Pain after corrected", "Pain after was 4/10.")
    conn = records.db.conn
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    try:
        refuse_unfaithful(records, [s.id])  # what `imsmap pdf` asks first
        write_session_pdf(records, s.id, tmp_path / "s.pdf")
    finally:
        conn.set_trace_callback(None)
    selects = {st for st in ran if st.lstrip().upper().startswith(("SELECT", "WITH"))}
    for table in ("sites", "audit", "sessions", "patients", "findings", "adverse_events",
                  "amendments", "photos", "photo_blobs"):  # the check saw what the record reads
        assert any(f"FROM {table} " in st for st in selects), table
    found = []
    for statement in selects:
        for row in conn.execute("EXPLAIN QUERY PLAN " + statement):
            if reads_through(row[3], statement):
                found.append((row[3], " ".join(statement.split())[:160]))
    assert not found, "\n".join(map(str, found))


def per_row_scans(conn, statement: str) -> list[str]:
    """The tables a statement reads through once per row of another: a SCAN under a
    correlated subquery in its plan (minutes at a small clinic's size, days at ten years'). The
    plan names a table by its alias where the statement gives one, so every table counts."""
    try:
        plan = conn.execute("EXPLAIN QUERY PLAN " + statement).fetchall()
    except Exception:  # noqa: BLE001 - a statement EXPLAIN cannot take (PRAGMA, ...)
        return []
    parent = {row[0]: row[1] for row in plan}
    correlated = {row[0] for row in plan if row[3].startswith("CORRELATED")}

    def under_correlated(node: int) -> bool:
        while node in parent:
            node = parent[node]
            if node in correlated:
                return True
        return False

    return [row[3] for row in plan if row[3].split()[:1] == ["SCAN"] and under_correlated(row[0])]


def test_the_whole_check_reads_no_growing_table_once_per_row(records, session):
    """`imsmap check` and every restore's check (services.checks.full_check) read the whole
    file, but each table a bounded number of times: the check for rows without the audit
    entry that brought them in looked through the whole trail for each row (a minute for the
    10,000 sessions of a small clinic, days for ten years' sites)."""
    from imsmap.services.checks import full_check

    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.sign_session(session.id)
    conn = records.db.conn
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        report = full_check(records)
    finally:
        conn.set_trace_callback(None)
    assert report.ok, report
    asked = [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert asked, "the check asked nothing"
    slow = {s: scans for s in asked if (scans := per_row_scans(conn, s))}
    assert slow == {}


def test_the_per_row_rule_sees_a_correlated_scan(records, session):
    conn = records.db.conn
    bad = ("SELECT id FROM sessions t WHERE NOT EXISTS (SELECT 1 FROM audit a"
           " WHERE a.entity_id = t.id)")
    good = "SELECT id FROM sessions EXCEPT SELECT entity_id FROM audit"
    assert per_row_scans(conn, bad) == ["SCAN a"]
    assert per_row_scans(conn, good) == []
