"""A signed session against the entry that created it (or imported it).

The content hash leaves the session's patient out on purpose (ids change when records move to
another database, services.records.content_hash), and no write of imsmap's ever changes a
session's patient (a merge of patient records leaves its sessions where they are). The entry that
created the session recorded it: a digest of the created content since schema 4
(store.audit.session_content), the values themselves before and in an import's entry. A session
moved to another patient around the app (its row rewritten, the triggers dropped) no longer
gives back what that entry recorded, and the record would be printed, signed and whole, under
someone else's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from imsmap.domain.models import Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import audit

# The entries about a session that tell what it was created with, and what changed it since
# (signing changes one field of its content: the atlas version, when a draft started on an
# earlier atlas is signed on today's; services.records.sign_session).
ACTIONS = ("create", "import", "update", "sign")


def origin_problem(session: Session, entries: Iterable[audit.AuditRow]) -> str | None:
    """How `session` differs from what its creating entry recorded, given its entries about
    entity "session" made by `ACTIONS` in id order (store.witnesses.entries_about); None when
    it agrees, or when there is no such entry (`imsmap check` names a row without one)."""
    mine = [e for e in entries if e[5] == session.id]
    creation = next((i for i, e in enumerate(mine) if e[3] in ("create", "import")), None)
    if creation is None:
        return None
    entry = mine[creation]
    changes = entry[7]
    if not isinstance(changes, bytes):  # the values themselves: the patient's id among them
        try:
            recorded = json.loads(changes).get("patient_id")
        except (ValueError, AttributeError):
            return None
        created = recorded[1] if isinstance(recorded, list) and len(recorded) == 2 else None
        return None if created in (None, session.patient_id) else _say(entry[0])
    content = audit.session_content(session)
    for later in reversed(mine[creation + 1:]):  # each change holds the value it replaced
        if later[3] not in ("update", "sign") or isinstance(later[7], bytes):
            continue
        try:
            changed = json.loads(later[7])
        except ValueError:
            continue
        for key, pair in (changed.items() if isinstance(changed, dict) else ()):
            if key in content and isinstance(pair, list) and len(pair) == 2:
                content[key] = pair[0]
    return None if audit.content_digest(content) == changes else _say(entry[0])


def _say(entry_id: object) -> str:
    return sentence("Signatures", QT_TRANSLATE_NOOP(
        "Signatures", "its patient (or another of the fields it was created with) is not "
        "what audit entry %1 recorded when it was created: it was moved or changed outside "
        "imsmap"), str(entry_id))
