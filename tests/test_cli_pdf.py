"""`imsmap pdf`: exit codes and messages, no file for a failure, atomic replace with --force."""

from __future__ import annotations

import pytest

from imsmap.cli import main


@pytest.fixture
def db_with_session(records, session, db_path):
    view_id, view = next((vid, v) for vid, v in records.atlas.views.items() if v.regions)
    region = view.regions[0]
    x0, y0, x1, y1 = region.bbox
    for x, y in (((x0 + x1) / 2, (y0 + y1) / 2), (x0 + (x1 - x0) * 0.4, (y0 + y1) / 2)):
        if region.contains(x, y):
            records.add_site(session.id, view_id, x, y, muscle_id=region.muscle,
                             side=region.side, layer=region.layer, grasp=2)
            break
    return db_path, session


def test_writes_the_pdf(qapp, db_with_session, tmp_path, capsys):
    db_path, session = db_with_session
    out = tmp_path / "s.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session.id),
                 "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert str(out) in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_letter_and_db_before_the_command(qapp, db_with_session, tmp_path):
    db_path, session = db_with_session
    out = tmp_path / "s.pdf"
    assert main(["--db", str(db_path), "pdf", "--session", str(session.id), "--out", str(out),
                 "--paper", "letter"]) == 0
    assert out.exists()


def test_unknown_session(qapp, db_with_session, tmp_path, capsys):
    db_path, _session = db_with_session
    out = tmp_path / "s.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", "4242", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == "imsmap: There is no session with id 4242."
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_existing_out_needs_force(qapp, db_with_session, tmp_path, capsys):
    db_path, session = db_with_session
    out = tmp_path / "s.pdf"
    out.write_bytes(b"keep me")
    args = ["pdf", "--db", str(db_path), "--session", str(session.id), "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("imsmap: ") and "exists already" in err and "--force" in err
    assert out.read_bytes() == b"keep me"
    assert main(args + ["--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_missing_database_is_not_created(qapp, tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    out = tmp_path / "s.pdf"
    assert main(["pdf", "--db", str(missing), "--session", "1", "--out", str(out)]) == 2
    assert "There is no database" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()


def test_out_in_a_missing_folder(qapp, db_with_session, tmp_path, capsys):
    db_path, session = db_with_session
    out = tmp_path / "no" / "s.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session.id),
                 "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["--paper", "A3"], ["--session", "x"]])
def test_bad_arguments(qapp, db_with_session, tmp_path, bad, capsys):
    db_path, session = db_with_session
    args = ["pdf", "--db", str(db_path), "--session", str(session.id),
            "--out", str(tmp_path / "s.pdf")]
    if bad[0] == "--session":
        args[4] = bad[1]
    else:
        args += bad
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2


def test_runs_as_a_program_without_a_display(db_with_session, tmp_path):
    """A real process: no QGuiApplication yet and no QT_QPA_PLATFORM; the command makes one."""
    import os
    import subprocess
    import sys

    db_path, session = db_with_session
    out = tmp_path / "s.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                            "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "imsmap", "pdf", "--db", str(db_path),
                           "--session", str(session.id), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
