"""`imsmap restore --dsn DSN FILE --force` says what the backup lacks of the clinic's records,
as the single PC's restore does (tests/test_backup.py): at a terminal it lists them (a patient
added, a session signed, an amendment written, a draft changed since the backup) and restores
only on a yes; without a terminal it restores, as before, and lists them after. Before, the
server's restore said neither, and the records were only in the database kept aside."""

from __future__ import annotations

import io
import sys
import time
from datetime import datetime

import psycopg
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.services.context import open_server_context
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.store.postgres.connection import connect
from photo_support import png_bytes, write
from support import spot


class _Terminal(io.StringIO):
    """The IT provider at a terminal, who will type these lines."""

    def isatty(self) -> bool:
        return True


def _databases(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def _drop(pg_server, *names: str) -> None:
    with pg_server.admin() as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _patients(dsn: str) -> list[str]:
    with connect(dsn) as conn:
        return [r[0] for r in conn.execute("SELECT chart_number FROM patients ORDER BY id")]


def _backup_then_work(tmp_path, clinic_dsn, practitioner_dsn, capsys, reception_dsn=None):
    """A migrated clinic backed up; then, in a practitioner's name, a patient added with a
    session signed and amended, and a site added to B-2's draft of 8 February; and, at the
    desk (``reception_dsn``), B-2's family name corrected."""
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    dump = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(dump)]) == 0
    context = open_server_context(practitioner_dsn)
    try:
        r = context.records
        late = r.create_patient(chart_number="LATE-1", family_name="Later")
        s = r.start_session(late.id, started_at=datetime(2026, 12, 3, 9, 0))
        view, x, y, muscle, side = spot(r.atlas, 2)
        r.add_site(s.id, view, x, y, muscle_id=muscle, side=side)
        r.sign_session(s.id)
        r.amend_session(s.id, "Grade corrected", "Site 1 grasped 2.")
        with connect(clinic_dsn) as conn:
            (draft,) = conn.execute("SELECT s.id FROM sessions s JOIN patients p"
                                    " ON p.id = s.patient_id WHERE p.chart_number = 'B-2'"
                                    " AND s.status = 'draft'").fetchone()
        view, x, y, muscle, side = spot(r.atlas, 11)
        r.add_site(draft, view, x, y, muscle_id=muscle, side=side)
    finally:
        context.close()
    if reception_dsn is not None:
        time.sleep(1.1)  # times are kept to the second: the rename is later than the backup's
        desk = open_server_context(reception_dsn)
        try:
            (b2,) = [p for p in desk.records.read.search_patients("B-2")
                     if p.chart_number == "B-2"]
            desk.records.update_patient(b2.id, family_name=b2.family_name + "-Roy")
        finally:
            desk.close()
    capsys.readouterr()
    return dump


def _lists_the_losses(out: str) -> None:
    assert "1 signed session: LATE-1 2026-12-03" in out, out
    assert "1 amendment: LATE-1 2026-12-03" in out and "Grade corrected" in out
    assert "1 draft session changed since the backup (restored as it was): B-2 2026-02-08" \
        in out
    assert "1 patient: LATE-1" in out


