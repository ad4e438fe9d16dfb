"""`imsmap demo` and `imsmap export` through imsmap.cli.main: what they print, and that bad input
gets one sentence on stderr, exit status 2, no traceback, and nothing written."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import stat
import sys
from datetime import date

import pytest

from imsmap import paths
from imsmap.cli import main
from imsmap.services import demo

ANCHOR = date(2026, 11, 16)


@pytest.fixture(scope="module")
def demo_atlas():
    """The shipped atlas once it charts enough muscles; until then the demo tests' own."""
    from imsmap.atlas import load_atlas

    atlas = load_atlas()
    if sum(len(v.regions) for v in atlas.views.values()) >= 20:
        return atlas
    from test_demo import synthetic_atlas

    return synthetic_atlas()


@pytest.fixture
def use_demo_atlas(monkeypatch, demo_atlas):
    monkeypatch.setattr(demo, "load_atlas", lambda: demo_atlas)
    monkeypatch.setattr(demo, "default_anchor", lambda today=None: ANCHOR)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory, demo_atlas):
    """A demo clinic made once for the export tests (copied before anything could touch it)."""
    path = tmp_path_factory.mktemp("clinic") / "clinic.sqlite3"
    demo.create_demo(path, anchor=ANCHOR, atlas=demo_atlas)
    return path


@pytest.fixture
def db(clinic, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    shutil.copy(clinic, path)
    return path


def _listing(folder):
    return sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
                  for p in folder.iterdir())


