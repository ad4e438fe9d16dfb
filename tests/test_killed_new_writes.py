"""The writes added on 7 December 2026 under a kill -9 inside them and a second process at once
(docs/integrity.md, "Every write on a file, one by one"):

- the sign dialog's registration number (services.registration.record_registration, with the
  clinic's list when ticked), killed at its COMMIT; and killed between it and the signature
  the dialog writes next, in a transaction of its own;
- the schema 15 migration (an index on lower(chart_number)) killed mid-way in a real upgrade
  process on a file of many patients;
- two imports at once into one file, of two files whose patients' chart numbers differ only in
  capitals from each other's: one goes in, the other is refused with its sentence.
(On a clinic server: tests/server/test_server_killed_writes.py.)"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime

import pytest

from imsmap.services import clinic
from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.services.export import export_document
from imsmap.store import db as db_module
from imsmap.store import migrations, upgrade
from support import chart_atlas, open_clinic, spot
from test_killed_writes import killed_inside_then_done_again, rows
from test_migration_v10 import _version
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

DANA = "Dana Leclerc, PT"

# The sign dialog's writes, in a process of its own: "registration" records Dana's number and
# adds her to the list, held at its COMMIT ("hold"); "registered, then signing" records it,
# says so and waits there, before the signature's transaction; "sign" signs.
SIGN_DIALOG = """
    import sys
    import held_writes
    from imsmap.services.context import open_context
    from imsmap.services.registration import record_registration
    db, what, how = sys.argv[1:4]
    records = open_context(db, actor="dana", create=False).records
    if what == "registration":
        held_writes.trace(records.db.conn, how)
    if what in ("registration", "registered, then signing"):
        record_registration(records, 1, "OPPQ-12345", practitioner="Dana Leclerc, PT",
                            add_to_list=True)
    if what == "registered, then signing":
        print("registered", flush=True)
        sys.stdin.readline()
    if what in ("registered, then signing", "sign"):
        records.sign_session(1)
    print("done", flush=True)
