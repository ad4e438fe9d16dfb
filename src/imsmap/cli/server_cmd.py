"""`imsmap server`: set up a clinic server on PostgreSQL and move a single-PC clinic onto it.

    imsmap server init --dsn DSN
    imsmap server add-user --dsn DSN --name LOGIN --role practitioner|reception|admin
    imsmap server migrate --db FILE --dsn DSN
    imsmap server upgrade --dsn DSN

DSN is libpq's (postgresql://USER@HOST:5432/DATABASE?sslmode=verify-full): everything in it is
passed to libpq, TLS settings included. A password is never taken on the command line: libpq
asks ~/.pgpass or PGPASSWORD for the administrator's, and add-user reads the new person's from a
prompt (or one line of standard input when that is not a terminal). The DSN used last is kept in
the data folder without its password, so --dsn may be left out afterwards.
docs/clinic-server.md is the IT provider's guide.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from imsmap.cli.common import add_db_argument, db_arg
from imsmap.cli.table_words import counts_text
from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n.records import translate
from imsmap.paths import resolve_db

ROLES = ("practitioner", "reception", "admin")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "server", help=translate("Cli", "set up a clinic server (PostgreSQL) and move a clinic onto it"),
        description=translate("Cli", "The clinic server: PostgreSQL 15 or newer, reached with a libpq DSN "
                    "(docs/clinic-server.md). Passwords never go on the command line."))
    commands = parser.add_subparsers(dest="server_command", metavar=translate("Metavar", "STEP"), required=True)

    init = commands.add_parser(
        "init", help=translate("Cli", "set up an empty database: the owner and group roles, the schema"),
        description=translate("Cli", "Create imsmap's owner role, its group roles (practitioner, reception, "
                    "admin) and its schema on an EMPTY database; run it as the server's "
                    "superuser. A database that holds anything is refused."))
    _add_dsn(init)
    init.set_defaults(func=run_init)

    user = commands.add_parser(
        "add-user", help=translate("Cli", "give a person their own login in a group role"),
        description=translate("Cli", "Create a login for one person, a member of one group role. The password "
                    "is asked for (twice), or read as one line from standard input when that "
                    "is not a terminal; it never goes on the command line."))
    _add_dsn(user)
    user.add_argument("--name", required=True, help=translate("Cli", "the login name, e.g. anna.nguyen"))
    user.add_argument("--role", required=True, choices=ROLES, help=translate("Cli", "the person's group"))
    user.set_defaults(func=run_add_user)

    move = commands.add_parser(
        "migrate", help=translate("Cli", "move a single-PC clinic's database onto the server, all or nothing"),
        description=translate("Cli", "Copy every record of a single-PC database file onto a newly initialised "
                    "server in one transaction, then compare every row, the signatures and "
                    "the audit chain with the file before committing. The file is only read."))
    _add_dsn(move)
    add_db_argument(move)
    move.set_defaults(func=run_migrate)

    upgrade = commands.add_parser(
        "upgrade", help=translate("Cli", "bring the server's imsmap schema up to this imsmap's"),
        description=translate("Cli", "Apply the schema migrations this imsmap brings to a clinic's "
                    "server, each in one transaction, keeping every record; run it as the "
                    "server's superuser once this imsmap is installed, before the rooms use it."))
    _add_dsn(upgrade)
    upgrade.set_defaults(func=run_upgrade)


def _add_dsn(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dsn", metavar="DSN", default=argparse.SUPPRESS,
                        help=translate("Cli", "the server's database as a libpq DSN, e.g. "
                             "postgresql://postgres@db.clinic.lan/clinic?sslmode=verify-full "
                             "(default: the one used last)"))


def _dsn(args: argparse.Namespace) -> str:
    from imsmap.store.postgres.connection import ServerError, saved_dsn

    dsn = getattr(args, "dsn", None) or saved_dsn()
    if not dsn:
        raise ServerError(sentence("CliServer", QT_TRANSLATE_NOOP(
            "CliServer", "Give the server's database with --dsn (for example "
            "postgresql://postgres@db.clinic.lan/clinic); none was used before.")))
    return dsn


def run_init(args: argparse.Namespace) -> int:
    from imsmap.store.postgres import connection, schema

    dsn = _dsn(args)
    name = schema.init(dsn)
    saved = connection.save(dsn)
    print(fill(translate(
        "CliServer", "Database %1 is set up for imsmap (clinic server schema %2), with the group roles "
        "imsmap_practitioner, imsmap_reception and imsmap_admin.\nConnection settings (no "
        "password) kept in %3.\nNext: imsmap server add-user --name LOGIN --role "
        "practitioner|reception|admin"), [name, schema.SCHEMA_VERSION, saved]))
    return 0


def read_password(name: str) -> str:
    """The new person's password: prompted twice on a terminal, else one line of stdin."""
    from imsmap.domain.errors import ValidationError

    if sys.stdin is None:
        raise ValidationError(sentence("CliServer", QT_TRANSLATE_NOOP(
            "CliServer", "No password was given: run add-user in a terminal, or pipe the "
            "password into it.")), "password")
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass(fill(translate("CliServer", "Password for %1: "), [name]))
    again = getpass.getpass(translate("CliServer", "The same password again: "))
    if first != again:
        raise ValidationError(sentence("CliServer", QT_TRANSLATE_NOOP(
            "CliServer", "The two passwords differ; nothing was changed.")), "password")
    return first


def run_add_user(args: argparse.Namespace) -> int:
    from imsmap.store.postgres import connection, users

    dsn = _dsn(args)
    users.check_name(args.name)
    group = users.add_user(dsn, args.name, args.role, read_password(args.name))
    connection.save(dsn)
    print(fill(translate("CliServer", "%1 can now sign in to the clinic server as a member "
                         "of %2."), [args.name, group]))
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from imsmap.services.checks import full_check
    from imsmap.services.context import open_records
    from imsmap.store.postgres import connection, transfer

    dsn = _dsn(args)
    connection.parse(dsn)  # a mistyped DSN is said before the file is read
    path = resolve_db(db_arg(args))
    records = open_records(path, create=False, readonly=True)
    try:
        report = full_check(records)
        if not report.ok:
            raise UserFacingError(
                sentence("CliServer", QT_TRANSLATE_NOOP(
                "CliServer", "%1 has problems (%2; `imsmap check --db %1` lists them); a "
                "clinic is moved only when its records check. Nothing was moved."),
                path, report.total))
        moved = transfer.migrate(records.db.conn, str(path), dsn)
    finally:
        records.db.close()
    connection.save(dsn)
    print(fill(translate(
        "CliServer", "Moved %1 onto the server: %2.\nEvery row compared with the file; "
        "signatures matching their audit entries: %3; the audit chain (entries: %4) is "
        "unbroken and ends in the file's link %5. The file is unchanged."),
        [path, counts_text(moved.counts), moved.signed_sessions, moved.audit_entries,
         moved.chain_link[:16]]))
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from imsmap.store.postgres import connection, schema

    dsn = _dsn(args)
    name, before, applied = schema.upgrade(dsn)
    connection.save(dsn)
    if not applied:
        print(fill(translate("CliServer", "Database %1 is at clinic server schema %2 already; "
                             "nothing "
                             "was changed."), [name, before]))
    else:
        print(fill(translate("CliServer", "Database %1 upgraded from clinic server schema %2 to "
                             "%3; "
                             "every record kept."), [name, before, applied[-1]]))
    return 0
