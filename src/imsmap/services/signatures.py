"""Signatures and amendments bound to the audit trail.

A signed session carries its content hash, signer and time in its own row; the entry that signed
it (``sign``, or ``import`` for a visit brought in already signed) recorded the same three values
in the hash-chained audit trail at that moment. An amendment's creating entry (``amend`` or
``import``) recorded its author, time, reason and text. `imsmap check` compares each row with
its entry, so rewriting a signed session's content and recomputing its hash (or rewriting an
amendment) is named: the row no longer matches its entry, and rewriting the entry breaks the
chain from that entry on. What this does and does not defend against is in docs/integrity.md.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from imsmap.domain.corrections import SiteCorrection
from imsmap.domain.local_time import local_time
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, sentence
from imsmap.domain.values import FieldValues
from imsmap.services import session_origin
from imsmap.store import audit, site_corrections, witnesses
from imsmap.store.damage import reading
from imsmap.store.dialect import RecordRow
from imsmap.store.site_rows import instant

# What a signing entry records, besides the content hash, of the person the clinic's list of
# practitioners gave the signing login to (services.practitioner_list); absent where the list
# named no one for it, and in every entry written before the list held logins.
SIGNER_NAME = "signer_name"
# What an amendment's entry records of its corrections of sites (services.amending)
CORRECTIONS = "corrections"


@dataclass(frozen=True)
class Witness:
    """What the audit trail recorded when a session was signed or an amendment written."""

    entry_id: int
    action: str
    values: dict[str, object]  # field -> the value the entry recorded
    # Of a signature: the earlier entries that signed the same session. imsmap signs a session
    # once (a signed session is never a draft again), so any is a signature taken away and
    # made again around the app.
    earlier: tuple[int, ...] = ()


def _recorded(changes: object) -> dict[str, object]:
    """{field: new value} of an entry's {field: [old, new]} changes."""
    if not isinstance(changes, dict):
        return {}
    return {k: v[1] for k, v in changes.items() if isinstance(v, list) and len(v) == 2}


def entries_about(conn: sqlite3.Connection, entity: str, actions: tuple[str, ...],
                  session_id: int | None = None, sessions: tuple[int, int] | None = None
                  ) -> Iterator[tuple[audit.AuditRow, dict[str, object]]]:
    """(entry, {field: recorded value}) of the entries about `entity` made by `actions`, in id
    order (store.witnesses.entries_about)."""
    for row in witnesses.entries_about(conn, entity, actions, session_id, sessions):
        if isinstance(row[7], bytes):
            continue  # a creation digest: not a signature or an amendment
        try:
            changes = json.loads(row[7])
        except ValueError:
            changes = None
        yield row, _recorded(changes)


def session_witnesses(conn: sqlite3.Connection, session_id: int | None = None,
                      sessions: tuple[int, int] | None = None) -> dict[int, Witness]:
    """session id -> the newest entry that signed it (or imported it signed): of every
    session, of `session_id`, or of the ids `sessions` = (first, last)."""
    out: dict[int, Witness] = {}
    for row, values in entries_about(conn, "session", ("sign", "import"), session_id,
                                     sessions):
        if "content_hash" not in values or row[5] is None:
            continue
        if row[3] == "sign":  # the entry's own author and time are the signer's
            values = {"content_hash": values["content_hash"], "signed_by": row[2],
                      "signed_at": row[1],
                      **({SIGNER_NAME: values[SIGNER_NAME]} if SIGNER_NAME in values else {})}
        before = out.get(row[5])
        out[row[5]] = Witness(row[0], row[3], values, () if before is None else
                              (*before.earlier, before.entry_id))
    return out


def amendment_witnesses(conn: sqlite3.Connection, session_id: int | None = None
                        ) -> dict[int, Witness]:
    """amendment id -> the entry that wrote it (or imported it)."""
    out: dict[int, Witness] = {}
    for row, values in entries_about(conn, "amendment", ("amend", "import"), session_id):
        if row[5] is None:
            continue
        if row[3] == "amend":
            values = {**values, "created_by": row[2], "created_at": row[1],
                      "session_id": row[6]}
        out[row[5]] = Witness(row[0], row[3], values)
    return out


