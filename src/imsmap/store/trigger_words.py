"""The schema's triggers' refusals in the user's words. A trigger refuses a forbidden write (a
change to a signed session, a deleted record...) in the schema's own English: SQLite's
RAISE(ABORT, '...') in store/migration_*.py, the clinic server's RAISE EXCEPTION in
store/postgres/sql/*.sql. Those words stay in the schema (the wording is not worth a migration,
and an older file's triggers say the same); they are the keys of `TRIGGER_WORDS`, each also the
template of its translation. Words this imsmap does not know (a file's own trigger, a newer
schema's, a server's message with a number in it) are kept as they are, and logged.
"""

from __future__ import annotations

import logging

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

__all__ = ["TRIGGER_WORDS", "short", "trigger_reason"]

log = logging.getLogger(__name__)

# Every refusal the schema's triggers word, as they word it (tests/test_store_messages.py checks
# that every trigger of a new file is here, and the server's).
TRIGGER_WORDS = frozenset({
    QT_TRANSLATE_NOOP("StoreTriggers", "a correction is never changed; add another amendment "
                      "instead"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a correction is of a needled site of the session its "
                      "amendment amends"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a merge of patient records is never changed; separate "
                      "the records instead"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a merge of patient records is never deleted; separate "
                      "the records instead"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a photo added by amendment is written with its "
                      "amendment, of the same session"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a photo is never changed; only its caption and chart "
                      "site are"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a record merged away keeps nothing; merge into the "
                      "record it was merged into"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a separation ends a merge of the same two records"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a signed session is locked; add an amendment instead"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a withdrawal or entered-in-error mark is never changed"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a withdrawal or entered-in-error mark is never deleted"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a withdrawn draft is locked; nothing more is written "
                      "to it"),
    QT_TRANSLATE_NOOP("StoreTriggers", "adverse events are never deleted; they are marked "
                      "removed"),
    QT_TRANSLATE_NOOP("StoreTriggers", "amendments are never deleted"),
    QT_TRANSLATE_NOOP("StoreTriggers", "an amendment is never changed; add another amendment "
                      "instead"),
    QT_TRANSLATE_NOOP("StoreTriggers", "corrections are never deleted"),
    QT_TRANSLATE_NOOP("StoreTriggers", "findings are never deleted; they are marked removed"),
    QT_TRANSLATE_NOOP("StoreTriggers", "only a draft is withdrawn; a signed session is marked "
                      "entered in error"),
    QT_TRANSLATE_NOOP("StoreTriggers", "only a signed session is amended"),
    QT_TRANSLATE_NOOP("StoreTriggers", "only a signed session is marked entered in error; a "
                      "draft is withdrawn"),
    QT_TRANSLATE_NOOP("StoreTriggers", "patient records are never deleted"),
    QT_TRANSLATE_NOOP("StoreTriggers", "photos are never deleted; they are marked removed"),
    QT_TRANSLATE_NOOP("StoreTriggers", "records are merged into this one; it is not merged "
                      "away in turn (no chains)"),
    QT_TRANSLATE_NOOP("StoreTriggers", "session records are never deleted"),
    QT_TRANSLATE_NOOP("StoreTriggers", "site records are never deleted; they are marked "
                      "removed"),
    QT_TRANSLATE_NOOP("StoreTriggers", "terms are append-only"),
    QT_TRANSLATE_NOOP("StoreTriggers", "the audit trail is append-only"),
    QT_TRANSLATE_NOOP("StoreTriggers", "the end of the audit trail is kept"),
    QT_TRANSLATE_NOOP("StoreTriggers", "this record is merged into another already"),
    # the clinic server's own
    QT_TRANSLATE_NOOP("StoreTriggers", "a session starts as a draft; it is signed once its "
                      "content is there"),
    QT_TRANSLATE_NOOP("StoreTriggers", "the end of the audit trail moves only when an entry is "
                      "appended"),
    QT_TRANSLATE_NOOP("StoreTriggers", "an audit entry's changes are a JSON object"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a creation digest is 16 bytes"),
    QT_TRANSLATE_NOOP("StoreTriggers", "the server writes an audit entry's number, time, "
                      "author and link; leave them out"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a merge or separation of patient records is made in "
                      "the name of the login that makes it"),
    QT_TRANSLATE_NOOP("StoreTriggers", "a withdrawal or entered-in-error mark is made in the "
                      "name of the login that makes it"),
    QT_TRANSLATE_NOOP("StoreTriggers", "the server's record of writes is never changed"),
})


def trigger_reason(words: str) -> str:
    """A trigger's refusal (its words) in the user's words; words this imsmap does not know
    are kept as they are, on one line and cut short."""
    words = " ".join(words.split())
    if words in TRIGGER_WORDS:
        return sentence("StoreTriggers", words)
    log.info("a trigger refused in words this imsmap does not know: %s", short(words))
    return short(words)


def short(text: str) -> str:
    """SQLite's or the server's words on one line, cut short (a damaged schema SQLite quotes
    can be long)."""
    text = " ".join(text.split())  # one line: the schema SQLite quotes may hold line breaks
    return text if len(text) <= 120 else text[:100] + "…"
