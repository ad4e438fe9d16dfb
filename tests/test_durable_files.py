"""The files imsmap reads back at its next start (the choice of where the records are, the clinic
server's connection settings) are written whole or not at all (store.durable): a writer killed
between its write and its rename, two writers at once, a full disk: the file is the old one or
the new one, never empty or half of either, and no temporary file stays behind a failure. A
file an earlier imsmap left empty or cut short (a power cut before its content reached the
disk) is a sentence that says so, and the choice is asked again, never taken for a first start.

A power cut cannot be made in a test; what makes a rename survive one can be seen: with strace
(Linux; CI installs it), each save flushes its temporary file before the rename and the folder
after it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from imsmap.domain.errors import UserFacingError
from imsmap.services import records_place
from imsmap.store import durable
from test_signing_processes import python
from test_ui_support import qt_settings  # noqa: F401 - fixture

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and rlimits are POSIX's")

SERVER_DSN = "postgresql://anna.physio@db.clinic.lan/clinic?sslmode=verify-full"

# A durable write in a process of its own, held once its temporary file is written whole (the
# new content on its way, the target not yet renamed), until it is killed.
HELD_WRITE = """
    import sys
    from pathlib import Path
    from imsmap.store import durable

    def write(tmp):
        tmp.write_text(sys.argv[2], encoding="utf-8")
        print("written", flush=True)
        sys.stdin.readline()

    durable.write_whole(Path(sys.argv[1]), write)
    print("renamed", flush=True)
"""

# Saves the choice again and again until it is killed: this computer, or the clinic server.
SAVING = """
    import sys
    from imsmap.services import records_place
    print("saving", flush=True)
    while True:
        if sys.argv[1] == "here":
            records_place.keep_this_computer()
        else:
            records_place.keep_server(sys.argv[2])
"""

# Saves the clinic server's choice on a disk that takes no more than 16 bytes a file.
FULL_DISK = """
    import resource, signal, sys
    from imsmap.domain.errors import UserFacingError
    from imsmap.services import records_place
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))
    try:
        records_place.keep_server(sys.argv[1])
    except UserFacingError as exc:
        print(exc.message, flush=True)
        sys.exit(2)
