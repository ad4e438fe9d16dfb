"""Pieces shared by the sub-commands."""

from __future__ import annotations

import argparse

DB_HELP = "the database file (default: $IMSMAP_DB, else imsmap.sqlite3 in your data folder)"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, accepted before or after the sub-command.

    SUPPRESS keeps a sub-command's parser from overwriting a --db given before the sub-command.
    """
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)


def db_arg(args: argparse.Namespace) -> str | None:
    return getattr(args, "db", None)
