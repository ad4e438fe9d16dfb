"""Two full backups made in the same second: the second is named "...-full-2" and is the newer.

Found walking the records (7 December, recordwalk): `imsmap backup` run twice within one second
(a script, or Back up now pressed again) printed "Backed up ... to ...-full-2.sqlite3.gz", and
that file was gone: the rotation ordered the sets by their names, where "-full-2.sqlite3.gz"
sorts before "-full.sqlite3.gz", so it took the backup just made for the oldest and deleted it;
the journal and the restore took the earlier copy for the newest as well.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from imsmap.services import restore_points
from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from imsmap.store import journal
from support import open_clinic, spot

DAY = datetime(2026, 12, 7, 22, 39)


def signed_visit(recs, chart: str) -> int:
    patient = recs.repo.patient_by_chart_number(chart) or recs.create_patient(
        chart_number=chart, family_name="Okafor", given_name="Chidi")
    session = recs.start_session(patient.id, practitioner="Alex Demo, PT")
    view, x, y, muscle, side = spot(recs.atlas, 1)
    recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    recs.sign_session(session.id)
    return session.id


def test_the_second_full_backup_of_a_second_is_the_newer_one(db_path):
    recs = open_clinic(db_path)
    try:
        signed_visit(recs, "C-1")
        folder = bk.backup_dir(recs.db)
        first = sets.make_full(recs.db, now=DAY)
        signed_visit(recs, "C-2")  # signed between the two backups of that second
        second = sets.make_full(recs.db, now=DAY)
        assert second.full.name == "imsmap-backup-20261207-223900-full-2.sqlite3.gz"
        assert [s.full for s in sets.sets(folder)] == [first.full, second.full]  # oldest first

        # The journal goes on from the newest set, and a restore takes it first.
        identity = sets.identity_of(recs.db, folder)
        current = sets.current_set(folder, recs.db.schema_version, identity)
        assert current is not None and current.full == second.full
        late = signed_visit(recs, "C-3")
        assert sets.append(recs.db) is not None
        assert len(journal.read(second.journal)) == 2  # its start and this signature
        point = restore_points.newest(folder, db_path)
        assert point.path == second.full
        assert point.signed == 3 and not point.losses.signed_sessions

        # Two more full backups (three are kept): the earlier of that second goes, not the
        # later, which holds C-2's signature and the journal's record of C-3's.
        for s in (1, 2):
            sets.make_full(recs.db, now=DAY + timedelta(seconds=s))
        assert second.full.exists() and second.journal.exists()
        assert not first.full.exists() and not first.journal.exists()
        assert recs.repo.session(late).is_signed
    finally:
        recs.db.close()
