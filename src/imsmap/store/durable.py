"""Writing a file whole or not at all, durably: after a power cut the file is the old one or the
new one, never empty, never half of either.

The steps, said once here and used by every writer of a file imsmap relies on (the choice of
where the records are, the clinic server's connection settings, the server's backups, PDFs and
exports, and, through `fsync_file` and `fsync_dir`, the backups and restores of the database):

1. a new, private temporary file in the target's own folder (a rename never crosses a disk),
   named ``.NAME.XXXXXXXX.tmp`` (each writer its own: two writers at once never share one);
2. the caller writes it (by its path: Qt's PDF writer, pg_dump and json all write that way);
3. it is flushed to the disk (`fsync_file`): without this, a power cut soon after the rename
   can leave the new name on an empty or partly written file (ext4 with delayed allocation,
   XFS's zeros);
4. it takes the target's name in one step (`replace`, or `publish_new`, which never replaces a
   file that appeared meanwhile, or the caller's own ``publish``);
5. the folder is flushed (`fsync_dir`), so the rename itself survives a power cut.

On any failure before the rename the temporary file is removed and the target is left as it
was; the caller words the error (the OSError is raised as it came).

Windows: FlushFileBuffers (os.fsync) needs a handle open for writing, and a folder cannot be
opened to flush it (NTFS journals its renames), so step 5 is skipped there. os.replace there
refuses a target another program holds open without sharing its deletion (an antivirus scan, a
backup agent, the search indexer): a few tries over about a second before the refusal stands.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["LEFT_AFTER_S", "CutShort", "fsync_dir", "fsync_file", "into_place", "publish_new",
           "read_json", "read_whole_text", "remove_left", "replace", "temporary_beside",
           "write_text", "write_whole"]

# Windows: os.replace refused (the target held open by another program): tries and the pause
# between them.
REPLACE_TRIES = 10
REPLACE_PAUSE_S = 0.1

# A temporary file of a write killed (kill -9, a power cut) older than this is no write in
# progress (a small file takes milliseconds): `remove_left` removes it.
LEFT_AFTER_S = 3600.0

Publish = Callable[[Path, Path], None]


def fsync_file(path: Path) -> None:
    """Make what was written into `path` durable (its data and size on the disk)."""
    fd = os.open(path, os.O_RDONLY if sys.platform != "win32" else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename (or a new or removed file) in `folder` durable (POSIX); a folder that
    cannot be synced is no failure, and Windows has nothing to do here."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace(tmp: Path, target: Path) -> None:
    """Give `tmp` the name `target` in one step, replacing what is there (os.replace); on
    Windows a target held open by another program is tried again for about a second."""
    tries = REPLACE_TRIES if sys.platform == "win32" else 1
    for attempt in range(1, tries + 1):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == tries:
                raise
            time.sleep(REPLACE_PAUSE_S)


def publish_new(tmp: Path, target: Path) -> None:
    """Give `tmp` the name `target` only if no file has that name, never replacing one that
    appeared since the caller looked: FileExistsError then, and nothing is changed. The same
    steps on POSIX and Windows: a hard link (os.link, which refuses an existing name on both;
    `tmp` stays the caller's to remove); on a file system without hard links (FAT, exFAT, some
    network shares) the name is first taken by a new empty file of its own (O_CREAT | O_EXCL,
    which refuses an existing name on both), and `tmp` replaces that empty file (`replace`;
    if that fails, the empty file is removed). There, a power cut between those two steps
    leaves the target empty: a backup that says it is cut short, never a file overwritten."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: the name taken first
        pass
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        taken = os.fstat(fd)
    finally:
        os.close(fd)
    try:
        replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(target), taken):  # still the empty file of our own
                os.unlink(target)
        raise


def temporary_beside(target: Path) -> Path:
    """A new, empty, owner-only file in `target`'s folder for its next content:
    ``.NAME.XXXXXXXX.tmp``. OSError when the folder refuses it."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                dir=target.parent if str(target.parent) else ".")
    os.close(fd)
    return Path(name)


def into_place(tmp: Path, target: Path, publish: Publish = replace) -> Path:
    """Steps 3 to 5 for a file already written whole at `tmp` (beside `target`): flushed,
    renamed by `publish`, the folder flushed. `tmp` is the caller's to remove on failure."""
    fsync_file(tmp)
    publish(tmp, target)
    fsync_dir(target.parent)
    return target


def write_whole(target: str | os.PathLike[str], write: Callable[[Path], None], *,
                publish: Publish = replace, tmp: Path | None = None) -> Path:
    """``write(tmp)`` into a new temporary file beside `target` (or the `tmp` the caller made
    there), then `into_place`. On any failure the temporary file is removed, `target` is as it
    was, and the error is raised."""
    target = Path(target)
    tmp = tmp if tmp is not None else temporary_beside(target)
    try:
        write(tmp)
        into_place(tmp, target, publish)
    finally:
        with contextlib.suppress(OSError):  # renamed away already, or a hard link to remove
            tmp.unlink()
    return target


def write_text(target: str | os.PathLike[str], text: str) -> Path:
    """`write_whole` for a short text file of imsmap's own (UTF-8, "\\n" line ends); the
    temporary files of its earlier writes that were killed are removed first (`remove_left`)."""
    remove_left(Path(target))

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="\n")

    return write_whole(target, write)


def remove_left(target: Path) -> list[Path]:
    """Remove what writes of `target` that were killed left beside it: regular files named as
    `temporary_beside` names them (``.NAME.XXXXXXXX.tmp``), last written more than
    `LEFT_AFTER_S` ago; never anything else. One that cannot be removed is left."""
    prefix = f".{target.name}."
    removed: list[Path] = []
    before = time.time() - LEFT_AFTER_S
    try:
        entries = list(os.scandir(target.parent if str(target.parent) else "."))
    except OSError:
        return removed
    for entry in entries:
        middle = entry.name[len(prefix):-len(".tmp")]
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")
                and len(middle) == 8 and middle.isascii() and "." not in middle):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and \
                    entry.stat(follow_symlinks=False).st_mtime < before:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


class CutShort(ValueError):
    """A file of imsmap's own found empty, or only zeros or blanks, or ending in the middle of
    what it says: written by an earlier imsmap when the computer stopped (a power cut) before
    the disk had its content."""


def read_whole_text(path: Path) -> str:
    """The text of `path`, a small file of imsmap's own. CutShort when it is empty or holds
    only NUL bytes or blanks (what a power cut leaves of a file not flushed before its rename);
    OSError as it comes."""
    data = path.read_bytes()
    if not data.strip(b"\0 \t\r\n"):
        raise CutShort(f"{len(data)} bytes, no content")
    return data.decode("utf-8")


def read_json(path: Path) -> object:
    """The JSON value of `path`, a small file of imsmap's own. CutShort as `read_whole_text`
    says, and for NUL bytes where text was to be or JSON that ends in the middle (a power cut
    while its pages were half on the disk); ValueError for JSON that is whole but wrong, OSError
    as it comes."""
    text = read_whole_text(path)
    if "\0" in text:
        raise CutShort("NUL bytes where its text was to be")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise CutShort(f"its JSON ends in the middle, at byte {len(text.encode())}") \
                from None
        raise
