"""Files that imsmap writes on request (PDFs, exports, backups): where they may go, and writing
them so that a failure leaves nothing behind.

Every command and window action that writes a file the user named goes through
`refuse_database` (directly, or through `check_output` / `write_atomically`), so no output ever
lands on the database, its ``-wal``/``-shm``/``-journal`` files, anything that resolves to one
of them (a symlink, a hard link) or any other SQLite database.

The database file is never opened here: it and its side files are compared by name and by
identity (``os.stat``: device and inode) first, and only a file that is none of them has its
first 16 bytes read to see whether it is an SQLite database. Opening and closing the database
file in a process that holds a connection to it would drop that connection's POSIX locks
(docs/architecture.md).

No Qt here: the PDF writer (report/document.py) and the command line share it.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import durable

log = logging.getLogger(__name__)

# What SQLite keeps beside a database file `F`: F-wal, F-shm (WAL mode), F-journal (rollback).
SIDE_FILES = ("-wal", "-shm", "-journal")

# The first bytes of an SQLite database, a write-ahead log (either byte order) and a rollback
# journal (https://www.sqlite.org/fileformat.html).
_DATABASE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"


class OutputError(UserFacingError):
    """An output file that may not or cannot be written; nothing was written."""


def _protected(database: str | os.PathLike[str]) -> list[str]:
    """The database and its side files, as given and with symlinks resolved (SQLite puts the
    side files beside the real file)."""
    given = os.path.abspath(os.path.expanduser(os.fspath(database)))
    real = os.path.realpath(given)
    return [base + suffix for base in dict.fromkeys((given, real))
            for suffix in ("",) + SIDE_FILES]


def _same_file(a: str, b: str) -> bool:
    """`a` and `b` name the same file: by name (case as the system compares it), after resolving
    symlinks, or by identity when both exist (hard links, bind mounts)."""
    if os.path.normcase(a) == os.path.normcase(b):
        return True
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)  # st_dev and st_ino, symlinks followed
    except OSError:
        return False  # one of them does not exist (or cannot be examined): not the same file


def _looks_like_sqlite(path: str) -> bool:
    """The first bytes of `path` (a regular file that is not this process's database) are those
    of an SQLite database, WAL file or journal."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False  # unreadable: the write itself will say what is wrong
    return (head == _DATABASE_MAGIC or head[:4] in _WAL_MAGIC
            or head[:8] == _JOURNAL_MAGIC)


def is_database_file(path: str | os.PathLike[str],
                     database: str | os.PathLike[str]) -> bool:
    """`path` names `database` or one of its side files (-wal, -shm, -journal): by name, with
    symlinks resolved, or by identity (a hard link). Nothing is opened, so a file a process
    means to read may be asked about before it is opened: reading the database itself would
    close a descriptor of it, and with it the process's locks on it."""
    target = os.path.abspath(os.path.expanduser(os.fspath(path)))
    return any(_same_file(target, protected) for protected in _protected(database))


def refuse_database(out: str | os.PathLike[str],
                    database: str | os.PathLike[str] | None, *, look_inside: bool = True) -> None:
    """OutputError if writing `out` would write over `database`, one of its side files, or
    (unless not `look_inside`: a caller that never replaces an existing file) any existing
    SQLite database. `database` is the database this process has open (or is about to open);
    None when there is none."""
    target = os.path.abspath(os.path.expanduser(os.fspath(out)))
    if database is not None and is_database_file(target, database):
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "%1 is the database itself or one of its own files (-wal, "
            "-shm, -journal); nothing was written: choose another file name."), out))
    # Only now that `out` is known not to be the open database may its first bytes be read.
    if look_inside and _looks_like_sqlite(target):
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "%1 is an SQLite database; imsmap never writes over a database, so "
            "nothing was written: choose another file name."), out))


def check_output(out: str | os.PathLike[str], database: str | os.PathLike[str] | None, *,
                 force: bool) -> Path:
    """The checks before writing the file `out`: not a folder, in a folder that exists, not a
    database (`refuse_database`), and an existing file only with `force`."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "%1 is a folder; give the name of the file to write."), out))
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "The folder %1 does not exist; create it first or choose another."),
            folder))
    refuse_database(out, database)
    if not force and (out.exists() or out.is_symlink()):
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "%1 exists already; add --force to replace it."), out))
    return out


# What `write_atomically` writes, as its sentences name it ("The PDF cannot be written...").
_WHAT = {"file": sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "file")),
         "PDF": sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "PDF")),
         "export": sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "export"))}


def write_atomically(out: str | os.PathLike[str], write: Callable[[Path], None], *,
                     database: str | os.PathLike[str] | None, force: bool,
                     what: str = "file") -> Path:
    """Call ``write(tmp)`` for a new private temporary file beside `out`, make it durable, then
    give it the name `out` in one step. On any failure (a full disk, a read-only folder) the
    temporary file is removed and `out`, if it existed, is left as it was: OutputError.

    `out` is checked with `check_output` before and again just before the rename. Without
    `force` a file that appears meanwhile is kept, never replaced. Once it is written, the
    temporary files that earlier writes of `out` killed before their rename left beside it,
    more than an hour ago, are removed (store.durable.remove_left): a whole export of the
    clinic's records must not stay hidden in a folder.
    """
    out = check_output(out, database, force=force)
    what = _WHAT.get(what, what)
    folder = out.parent
    try:
        tmp = durable.temporary_beside(out)
    except OSError as exc:
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "The %1 cannot be written in %2 (%3); nothing was written."),
            what, folder, reason(exc))) from None

    def publish(tmp: Path, out: Path) -> None:
        refuse_database(out, database)
        _publish(tmp, out, force=force)

    try:
        durable.write_whole(out, write, publish=publish, tmp=tmp)
    except OSError as exc:
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "The %1 cannot be written to %2 (%3); nothing was changed."),
            what, out, reason(exc))) from None
    durable.remove_left(out)
    return out


# The temporary file `write_atomically` writes a PDF under (store.durable.temporary_beside:
# tempfile.mkstemp's eight letters),
# which stays behind when its process is killed mid-write: ".NAME.pdf.k3x_9q2a.tmp".
LEFT_PDF = re.compile(r"^\..+\.pdf\.[a-z0-9_]{8}\.tmp$")
# Older than this, such a file is no window's write in progress (a PDF takes seconds).
LEFT_AFTER_S = 3600.0


def remove_left_pdfs(folder: Path) -> list[Path]:
    """Remove the temporary files of PDFs whose writing was killed (store.backup_sets does the
    same for a backup's partial files on its next run): in `folder` only, only regular files
    named as `LEFT_PDF` and last written more than `LEFT_AFTER_S` ago, never anything else.
    Called when a PDF is next written there; a file that cannot be removed is left (logged)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    before = time.time() - LEFT_AFTER_S
    for entry in entries:
        if not LEFT_PDF.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or \
                    entry.stat(follow_symlinks=False).st_mtime >= before:
                continue
            os.unlink(entry.path)
        except OSError as exc:
            log.info("a left temporary PDF file could not be removed: %s", exc.strerror)
            continue
        removed.append(Path(entry.path))
    if removed:
        log.info("removed %d temporary PDF file(s) left by a write that was killed",
                 len(removed))
    return removed


def _publish(tmp: Path, out: Path, *, force: bool) -> None:
    if force:
        durable.replace(tmp, out)
        return
    try:
        durable.publish_new(tmp, out)  # never replaces a file that appeared meanwhile
    except FileExistsError:
        raise OutputError(sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "%1 exists already; add --force to replace it."), out)) from None
