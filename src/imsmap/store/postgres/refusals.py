"""What went wrong between a room and the clinic server, told by SQLSTATE, never by the words of
a message (they are translated, and change between PostgreSQL versions), and one sentence for
each (store.postgres.faults runs a unit of work again when that is safe).

An error from the server carries its SQLSTATE (``exc.sqlstate``). A failure of libpq's own
(no server reached, TLS refused, the connection dropped) carries none: a refused connection is
told apart from a refused TLS handshake by asking the server itself whether it speaks TLS (the
protocol's SSLRequest, one byte back), and a dropped connection is an OperationalError without
SQLSTATE.
"""

from __future__ import annotations

import socket
import struct

from imsmap.domain.errors import BusyError, ConflictError, ReadOnlyError, UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.dsn import Fault, ServerError, first_line, parse, require_psycopg, where
from imsmap.store.trigger_words import trigger_reason

# Fault lives in dsn.py (ServerError carries one); it is read here too, as before.
__all__ = ["PROBE_TIMEOUT_S", "ServerBusy", "RETRY_RECONNECT", "RETRY_SAME", "Fault", "classify",
           "connection_fault", "connection_sentence", "error_for", "speaks_tls"]

PROBE_TIMEOUT_S = 3.0
_TLS_REQUIRED = ("require", "verify-ca", "verify-full")


_BY_STATE = {
    "28P01": Fault.LOGIN_REFUSED, "3D000": Fault.LOGIN_REFUSED, "57P03": Fault.STARTING,
    "53300": Fault.NO_CONNECTIONS, "57P01": Fault.CONNECTION_LOST,
    "57P02": Fault.CONNECTION_LOST, "40001": Fault.SERIALIZATION, "40P01": Fault.DEADLOCK,
    "53100": Fault.DISK_FULL, "53200": Fault.OUT_OF_MEMORY, "42501": Fault.PRIVILEGE,
    "23L01": Fault.SIGNED_LOCKED, "23W01": Fault.WITHDRAWN_LOCKED,
    "23V01": Fault.STALE_VERSION, "57014": Fault.CANCELED,
    "25006": Fault.READ_ONLY, "55P03": Fault.LOCK_BUSY, "25P03": Fault.IDLE_ENDED,
}
# Safe to run the whole unit of work again (nothing of it was kept).
RETRY_SAME = frozenset({Fault.SERIALIZATION, Fault.DEADLOCK})
RETRY_RECONNECT = frozenset({Fault.CONNECTION_LOST, Fault.UNREACHABLE, Fault.STARTING,
                             Fault.TURNED_AWAY, Fault.IDLE_ENDED})


class ServerBusy(ServerError, BusyError):
    """A write refused after waiting its lock_timeout for another transaction's lock
    (Fault.LOCK_BUSY): nothing of it was written."""


def classify(exc: BaseException) -> Fault:
    """The fault by SQLSTATE (its class for the record's refusals and lost connections)."""
    require_psycopg()
    import psycopg

    state = exc.sqlstate if isinstance(exc, psycopg.Error) else None
    if state:
        if state in _BY_STATE:
            return _BY_STATE[state]
        if state.startswith("08"):
            return Fault.CONNECTION_LOST
        if state.startswith("23"):
            return Fault.INTEGRITY
        return Fault.BUG
    if isinstance(exc, psycopg.OperationalError):
        return Fault.CONNECTION_LOST  # libpq's own: the connection is gone
    return Fault.BUG


def speaks_tls(dsn: str) -> bool | None:
    """Whether the server at the DSN's (first) address answers the protocol's SSLRequest with
    yes (True) or no (False); None when nothing answers there."""
    params = parse(dsn)
    host = (params.get("host") or params.get("hostaddr") or "/var/run/postgresql").split(",")[0]
    port = int((params.get("port") or "5432").split(",")[0])
    try:
        if host.startswith("/"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            address: str | None = f"{host}/.s.PGSQL.{port}"
        else:
            sock = socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S)
            address = None
        with sock:
            sock.settimeout(PROBE_TIMEOUT_S)
            if address is not None:
                sock.connect(address)
            sock.sendall(struct.pack("!ii", 8, 80877103))
            answer = sock.recv(1)
    except OSError:
        return None
    if answer == b"S":
        return True
    return False if answer == b"N" else None


