"""A person's own login on the clinic server (`imsmap server add-user`).

Each person gets a login role of their own, a member of one group role (practitioner,
reception, admin); the audit trail and the signatures record that login. The password is turned
into a SCRAM-SHA-256 verifier on this computer (libpq's PQencryptPasswordConn) before it is sent,
so the server, its logs and its statement statistics never see it in clear.
"""

from __future__ import annotations

import re

from imsmap.domain.errors import ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.store.postgres.connection import GROUPS, ServerError, connect, require_psycopg, where
from imsmap.store.postgres.schema import require_current

MIN_PASSWORD = 10
_NAME = re.compile(r"[a-z][a-z0-9_.-]{1,62}")


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise ValidationError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
            "ServerUsers", "The login name %1 cannot be used: write 2 to 63 lower-case "
            "letters, digits, '.', '_' or '-', starting with a letter (for example "
            "anna.nguyen)."), quoted(name)), "name")
    if name.startswith(("pg_", "imsmap_")) or name in ("postgres", "public"):
        raise ValidationError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
            "ServerUsers", "The login name %1 is reserved; choose another."), quoted(name)), "name")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
            "ServerUsers", "The password must have at least %1 characters."), MIN_PASSWORD),
                              "password")
    if password != password.strip() or "\n" in password:
        raise ValidationError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
            "ServerUsers", "The password may not begin or end with a space or hold a line "
            "break.")), "password")
    return password


def add_user(dsn: str, name: str, role: str, password: str) -> str:
    """Create the login ``name`` in the group for ``role``; returns the group's name."""
    check_name(name)
    if role not in GROUPS:
        raise ValidationError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
            "ServerUsers", "The role %1 is not one of %2."),
            quoted(role), ', '.join(GROUPS)), "role")
    check_password(password)
    require_psycopg()
    import psycopg
    from psycopg import sql

    conn = connect(dsn, application_name="imsmap server add-user")
    try:
        place = where(dsn)
        require_current(conn, place)
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            raise ServerError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
                "ServerUsers", "The %1 already has a login named %2; nothing was changed. "
                "Choose another name."), place, name))
        verifier = conn.pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"),
                                                b"scram-sha-256").decode("ascii")
        conn.commit()  # the checks' snapshot ends; the transaction below is the only write
        ident = sql.Identifier
        try:
            with conn.transaction():
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    ident(name), sql.Literal(verifier), ident(GROUPS[role])))
        except psycopg.errors.InsufficientPrivilege:
            raise ServerError(sentence("ServerUsers", QT_TRANSLATE_NOOP(
                "ServerUsers", "The login used here may not create logins on the %1; run "
                "add-user as the server's superuser or a role with CREATEROLE. Nothing was "
                "changed."), place)) from None
        return GROUPS[role]
    finally:
        conn.close()
