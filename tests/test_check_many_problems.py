"""`imsmap check` on a file with many problems: every problem counted, the first ten of each kind
listed and the rest said as a number ("... and 15 more of this kind"), --all for every one,
--problems-to FILE for every one in a file; a bar on a terminal, nothing on a pipe; its exit
codes as before. The ten-million-site benchmark file, whose synthetic hashes match nothing,
printed 498,372 lines (1.8 GB of memory, six minutes with no sign of progress)."""

from __future__ import annotations

import io
import sys
from datetime import datetime, timedelta

import pytest

from imsmap.cli import main
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.store import integrity
from imsmap.store.db import Database
from support import chart_atlas, outside_edit, spot

SIGNED = 25  # sessions whose sites were changed outside imsmap after signing
TITLE = "Signed sessions unchanged since signing"
# Each such site is named twice: its session's content hash, and the site against its trail
# (services.row_origins)
FOUND = 2 * SIGNED


@pytest.fixture
def clinic(db_path):
    recs = build_context(Database.open(db_path), chart_atlas(), actor="test.physio").records
    patient = recs.create_patient(chart_number="C-2001", family_name="Nguyen")
    for day in range(SIGNED):
        s = recs.start_session(patient.id, started_at=datetime(2026, 6, 1, 9, 0)
                               + timedelta(days=day))
        view, x, y, muscle, side = spot(recs.atlas, 0)
        recs.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        recs.sign_session(s.id)
    recs.db.close()
    outside_edit(db_path, "UPDATE sites SET grasp = 3")  # every signed session changed
    return db_path


def run_check(db_path, capsys, *extra: str) -> tuple[int, str, str]:
    code = main(["check", "--db", str(db_path), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def test_ten_of_a_kind_are_listed_and_the_rest_counted(clinic, capsys):
    code, out, err = run_check(clinic, capsys)
    assert code == 1
    assert out.count("no longer matches the content hash") == 10
    assert f"... and {SIGNED - 10} more of this kind" in out
    assert f"PROBLEM  {TITLE} ({SIGNED} signed sessions): {SIGNED} problems" in out
    assert f"{FOUND} problems found; nothing was changed" in out
    assert "The first 10 of each kind are listed: imsmap check --all lists every one" in out
    assert err == ""  # not a terminal: no bar


def test_all_lists_every_problem(clinic, capsys):
    code, out, _err = run_check(clinic, capsys, "--all")
    assert code == 1
    assert out.count("no longer matches the content hash") == SIGNED
    assert "more of this kind" not in out and "--all lists" not in out
    assert f"{FOUND} problems found" in out


def test_problems_to_writes_every_one_to_the_file(clinic, tmp_path, capsys):
    listing = tmp_path / "problems.txt"
    code, out, _err = run_check(clinic, capsys, "--problems-to", str(listing))
    assert code == 1
    lines = [line for line in listing.read_text(encoding="utf-8").splitlines()
             if line.startswith(f"{TITLE}: ")]
    assert len(lines) == SIGNED
    assert len(listing.read_text(encoding="utf-8").splitlines()) == FOUND
    assert all(line.startswith(f"{TITLE}: session ") and "no longer matches" in line
               for line in lines)
    assert len({line.split(" (")[0] for line in lines}) == SIGNED  # each session once
    assert out.count("no longer matches the content hash") == 10  # the terminal: ten
    # An existing file is kept unless --force; refused before the check, exit 2.
    listing.write_text("kept\n", encoding="utf-8")
    code, out, err = run_check(clinic, capsys, "--problems-to", str(listing))
    assert code == 2 and "exists already; add --force" in out + err
    assert listing.read_text(encoding="utf-8") == "kept\n"
    code, _out, _err = run_check(clinic, capsys, "--problems-to", str(listing), "--force")
    assert code == 1 and len(listing.read_text(encoding="utf-8").splitlines()) == FOUND


def test_a_sound_file_still_exits_0_and_an_unusable_one_2(tmp_path, capsys):
    sound = tmp_path / "sound.sqlite3"
    Database.open(sound).close()
    code, out, _err = run_check(sound, capsys)
    assert code == 0 and "All is well." in out
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_text("this is not a database")
    code, _out, _err = run_check(garbage, capsys)
    assert code == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_shows_each_section_on_a_terminal_and_is_wiped(clinic, capsys, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["check", "--db", str(clinic)])
    assert code == 1
    said = terminal.getvalue()
    assert said.count("\r") > 10
    for title in ("File structure (integrity check)", TITLE, "Audit trail unbroken",
                  "Every record has its audit entry"):
        assert f"{title} [" in said, title
    assert f"{TITLE} [{'#' * 30}] 100 %" in said
    assert said.endswith("\r") and said.rsplit("\r", 2)[-2].strip() == ""  # wiped at the end
    out = capsys.readouterr().out
    assert "no longer matches" in out  # the report on stdout, as before
    from imsmap.store.migrations import SCHEMA_VERSION

    # A file's schema is named so, beside a clinic server's own numbering ("clinic server
    # schema 8" where the file says 9).
    assert f"\n  file schema {SCHEMA_VERSION}: patients: " in out, out


def test_the_check_holds_ten_of_each_kind_and_hands_on_every_one(clinic):
    recs = build_context(Database.open(clinic, readonly=True), chart_atlas()).records
    seen: list[tuple[str, str]] = []
    try:
        report = checks.full_check(recs, sink=lambda title, p: seen.append((title, p)))
        every = checks.full_check(recs, keep=None)
    finally:
        recs.db.close()
    (section,) = [s for s in report.sections if s.title == TITLE]
    assert len(section.problems) == 10 and section.total == SIGNED and not section.ok
    assert report.total == FOUND and report.capped
    assert [p for t, p in seen if t == TITLE] == [p for s in every.sections if s.title == TITLE
                                                  for p in s.problems]
    assert len(seen) == FOUND and not every.capped


def test_the_count_and_the_hint_are_said_in_french(clinic, capsys, monkeypatch, qapp):
    for name in ("LANG", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    code, out, _err = run_check(clinic, capsys)
    assert code == 1
    assert f"... et {SIGNED - 10} autres de ce genre" in out
    assert "Les 10 premiers de chaque genre sont énumérés\u00a0: imsmap check --all" in out
    assert "more of this kind" not in out


def test_rows_without_their_entry_or_their_parent_are_named_twenty_and_counted(clinic):
    # Read as a stream now (the first named, the rest counted), not every row held: the
    # words say the same as before.
    outside_edit(clinic, "DELETE FROM audit WHERE entity IN (SELECT id FROM terms WHERE"
                 " text = 'site') OR entity = 'site'",
                 "DELETE FROM sessions WHERE id > 1")
    db = Database.open(clinic, readonly=True)
    try:
        (unaudited,) = [p for p in integrity.unaudited_rows(db) if p.startswith("sites rows")]
        orphans = integrity.foreign_key_check(db)
    finally:
        db.close()
    ids = ", ".join(str(i) for i in range(1, 21))
    assert unaudited == (f"sites rows {ids} and {SIGNED - 20} more have no audit entry "
                         "recording how they came in")
    # 24 sites lost their session (and the sessions' photos none): named one by one up to 100
    assert len([p for p in orphans if p.startswith("sites row")]) == SIGNED - 1
