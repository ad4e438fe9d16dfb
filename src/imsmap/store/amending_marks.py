"""An amendment being written in a window, marked beside the database (never in it), so that the
next window on the file can say that one was lost when its window ended mid-way.

While the amendment dialog is open, the window holds ``<db>-holds/amending-<pid>-<id>.lock``
(the holds folder of store.file_holds), locked the same way, with the session's id and since when
written in it; closing the dialog (the amendment added, or cancelled) deletes it. A window that
ends meanwhile (killed, crashed, the computer switched off) leaves it unlocked: the next window
on the file finds it (`left_behind`), says that this amendment was not added, and deletes it.
Nothing of what was typed is in it: those words are health information, and stay nowhere but
the dialog; what is lost is said, not kept.

Walk of 7 December: a window killed with the amendment dialog open (a reason, words and a
correction typed) started again without a word about it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from imsmap.store.file_holds import folder_of, try_lock, unlock

log = logging.getLogger(__name__)

PREFIX = "amending-"
SUFFIX = ".lock"


@dataclass(frozen=True)
class LostAmendment:
    """An amendment whose window ended while it was being written: nothing of it was saved."""

    session_id: int
    since: datetime  # when its dialog was opened


class AmendingMark:
    """Held while an amendment to ``session_id`` is written in this process (a context manager).
    Where the holds folder cannot be written, nothing is marked (and a lost amendment cannot be
    said later): the log says why, and the amendment is written as before."""

    def __init__(self, db_path: str | os.PathLike[str], session_id: int):
        self.path = folder_of(db_path) / f"{PREFIX}{os.getpid()}-{int(session_id)}{SUFFIX}"
        self.session_id = int(session_id)
        self._fd: int | None = None

    def __enter__(self) -> AmendingMark:
        text = json.dumps({"session": self.session_id,
                           "since": datetime.now().astimezone().isoformat(timespec="seconds")})
        try:
            self.path.parent.mkdir(exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            log.warning("an amendment being written cannot be marked (%s)", exc.strerror)
            return self
        if not try_lock(fd) or not _same_file(fd, self.path):
            # (locked: another dialog of this process on it; deleted between the two steps
            # by a window that took it for a lost one: nothing is marked, as without a folder)
            os.close(fd)
            return self
        os.write(fd, text.encode("utf-8"))
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()  # deleted while still locked: no other window reads it as lost
            unlock(fd)
        finally:
            os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def left_behind(db_path: str | os.PathLike[str]) -> list[LostAmendment]:
    """The amendments whose window ended while they were being written on the file at
    ``db_path``, oldest first; their marks are deleted, so that each is said once. A mark a
    live window holds (its dialog open now) is left alone."""
    folder = folder_of(db_path)
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.startswith(PREFIX) and e.name.endswith(SUFFIX))
    except OSError:
        return []
    lost = []
    for name in names:
        found = _take(folder / name)
        if found is not None:
            lost.append(found)
    return sorted(lost, key=lambda a: a.since)


def _take(path: Path) -> LostAmendment | None:
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None  # deleted meanwhile, or not ours to read
    try:
        if not try_lock(fd):
            return None  # its window is alive, the dialog open
        try:
            data = json.loads(os.read(fd, 4096).decode("utf-8"))
            found = LostAmendment(int(data["session"]), datetime.fromisoformat(data["since"]))
        except (ValueError, KeyError, TypeError):
            found = None  # cut short by the end of its window: nothing to say it by
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        unlock(fd)
        return found
    finally:
        os.close(fd)
