"""`imsmap pdf`: exit codes and messages, no file for a failure, atomic replace with --force."""

from __future__ import annotations

import re
import shutil
import subprocess

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


# ------------------------------------------------------------------ a date range into a folder
@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from imsmap.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo(path)
    return path


def _sessions_in(db_path, first, last):
    from imsmap.services.context import open_records

    records = open_records(db_path, create=False)
    try:
        sessions = [s for s in records.repo.sessions_between(first, "9999")
                    if f"{s.started_at:%Y-%m-%d}" <= last]
        return [(s, records.repo.patient(s.patient_id)) for s in sessions]
    finally:
        records.db.close()


def test_batch_exports_a_date_range(qapp, demo_db, tmp_path, capsys):
    import pypdf

    from imsmap.services.context import open_records

    records = open_records(demo_db, create=False)
    days = sorted({f"{s.started_at:%Y-%m-%d}" for p in records.repo.search_patients("")
                   for s in records.repo.sessions_for_patient(p.id)})
    records.db.close()
    first, last = days[0], days[3]
    expected = _sessions_in(demo_db, first, last)
    assert len(expected) >= 3
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    assert main(["pdf", "--db", str(demo_db), "--from", first, "--to", last,
                 "--out-dir", str(out_dir)]) == 0
    said = capsys.readouterr().out
    names = sorted(p.name for p in out_dir.iterdir())
    wanted = sorted(f"{p.chart_number}_{s.started_at:%Y-%m-%d}_s{s.id}.pdf" for s, p in expected)
    assert names == wanted
    for name in names:
        assert str(out_dir / name) in said
        text = pypdf.PdfReader(str(out_dir / name)).pages[0].extract_text()
        assert name.split("_")[0] in text  # the chart number on page 1
    assert f"{len(names)} PDFs written to {out_dir}." in said

    # Again: nothing is overwritten silently.
    before = {n: (out_dir / n).stat().st_mtime_ns for n in names}
    assert main(["pdf", "--db", str(demo_db), "--from", first, "--to", last,
                 "--out-dir", str(out_dir)]) == 0
    said = capsys.readouterr().out
    assert said.count("exists already") == len(names)
    assert f"0 PDFs written to {out_dir}; {len(names)} skipped" in said
    assert {n: (out_dir / n).stat().st_mtime_ns for n in names} == before
    # --force replaces them.
    assert main(["pdf", "--db", str(demo_db), "--from", first, "--to", first,
                 "--out-dir", str(out_dir), "--force"]) == 0
    assert "Wrote session" in capsys.readouterr().out


def test_batch_empty_range(qapp, demo_db, tmp_path, capsys):
    assert main(["pdf", "--db", str(demo_db), "--from", "1990-01-01", "--to", "1990-01-31",
                 "--out-dir", str(tmp_path)]) == 0
    assert "No sessions started between 1990-01-01 and 1990-01-31" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-13-01", "--to", "2026-12-01"], "--from '2026-13-01' is not a date"),
    (["--from", "2026-11-01", "--to", "yesterday"], "--to 'yesterday' is not a date"),
    (["--from", "2026-11-02", "--to", "2026-11-01"], "is before --from"),
    (["--from", "2026-11-01"], "needs all of --from DATE, --to DATE and --out-dir DIR"),
])
def test_batch_bad_input_is_one_sentence(qapp, db_with_session, tmp_path, capsys, args,
                                         message):
    db_path, _session = db_with_session
    argv = ["pdf", "--db", str(db_path), *args]
    if "--to" in args:
        argv += ["--out-dir", str(tmp_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("imsmap: ") and message in err and "\n" not in err
    assert list(tmp_path.glob("*.pdf")) == []


def test_batch_missing_out_dir(qapp, db_with_session, tmp_path, capsys):
    db_path, _session = db_with_session
    missing = tmp_path / "nowhere"
    assert main(["pdf", "--db", str(db_path), "--from", "2026-11-01", "--to", "2026-11-30",
                 "--out-dir", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert "does not exist" in err and "\n" not in err
    assert not missing.exists()


def test_batch_file_names_are_safe(qapp, records, db_path, tmp_path, capsys):
    from datetime import datetime

    from imsmap.cli.pdf_cmd import batch_file_name, safe_file_part

    assert safe_file_part("A/12 3:x", "p") == "A_12_3_x"
    assert safe_file_part("../..", "patient7") == "patient7"
    assert batch_file_name("C:\\2026/01", 3, datetime(2026, 11, 20, 9, 30), 12) == \
        "C_2026_01_2026-11-20_s12.pdf"
    p = records.create_patient(chart_number="HR/2026 07", family_name="Slash")
    s = records.start_session(p.id, started_at=datetime(2026, 11, 20, 9, 30))
    assert main(["pdf", "--db", str(db_path), "--from", "2026-11-20", "--to", "2026-11-20",
                 "--out-dir", str(tmp_path)]) == 0
    assert [x.name for x in tmp_path.glob("*.pdf")] == [f"HR_2026_07_2026-11-20_s{s.id}.pdf"]


def _session_pdf_text(db_path, session_id: int, out, *options: str) -> str:
    """The session's PDF written by `imsmap pdf` to ``out``, read back by pdftotext with
    ``options`` (e.g. "-bbox")."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id), "--out", str(out),
                 "--force"]) == 0
    return subprocess.run(["pdftotext", *options, str(out), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_draft_watermark_is_not_text(qapp, db_with_session, tmp_path):
    """The DRAFT mark across each page is a shape, not words: as text, pdftotext and a records
    system's indexer read its letters as stray words ("D", "RA", "FT") inside the record's
    tables and sections. The pages still say DRAFT in words, in the running header and footer."""
    db_path, session = db_with_session
    html = _session_pdf_text(db_path, session.id, tmp_path / "s.pdf", "-bbox")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', html)
    assert words
    tall = [w[4] for w in words if float(w[3]) - float(w[1]) > 40]  # points; text is < 20
    assert tall == []
    flat = " ".join(w[4] for w in words)
    assert "DRAFT" in flat


def test_site_table_says_what_a_dash_means_in_each_column(qapp, db_with_session, tmp_path):
    """'—' stands in the site table for an ungraded site (Grasp), a muscle charted without a
    spinal level (Level) and anything not recorded (depth, needle, response). The footnote said
    only '— not graded', so a reader took 'Depth —' for 'not graded' too."""
    db_path, session = db_with_session
    flat = " ".join(_session_pdf_text(db_path, session.id, tmp_path / "s.pdf").split())
    assert "Depth mm" in flat and " — " in flat  # the site has no depth: a dash in its row
    assert ("—: not graded in Grasp, no spinal level in Level, not recorded elsewhere."
            in flat)


def test_pain_not_recorded_is_said_in_words(qapp, records, db_with_session, tmp_path):
    """A pain score not recorded reads 'not recorded', as the tolerance and plan beside it do:
    '2/10 → —' left a referrer to guess whether '—' meant no pain, not asked or not recorded."""
    db_path, session = db_with_session

    def pdf_text() -> str:
        return " ".join(_session_pdf_text(db_path, session.id, tmp_path / "s.pdf").split())

    flat = pdf_text()  # neither score recorded
    assert "Pain (0–10) not recorded Tolerance" in flat and "→" not in flat.split("Pain (0–10)")[1][:30]
    records.update_session(session.id, pain_before=2)
    flat = pdf_text()
    assert "Pain (0–10) 2/10 → not recorded" in flat
    assert "2/10 → not recorded" in flat.split("Complaint")[0]  # the first page's box too
    assert "→ —" not in flat
