"""Why the operating system refused a file, in the user's words: one sentence part for the
"(%2)" of "... cannot be written in %1 (%2)". The system's own words (``strerror``) are in the
system's language, English on most machines, whatever language imsmap speaks: the common
refusals are said here, translated; the rare ones keep the system's words."""

from __future__ import annotations

import errno

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

__all__ = ["reason"]


def reason(exc: OSError) -> str:
    """Why a read or write failed, in words: a full disk is said as such whatever the system
    calls it."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "the disk is full"))
    if exc.errno == errno.EFBIG:
        return sentence("OutputFiles", QT_TRANSLATE_NOOP(
            "OutputFiles", "the file is larger than the disk or the system allows (the disk "
            "may be full)"))
    if exc.errno == errno.EROFS:
        return sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "the disk is read-only"))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return sentence("OutputFiles", QT_TRANSLATE_NOOP("OutputFiles", "permission denied"))
    if exc.errno == errno.ENOENT:
        return sentence("OsReasons", QT_TRANSLATE_NOOP(
            "OsReasons", "there is no such file or folder"))
    if exc.errno == errno.EISDIR:
        return sentence("OsReasons", QT_TRANSLATE_NOOP("OsReasons", "it is a folder, not a file"))
    if exc.errno == errno.ENOTDIR:
        return sentence("OsReasons", QT_TRANSLATE_NOOP(
            "OsReasons", "a part of its path is a file, not a folder"))
    if exc.errno == errno.EEXIST:
        return sentence("OsReasons", QT_TRANSLATE_NOOP(
            "OsReasons", "a file of that name is there already"))
    if exc.errno == errno.EIO:
        return sentence("OsReasons", QT_TRANSLATE_NOOP(
            "OsReasons", "the disk reported an input/output error"))
    return (exc.strerror or str(exc)).rstrip(".")