def test_without_a_terminal_the_server_restore_lists_what_the_backup_lacked(
        tmp_path, pg_server, clinic_dsn, people, capsys):
    dump = _backup_then_work(tmp_path, clinic_dsn, people["practitioner"][1], capsys,
                             people["reception"][1])
    before = _databases(pg_server)
    assert main(["restore", "--dsn", clinic_dsn, str(dump), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    (aside,) = _databases(pg_server) - before
    assert f"Not in the restored database (they are only in {aside}, the database it " \
        "replaced, kept on the server):" in out
    _lists_the_losses(out)
    # A name corrected at the desk since the backup comes back as it was: said, not silently
    # (the restore had listed only what was added, signed, amended or changed in a draft).
    assert "1 patient whose details changed since the backup (restored as they were): B-2" \
        in out, out
    # The other way, the records set aside restored over these older ones: B-2's newer name
    # comes with them, and nothing is said of it.
    from imsmap.store.postgres.restore import restore_losses

    assert restore_losses(clinic_dsn, pg_server.dsn(aside)).changed_patients == []
    assert restore_losses(pg_server.dsn(aside), clinic_dsn).changed_patients == ["B-2"]
    assert "LATE-1" not in _patients(clinic_dsn) and "LATE-1" in _patients(pg_server.dsn(aside))
    _drop(pg_server, aside)


def test_at_a_terminal_the_server_restore_lists_what_the_backup_lacks_and_no_keeps_all(
        tmp_path, pg_server, clinic_dsn, people, capsys, monkeypatch):
    dump = _backup_then_work(tmp_path, clinic_dsn, people["practitioner"][1], capsys)
    before, now = _databases(pg_server), _patients(clinic_dsn)
    monkeypatch.setattr(sys, "stdin", _Terminal("no\n"))
    assert main(["restore", "--dsn", clinic_dsn, str(dump), "--force"]) == 2
    out, err = capsys.readouterr()
    out = " ".join(out.split())
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    assert f"The backup lacks these records of the database {dbname} on 127.0.0.1:" in out
    _lists_the_losses(out)
    assert "Type yes to restore" in out
    assert "Nothing was restored" in err and err.count("\n") == 1
    # The clinic's database as it was; nothing kept aside; the scratch database dropped.
    assert _databases(pg_server) == before and _patients(clinic_dsn) == now


def test_at_a_terminal_yes_restores_the_server_and_the_list_is_said_once(
        tmp_path, pg_server, clinic_dsn, people, capsys, monkeypatch):
    dump = _backup_then_work(tmp_path, clinic_dsn, people["practitioner"][1], capsys)
    before = _databases(pg_server)
    monkeypatch.setattr(sys, "stdin", _Terminal("yes\n"))
    assert main(["restore", "--dsn", clinic_dsn, str(dump), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.count("1 signed session: LATE-1") == 1 and "Restored" in out
    (aside,) = _databases(pg_server) - before
    assert "LATE-1" not in _patients(clinic_dsn) and "LATE-1" in _patients(pg_server.dsn(aside))
    _drop(pg_server, aside)


def test_the_newest_server_backup_restored_says_nothing_is_missing(tmp_path, pg_server,
                                                                   clinic_dsn, capsys,
                                                                   monkeypatch):
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    dump = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(dump)]) == 0
    capsys.readouterr()
    before = _databases(pg_server)
    monkeypatch.setattr(sys, "stdin", _Terminal(""))  # nothing lacking: nothing asked
    assert main(["restore", "--dsn", clinic_dsn, str(dump), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Type yes" not in out and "lacks" not in out
    (aside,) = _databases(pg_server) - before
    _drop(pg_server, aside)


def test_the_server_restore_names_each_photo_the_backup_lacks(tmp_path, pg_server, clinic_dsn,
                                                              people, capsys):
    """A photo added since the backup, by amendment to a signed session or to a draft: the
    restore listed the amendment and the changed draft, not the photos (walk of 7 December).
    The migrated clinic's own photos (one of them added by amendment) are in the backup and
    are not said."""
    dump = _backup_then_work(tmp_path, clinic_dsn, people["practitioner"][1], capsys)
    context = open_server_context(people["practitioner"][1])
    try:
        photos = Photos(context.records)
        with connect(clinic_dsn) as conn:
            late, draft = (conn.execute(
                "SELECT s.id FROM sessions s JOIN patients p ON p.id = s.patient_id"
                " WHERE p.chart_number = %s AND s.status = %s", row).fetchone()[0]
                for row in (("LATE-1", "signed"), ("B-2", "draft")))
        add_file_by_amendment(photos, late, write(tmp_path / "bruise.png", png_bytes()),
                              "Bruise the next morning")
        photos.add_file(draft, write(tmp_path / "neck.png", png_bytes(20, 20)), "Neck")
    finally:
        context.close()
    capsys.readouterr()
    before = _databases(pg_server)
    assert main(["restore", "--dsn", clinic_dsn, str(dump), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    said = out.split("2 photos: ")[1]
    assert "B-2 2026-02-08" in said and ", added to the draft " in said, out
    assert "LATE-1 2026-12-03 09:00, added by amendment " in said, out
    (aside,) = _databases(pg_server) - before
    _drop(pg_server, aside)
