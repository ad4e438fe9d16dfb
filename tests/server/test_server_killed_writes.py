"""On a clinic server, a process killed (kill -9) inside the transaction of each write the other
kill tests do not kill there: a photo added to a draft (its row and its bytes), a merge of two
patient records and its separation, an import of another clinic's visit, the sign dialog's
registration number. Held once every
statement of the write ran and before its COMMIT, then killed: the server's database is exactly
as it was (every table of the clinic, row for row), the photo's file beside it is untouched and
no photo row is without its bytes or bytes without their row, `imsmap check` in a process of
its own says all is well, and the same write, done again by another process, goes through
whole. (On a single PC's file: tests/test_killed_writes.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from datetime import datetime

import pytest

from imsmap.services.context import open_server_context
from imsmap.services.export import export_document
from imsmap.store.postgres.connection import connect
from support import draft_and_signed_visit, open_clinic, spot
from test_signing_processes import python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# The write, in another process, as anna.physio; with "hold", it stops once the write's every
# statement ran in its transaction, before the COMMIT is sent, says the audit trail's newest
# entry as its transaction sees it, and waits to be killed.
WRITER = """
    import json, sys
    from imsmap.services.context import open_server_context
    from imsmap.store.postgres.database import ServerConnection
    dsn, what, hold, first, other = sys.argv[1], sys.argv[2], sys.argv[3] == "hold", \\
        int(sys.argv[4]), sys.argv[5]
    records = open_server_context(dsn).records
    if len(sys.argv) > 6:  # a window's: it holds a draft in its room as it writes
        from imsmap.services.room_hold import OnConnection, RoomHold
        room = RoomHold(OnConnection(records.db.conn), sys.argv[6])
        records.room = room.room
        records.read.watch_holds(room)
        assert room.open(int(sys.argv[7])).mine
    end = ServerConnection.end

    def held(self, commit):  # COMMIT (or ROLLBACK) of the unit of work BEGIN opened
        if hold and commit:  # the trail's newest entry as the write's transaction sees it
            head = self.pg.execute("SELECT entry_id FROM audit_head").fetchone()[0]
            print("inside", head, flush=True)
            sys.stdin.readline()
        end(self, commit)

    ServerConnection.end = held  # from here on, the write's own transaction only
    if what == "photo":
        from imsmap.services.photos import Photos
        Photos(records).add_file(first, other, "knee")
    elif what == "merge":
        from imsmap.services import merging
        merging.merge_records(records, first, int(other), "Same person: DOB typo")
    elif what == "separate":
        from imsmap.services import merging
        merging.separate_records(records, int(other), "Two people: twins")
    elif what == "import":
        from imsmap.services.importer import import_document
        with open(other, encoding="utf-8") as f:
            import_document(records, json.load(f))
    elif what == "registration":  # the sign dialog's number (a practitioner's: not the list)
        from imsmap.services.registration import record_registration
        record_registration(records, first, other, practitioner="Dana Leclerc, PT")
    print("done", flush=True)
"""


def rows(superuser_dsn: str, but: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every table of the clinic (imsmap's schema) but those named, row for row, as the
    server's superuser reads them."""
    with connect(superuser_dsn) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'imsmap'"
            " AND table_type = 'BASE TABLE' AND table_name <> ALL(%s) ORDER BY table_name",
            (list(but),))]
        out = {t: sorted(str(r) for r in conn.execute(f'SELECT * FROM imsmap."{t}"'))
               for t in tables}
        conn.rollback()
    return out


def audit_head(superuser_dsn: str) -> int:
    with connect(superuser_dsn) as conn:
        head = conn.execute("SELECT entry_id FROM audit_head").fetchone()[0]
        conn.rollback()
    return int(head)


def photos_and_bytes(superuser_dsn: str) -> tuple[list[tuple], list[tuple]]:
    """(photo id, sha256) of every photo row, and (photo id, sha256 of the bytes) of every
    photo_blobs row."""
    with connect(superuser_dsn) as conn:
        photos = conn.execute("SELECT id, sha256 FROM photos ORDER BY id").fetchall()
        blobs = [(r[0], hashlib.sha256(bytes(r[1])).hexdigest()) for r in conn.execute(
            "SELECT photo_id, data FROM photo_blobs ORDER BY photo_id")]
        conn.rollback()
    return photos, blobs


