"""The store's refusals say their reason in the user's language, each provoked for real: a
trigger of the schema refusing a write to a signed session (through a second connection), a
damaged backup, a damaged database checked, a backup of a damaged database, a journal that
cannot be read or written, a journal that does not fit its full backup. SQLite's, Python's and
the system's English (str(exc), the triggers' RAISE words) stayed inside French sentences."""

from __future__ import annotations

import re
import sqlite3

import pytest

from imsmap.domain.errors import ReadOnlyError
from imsmap.i18n.records import sentence_text, speaking
from imsmap.store.db import Database
from imsmap.store.trigger_words import TRIGGER_WORDS
from support import clinic  # noqa: F401 - a fixture

# English words that no French sentence of imsmap holds (« a », « or », « an », « audit »,
# « image », « session » are French too, so they are not here).
ENGLISH = {"the", "is", "are", "not", "never", "of", "and", "to", "file", "database", "disk",
           "error", "malformed", "denied", "such", "directory", "locked", "signed", "add",
           "instead", "amendment", "records", "record", "deleted", "constraint", "failed",
           "unable", "open", "attempt", "write", "readonly", "could", "cannot", "be", "read",
           "written", "with", "its", "it", "this", "only", "trail", "append", "permission",
           "no", "corrupt", "damaged", "busy", "full", "integrity", "page", "tree", "unique"}
ENGLISH.discard("permission")  # « permission refusée »


def english_in(said: str) -> list[str]:
    """The English words of `said` (a French sentence)."""
    return [w for w in re.findall(r"[A-Za-z]+", said) if w.lower() in ENGLISH]


def french(message: object) -> str:
    with speaking("fr_CA"):
        return sentence_text(message)


def english(message: object) -> str:
    with speaking("en"):
        return sentence_text(message)


# -- the triggers' refusals -------------------------------------------------------------------
def test_a_write_to_a_signed_session_through_a_second_connection_is_refused_in_french(
        clinic, db_path):
    clinic.sign_session(clinic.session_id)
    other = Database.open(db_path, create=False)
    try:
        with pytest.raises(ReadOnlyError) as refused, other.transaction() as conn:
            conn.execute("UPDATE sessions SET notes = 'x' WHERE id = ?", (clinic.session_id,))
    finally:
        other.close()
    said = french(refused.value.message)
    assert said == ("Refusé\xa0: une séance signée est verrouillée; ajoutez plutôt un addenda. "
                    "Rien n'a été modifié."), said
    assert not english_in(said), said
    assert english(refused.value.message) == ("Refused: a signed session is locked; add an "
                                              "amendment instead. Nothing was changed.")


def test_every_refusal_of_a_new_database_s_triggers_is_said_in_french(clinic):
    """Each trigger's words are in the table (none falls back to English), and each has its
    French."""
    from imsmap.i18n.records import catalog

    sql = " ".join(r[0] for r in clinic.db.conn.execute(
        "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"))
    words = {w.replace("''", "'") for w in re.findall(r"RAISE\s*\(\s*ABORT\s*,\s*'((?:[^']|'')*)'",
                                                        sql)}
    assert len(words) > 20
    assert words <= TRIGGER_WORDS, words - TRIGGER_WORDS
    for text in TRIGGER_WORDS:
        translated = catalog("fr_CA").translate("StoreTriggers", text)
        assert translated != text and not english_in(translated), (text, translated)


def test_a_trigger_s_unknown_words_are_kept(clinic, db_path, caplog):
    """A file's own trigger (or a newer schema's) refuses in words this imsmap does not know:
    they are kept, the sentence around them is French."""
    clinic.db.conn.execute("CREATE TRIGGER t_own BEFORE UPDATE ON patients "
                           "BEGIN SELECT RAISE(ABORT, 'the clinic''s own rule'); END")
    with pytest.raises(ReadOnlyError) as refused, clinic.db.transaction() as conn:
        conn.execute("UPDATE patients SET notes = 'x'")
    assert french(refused.value.message) == \
        "Refusé\xa0: the clinic's own rule. Rien n'a été modifié."


def test_every_trigger_text_of_the_schema_s_sources_is_in_the_table():
    """The migrations and the clinic server's SQL word each refusal as the table does (a
    server's message with a number in it is kept as it is)."""
    from pathlib import Path

    import imsmap.store

    root = Path(imsmap.store.__file__).parent
    found = set()
    for path in root.glob("migration*.py"):
        found |= set(re.findall(r"RAISE\(ABORT, '((?:[^']|'')*)'\)", path.read_text()))
    found = {w.replace("''", "'") for w in found}
    assert found and found <= TRIGGER_WORDS, found - TRIGGER_WORDS
    server = set()
    for path in (root / "postgres" / "sql").glob("*.sql"):
        for raised in re.findall(r"RAISE EXCEPTION\s+((?:'(?:[^']|'')*'\s*)+)", path.read_text()):
            server.add("".join(re.findall(r"'((?:[^']|'')*)'", raised)).replace("''", "'"))
    numbered = {w for w in server if "%" in w}  # said by SQLSTATE, or kept as they are
    assert len(server - numbered) > 15 and server - numbered <= TRIGGER_WORDS, \
        server - numbered - TRIGGER_WORDS