def connection_fault(exc: BaseException, dsn: str) -> Fault:
    """Why a connection could not be made. libpq gives no SQLSTATE for a refused start-up, so
    what it says is read from facts, not words: whether anything answers at the address and
    speaks TLS (the protocol's SSLRequest), whether TLS came up, and whether libpq was asked for
    a password and sent one."""
    fault = classify(exc)
    if fault not in (Fault.CONNECTION_LOST, Fault.BUG):
        return fault
    tls = speaks_tls(dsn)
    if tls is None:
        return Fault.UNREACHABLE
    tls_required = parse(dsn).get("sslmode", "prefer") in _TLS_REQUIRED
    if tls_required and not tls:
        return Fault.TLS
    import psycopg  # classify() found it installed

    attempt = exc.pgconn if isinstance(exc, psycopg.Error) else None
    if attempt is not None and attempt.needs_password:
        return Fault.NO_PASSWORD
    if attempt is not None and attempt.used_password:
        return Fault.LOGIN_REFUSED
    if tls_required and (attempt is None or not attempt.ssl_in_use):
        return Fault.TLS  # the handshake itself failed: the certificate, most often
    return Fault.TURNED_AWAY


def connection_sentence(exc: BaseException, dsn: str) -> tuple[Fault, str]:
    fault = connection_fault(exc, dsn)
    place = where(dsn)
    words = first_line(exc)
    if fault is Fault.TLS:
        if speaks_tls(dsn) is False:
            return fault, sentence("ServerRefusals", QT_TRANSLATE_NOOP(
                "ServerRefusals", "The %1 does not offer TLS, but the connection settings "
                "require it (sslmode); nothing was done. Set up TLS on the server "
                "(docs/clinic-server.md)."), place)
        return fault, sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "The TLS connection to the %1 was refused (%2); nothing was "
            "done. Check sslrootcert and that the server's certificate names this host."),
            place, words)
    templates = {
        Fault.LOGIN_REFUSED: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The %1 refused the login (the user name, the password or the "
            "database's name is wrong); nothing was done. Check them."),
        Fault.NO_PASSWORD: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The %1 asks for a password and none was given; nothing was "
            "done. Give it when asked, or keep it in ~/.pgpass (mode 600)."),
        Fault.TURNED_AWAY: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The %1 turned this login away before asking for a password "
            "(it is starting up or shutting down, or pg_hba.conf does not allow this login "
            "from this computer); nothing was done. Try again in a moment, or ask the "
            "server's administrator to allow it."),
        Fault.NO_CONNECTIONS: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The %1 has no free connections (max_connections); nothing was "
            "done. Close imsmap in a room not in use, or ask the server's administrator."),
        # The server ended this connection's transaction, and the connection, because it stood
        # idle longer than connection.IDLE_IN_TRANSACTION_S (the room hung inside a write):
        # rolled back, before any COMMIT of it was read.
        Fault.IDLE_ENDED: QT_TRANSLATE_NOOP(
            "ServerRefusals", "This computer stopped in the middle of saving this change (asleep, "
            "or imsmap not answering), so the clinic server ended that save to let the other "
            "rooms write: nothing of it was saved, and what was saved before is safe. Make the "
            "change again."),
        Fault.STARTING: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The %1 is starting up or shutting down; nothing was done. Try "
            "again in a moment."),
    }
    if fault in templates:
        return fault, sentence("ServerRefusals", templates[fault], place)
    return fault, sentence("ServerRefusals", QT_TRANSLATE_NOOP(
        "ServerRefusals", "The %1 could not be reached (%2); nothing was done. Check that "
        "PostgreSQL is running there and that the address and port are right."), place, words)