def _refused(capsys, argv, *fragments):
    """Run, expect exit 2 and one plain sentence on stderr that contains the fragments."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    assert err.startswith("imsmap: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    return err


# -- basics ---------------------------------------------------------------------------------


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("imsmap ")
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "demo" in out and "export" in out


def test_version_names_the_app_the_atlas_and_the_database_schema(capsys):
    from imsmap import __version__
    from imsmap.atlas import load_atlas
    from imsmap.store.migrations import SCHEMA_VERSION
    from imsmap.store.postgres.schema import SCHEMA_VERSION as SERVER_SCHEMA_VERSION

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"imsmap {__version__}", f"atlas {load_atlas().version}",
        f"file schema {SCHEMA_VERSION}",
        f"clinic server schema {SERVER_SCHEMA_VERSION}"]
    assert captured.err == ""


def test_subcommand_help_mentions_db(capsys):
    for command in ("demo", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--db" in capsys.readouterr().out


# -- imsmap demo ----------------------------------------------------------------------------


def test_demo_makes_a_clinic_and_says_where(capsys, tmp_path, use_demo_atlas):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert str(path) in out and "patients" in out and "sites" in out and "signed" in out
    conn = sqlite3.connect(path)
    try:
        n_patients = conn.execute("SELECT count(*) FROM patients").fetchone()[0]
        n_sites = conn.execute("SELECT count(*) FROM sites").fetchone()[0]
    finally:
        conn.close()
    assert f"{n_patients} fictional patients" in out and f"{n_sites} needle sites" in out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell quoting")
def test_demo_says_a_command_that_opens_a_path_with_a_space(capsys, tmp_path, use_demo_atlas):
    """"Open it with: imsmap --db /tmp/démo fr.db" opened /tmp/démo: the path is quoted."""
    path = tmp_path / "démo fr.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"Open it with: imsmap --db '{path}'"
    assert shlex.split(last.split(": ", 1)[1]) == ["imsmap", "--db", str(path)]


def test_demo_db_before_the_subcommand_works_too(capsys, tmp_path, use_demo_atlas):
    path = tmp_path / "before.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    assert path.exists() and str(path) in capsys.readouterr().out


def test_demo_without_db_uses_its_own_file_in_the_data_folder(capsys, use_demo_atlas):
    assert main(["demo"]) == 0
    path = paths.demo_db_path()
    assert path.exists() and str(path) in capsys.readouterr().out
    assert path != paths.default_db_path()
    if sys.platform != "win32":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_data_folder_made_at_first_start_is_owner_only_all_the_way_down(
        capsys, tmp_path, monkeypatch, use_demo_atlas):
    """The data folder was made as the parent of logs/ with the default mode: every user of the
    computer could list it."""
    data = tmp_path / "home" / "share" / "imsmap"
    monkeypatch.setenv("IMSMAP_DATA_DIR", str(data))
    os.chmod(tmp_path, 0o755)
    assert main(["demo"]) == 0
    for folder in (data.parent, data, data / "logs", paths.demo_db_path().parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755  # a folder already there is kept


def test_demo_never_overwrites(capsys, tmp_path, use_demo_atlas):
    path = tmp_path / "mine.sqlite3"
    path.write_bytes(b"my real records")
    err = _refused(capsys, ["demo", "--db", str(path)])
    assert err == (f"imsmap: {path} exists already; the demo never overwrites a file. "
                   "Choose another path.\n")
    assert path.read_bytes() == b"my real records"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.sqlite3"]


def test_demo_refuses_a_folder_and_a_missing_folder(capsys, tmp_path, use_demo_atlas):
    before = _listing(tmp_path)
    _refused(capsys, ["demo", "--db", str(tmp_path)], "folder")
    _refused(capsys, ["demo", "--db", str(tmp_path / "nope" / "demo.sqlite3")],
             "does not exist")
    assert _listing(tmp_path) == before


# -- imsmap export --------------------------------------------------------------------------


def test_export_to_stdout(capsys, db):
    assert main(["export", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["format"] == "imsmap-export" and doc["version"] == 1
    assert len(doc["patients"]) >= 8
    assert sum(len(v["sites"]) for p in doc["patients"] for v in p["visits"]) >= 100
    assert err == ""


def test_export_to_a_file_is_private_and_never_clobbers(capsys, db, tmp_path):
    out = tmp_path / "record.json"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    _, err = capsys.readouterr()
    assert str(out) in err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "imsmap-export"
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_text("keep me", encoding="utf-8")
    _refused(capsys, ["export", "--db", str(db), "--out", str(out)], "exists already",
             "--force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["export", "--db", str(db), "--out", str(out), "--force"]) == 0
    capsys.readouterr()
    assert json.loads(out.read_text(encoding="utf-8")) == doc | {
        "exported_at": json.loads(out.read_text(encoding="utf-8"))["exported_at"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite3", "record.json"]


def test_export_leaves_the_database_as_it_was(capsys, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["export", "--db", str(db)]) == 0
    capsys.readouterr()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["clinic.sqlite3"]


def test_export_one_session(capsys, db):
    assert main(["export", "--db", str(db), "--session", "3"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [v["id"] for p in doc["patients"] for v in p["visits"]] == [3]


def test_export_refuses_to_write_over_the_database(capsys, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    _refused(capsys, ["export", "--db", str(db), "--out", str(db), "--force"],
             "the database itself")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# -- bad input: one sentence, exit 2, nothing written ---------------------------------------


def _text_file(folder):
    path = folder / "notes.sqlite3"
    path.write_bytes(b"Not a database at all.\n" * 50)
    return path


def _foreign_sqlite(folder):
    path = folder / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _newer_schema(folder, source):
    path = folder / "newer.sqlite3"
    shutil.copy(source, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def _empty(folder):
    path = folder / "empty.sqlite3"
    path.write_bytes(b"")
    return path


def _damaged(folder):
    path = folder / "damaged.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    return path


@pytest.mark.parametrize("make, fragment", [
    (_text_file, "not an SQLite file"),
    (_foreign_sqlite, "not an imsmap one"),
    (lambda folder: _newer_schema(folder, folder / "src" / "clinic.sqlite3"), "99"),
    (_empty, "empty"),
    (_damaged, "damaged"),
    (lambda folder: folder, "folder"),
    (lambda folder: folder / "missing" / "clinic.sqlite3", "does not exist"),
    (lambda folder: folder / "absent.sqlite3", "There is no database"),
], ids=["text file", "foreign sqlite", "newer schema", "empty file", "damaged", "folder",
        "missing folder", "missing file"])
@pytest.mark.parametrize("out", [False, True], ids=["stdout", "out file"])
def test_export_bad_database(capsys, tmp_path, clinic, make, fragment, out):
    (tmp_path / "src").mkdir()
    shutil.copy(clinic, tmp_path / "src" / "clinic.sqlite3")
    bad = make(tmp_path)
    before = _listing(tmp_path)
    argv = ["export", "--db", str(bad)]
    if out:
        argv += ["--out", str(tmp_path / "record.json")]
    _refused(capsys, argv, fragment)
    assert _listing(tmp_path) == before  # the bad file's bytes unchanged, no new file


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root reads any file; POSIX permissions")
def test_export_unreadable_database(capsys, db):
    db.chmod(0)
    try:
        _refused(capsys, ["export", "--db", str(db)], "cannot be read")
    finally:
        db.chmod(0o600)


def test_export_unreadable_database_as_root_too(capsys, db, monkeypatch):
    """Root reads anything, so say the OS refused: the same sentence must come out."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if str(path) == str(db) and mode == os.R_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = _listing(db.parent)
    _refused(capsys, ["export", "--db", str(db)], "cannot be read")
    assert _listing(db.parent) == before


