"""`imsmap export [--db PATH] [--out FILE] [--force] [--session ID ...]`: the record as JSON.

The format is described in docs/export-format.md; `--csv` writes one row per insertion, and
`--fhir` a FHIR R4 Bundle (docs/fhir.md; cli/export_fhir.py chooses its sessions). Without
--out the JSON goes to standard output.
An existing --out file is kept unless --force, and the database, its -wal/-shm/-journal files,
links to them and any SQLite database are never written over (services.output_files); the file is
written to a temporary name first and moved into place, so a failed export (a full disk) never
leaves half a file. The database must exist already:
export never creates one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from imsmap.cli.common import (
    add_chart_argument,
    add_records_arguments,
    database_file,
    open_records_for,
    positive_int,
)
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n.records import translate
from imsmap.services.output_files import check_output, write_atomically
from imsmap.store.db import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help=translate("Cli", "export patients, sessions, sites and the audit trail as JSON (or a "
                       "CSV of insertions, or a FHIR R4 Bundle)"),
        description=translate("Cli", "Export the whole record (or chosen sessions) as one JSON document "
                    "(docs/export-format.md), a CSV of insertions (--csv), or an HL7 FHIR R4 "
                    "Bundle (--fhir, docs/fhir.md)."),
    )
    add_records_arguments(parser)
    parser.add_argument("--out", metavar=translate("Metavar", "FILE"),
                        help=translate("Cli", "write to FILE instead of standard output"))
    parser.add_argument("--force", action="store_true",
                        help=translate("Cli", "replace FILE if it exists already"))
    parser.add_argument("--csv", action="store_true",
                        help=translate("Cli", "write one CSV row per needle insertion, without names or "
                             "identifiers, for research (docs/export-format.md)"))
    parser.add_argument("--fhir", action="store_true",
                        help=translate("Cli", "write an HL7 FHIR R4 Bundle; one signed --session is a FHIR "
                             "document with its PDF/A (docs/fhir.md)"))
    parser.add_argument("--session", metavar=translate("Metavar", "ID"), type=_session_id, action="append",
                        help=translate("Cli", "export only this session (repeat for more)"))
    parser.add_argument("--patient", metavar=translate("Metavar", "ID"),
                        type=positive_int(translate("PdfCommand", "a patient id")),
                        help=translate("Cli", "with --fhir: this patient's sessions"))
    add_chart_argument(parser, translate("Cli", "with --fhir: the sessions of the patient with "
                                         "this chart number (in place of --patient)"))
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help=translate("Cli", "with --fhir and --to: sessions started on or after DATE "
                             "(YYYY-MM-DD)"))
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help=translate("Cli", "... and on or before DATE (YYYY-MM-DD)"))
    parser.set_defaults(func=run)




def _session_id(value: str) -> int:
    return positive_int(translate("PdfCommand", "a session id"))(value)


def run(args: argparse.Namespace) -> int:
    from imsmap.cli.export_fhir import check_options, fhir_text
    from imsmap.services.context import build_context
    from imsmap.services.export import dumps, export_document
    from imsmap.store.db import Database

    check_options(args)
    db_path = database_file(args)
    out = Path(args.out).expanduser() if args.out else None
    if out is not None:  # never the database or another SQLite file (issue 12, H1)
        check_output(out, db_path, force=args.force)
    if db_path is None:  # the clinic server (--dsn)
        records = open_records_for(args, create=False, readonly=True)
        db = records.db
    else:
        _check_db(db_path)
        db = Database.open(db_path, create=False)
    try:
        records = build_context(db).records if db_path is not None else records
        if args.csv:
            if args.session:
                raise StoreError(sentence("CliExport", QT_TRANSLATE_NOOP(
                    "CliExport", "--csv exports every session; leave out --session.")))
            from imsmap.services.export_csv import to_csv

            text = to_csv(records)
        elif args.fhir:
            text = fhir_text(args, records)
        else:
            text = dumps(export_document(records, session_ids=args.session))
    finally:
        db.close()
    if out is None:
        _to_stdout(text)
        return 0
    write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"),
                     database=db_path, force=args.force, what="export")
    done = translate("CliExport", "Exported a FHIR bundle to %1.") if args.fhir else translate(
        "CliExport", "Exported to %1.")
    print(fill(done, [out]), file=sys.stderr)
    return 0


def _to_stdout(text: str) -> None:
    """Standard output on a full disk (or a closed pipe) is one sentence, not a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        # What stays buffered would fail again when Python exits: send it nowhere.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise StoreError(sentence("CliExport", QT_TRANSLATE_NOOP(
            "CliExport", "The export could not be written to standard output (%1)."),
            reason(exc))) from None


def _check_db(path: Path) -> None:
    """An empty file would be taken for a new database and filled with tables: refuse it."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # Database.open says what is wrong with it
    if empty:
        raise StoreError(sentence("CliExport", QT_TRANSLATE_NOOP(
            "CliExport", "%1 is empty; it is not an imsmap database."), path))
