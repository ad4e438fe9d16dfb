"""Who holds a draft open on a single-PC file: an operating-system lock per draft, beside the
database, never in it (the clinic server's holds are store/postgres/holds.py).

A window that edits a draft holds ``<db>-holds/session-<id>.lock`` (the folder beside the
database's -wal and -shm files), locked with flock() on POSIX and msvcrt.locking() on Windows,
and writes into it, as text, who holds it: the login, the computer's user and name, the
process and since when. Another process (a second window, a command) tries the lock without
waiting: taken, it reads the holder from the file and edits nothing. The kernel releases the
lock when the holding process ends, however it ends (closed, crashed, killed with kill -9, the
user logged off): no heartbeat, no stale rule, and nothing is written into the medical record,
its backups or its journals. A restore does not bring holds either.

The database's own files are never opened here (on POSIX, closing any descriptor of a file
drops every fcntl lock the process holds on it: docs/design notes); the lock files are files of
their own, locked with flock (BSD locks), which are not dropped that way. A lock file is
deleted by its holder as it lets go, while still locked; who locks a file checks that it is
still the draft's (not deleted meanwhile), else opens the draft's file again, so two never hold
one draft. The folder may be deleted while no imsmap has the file open.

Locks on a network share are not to be trusted; the database is refused there already
(store.db). A folder where the holds cannot be written (read-only) raises HoldsUnavailable, a
sentence: the caller says so and goes on without holds, each write still checked against what
it was based on.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import stat
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

log = logging.getLogger(__name__)

FOLDER_SUFFIX = "-holds"
TEXT_MAX = 4096
# On Windows a locked byte range cannot be read by another process: the lock is on one byte
# far past the text, which stays readable.
WINDOWS_LOCK_OFFSET = 1 << 30
READ_TRIES = 5  # a holder that has just locked writes its text a moment later
READ_PAUSE_S = 0.02


class HoldsUnavailable(UserFacingError):
    """The holds folder cannot be made or written: holds are not kept on this file."""


@dataclass(frozen=True)
class Holder:
    """Who holds a draft, as the holder wrote it into its lock file."""

    login: str  # the imsmap login (Records.actor)
    where: str  # the computer's user and name, "anna@reception-pc"
    pid: int
    since: datetime


def folder_of(db_path: str | os.PathLike[str]) -> Path:
    """The holds folder of the database at ``db_path``: beside it, never inside the record."""
    path = Path(db_path)
    return path.with_name(path.name + FOLDER_SUFFIX)


def this_place() -> str:
    """This process's user and computer: "anna@reception-pc"."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system: still say the computer
        user = "?"
    return f"{user}@{socket.gethostname() or '?'}"