def imsmap_check(dsn: str) -> None:
    """`imsmap check --dsn` in a process of its own: the records, the photos, the audit
    chain (imsmap's rules and the server's audit_breaks())."""
    done = subprocess.run([sys.executable, "-m", "imsmap", "check", "--dsn", dsn],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "All is well." in done.stdout, done.stdout + done.stderr


def killed_inside_then_done_again(superuser_dsn: str, dsn: str, what: str, *args,
                                  again_as: str | None = None) -> None:
    """The write ``what`` by a process of its own as ``dsn``'s login, killed (-9) before its
    COMMIT: the clinic is exactly as it was, row for row, and checks whole; then done again
    by another process (as ``again_as``, a DSN, when given), the write goes through, whole.
    A writer holding a draft in a room (``args`` name one) leaves its hold's row: its own,
    not the write's (the hold is free the moment its connection ends: v4_hold_connection)."""
    but = ("session_holds",) if len(args) > 2 else ()
    before = rows(superuser_dsn, but)
    head = audit_head(superuser_dsn)
    writer = python(WRITER, dsn, what, "hold", *args,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        said = writer.stdout.readline().split()
    finally:
        writer.kill()
        errors = writer.communicate(timeout=60)[1]
    assert said[:1] == ["inside"], errors
    assert int(said[1]) > head  # held inside the write: its audit entry written, not committed
    assert writer.returncode == -signal.SIGKILL

    assert rows(superuser_dsn, but) == before, \
        "the killed write left part of itself on the server"
    imsmap_check(dsn)
    again = python(WRITER, again_as or dsn, what, "go", *args[:2], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    out, errors = again.communicate(timeout=300)
    assert again.returncode == 0 and out.strip() == "done", errors
    after = rows(superuser_dsn, but)
    assert after != before
    changed = {t for t in after if after[t] != before[t]}
    assert "audit" in changed, changed  # the write and its audit entry, together
    imsmap_check(dsn)


@pytest.fixture
def clinic(tmp_path, clinic_template):
    """A clinic on the server: C-1's draft (session 1) and signed visit (2), a site each; John
    and Jon Smith, one person registered twice, a draft each; beside it a photo, and another
    clinic's export of a draft visit (a visit signed elsewhere comes in by `server migrate`).
    (the superuser's DSN, anna.physio's)"""
    from PySide6.QtGui import QImage

    name = clinic_template.new_clinic()
    anna = clinic_template.dsn(name, "anna.physio")
    context = open_server_context(anna)
    try:
        records = context.records
        patient = draft_and_signed_visit(records)[0]
        for given in ("John", "Jon"):
            twin = records.create_patient(chart_number=f"C-20{len(given)}", given_name=given,
                                          family_name="Smith")
            records.start_session(twin.id)
    finally:
        context.close()
    other = open_clinic(tmp_path / "other.sqlite3")
    try:
        patient = other.create_patient(chart_number="O-1", family_name="Osei")
        session = other.start_session(patient.id, started_at=datetime(2026, 11, 19, 9, 0))
        view, x, y, muscle, side = spot(other.atlas, 2)
        other.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
        (tmp_path / "other.json").write_text(json.dumps(export_document(other)),
                                             encoding="utf-8")
    finally:
        other.db.close()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / "knee.png"))
    yield clinic_template.server.dsn(name), anna, clinic_template.dsn(name, "ben.physio")
    clinic_template.drop(name)


def test_a_photo_added_and_killed_before_its_commit_leaves_no_row_and_no_bytes(
        clinic, tmp_path):
    superuser, anna, _ben = clinic
    knee = tmp_path / "knee.png"
    before = knee.read_bytes()
    assert photos_and_bytes(superuser) == ([], [])
    killed_inside_then_done_again(superuser, anna, "photo", 1, str(knee))
    assert knee.read_bytes() == before  # the file it was given, as it was
    photos, blobs = photos_and_bytes(superuser)
    assert len(photos) == 1 and photos == blobs  # one photo, with its own bytes, and no other


def test_a_merge_and_its_separation_killed_before_their_commit_leave_the_records_as_they_were(
        clinic):
    superuser, anna, _ben = clinic
    killed_inside_then_done_again(superuser, anna, "merge", 2, "3")
    context = open_server_context(anna)
    try:
        merge = context.records.read.merged_into(3)
        assert merge is not None and merge.kept_id == 2
        assert {s.id for s in context.records.read.sessions_for_patient(2)} >= {3, 4}
    finally:
        context.close()
    killed_inside_then_done_again(superuser, anna, "separate", 0, str(merge.id))
    context = open_server_context(anna)
    try:
        assert context.records.read.merged_into(3) is None
    finally:
        context.close()


def test_an_import_killed_before_its_commit_brings_nothing_and_the_next_brings_it_whole(
        clinic, tmp_path):
    superuser, anna, _ben = clinic
    killed_inside_then_done_again(superuser, anna, "import", 0, str(tmp_path / "other.json"))
    context = open_server_context(anna)
    try:
        imported = context.records.repo.patient_by_chart_number("O-1")
        assert imported is not None
        sessions = context.records.read.sessions_for_patient(imported.id)
        assert len(sessions) == 1
        assert len(context.records.read.sites_for_session(sessions[0].id)) == 1
    finally:
        context.close()


def test_a_merge_killed_in_a_room_holding_a_draft_of_it_is_done_at_once_by_another_room(
        clinic):
    """Anna's window holds Jon's draft (session 4) in Room 1 as she merges, and is killed:
    her hold ends with her connection, so Ben's merge at once is not refused for it."""
    superuser, anna, ben = clinic
    killed_inside_then_done_again(superuser, anna, "merge", 2, "3", "Room 1", 4, again_as=ben)
    context = open_server_context(ben)
    try:
        merge = context.records.read.merged_into(3)
        assert merge is not None and merge.created_by == "ben.physio"
    finally:
        context.close()


def test_the_registration_number_killed_before_its_commit_is_not_written_and_goes_in_again(
        clinic):
    """The sign dialog's registration number on Dana's draft (services.registration): a
    practitioner's login records it on the session alone (the clinic's list is its
    administrators' on a server; the list's half of the write is killed on a file:
    tests/test_killed_new_writes.py)."""
    superuser, anna, _ben = clinic
    context = open_server_context(anna)
    try:
        draft = context.records.start_session(1, started_at=datetime(2026, 11, 21, 9, 0),
                                              practitioner="Dana Leclerc, PT")
        assert draft.practitioner_registration == ""
    finally:
        context.close()
    killed_inside_then_done_again(superuser, anna, "registration", draft.id, "OPPQ-12345")
    context = open_server_context(anna)
    try:
        session = context.records.repo.session(draft.id)
        assert (session.practitioner_registration, session.is_signed) == ("OPPQ-12345", False)
        context.records.sign_session(draft.id)  # the dialog's next write
        assert context.records.repo.session(draft.id).is_signed
    finally:
        context.close()
    imsmap_check(anna)
