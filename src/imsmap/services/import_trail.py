"""The audit trail inside an export file, as an import meets it.

An import verifies the file's own hash chain (docs/export-format.md, "Audit entry") and finds,
for each signed visit and each amendment, the file's entry that signed or wrote it: its recorded
content hash, signer, time, reason and text must be the visit's and the amendment's. Signed
visits and amendments are refused when the file's trail is incomplete (an export of chosen
sessions leaves entries out) or does not verify: they could not be told from forgeries.

The file's trail is then kept, entry by entry as the file wrote it, in the append-only table
``imported_audit``; the entry of this database's own chain that records the import holds the
number of entries, the file's chain end and a digest of what was kept, so the kept history is
itself covered by this database's chain (`kept_history_problems`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from imsmap.domain.text import QT_TRANSLATE_NOOP, joined, sentence
from imsmap.domain.values import AuditChanges
from imsmap.services import signatures
from imsmap.services.signatures import (
    SIGNER_NAME,
    Witness,
    amendment_problems,
    same_instant,
    signature_problems,
)
from imsmap.store import audit, witnesses
from imsmap.store.site_rows import instant

MAX_AUDIT_ENTRIES = 5_000_000  # a decade of a busy clinic is well below this


@dataclass(frozen=True)
class FileTrail:
    """What the file's audit trail says, once checked."""

    entries: list[dict[str, Any]]
    problems: list[str]  # why it cannot be trusted; [] when complete and unbroken
    end_link: str  # hex of the last link computed, "" when there are no entries
    # The document's merges of patient records, once checked against the trail
    # (services.import_merges; filled by import_checks.read_document).
    merges: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return bool(self.entries) and not self.problems


def _entry_problem(index: int, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1] is not an object"), str(index))
    if isinstance(entry.get("id"), bool) or not isinstance(entry.get("id"), int):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1].id is not a whole number"), str(index))
    for key in ("actor", "action", "entity"):
        if not isinstance(entry.get(key), str):
            return sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "audit[%1].%2 is not text"), str(index), key)
    for key in ("entity_id", "session_id"):
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "audit[%1].%2 is not a whole number"), str(index), key)
    if not isinstance(entry.get("changes"), dict):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1].changes is not an object"), str(index))
    if not isinstance(entry.get("at"), str):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1].at is not a date and time"), str(index))
    seconds = entry.get("at_seconds")
    if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, int)):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1].at_seconds is not a whole number"), str(index))
    stored = entry.get("hash")
    if stored is not None and not (isinstance(stored, str) and len(stored) in (32, 64)
                                   and all(c in "0123456789abcdef" for c in stored)):
        return sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "audit[%1].hash is not a chain link (32 or 64 hexadecimal digits)"), str(index))
    return None


def _canonical(entry: dict[str, Any]) -> bytes:
    changes = entry["changes"]
    compact = entry.get("at_seconds") is not None
    if compact and set(changes) == {"content_digest"} and isinstance(changes["content_digest"],
                                                                      str):
        form = changes["content_digest"]
    else:
        form = audit.changes_text(changes)
    return audit.canonical(entry["id"], entry["at_seconds"] if compact else entry["at"],
                           entry["actor"], entry["action"], entry["entity"], entry["entity_id"],
                           entry["session_id"], form)


def read_trail(raw: Any) -> FileTrail:
    """Check the file's ``audit`` list: complete (ids 1..N), unbroken, ending where it says."""
    if raw is None:
        return FileTrail([], [sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "the file holds no audit trail"))], "")
    if not isinstance(raw, list):
        return FileTrail([], [sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "the file's audit trail is not a list"))], "")
    if len(raw) > MAX_AUDIT_ENTRIES:
        return FileTrail([], [sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "the file's audit trail has more than %1 entries"), MAX_AUDIT_ENTRIES)], "")
    for i, entry in enumerate(raw):
        problem = _entry_problem(i, entry)
        if problem:
            return FileTrail([], [problem], "")
    entries: list[dict[str, Any]] = raw
    problems: list[str] = []
    prev = audit.GENESIS
    for expected, entry in enumerate(entries, start=1):
        if entry["id"] != expected:
            problems.append(sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "the file's audit trail is incomplete (entry %1 is missing; an "
                "export of chosen sessions leaves entries out)"), expected))
            break
        digest = hashlib.sha256(prev + _canonical(entry)).digest()
        if entry.get("at_seconds") is not None:
            digest = digest[:audit.COMPACT_HASH_BYTES]
        if entry.get("hash") is not None and entry["hash"] != digest.hex():
            problems.append(sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "the file's audit trail is broken at entry %1: it was changed "
                "after it was written"), str(entry['id'])))
            break
        prev = digest
    else:
        if entries and entries[-1].get("hash") is None:
            problems.append(sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "the file's audit trail does not record where it ends")))
    return FileTrail(entries, problems, prev.hex() if entries else "")


def _recorded(changes: AuditChanges) -> dict[str, Any]:
    return {k: v[1] for k, v in changes.items() if isinstance(v, list) and len(v) == 2}