def try_lock(fd: int) -> bool:
    """Lock ``fd`` without waiting; False when another open file holds the lock."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:
        if sys.platform == "win32" and exc.errno in (13, 36):  # EACCES, EDEADLOCK: locked
            return False
        raise
    return True


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_text(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, TEXT_MAX).decode("utf-8", "replace")


def _holder_of(text: str) -> Holder | None:
    try:
        data = json.loads(text)
        return Holder(str(data["login"]), str(data["where"]), int(data["pid"]),
                      datetime.fromisoformat(str(data["since"])))
    except (ValueError, KeyError, TypeError):
        return None


class FileHolds:
    """The drafts one window (or one command) holds on one database file.

    Two FileHolds, in two processes or in one, exclude each other: each lock is on an open
    file of its own. ``login`` is the name written for others to read."""

    def __init__(self, db_path: str | os.PathLike[str], login: str, where: str | None = None):
        self.db_path = Path(db_path)
        self.folder = folder_of(db_path)
        self.login = login
        self.where = where or this_place()
        self._held: dict[int, int] = {}  # session id -> the open, locked lock file

    # -- the folder and its files ------------------------------------------------------------
    def path(self, session_id: int) -> Path:
        return self.folder / f"session-{int(session_id)}.lock"

    def _modes(self) -> tuple[int, int]:
        """The lock files' and the folder's modes: those of the database file (SQLite gives
        its -wal and -shm files the database's own), so every user who may write the record
        may hold its drafts."""
        try:
            mode = stat.S_IMODE(os.stat(self.db_path).st_mode) & 0o666
        except OSError:
            mode = 0o600
        return mode, mode | ((mode & 0o444) >> 2)

    def _unavailable(self, why: str) -> HoldsUnavailable:
        """`why`: a part of a sentence, in the user's words (domain.os_reasons)."""
        return HoldsUnavailable(sentence("FileHolds", QT_TRANSLATE_NOOP(
            "FileHolds", "Drafts open in other windows cannot be marked: %1 cannot be written "
            "(%2). Two windows could then edit the same draft; each change is still checked "
            "against what it was based on."), self.folder, why))

    def _open(self, session_id: int) -> int:
        """The draft's lock file, open (made with the database's mode if it is new). One this
        user may read but not write (made by another user, with a narrower mode) is opened
        to read: it can be locked, and its holder read, though this holder's name is not
        written into it."""
        file_mode, folder_mode = self._modes()
        path = self.path(session_id)
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(exist_ok=True)
                if sys.platform != "win32":
                    os.chmod(self.folder, folder_mode)
            flags = os.O_CREAT | getattr(os, "O_BINARY", 0)
            try:
                fd = os.open(path, os.O_RDWR | flags, file_mode)
            except PermissionError:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            raise self._unavailable(reason(exc)) from None
        if sys.platform != "win32":
            with contextlib.suppress(OSError):  # the umask narrowed it; its owner widens it
                if stat.S_IMODE(os.fstat(fd).st_mode) != file_mode:
                    os.fchmod(fd, file_mode)
        return fd

    # -- holding ---------------------------------------------------------------------------
    def holds(self, session_id: int) -> bool:
        """This FileHolds holds the draft."""
        return session_id in self._held

    def take(self, session_id: int) -> Holder | None:
        """Hold the draft (None: held here now, or already), or learn who holds it; nothing
        changes then. HoldsUnavailable when the folder cannot be written."""
        if session_id in self._held:
            return None
        for _ in range(READ_TRIES):
            fd = self._open(session_id)
            try:
                if not try_lock(fd):
                    return self._read_holder(fd)
                if not self._same_file(fd, session_id):
                    os.close(fd)  # let go of by its holder and deleted meanwhile: again
                    continue
                text = json.dumps({"login": self.login, "where": self.where,
                                   "pid": os.getpid(), "since": datetime.now().astimezone(
                                       ).isoformat(timespec="seconds")})
                with contextlib.suppress(OSError):  # a file this user may only read
                    data = text.encode("utf-8")
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.write(fd, data)
                    # Cut to the text, never to nothing first: ext4 flushes a file cut to
                    # nothing and written again when it is closed (auto_da_alloc), a few ms
                    # for each write to a draft nobody held.
                    os.ftruncate(fd, len(data))
            except BaseException:
                os.close(fd)
                raise
            self._held[session_id] = fd
            return None
        raise self._unavailable(sentence("FileHolds", QT_TRANSLATE_NOOP(
            "FileHolds", "its lock files keep changing")))

    def _same_file(self, fd: int, session_id: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path(session_id)))
        except OSError:
            return False

    def _read_holder(self, fd: int) -> Holder:
        """The holder's text (the file is locked by another; ``fd`` is closed)."""
        try:
            for _ in range(READ_TRIES):
                holder = _holder_of(_read_text(fd))
                if holder is not None:
                    return holder
                time.sleep(READ_PAUSE_S)  # locked this instant: its text comes next
        finally:
            os.close(fd)
        return Holder("?", "?", 0, datetime.now().astimezone())

    def elsewhere(self, session_id: int) -> Holder | None:
        """Who else holds the draft now (None: nobody, or this FileHolds); nothing is held."""
        if session_id in self._held:
            return None
        holder = self.take(session_id)
        if holder is None:
            self.release(session_id)
        return holder

    def still_held(self, session_id: int) -> bool:
        """The lock held is still the draft's lock file (not deleted, or replaced, under it)."""
        fd = self._held.get(session_id)
        return fd is not None and self._same_file(fd, session_id)

    def release(self, session_id: int) -> None:
        """Let go of the draft. Its lock file is deleted while still locked (one who opened it
        meanwhile finds, once it has the lock, that it is no longer the draft's file, and
        opens the draft's file again), so the folder keeps only the drafts held now (and those
        of a holder killed, until the next one lets go of them)."""
        fd = self._held.pop(session_id, None)
        if fd is None:
            return
        try:
            if sys.platform != "win32" and self._same_file(fd, session_id):
                os.unlink(self.path(session_id))
            else:  # Windows deletes no open file: emptied, a draft nobody holds
                os.ftruncate(fd, 0)
            unlock(fd)
        except OSError as exc:  # the lock goes with the descriptor anyway
            log.warning("letting go of the hold on session %s: %s", session_id, exc)
        finally:
            os.close(fd)

    def held(self) -> tuple[int, ...]:
        return tuple(self._held)

    def close(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)