def retraction_witnesses(conn: sqlite3.Connection, session_id: int | None = None
                         ) -> dict[int, Witness]:
    """retraction id -> the entry that wrote it (``withdraw``, ``entered_in_error``) or
    imported it."""
    out: dict[int, Witness] = {}
    for row, values in entries_about(conn, "retraction",
                                     ("withdraw", "entered_in_error", "import"), session_id):
        if row[5] is None:
            continue
        if row[3] != "import":
            values = {**values, "created_by": row[2], "created_at": row[1],
                      "session_id": row[6]}
        out[row[5]] = Witness(row[0], row[3], values)
    return out


def retraction_problems(row: RecordRow | FieldValues, witness: Witness | None) -> list[str]:
    """How a withdrawal or entered-in-error mark differs from what its entry recorded."""
    return _written_row_problems(row, witness, ("kind", "reason", "created_by"))


def merge_witnesses(conn: sqlite3.Connection) -> dict[int, Witness]:
    """patient_merges id -> the entry that wrote it (``merge``, ``separate``) or imported it."""
    out: dict[int, Witness] = {}
    for row, values in entries_about(conn, "patient_merge", ("merge", "separate", "import")):
        if row[5] is None:
            continue
        if row[3] != "import":
            values = {**values, "created_by": row[2], "created_at": row[1]}
        out[row[5]] = Witness(row[0], row[3], values)
    return out


def merge_problems(row: RecordRow | FieldValues, witness: Witness | None) -> list[str]:
    """How a merge or separation of patient records differs from what its entry recorded."""
    values = {k: row[k] for k in ("duplicate_id", "kept_id", "ends", "reason", "created_by",
                                  "created_at")}
    return _written_row_problems({**values, "session_id": None}, witness,
                                 ("duplicate_id", "kept_id", "ends", "reason", "created_by"))


def _written_row_problems(row: RecordRow | FieldValues, witness: Witness | None,
                          fields: Sequence[str], changed: Sequence[str] = ()) -> list[str]:
    """How an insert-only row (an amendment, a mark) differs from what the entry that wrote it
    recorded: its ``fields``, its time and its session, with the names already ``changed``."""
    if witness is None:
        return [_say(QT_TRANSLATE_NOOP("Signatures",
                                        "the audit trail holds no entry recording it"))]
    differs = [name for name in fields if witness.values.get(name) != row[name]]
    differs += changed
    if not same_instant(witness.values.get("created_at"), row["created_at"]):
        differs.append("created_at")
    if witness.values.get("session_id", row["session_id"]) != row["session_id"]:
        differs.append("session_id")
    if not differs:
        return []
    return [_say(QT_TRANSLATE_NOOP(
        "Signatures", "its %1 differs from what audit entry %2 recorded when it was written: it "
        "was changed outside imsmap") if len(differs) == 1 else QT_TRANSLATE_NOOP(
        "Signatures", "its %1 differ from what audit entry %2 recorded when it was written: it "
        "was changed outside imsmap"), ", ".join(differs), str(witness.entry_id))]


def same_instant(a: object, b: object) -> bool:
    """Two recorded times (ISO text or seconds since 1970) name the same second."""
    try:
        return instant(a) == instant(b)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return False