"""


@pytest.fixture
def dana_draft(db_path):
    """Dana's draft (session 1, a site), whom the clinic's list (J. Physio's) does not name:
    no registration number."""
    records = open_clinic(db_path)
    try:
        clinic.save(records, replace(clinic.load(records), practitioners=(
            clinic.Practitioner("J. Physio", "PT-1"),)))
        patient = records.create_patient(chart_number="C-1", family_name="Roy")
        draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                      practitioner=DANA)
        view, x, y, muscle, side = spot(records.atlas)
        records.add_site(draft.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        assert (draft.id, draft.practitioner_registration) == (1, "")
    finally:
        records.db.close()
    return db_path


def registration_and_list(db_path) -> tuple[str, tuple, bool]:
    records = open_clinic(db_path)
    try:
        session = records.repo.session(1)
        return (session.practitioner_registration, clinic.practitioners(records),
                session.is_signed)
    finally:
        records.db.close()


def test_the_registration_killed_at_its_commit_writes_neither_and_goes_through_again(
        dana_draft):
    killed_inside_then_done_again(SIGN_DIALOG, dana_draft, "registration")
    number, listed, signed = registration_and_list(dana_draft)
    assert (number, signed) == ("OPPQ-12345", False)
    assert listed == (clinic.Practitioner("J. Physio", "PT-1"),
                      clinic.Practitioner(DANA, "OPPQ-12345"))
    imsmap_check(dana_draft)


def test_the_registration_and_the_list_are_one_transaction(dana_draft):
    """What makes the kill at its COMMIT above leave both or neither: one BEGIN, one COMMIT
    (a list written in a transaction of its own would be kept by a kill at the session's)."""
    from imsmap.services.registration import record_registration

    records = open_clinic(dana_draft)
    statements: list[str] = []
    try:
        records.db.conn.set_trace_callback(statements.append)
        record_registration(records, 1, "OPPQ-12345", practitioner=DANA, add_to_list=True)
        records.db.conn.set_trace_callback(None)
    finally:
        records.db.close()
    assert [s for s in statements if s in ("BEGIN IMMEDIATE", "COMMIT")] == \
        ["BEGIN IMMEDIATE", "COMMIT"]
    assert registration_and_list(dana_draft)[:2] == (
        "OPPQ-12345", (clinic.Practitioner("J. Physio", "PT-1"),
                       clinic.Practitioner(DANA, "OPPQ-12345")))


def test_killed_between_the_registration_and_the_signature_leaves_a_whole_draft(dana_draft):
    dialog = python(SIGN_DIALOG, dana_draft, "registered, then signing", "go",
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        said = dialog.stdout.readline().strip()
    finally:
        dialog.kill()
        errors = dialog.communicate(timeout=60)[1]
    assert said == "registered", errors
    assert dialog.returncode == -signal.SIGKILL
    number, listed, signed = registration_and_list(dana_draft)
    assert (number, signed) == ("OPPQ-12345", False)  # a draft with its number, as typed
    assert clinic.Practitioner(DANA, "OPPQ-12345") in listed
    imsmap_check(dana_draft)
    again = python(SIGN_DIALOG, dana_draft, "sign", "go", stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    out, errors = again.communicate(timeout=120)
    assert again.returncode == 0 and out.strip() == "done", errors
    assert registration_and_list(dana_draft)[::2] == ("OPPQ-12345", True)
    imsmap_check(dana_draft)


# -- the schema 15 migration killed mid-way ---------------------------------------------------
PATIENTS = 2000


@pytest.fixture
def many_at_14(tmp_path, monkeypatch):
    """A schema 14 file of PATIENTS patients made through the services of that schema, and a
    signed visit."""
    path = tmp_path / "schema14.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:14])
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 14)
        records = open_context(path, actor="old.physio", atlas=chart_atlas()).records
        try:
            assert records.db.schema_version == 14
            records.db.conn.execute("PRAGMA synchronous=OFF")  # quick to make; the test's
            for n in range(PATIENTS):                          # upgrade writes as always
                records.create_patient(chart_number=f"C-{n}", family_name="Roy")
            session = records.start_session(1, started_at=datetime(2026, 11, 2, 9))
            view, x, y, muscle, side = spot(records.atlas)
            records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
            records.sign_session(session.id)
        finally:
            records.db.close()
    return path


def test_the_schema_15_migration_killed_mid_way_leaves_14_whole_and_upgrades_again(many_at_14):
    before = rows(many_at_14)
    journal = many_at_14.with_name(many_at_14.name + "-journal")
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from imsmap.store import migrations, upgrade
        migrations.PROGRESS_OPS = upgrade.PROGRESS_OPS = 200
        path, journal = Path({str(many_at_14)!r}), Path({str(journal)!r})
        pending = upgrade.pending(path)
        assert (pending.version, pending.target) == (14, 15), pending
        calls = []
        def progress(f):  # the backup copy made, the migration's transaction under way
            if journal.exists():
                calls.append(f)
                if len(calls) == 20:
                    print("killed at", f, flush=True)
                    os.kill(os.getpid(), signal.SIGKILL)
        upgrade.upgrade(pending, progress)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
    assert proc.stdout.startswith("killed at"), proc.stdout
    assert float(proc.stdout.split()[-1]) < 1.0 and journal.exists()  # inside the migration
    pending = upgrade.pending(many_at_14)  # plays the journal back, if any, then reads
    assert (pending.version, pending.target) == (14, 15)
    assert _version(many_at_14) == 14 and rows(many_at_14) == before  # row for row, no index
    upgrade.upgrade(pending)
    assert _version(many_at_14) == 15
    assert [r for r in rows(many_at_14) if "patients_chart_folded" not in r] == before
    imsmap_check(many_at_14)


# -- two imports at once of chart numbers apart only in capitals -----------------------------
# An import in a process of its own into a file or (a DSN) a clinic server: with "hold",
# "inside" at its COMMIT (every row written, nothing committed), then it waits for a line; on a
# file with "tell", "asks" as it asks for the write lock; "imported" or "refused PROBLEMS".
IMPORTER = """
    import json, sys
    import held_writes
    from imsmap.services.context import open_context, open_server_context
    from imsmap.services.importer import ImportProblems, import_document
    where, how, path = sys.argv[1:4]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if where.startswith("postgresql:") or "=" in where:
        from imsmap.store.postgres.database import ServerConnection
        records = open_server_context(where).records
        end = ServerConnection.end

        def held(self, commit):  # the COMMIT of the transaction BEGIN opened
            if how == "hold" and commit:
                print("inside", flush=True)
                sys.stdin.readline()
            end(self, commit)

        ServerConnection.end = held
    else:
        records = open_context(where, actor="anna.physio", create=False).records
        held_writes.trace(records.db.conn, how)
    try:
        import_document(records, doc)
    except ImportProblems as exc:
        print("refused", json.dumps(exc.problems), flush=True)
    else:
        print("imported", flush=True)
"""

REFUSED = [["patients[0].chart_number",
            "Chart number a-1 already exists in this database, written A-1; records are never "
            "merged. Import into another database, or change the chart number in the file."]]


def export_of(path, chart: str, family: str):
    """Another clinic's export: one patient, ``chart``, with a draft visit and a site."""
    records = open_clinic(path.with_suffix(".sqlite3"))
    try:
        patient = records.create_patient(chart_number=chart, family_name=family)
        session = records.start_session(patient.id, started_at=datetime(2026, 11, 19, 9))
        view, x, y, muscle, side = spot(records.atlas, 3)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        path.write_text(json.dumps(export_document(records)), encoding="utf-8")
    finally:
        records.db.close()
    return path


def two_imports(where: str, folder, second_waits) -> str:
    """A-1's file imported into ``where`` by a process held at its COMMIT, a-1's by a second
    process meanwhile, which has read the records before it writes (the first's patient not
    committed: its checks pass there); ``second_waits(process)`` returns once the second waits
    for the first. The first goes in; what the second said."""
    upper = export_of(folder / "upper.json", "A-1", "Roy")
    lower = export_of(folder / "lower.json", "a-1", "Côté")
    first = python(IMPORTER, where, "hold", upper, stdin=subprocess.PIPE,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = None
    try:
        assert first.stdout.readline().strip() == "inside", first.stderr.read()
        second = python(IMPORTER, where, "tell", lower, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE)
        second_waits(second)
        first.stdin.write("\n")
        first.stdin.flush()
        out, errors = first.communicate(timeout=60)
        assert first.returncode == 0 and out.strip() == "imported", errors
        out, errors = second.communicate(timeout=60)
        assert second.returncode == 0, errors
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    return out.strip()


def only_the_first_in(records) -> None:
    """A-1 with its visit, no a-1, and the records whole."""
    assert [p.chart_number for p in records.repo.patients_by_chart_number_folded("A-1")] == \
        ["A-1"]
    assert records.repo.patient_by_chart_number("a-1") is None
    patient = records.repo.patient_by_chart_number("A-1")
    assert len(records.read.sessions_for_patient(patient.id)) == 1
    assert records.db.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    report = full_check(records)
    assert report.ok, report.problems


def test_two_imports_at_once_of_one_number_in_other_capitals_let_one_in(tmp_path, db_path):
    records = open_clinic(db_path)
    try:
        records.create_patient(chart_number="C-1", family_name="Nguyen")  # C-1 and A-1 after
    finally:
        records.db.close()

    def second_waits(second) -> None:
        assert second.stdout.readline().strip() == "asks", second.stderr.read()

    said = two_imports(str(db_path), tmp_path, second_waits)
    assert said.startswith("refused ") and json.loads(said.removeprefix("refused ")) == REFUSED
    records = open_clinic(db_path)
    try:
        only_the_first_in(records)
        assert records.db.conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 2
    finally:
        records.db.close()
    imsmap_check(db_path)