def error_for(exc: BaseException) -> UserFacingError | None:
    """The sentence for a statement the server (or the network) refused, or None for a bug."""
    fault = classify(exc)
    words = first_line(exc)
    if fault is Fault.SIGNED_LOCKED:
        return ReadOnlyError(sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "This session is signed and locked; add an amendment instead.")))
    if fault is Fault.WITHDRAWN_LOCKED:
        return ReadOnlyError(sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "This draft was withdrawn and is locked; nothing more is written "
            "to it, and nothing was changed.")))
    if fault is Fault.STALE_VERSION:
        return ConflictError(sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "This record was changed in another room while you had it "
            "open; your change was not saved. It has been read again.")))
    if fault is Fault.INTEGRITY:  # a trigger's words in the user's (store.trigger_words)
        return ReadOnlyError(sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "The server refused the change (%1); nothing was changed."),
            trigger_reason(words)))
    if fault is Fault.PRIVILEGE:
        return ServerError(sentence("ServerRefusals", QT_TRANSLATE_NOOP(
            "ServerRefusals", "The server refused this to your login (%1); nothing was "
            "changed."), words), fault)
    templates = {
        Fault.SERIALIZATION: QT_TRANSLATE_NOOP(
            "ServerRefusals", "Another room changed the same records at the same moment; "
            "nothing was changed. Try again."),
        Fault.DEADLOCK: QT_TRANSLATE_NOOP(
            "ServerRefusals", "Another room changed the same records at the same moment; "
            "nothing was changed. Try again."),
        Fault.DISK_FULL: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server's disk is full, so this change was not saved "
            "(nothing of it was written; what was saved before is safe). Ask the server's "
            "administrator to free space."),
        Fault.OUT_OF_MEMORY: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server ran out of memory; nothing was changed. Try "
            "again, and tell the server's administrator if it happens again."),
        Fault.CONNECTION_LOST: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The connection to the clinic server was lost; what was not "
            "saved was not kept, and what was saved is safe. Check the network and try again."),
        # The server ended this connection's transaction, and the connection, because it stood
        # idle longer than connection.IDLE_IN_TRANSACTION_S (the room hung inside a write):
        # rolled back, before any COMMIT of it was read.
        Fault.IDLE_ENDED: QT_TRANSLATE_NOOP(
            "ServerRefusals", "This computer stopped in the middle of saving this change (asleep, "
            "or imsmap not answering), so the clinic server ended that save to let the other "
            "rooms write: nothing of it was saved, and what was saved before is safe. Make the "
            "change again."),
        Fault.STARTING: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server is restarting; nothing was changed. Try again "
            "in a moment."),
        Fault.UNREACHABLE: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server cannot be reached; nothing was changed. Check "
            "the network and that the server is running."),
        Fault.CANCELED: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server stopped this because it took too long; "
            "nothing was changed. Try again."),
        # A window's write waited its lock_timeout (connection.LOCK_WAIT_S) for a row or a
        # table another transaction holds: nothing of it was written (the unit rolled back).
        # Not "this record": every write holds the audit trail's head until COMMIT, so the
        # write in the way may be another room's on another patient.
        Fault.LOCK_BUSY: QT_TRANSLATE_NOOP(
            "ServerRefusals", "Another room or program is writing on the clinic server right "
            "now, so nothing was changed here. Try again in a moment."),
        Fault.READ_ONLY: QT_TRANSLATE_NOOP(
            "ServerRefusals", "The clinic server is read-only now (a standby, or recovering); "
            "nothing was changed. Ask the server's administrator."),
    }
    template = templates.get(fault)
    if fault is Fault.LOCK_BUSY:
        return ServerBusy(sentence("ServerRefusals", templates[fault]), fault)
    return None if template is None else ServerError(sentence("ServerRefusals", template), fault)