def test_export_unknown_session(capsys, db, tmp_path):
    out = tmp_path / "record.json"
    before = _listing(tmp_path)
    _refused(capsys, ["export", "--db", str(db), "--session", "99999", "--out", str(out)],
             "no session with id 99999")
    assert _listing(tmp_path) == before


def test_export_out_into_a_missing_folder_or_a_folder(capsys, db, tmp_path):
    before = _listing(tmp_path)
    _refused(capsys, ["export", "--db", str(db), "--out", str(tmp_path / "no" / "x.json")],
             "does not exist")
    _refused(capsys, ["export", "--db", str(db), "--out", str(tmp_path)], "folder")
    assert _listing(tmp_path) == before


def test_export_session_id_must_be_a_number(capsys, db):
    with pytest.raises(SystemExit) as info:
        main(["export", "--db", str(db), "--session", "abc"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "not a session id" in err and "Traceback" not in err


def test_the_plain_window_command_is_parsed_like_the_sub_commands(monkeypatch, capsys):
    """`imsmap [--db PATH | --dsn DSN] [--demo]` goes through the one argparse parser: its
    abbreviations and `--db=PATH` work, and --demo with --db is refused with one sentence, exit
    status 2."""
    import imsmap.ui.app as ui_app

    seen = []
    monkeypatch.setattr(ui_app, "run_app",
                        lambda db=None, demo=False, dsn=None: seen.append((db, demo, dsn)) or 0)
    assert main(["--db", "x.sqlite3"]) == 0
    assert main(["--dem"]) == 0
    assert main(["--db=y.sqlite3"]) == 0
    assert main(["--dsn", "host=db.clinic.lan dbname=clinic"]) == 0
    assert seen == [("x.sqlite3", False, None), (None, True, None), ("y.sqlite3", False, None),
                    (None, False, "host=db.clinic.lan dbname=clinic")]
    with pytest.raises(SystemExit) as refused:
        main(["--demo", "--db", "x.sqlite3"])
    err = capsys.readouterr().err
    assert refused.value.code == 2 and "leave out --db" in err and "Traceback" not in err
    assert len(seen) == 4


def test_a_reader_that_stops_reading_is_no_bug(tmp_path):
    """`imsmap atlas | head`: the reader closes the pipe; imsmap stops quietly, as a shell
    command does (exit 141), with no traceback and no 'a bug' in its log."""
    import subprocess

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    data = tmp_path / "data"
    try:
        proc = subprocess.run([sys.executable, "-m", "imsmap", "atlas"], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "IMSMAP_DATA_DIR": str(data)})
    finally:
        os.close(write)
    assert proc.stderr == "" and proc.returncode == 141
    logged = "".join(p.read_text() for p in (data / "logs").glob("*.log"))
    assert "imsmap 0" in logged and "a bug" not in logged
