"""Why SQLite refused, in the user's words: the "(%2)" of a sentence such as "The backup of %1
could not be made (%2).", and the "%1" of "Refused: %1. Nothing was changed.".

SQLite words its errors in English whatever language imsmap speaks (« … est endommagé (database
disk image is malformed) »), and the schema's triggers refuse a forbidden write in the schema's
own English (RAISE(ABORT, 'a signed session is locked; add an amendment instead')). Both are
said here in the user's language:
- an error by its code (as domain.os_reasons says the system's): the common ones translated, a
  rare one keeps SQLite's words;
- a trigger's refusal by its words (store.trigger_words).
SQLite's own words go to the log (the maintainer's detail; the log's PrivacyFilter blanks any
quoted text in them).
"""

from __future__ import annotations

import logging
import sqlite3

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.sqlite_errors import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CONSTRAINT,
    SQLITE_CONSTRAINT_CHECK,
    SQLITE_CONSTRAINT_FOREIGNKEY,
    SQLITE_CONSTRAINT_NOTNULL,
    SQLITE_CONSTRAINT_PRIMARYKEY,
    SQLITE_CONSTRAINT_TRIGGER,
    SQLITE_CONSTRAINT_UNIQUE,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_NOMEM,
    SQLITE_NOTADB,
    SQLITE_PERM,
    SQLITE_READONLY,
    error_code,
)
from imsmap.store.trigger_words import short, trigger_reason

__all__ = ["reason"]

log = logging.getLogger(__name__)

# The common codes, said as a part of a sentence (primary code, or extended where it says more).
_BY_CODE = {
    SQLITE_CONSTRAINT_UNIQUE: QT_TRANSLATE_NOOP(
        "StoreDb", "a record of the same key is there already"),
    SQLITE_CONSTRAINT_PRIMARYKEY: QT_TRANSLATE_NOOP(
        "StoreDb", "a record of the same key is there already"),
    SQLITE_CONSTRAINT_FOREIGNKEY: QT_TRANSLATE_NOOP(
        "StoreDb", "a record refers to another that is not there"),
    SQLITE_CONSTRAINT_NOTNULL: QT_TRANSLATE_NOOP("StoreDb", "a record lacks a required value"),
    SQLITE_CONSTRAINT_CHECK: QT_TRANSLATE_NOOP(
        "StoreDb", "a record holds a value the database does not allow"),
}
_BY_PRIMARY = {
    SQLITE_CORRUPT: QT_TRANSLATE_NOOP("StoreDb", "SQLite finds its structure malformed"),
    SQLITE_IOERR: QT_TRANSLATE_NOOP("StoreDb", "the disk reported an input/output error"),
    SQLITE_CANTOPEN: QT_TRANSLATE_NOOP(
        "StoreDb", "SQLite cannot open the file or its working files"),
    SQLITE_PERM: QT_TRANSLATE_NOOP("StoreDb", "permission denied"),
    SQLITE_NOTADB: QT_TRANSLATE_NOOP(
        "StoreDb", "it is not an SQLite file, or its first page is damaged"),
    SQLITE_FULL: QT_TRANSLATE_NOOP("StoreDb", "the disk is full"),
    SQLITE_READONLY: QT_TRANSLATE_NOOP("StoreDb", "the file or its folder is read-only"),
    SQLITE_BUSY: QT_TRANSLATE_NOOP(
        "StoreDb", "the file is busy in another imsmap window or program"),
    SQLITE_LOCKED: QT_TRANSLATE_NOOP(
        "StoreDb", "the file is busy in another imsmap window or program"),
    SQLITE_NOMEM: QT_TRANSLATE_NOOP("StoreDb", "the computer ran out of memory"),
    SQLITE_CONSTRAINT: QT_TRANSLATE_NOOP("StoreDb", "a record breaks a rule of the database"),
}


def reason(exc: BaseException) -> str:
    """Why SQLite (or the sqlite3 module) refused, in the user's words, for the "(%2)" of a
    sentence: by its error code; a trigger's refusal by its words; a stored text that is not
    text as such; a rare code in SQLite's words. SQLite's words go to the log."""
    code = error_code(exc)
    if code is not None:  # without a code, the message may quote a stored text: not logged
        log.info("SQLite said (%s): %s", getattr(exc, "sqlite_errorname", None), short(str(exc)))
    if isinstance(exc, UnicodeDecodeError) or (code is None and
                                               type(exc) is sqlite3.OperationalError):
        # store.sqlite_errors.fault_of: a file's text that is not text; never quoted
        return sentence("StoreDb", QT_TRANSLATE_NOOP("StoreDb", "a stored text is not valid UTF-8"))
    if code is None:
        return short(str(exc))
    if code == SQLITE_CONSTRAINT_TRIGGER:
        return trigger_reason(str(exc))
    template = _BY_CODE.get(code) or _BY_PRIMARY.get(code & 0xFF)
    return sentence("StoreDb", template) if template else short(str(exc))