def signature_problems(row: RecordRow | FieldValues, witness: Witness | None) -> list[str]:
    """How a signed session's row differs from what its signing entry recorded."""
    if witness is None:
        return [_say(QT_TRANSLATE_NOOP(
            "Signatures", "the audit trail holds no entry recording its signature"))]
    problems: list[str] = []
    entry = str(witness.entry_id)
    if witness.earlier:
        problems.append(_say(QT_TRANSLATE_NOOP(
            "Signatures", "it was signed again in audit entry %1 after audit entry %2 had "
            "signed it: its signature was taken away outside imsmap and the session changed "
            "and signed again"), entry, ", ".join(map(str, witness.earlier))))
    if witness.values.get("content_hash") != row["content_hash"]:
        problems.append(_say(QT_TRANSLATE_NOOP(
            "Signatures", "its content hash is not the one audit entry %1 recorded when it was "
            "signed: the signature was rewritten outside imsmap"), entry))
    if witness.values.get("signed_by") != row["signed_by"]:
        problems.append(_say(QT_TRANSLATE_NOOP(
            "Signatures", "its signer (%1) is not the one audit entry %2 recorded (%3)"),
            row["signed_by"] or "?", entry, str(witness.values.get("signed_by"))))
    if not same_instant(witness.values.get("signed_at"), row["signed_at"]):
        problems.append(_say(QT_TRANSLATE_NOOP(
            "Signatures", "its signing time is not the one audit entry %1 recorded"), entry))
    return problems


def unsigned_problem(witness: Witness) -> str:
    """What is wrong with a session the audit trail recorded signing that is a draft in the
    file: no write of imsmap's makes a signed session a draft again."""
    return _say(QT_TRANSLATE_NOOP(
        "Signatures", "it is a draft in the file, though audit entry %1 recorded its "
        "signature: the signature was taken away outside imsmap"), str(witness.entry_id))


def signed_before(conn: sqlite3.Connection, session_id: int) -> Witness | None:
    """The newest entry that signed the session (or imported it signed), looked up through the
    trail's index by session: of a draft, its signature taken away outside imsmap (imsmap
    never makes a signed session a draft again), and such a draft is neither edited nor
    signed again."""
    with reading(conn):
        return session_witnesses(conn, session_id).get(session_id)


def signed_again_refusal(witness: Witness) -> Sentence:
    """Why a draft whose trail holds its signature is not signed (nor changed) again."""
    return _say(QT_TRANSLATE_NOOP(
        "Signatures", "This session was signed by %1 on %2 (audit entry %3), and the file now "
        "has it as a draft: its signature was taken away outside imsmap. It is not signed a "
        "second time, and nothing was changed. Keep the file as it is and run imsmap check "
        "on it; the signed session is in the backups made before."),
        str(witness.values.get("signed_by") or "?"), _signed_when(witness.values.get("signed_at")),
        str(witness.entry_id))


def _signed_when(value: object) -> str:
    """A recorded signing time to the minute, in this computer's time."""
    try:
        return f"{local_time(audit.when(value)):%Y-%m-%d %H:%M}"  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return str(value or "?")[:16]


def corrections_by_amendment(corrections: Iterable[SiteCorrection]
                             ) -> dict[object, list[list[object]]]:
    """{amendment id: its corrections as its entry recorded them}."""
    out: dict[object, list[list[object]]] = {}
    for c in corrections:
        out.setdefault(c.amendment_id, []).append(c.recorded())
    return out


def _say(template: str, *args: object) -> Sentence:
    return sentence("Signatures", template, *args)


def amendment_problems(row: RecordRow | FieldValues, witness: Witness | None,
                       corrections: Sequence[Sequence[object]] = ()) -> list[str]:
    """How an amendment's row, and its corrections of sites ([site number, field, old, new]
    each, in order: domain.corrections.SiteCorrection.recorded), differ from what its creating
    entry recorded (an entry without corrections recorded none)."""
    recorded = witness.values.get(CORRECTIONS) if witness is not None else None
    return _written_row_problems(
        row, witness, ("reason", "text", "created_by"),
        [CORRECTIONS] if (recorded or []) != [list(c) for c in corrections] else [])


def session_problems(conn: sqlite3.Connection, session_id: int) -> list[str]:
    """One signed session checked against the audit trail: its signature and its amendments
    (what a PDF states before it prints "Integrity check")."""
    with reading(conn):  # a damaged file: DamagedFileError, as from every reader
        return _session_problems(conn, session_id)