"""


def _kill(process: subprocess.Popen) -> None:
    """kill -9, then its pipes closed."""
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


@posix_only
def test_a_write_killed_between_its_write_and_its_rename_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    child = python(HELD_WRITE, target, '{"new": true}\n', stdin=subprocess.PIPE,
                   stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
    finally:
        _kill(child)
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    # What the killed writer left is its own hidden file, whole, never the target's name.
    left = [p for p in tmp_path.iterdir() if p != target]
    assert [p.name.startswith(".settings.json.") and p.name.endswith(".tmp") for p in left] \
        == [True]
    assert left[0].stat().st_mode & 0o077 == 0
    # The next write goes through beside it, and leaves it: it may be a write in progress.
    durable.write_text(target, '{"newer": true}\n')
    assert json.loads(target.read_text(encoding="utf-8")) == {"newer": True}
    assert left[0].exists()
    # An hour later it is no write in progress: the next write removes it, and nothing else.
    others = [tmp_path / ".settings.json.backup", tmp_path / ".other.json.abcdefgh.tmp"]
    for path in [left[0], *others]:
        path.touch()
        os.utime(path, (time.time() - 2 * durable.LEFT_AFTER_S,) * 2)
    durable.write_text(target, '{"newest": true}\n')
    assert sorted(tmp_path.iterdir()) == sorted([target, *others])


@posix_only
def test_the_held_write_renames_once_let_go(tmp_path):
    target = tmp_path / "settings.json"
    child = python(HELD_WRITE, target, "whole\n", stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = child.communicate("\n", timeout=60)
    assert out.split() == ["written", "renamed"] and child.returncode == 0
    assert target.read_text(encoding="utf-8") == "whole\n"
    assert sorted(tmp_path.iterdir()) == [target]  # no temporary file left


@posix_only
def test_two_starts_saving_the_choice_at_once_never_leave_it_cut(qt_settings):  # noqa: F811
    records_place.keep_this_computer()
    path = records_place.place_path()
    writers = [python(SAVING, "here", stdout=subprocess.PIPE),
               python(SAVING, "server", SERVER_DSN, stdout=subprocess.PIPE)]
    seen: set[str | None] = set()  # None: the file missing, which it never is
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "saving"
        end = time.monotonic() + 2.0
        while time.monotonic() < end and all(w.poll() is None for w in writers):
            seen.add(records_place.chosen())  # a cut file: ChoiceLost, and the test fails
    finally:
        for writer in writers:
            _kill(writer)  # kill -9 in the middle of a write, wherever it is
    assert all(w.returncode == -signal.SIGKILL for w in writers), \
        "a writer stopped by itself: one write refused another's"
    assert seen <= {records_place.THIS_COMPUTER, records_place.SERVER}, seen
    assert records_place.chosen() in (records_place.THIS_COMPUTER, records_place.SERVER)
    if records_place.chosen() == records_place.SERVER:
        assert records_place.saved_server() == \
            "user=anna.physio dbname=clinic host=db.clinic.lan sslmode=verify-full"
    assert path.stat().st_mode & 0o077 == 0


@posix_only
def test_a_full_disk_keeps_the_old_choice_and_leaves_nothing_beside_it(qt_settings):  # noqa: F811
    records_place.keep_this_computer()
    path = records_place.place_path()
    before = path.read_bytes()
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(FULL_DISK), SERVER_DSN],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stdout.strip()
    assert said.startswith("The choice of where the clinic's records are kept cannot be saved")
    assert said.endswith("nothing was changed."), said
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.is_file()) == [path.name]


CUT = {
    "empty": b"",
    "zeros": b"\0" * 48,  # what XFS leaves of a file whose pages never reached the disk
    "half": b'{\n  "where": "clinic server",\n  "dsn": "postgresql://anna.physio@db.cl',
    "blank": b"\n",
}


@pytest.mark.parametrize("content", CUT.values(), ids=list(CUT))
def test_a_choice_found_cut_short_says_so(qt_settings, content):  # noqa: F811
    path = records_place.place_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with pytest.raises(records_place.ChoiceLost) as lost:
        records_place.chosen()
    assert "found empty or cut short" in str(lost.value.message)
    assert "choose again" in str(lost.value.message)


def test_a_choice_that_is_whole_but_not_ours_is_still_the_old_sentence(qt_settings):  # noqa: F811
    path = records_place.place_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"where": "this computer"} and more', encoding="utf-8")
    with pytest.raises(UserFacingError, match="delete the file") as refused:
        records_place.chosen()
    assert not isinstance(refused.value, records_place.ChoiceLost)


@pytest.mark.parametrize("file_here", [False, True], ids=["no file here", "a file here"])
def test_a_choice_found_empty_is_asked_again_saying_which_opens_the_records(
        qt_settings, monkeypatch, file_here):  # noqa: F811
    from imsmap import paths
    from imsmap.ui import app as ui_app
    from imsmap.ui.records_place import RecordsPlaceDialog

    path = records_place.place_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    if file_here:
        paths.ensure_private_dir(paths.default_db_path().parent)
        paths.default_db_path().write_bytes(b"")
    asked: list[RecordsPlaceDialog] = []
    told: list[object] = []
    monkeypatch.setattr(RecordsPlaceDialog, "exec", lambda self: asked.append(self) or 0)
    monkeypatch.setattr(ui_app, "tell", lambda *args: told.append(args))
    assert ui_app.where_records_are() == ""  # asked, and the question was closed
    assert told == [] and len(asked) == 1
    dialog = asked[0]
    said = dialog.lost.text()
    assert not dialog.lost.isHidden()
    assert said.startswith(f"The choice of where the clinic's records are kept, in {path}, "
                           "was found empty or cut short")
    if file_here:
        assert str(paths.default_db_path()) in said and dialog.here.isChecked()
    else:
        assert "would start a new, empty clinic" in said
        assert dialog.server.isChecked() and dialog.dsn.isEnabled()
    assert path.read_bytes() == b""  # nothing kept until the question is answered
    # Answered with this computer, the choice is kept whole again.
    dialog.here.setChecked(True)
    dialog.accept()
    assert records_place.chosen() == records_place.THIS_COMPUTER
    dialog.deleteLater()


def test_an_unanswered_first_start_has_no_such_sentence(qt_settings, monkeypatch):  # noqa: F811
    from imsmap.ui import app as ui_app
    from imsmap.ui.records_place import RecordsPlaceDialog

    asked: list[RecordsPlaceDialog] = []
    monkeypatch.setattr(RecordsPlaceDialog, "exec", lambda self: asked.append(self) or 0)
    assert ui_app.where_records_are() == ""
    assert asked[0].lost.isHidden() and asked[0].here.isChecked()
    asked[0].deleteLater()


@pytest.mark.parametrize("content", CUT.values(), ids=list(CUT))
def test_server_settings_found_cut_short_say_so(content):
    from imsmap.store.postgres.connection import ServerError, saved_dsn, settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with pytest.raises(ServerError) as refused:
        saved_dsn()
    assert str(refused.value.message) == (
        f"The saved server settings in {path} were found empty or cut short: the computer "
        "stopped while they were being saved. Give --dsn, which writes them again.")


def test_server_settings_are_written_whole_and_private():
    from imsmap.store.postgres.connection import save, saved_dsn

    path = save("postgresql://anna.physio:secret@db.clinic.lan/clinic")
    assert saved_dsn() is not None and "secret" not in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_read_json_tells_a_cut_file_from_a_wrong_one(tmp_path):
    path = tmp_path / "x.json"
    for cut in (b"", b" \n", b"\0\0\0", b'{"a": 1', b'{"a": "b', b'{"a": 1}\0\0'):
        path.write_bytes(cut)
        with pytest.raises(durable.CutShort):
            durable.read_json(path)
    for wrong in (b'{"a": 1} x', b"{'a': 1}", b"[1,, 2]"):
        path.write_bytes(wrong)
        with pytest.raises(ValueError) as refused:
            durable.read_json(path)
        assert not isinstance(refused.value, durable.CutShort), wrong
    path.write_bytes(b'{"a": 1}\n')
    assert durable.read_json(path) == {"a": 1}


def test_a_write_that_fails_removes_its_temporary_file_and_keeps_the_old(tmp_path):
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")

    def write(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        durable.write_whole(target, write)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(tmp_path.iterdir()) == [target]


# Both files the next start reads back, saved once each.
SAVED_ONCE = """
    from imsmap.services import records_place
    from imsmap.store.postgres.connection import save
    records_place.keep_server("postgresql://anna.physio@db.clinic.lan/clinic")
    save("postgresql://anna.physio@db.clinic.lan/clinic")