def file_witnesses(trail: FileTrail) -> tuple[dict[int, Witness], dict[int, Witness]]:
    """(file session id -> its signing entry, file amendment id -> its creating entry)."""
    sessions: dict[int, Witness] = {}
    amendments: dict[int, Witness] = {}
    for e in trail.entries:
        values = _recorded(e["changes"])
        at = e["at_seconds"] if e.get("at_seconds") is not None else e["at"]
        if e["entity"] == "session" and e["action"] in ("sign", "import") and \
                "content_hash" in values and e["entity_id"] is not None:
            if e["action"] == "sign":
                values = {"content_hash": values["content_hash"], "signed_by": e["actor"],
                          "signed_at": at,
                          **({SIGNER_NAME: values[SIGNER_NAME]} if SIGNER_NAME in values
                             else {})}
            sessions[e["entity_id"]] = Witness(e["id"], e["action"], values)
        elif e["entity"] == "amendment" and e["action"] in ("amend", "import") and \
                e["entity_id"] is not None:
            if e["action"] == "amend":
                values = {**values, "created_by": e["actor"], "created_at": at,
                          "session_id": e["session_id"]}
            amendments[e["entity_id"]] = Witness(e["id"], e["action"], values)
    return sessions, amendments


def check_signed_visits(visits: Sequence[Any], trail: FileTrail,
                        problem: Callable[[str, str], None], *, now: datetime) -> None:
    """Each signed visit (import_checks.FileVisit) and its amendments against the file's trail."""
    if not trail.verified:
        why = joined("; ", trail.problems)  # sentences, said in the file's language
        for visit in visits:
            problem(f"{visit.place}.content_hash",
                    sentence("ImportTrail", QT_TRANSLATE_NOOP(
                        "ImportTrail", "A signed visit is imported only with the complete, "
                        "unbroken audit trail of the database it was exported from, and %1. "
                        "Export the whole database (imsmap export) and import that file."),
                        why))
        return
    signed, written = file_witnesses(trail)
    latest = instant(now) + int(timedelta(days=1).total_seconds())
    for visit in visits:
        sig = visit.signature
        row = {"content_hash": sig["content_hash"], "signed_by": sig["signed_by"],
               "signed_at": sig["signed_at"]}
        file_id = visit.file_id if isinstance(visit.file_id, int) else None
        witness = None if file_id is None else signed.get(file_id)
        for text in signature_problems(row, witness):
            problem(f"{visit.place}.signed_at", f"In the file, {text}.")
        person = witness.values.get(SIGNER_NAME) if witness is not None else None
        if isinstance(person, str) and person:  # from the file's checked trail, not its visit
            visit.signer_name = person
        started, signed_at = instant(visit.values["started_at"]), instant(sig["signed_at"])
        if signed_at < started:
            problem(f"{visit.place}.signed_at", sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "The visit is signed before it started.")))
        if signed_at > latest:
            problem(f"{visit.place}.signed_at", sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "The visit is signed in the future.")))
        for k, (amendment, file_ida) in enumerate(zip(visit.amendments, visit.amendment_ids)):
            place = f"{visit.place}.amendments[{k}]"
            values = {**amendment, "session_id": file_id}
            witness = written.get(file_ida) if isinstance(file_ida, int) else None
            if witness is not None and witness.values.get("session_id") != file_id:
                witness = None  # an entry about another visit's amendment
            for text in amendment_problems(values, witness, amendment.get("corrections", ())):
                problem(place, f"In the file, {text}.")
            if not same_instant(amendment["created_at"], sig["signed_at"]) and \
                    instant(amendment["created_at"]) < signed_at:
                problem(f"{place}.created_at", sentence("ImportTrail", QT_TRANSLATE_NOOP(
                    "ImportTrail", "The amendment is dated before the visit was signed.")))
            if instant(amendment["created_at"]) > latest:
                problem(f"{place}.created_at", sentence("ImportTrail", QT_TRANSLATE_NOOP(
                    "ImportTrail", "The amendment is dated in the future.")))


def _stored(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(texts: list[str]) -> str:
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8") + b"\n")
    return h.hexdigest()


def keep(conn: sqlite3.Connection, trail: FileTrail, *, at: str, actor: str,
         source: str) -> int | None:
    """Keep the file's trail in ``imported_audit``, bound into this database's chain by one
    entry (action "import", entity "history"); call inside the import's transaction."""
    if not trail.entries:
        return None
    texts = [_stored(e) for e in trail.entries]
    entry_id = audit.append(conn, at=at, actor=actor, action="import", entity="history",
                            entity_id=None, session_id=None,
                            changes={"source": [None, source],
                                     "entries": [None, len(texts)],
                                     "verified": [None, trail.verified],
                                     "chain_end": [None, trail.end_link],
                                     "digest": [None, _digest(texts)]})
    witnesses.keep_trail(conn, entry_id, ((e["id"], text) for e, text in zip(trail.entries, texts)))
    return entry_id


def kept_history_problems(conn: sqlite3.Connection) -> tuple[list[str], int]:
    """Each kept file trail against the entry that kept it: (problems, entries checked)."""
    problems: list[str] = []
    checked = 0
    imports = [(row[0], recorded)
               for row, recorded in signatures.entries_about(conn, "history", ("import",))]
    for entry_id, recorded in imports:
        texts = witnesses.kept_trail(conn, entry_id)
        checked += len(texts)
        if len(texts) != recorded.get("entries") or _digest(texts) != recorded.get("digest"):
            problems.append(sentence("ImportTrail", QT_TRANSLATE_NOOP(
                "ImportTrail", "the audit trail imported by entry %1 was changed after it was "
                "imported"), str(entry_id)))
    orphans = witnesses.unowned_kept_entries(conn, (i for i, _ in imports))
    if orphans:
        problems.append(sentence("ImportTrail", QT_TRANSLATE_NOOP(
            "ImportTrail", "%1 imported audit entries belong to no recorded import"), orphans))
    return problems, checked