def _session_problems(conn: sqlite3.Connection, session_id: int) -> list[str]:
    row = witnesses.session_signature(conn, session_id)
    if row is None:
        return []
    if row["status"] != "signed":
        signed = session_witnesses(conn, session_id).get(session_id)
        return [] if signed is None else [unsigned_problem(signed)]
    problems = signature_problems(row, session_witnesses(conn, session_id).get(session_id))
    session = witnesses.session_of(conn, session_id)
    moved = None if session is None else session_origin.origin_problem(
        session, witnesses.entries_about(conn, "session", session_origin.ACTIONS, session_id))
    if moved is not None:
        problems.append(moved)
    written = amendment_witnesses(conn, session_id)
    corrected = corrections_by_amendment(
        site_corrections.for_sessions(conn, [session_id]).get(session_id, []))
    amendments = witnesses.session_amendments(conn, session_id)
    for amendment in amendments:
        amendment_id = amendment["id"]
        witness = written.get(amendment_id) if isinstance(amendment_id, int) else None
        problems += [_say(QT_TRANSLATE_NOOP("Signatures", "amendment %1: %2"),
                          str(amendment_id), p)
                     for p in amendment_problems(amendment, witness,
                                                 corrected.get(amendment_id, []))]
    # An amendment is never deleted (the file refuses it): one its entry wrote and the file
    # no longer has was taken away around the app, and the record printed without it.
    kept = {a["id"] for a in amendments}
    problems += [_say(QT_TRANSLATE_NOOP(
        "Signatures", "amendment %1, written in audit entry %2, is no longer in the file: it "
        "was deleted outside imsmap"), str(amendment_id), str(witness.entry_id))
        for amendment_id, witness in sorted(written.items()) if amendment_id not in kept]
    mark = witnesses.session_retraction(conn, session_id)
    if mark is not None:
        mark_id = mark["id"]
        witness = retraction_witnesses(conn, session_id).get(mark_id) \
            if isinstance(mark_id, int) else None
        problems += [_say(QT_TRANSLATE_NOOP("Signatures", "entered-in-error mark: %1"), p)
                     for p in retraction_problems(mark, witness)]
    # On the clinic server: its rows written around imsmap, while a draft (server schema 15).
    problems += [_say(QT_TRANSLATE_NOOP(
        "Signatures", "%1 row %2 was written by %3 on %4 with no audit entry (around imsmap)"),
        table, str(row_id), login, f"{local_time(datetime.fromisoformat(at)):%Y-%m-%d %H:%M}")
        for table, row_id, _sid, _op, login, at in witnesses.unaudited_writes(conn, session_id)]
    return problems


@dataclass(frozen=True)
class Seal:
    """What a signed session's PDF states about its signature and the audit trail."""

    problems: tuple[str, ...]  # how the session or its amendments differ from the trail
    entry_id: int | None  # the entry that signed it (or imported it signed)
    link: str  # that entry's chain link in hex ("" when there is no entry)
    # The person that entry names as the one whose login signed (None where it names none)
    signer_name: str | None = None


def signer_names(conn: sqlite3.Connection, session_ids: Iterable[int] | None = None
                 ) -> dict[int, str]:
    """session id -> the person its signing entry names as the one whose login signed (or
    whose signature an import carried); sessions signed before imsmap recorded it, or by a
    login the clinic's list does not name, are not in it. Of every session, or of
    `session_ids` only (their entries looked up by session, not the whole trail read)."""
    out: dict[int, str] = {}
    with reading(conn):
        if session_ids is None:
            witnesses = session_witnesses(conn)
        else:
            witnesses = {}
            for sid in session_ids:
                witnesses.update(session_witnesses(conn, sid))
        for session_id, witness in witnesses.items():
            person = witness.values.get(SIGNER_NAME)
            if isinstance(person, str) and person:
                out[session_id] = person
    return out


def seal(conn: sqlite3.Connection, session_id: int) -> Seal:
    with reading(conn):
        witness = session_witnesses(conn, session_id).get(session_id)
    link = audit.link_at(conn, witness.entry_id) if witness is not None else None
    person = witness.values.get(SIGNER_NAME) if witness is not None else None
    return Seal(tuple(session_problems(conn, session_id)),
                witness.entry_id if witness is not None else None,
                link.hex() if link is not None else "",
                person if isinstance(person, str) and person else None)