"""
CALL = re.compile(r'^\d+\s+(\w+)\((.*)\)\s+=\s+(-?\d+)')


@pytest.mark.skipif(shutil.which("strace") is None or not sys.platform.startswith("linux"),
                    reason="strace (Linux) shows the system calls; CI installs it")
def test_each_save_flushes_its_file_before_the_rename_and_the_folder_after(tmp_path):
    trace = tmp_path / "trace.txt"
    subprocess.run(["strace", "-f", "-qq", "-e",
                    "trace=openat,fsync,fdatasync,rename,renameat,renameat2", "-o", str(trace),
                    sys.executable, "-c", textwrap.dedent(SAVED_ONCE)],
                   check=True, timeout=120, capture_output=True)
    # (what, the path it names): an open's descriptor resolved to the path it opened.
    opened: dict[str, str] = {}
    steps: list[tuple[str, str]] = []
    for line in trace.read_text().splitlines():
        call = CALL.match(line)
        if call is None or call.group(3).startswith("-"):
            continue
        name, args, result = call.groups()
        paths = re.findall(r'"([^"]*)"', args)
        if name == "openat" and paths:
            opened[result] = paths[0]
        elif name in ("fsync", "fdatasync"):
            steps.append(("flush", opened.get(args.strip(), "?")))
        elif name.startswith("rename") and len(paths) == 2:
            steps.append(("rename " + paths[0], paths[1]))
    folder = records_place.place_path().parent
    for target in (records_place.place_path(), folder / "server.json"):
        renames = [i for i, (what, path) in enumerate(steps) if path == str(target)]
        assert len(renames) == 1, steps
        at = renames[0]
        tmp = steps[at][0].removeprefix("rename ")
        assert re.fullmatch(rf"{re.escape(str(folder))}/\.{re.escape(target.name)}\.\w{{8}}\.tmp",
                            tmp), tmp
        assert ("flush", tmp) in steps[:at], "the file is not flushed before its rename"
        assert ("flush", str(folder)) in steps[at + 1:at + 3], "the folder is not flushed after"


def _no_hard_links(*_args, **_kw):
    raise OSError(1, "Operation not permitted")  # os.link on FAT, exFAT, some network shares


@pytest.fixture(params=["hard links", "no hard links"])
def file_system(request, monkeypatch):
    """Both ways `publish_new` takes a name: a hard link, or (no hard links on the file
    system) the name taken by an exclusive create, then the file renamed onto it."""
    if request.param == "no hard links":
        monkeypatch.setattr(os, "link", _no_hard_links)
    return request.param


def test_publish_new_gives_the_name_and_never_replaces_a_file(tmp_path, file_system):
    tmp, target = tmp_path / ".made.tmp", tmp_path / "made.dump"
    tmp.write_text("new", encoding="utf-8")
    durable.publish_new(tmp, target)
    assert target.read_text(encoding="utf-8") == "new"
    again = tmp_path / ".again.tmp"
    again.write_text("newer", encoding="utf-8")
    with pytest.raises(FileExistsError):
        durable.publish_new(again, target)
    assert target.read_text(encoding="utf-8") == "new"  # the file there is left as it was
    assert again.read_text(encoding="utf-8") == "newer"  # and the caller's file as it was


def test_publish_new_without_hard_links_removes_the_name_it_took_when_the_rename_fails(
        tmp_path, monkeypatch):
    monkeypatch.setattr(os, "link", _no_hard_links)

    def full(_tmp, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable, "replace", full)
    tmp, target = tmp_path / ".made.tmp", tmp_path / "made.dump"
    tmp.write_text("new", encoding="utf-8")
    with pytest.raises(OSError, match="No space"):
        durable.publish_new(tmp, target)
    assert sorted(tmp_path.iterdir()) == [tmp]  # its empty file gone, the caller's kept
