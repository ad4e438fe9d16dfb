"""Files a killed process left beside the database: whether the process that named a file by
its id still runs (`alive`), and the hidden copies of a restore killed halfway
(`remove_restore_copies`).

A restore (store.restore) writes the backup into ``.NAME.PID.restoring`` beside the database
NAME before it takes the database's place: a whole copy of a backup's patient records (and the
records it replaces into ``.NAME.PID.aside.restoring`` before they take their name). Killed
halfway (the power, kill -9, a shutdown), the copy stays, hidden, in the data folder. A later
restore into the same name removed it; now every open of the database does too (store.db), the
window's and every command's, and says so in the log. Only that exact name (and the copy's own
SQLite side files), only a file, only when the process named in it has ended: a restore still
running in another process (or in this one) keeps its copy.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from imsmap.logs import shown

log = logging.getLogger(__name__)

RESTORING_SUFFIX = ".restoring"
ASIDE_SUFFIX = ".aside"
SIDE_FILES = ("-wal", "-shm", "-journal")


def alive(pid: int) -> bool:
    """Whether the process that named a partial or scratch file by its id is still running
    (this process counts as ended: a file of its own is of work that ended)."""
    if pid == os.getpid():
        return False  # ours, from a backup of this process that ended: not in use
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's: it runs
    return True


def _alive_on_windows(pid: int) -> bool:
    """os.kill(pid, 0) on Windows sends CTRL_C_EVENT (or ends the process): asked instead."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined]  # denied: it runs
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def restoring_name(db_path: Path, pid: int) -> Path:
    """Where the restore by process ``pid`` writes its copy before it replaces ``db_path``."""
    return db_path.with_name(f".{db_path.name}.{pid}{RESTORING_SUFFIX}")


def aside_copy_name(db_path: Path, pid: int) -> Path:
    """Where the restore by process ``pid`` copies the records it replaces before that copy,
    whole, takes its name beside them (``NAME.replaced-...``): a copy of the records."""
    return db_path.with_name(f".{db_path.name}.{pid}{ASIDE_SUFFIX}{RESTORING_SUFFIX}")


def remove_restore_copies(db_path: str | os.PathLike[str]) -> list[Path]:
    """Remove the copies of restores into ``db_path`` whose process has ended, with their
    SQLite side files; the log says how many and of which database (a path, never a record).
    Never the database, a file set aside, or anything else. Returns what was removed."""
    db_path = Path(db_path)
    pattern = re.compile(rf"^\.{re.escape(db_path.name)}\.(\d+)(?:{re.escape(ASIDE_SUFFIX)})?"
                         rf"{re.escape(RESTORING_SUFFIX)}"
                         rf"(?:{'|'.join(map(re.escape, SIDE_FILES))})?$")
    try:
        entries = list(os.scandir(db_path.parent))
    except OSError:
        return []
    removed: list[Path] = []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or alive(pid):
            continue
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # another process removed it first
        except OSError as exc:
            log.warning("a copy left by a restore killed halfway beside %s could not be "
                        "removed (%s)", shown(db_path), exc.strerror)
            continue
        removed.append(Path(entry.path))
    if removed:
        log.warning("removed %d file(s) left by a restore killed halfway beside %s (a copy of "
                    "a backup's records)", len(removed), shown(db_path))
    return removed
