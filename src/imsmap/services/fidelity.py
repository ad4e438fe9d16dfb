"""Can a session be printed faithfully? Asked before a PDF is written by `imsmap pdf`, which runs
unattended (a script filing PDFs into the clinic's records system would file a damaged record
without anyone reading the warning inside it).

A row that cannot be read back is DamagedFileError already (store.damage). A signed session whose
content no longer matches the hash recorded when it was signed, or whose signature or amendments
differ from what the audit trail recorded (services.signatures), was changed outside imsmap, or
its file is damaged: printing it would put a record under a signature it does not carry, so it
is refused here. (The PDF itself says so in its integrity line when it is printed anyway, from the
window.)
"""

from __future__ import annotations

from collections.abc import Iterable

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services import signatures
from imsmap.services.records import Records, content_hash
from imsmap.store.damage import UNDECODABLE
from imsmap.store.db import DamagedFileError, StoreError


def refuse_unfaithful(records: Records, session_ids: Iterable[int]) -> None:
    """StoreError naming the first of ``session_ids`` that cannot be printed faithfully."""
    for session_id in session_ids:
        record = records.session_record(session_id)  # DamagedFileError: rows unreadable
        s = record.session
        if not s.is_signed:
            continue  # a draft is printed as a draft, with its hash at export
        try:
            digest = content_hash(record)
        except UNDECODABLE as exc:  # a value of a type no record holds: a damaged row
            raise DamagedFileError(
                sentence("Fidelity", QT_TRANSLATE_NOOP(
                "Fidelity", "Session %1 in %2 cannot be read faithfully (%3); the file is "
                "damaged. No PDF was written; restore the latest good backup (imsmap restore)."),
                str(session_id), records.db.path, type(exc).__name__)) from None
        problems = signatures.session_problems(records.db.conn, session_id)
        if digest == s.content_hash and problems:
            raise StoreError(
                sentence("Fidelity", QT_TRANSLATE_NOOP(
                "Fidelity", "Session %1 in %2 does not match its audit trail (%3): it was "
                "changed outside imsmap. No PDF was written; run imsmap check and restore the "
                "latest good backup."),
                str(session_id), records.db.path, '; '.join(problems)))
        if digest != s.content_hash:
            raise StoreError(
                sentence("Fidelity", QT_TRANSLATE_NOOP(
                "Fidelity", "Session %1 in %2 no longer matches the content hash recorded when "
                "%3 signed it: it was changed outside imsmap or the file is damaged. No PDF "
                "was written; run imsmap check and restore the latest good backup."),
                str(session_id), records.db.path, s.signed_by or 'its practitioner'))