def test_sqlite_errors_are_still_sorted_by_code(clinic):
    """The raw error a trigger raises is the one the table reads (its words, its code)."""
    clinic.sign_session(clinic.session_id)
    conn = clinic.db.conn
    with pytest.raises(sqlite3.IntegrityError) as raw:
        conn.execute("DELETE FROM sessions WHERE id = ?", (clinic.session_id,))
    assert str(raw.value) in TRIGGER_WORDS


# -- backups ----------------------------------------------------------------------------------
def _with_damaged_table(path, table: str):
    """`path` with the first page of `table` (its b-tree's root) overwritten: the file opens,
    and SQLite finds the damage when it reads that table."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?",
                           (table,)).fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size: (root - 1) * size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def test_a_damaged_backup_says_why_in_french(clinic, tmp_path):
    from imsmap.store import backup as bk

    path = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    _with_damaged_table(path, "sessions")
    with pytest.raises(bk.StoreError) as refused:
        bk.verify_backup(path)
    said = french(refused.value.message)
    assert said == (f"{path} est endommagé ou n'est pas une sauvegarde imsmap (SQLite y trouve "
                    "une structure malformée)."), said
    assert not english_in(said.replace(str(path), "")), said


def test_a_backup_whose_index_does_not_match_its_table_says_why_in_french(clinic, tmp_path,
                                                                          caplog):
    """PRAGMA integrity_check's own English findings ("row 1 missing from index ...") were
    the reason of the sentence; they go to the log."""
    from imsmap.store import backup as bk

    clinic.create_patient(chart_number="C-2", family_name="Tremblay", given_name="Anna")
    path = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX patients_given_name ON patients"
                 " (notes)' WHERE name = 'patients_given_name'")
    conn.commit()
    conn.close()
    with caplog.at_level("INFO", logger="imsmap.store.backup"), \
            pytest.raises(bk.StoreError) as refused:
        bk.verify_backup(path)
    said = french(refused.value.message)
    assert said == (f"{path} est endommagé (la vérification de sa structure par SQLite y trouve "
                    "des défauts); il ne peut pas être utilisé."), said
    assert "patients_given_name" in caplog.text  # SQLite's findings, for the maintainer


def test_a_backup_of_a_damaged_database_says_why_in_french(clinic, db_path):
    from imsmap.store import backup_sets

    clinic.db.close()
    _with_damaged_table(db_path, "amendments")
    db = Database.open(db_path, create=False)
    try:
        with pytest.raises(backup_sets.StoreError) as refused:
            backup_sets.make_full(db)
    finally:
        db.close()
    said = french(refused.value.message)
    assert said == (f"La sauvegarde de {db_path.name} n'a pas pu être faite (SQLite y trouve "
                    "une structure malformée)."), said


def test_a_database_too_damaged_to_check_says_why_in_french(clinic, db_path):
    from imsmap.store import integrity
    from imsmap.store.db import DamagedFileError

    clinic.db.close()
    _with_damaged_table(db_path, "amendments")
    db = Database.open(db_path, create=False, readonly=True)
    try:
        with pytest.raises(DamagedFileError) as refused:
            integrity.foreign_key_check(db)
    finally:
        db.close()
    said = french(refused.value.message)
    assert said == (f"{db_path} est trop endommagé pour être vérifié (SQLite y trouve une "
                    "structure malformée). Restaurez-le à partir d'une sauvegarde."), said


# -- the backup journal -----------------------------------------------------------------------
def test_a_journal_that_cannot_be_read_or_written_says_why_in_french(clinic, tmp_path):
    from imsmap.store import journal

    folder = tmp_path / "journal.jsonl"  # a folder where the journal should be
    folder.mkdir()
    with pytest.raises(journal.StoreError) as unread:
        journal.read(folder)
    with pytest.raises(journal.StoreError) as unwritten:
        journal.append(folder, clinic.db.conn, "2026-12-06T01:00:00+00:00")
    for refused, what in ((unread, "lu"), (unwritten, "écrit")):
        said = french(refused.value.message)
        assert said == (f"Le journal de sauvegarde {folder} ne peut pas être {what} (c'est un "
                        "répertoire, pas un fichier)."), said
    assert english(unread.value.message).endswith("(it is a folder, not a file).")


def test_a_journal_that_does_not_fit_its_full_backup_says_why_in_french(clinic):
    """A journalled change to a session its full backup holds signed: the schema's trigger
    refuses it, in the schema's English, and that was the sentence's reason."""
    from imsmap.store import journal

    clinic.sign_session(clinic.session_id)
    conn = clinic.db.conn
    cur = conn.execute("SELECT * FROM sessions WHERE id = ?", (clinic.session_id,))
    cols = [d[0] for d in cur.description]
    row = list(cur.fetchone())
    row[cols.index("notes")] = "changed"
    record = journal.Record("rows", "2026-12-06T01:00:00+00:00", {},
                            {"sessions": {"cols": cols, "rows": [row]}})
    with pytest.raises(journal.JournalError) as refused:
        journal.apply(conn, [record])
    said = french(refused.value.message)
    assert said == ("Le journal de sauvegarde ne correspond pas à sa sauvegarde complète "
                    "(sessions\xa0: une séance signée est verrouillée; ajoutez plutôt un "
                    "addenda); rien n'a été restauré."), said


# -- the system's refusals --------------------------------------------------------------------
def test_a_holds_folder_that_cannot_be_made_says_why_in_french(tmp_path):
    from imsmap.store.file_holds import FileHolds, HoldsUnavailable, folder_of

    db = tmp_path / "clinic.sqlite3"
    folder_of(db).write_text("a file where the holds folder goes")
    with pytest.raises(HoldsUnavailable) as refused:
        FileHolds(db, "anna.physio", "anna@pc").take(1)
    said = french(refused.value.message)
    assert said.startswith(f"Les brouillons ouverts dans d'autres fenêtres ne peuvent pas être "
                           f"marqués\xa0: {folder_of(db)} ne peut pas être écrit (un fichier de "
                           "ce nom s'y trouve déjà)."), said
    assert "File exists" not in said


def test_a_logo_that_is_a_folder_says_why_in_french(clinic, tmp_path):
    from imsmap.domain.errors import ValidationError
    from imsmap.services import clinic as clinic_settings

    with pytest.raises(ValidationError) as refused:
        clinic_settings.read_logo(clinic, tmp_path)
    said = french(refused.value.message)
    assert said == f"Le logo {tmp_path} ne peut pas être lu (c'est un répertoire, pas un fichier).", \
        said


def test_an_upgrade_whose_copy_folder_cannot_be_made_says_why_in_french(tmp_path):
    from imsmap.store import upgrade
    from imsmap.store.backup import default_backup_dir
    from test_migration_v4 import SITES, _v3_database

    old = tmp_path / "old.sqlite3"
    _v3_database(old, SITES)
    default_backup_dir(old).parent.mkdir(parents=True, exist_ok=True)
    default_backup_dir(old).parent.rmdir()
    default_backup_dir(old).parent.write_text("a file where the backups folder goes")
    with pytest.raises(upgrade.UpgradeRefused) as refused:
        upgrade.upgrade(upgrade.pending(old))
    said = french(refused.value.message)
    assert said.endswith("(une partie de son chemin est un fichier, pas un répertoire); rien n'a "
                         "été changé."), said
    assert "Not a directory" not in said


# -- imsmap check -----------------------------------------------------------------------------
def test_a_check_that_could_not_run_says_why_in_french(clinic, db_path):
    """A section of `imsmap check` that a damaged file stopped ("could not be checked: ...")
    was English in every language."""
    from imsmap.services.checks import full_check
    from imsmap.services.context import build_context
    from support import chart_atlas

    clinic.sign_session(clinic.session_id)
    clinic.amend_session(clinic.session_id, "typo", "more")
    clinic.db.close()
    raw = sqlite3.connect(db_path)  # a stored text that is not text, around the triggers
    for (name,) in raw.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'"
                               " AND tbl_name = 'amendments'").fetchall():
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute("UPDATE amendments SET text = CAST(x'ff41' AS TEXT)")
    raw.commit()
    raw.close()
    records = build_context(Database.open(db_path, create=False, readonly=True), chart_atlas(),
                            actor="c.physio").records
    try:
        problems = [french(p) for p in full_check(records).problems]
    finally:
        records.db.close()
    said = next(p for p in problems if p.startswith("Addendas"))
    assert said == (f"Addendas inchangés depuis leur rédaction\xa0: vérification impossible\xa0: "
                    f"{db_path} est endommagé (un texte enregistré n'est pas de l'UTF-8 valide); "
                    "il ne peut pas être lu fidèlement. Gardez-le tel quel et restaurez la "
                    "dernière bonne sauvegarde (imsmap restore)."), said


# -- a stored value of the wrong form ---------------------------------------------------------
def test_a_stored_value_of_the_wrong_form_says_why_in_french(clinic, db_path, caplog):
    """Python's "ValueError: Invalid isoformat string: 'the 3rd'" and an English "row 1" were
    the reason; the log keeps the error's type, never the value."""
    from imsmap.store.db import DamagedFileError

    clinic.db.conn.execute("UPDATE sessions SET started_at = 'the 3rd' WHERE id = ?",
                           (clinic.session_id,))
    with caplog.at_level("INFO", logger="imsmap.store.damage"), \
            pytest.raises(DamagedFileError) as refused:
        clinic.session_record(clinic.session_id)
    said = french(refused.value.message)
    assert (f"la ligne {clinic.session_id} de la table sessions ne peut pas être relue (une "
            "valeur enregistrée n'est pas du type ou de la forme que cette version d'imsmap "
            "lit)") in said, said
    assert "ValueError" not in said and "the 3rd" not in said
    assert "ValueError" in caplog.text and "the 3rd" not in caplog.text
