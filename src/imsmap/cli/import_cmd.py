"""`imsmap import`: bring the records of an imsmap export file into a database.

    imsmap import --db PATH FILE

Everything in FILE is checked first; then all of it is imported in one transaction, or none.
Chart numbers already in the database are refused (records are never merged).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from imsmap.cli.common import add_records_arguments, database_file, open_records_for
from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import fill
from imsmap.i18n.records import PLURAL, translate

MAX_FILE_BYTES = 2 * 1024 ** 3  # an export this large is surely not one


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=translate("Cli", "import the records of an imsmap export file"),
        description=translate("Cli", "Import the patients, sessions, sites and amendments of an imsmap export "
                    "(JSON) file. The whole file is checked first and imported in one step, "
                    "or not at all. Signed sessions stay signed with their original signature."))
    add_records_arguments(parser)
    parser.add_argument("file", metavar=translate("Metavar", "FILE"), help=translate("Cli", "the export file (.json)"))
    parser.set_defaults(func=run)


def read_json(path: str) -> object:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise UserFacingError(fill(translate("ImportCommand", "There is no file %1."),
                                   [path])) from None
    except IsADirectoryError:
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 is a folder; give the export file."), [path])) from None
    except OSError as exc:
        raise UserFacingError(fill(translate("ImportCommand", "%1 cannot be read (%2)."),
                                   [path, reason(exc)])) from None
    if len(data) > MAX_FILE_BYTES:
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 is larger than 2 GB; it is not an imsmap export."), [path]))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 is not UTF-8 text (byte %2); it is not an imsmap export."),
            [path, exc.start])) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 is not valid JSON (line %2, column %3: %4); nothing was "
            "imported."), [path, exc.lineno, exc.colno, exc.msg])) from None
    except RecursionError:
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 is nested too deeply to be an imsmap export."),
            [path])) from None
    except ValueError:  # a number of more than 4,300 digits (Python's int conversion limit)
        raise UserFacingError(fill(translate(
            "ImportCommand", "%1 holds a number too long to be any value of an imsmap export; "
            "nothing was imported."), [path])) from None


def run(args: argparse.Namespace) -> int:
    from imsmap.services.importer import import_document

    doc = read_json(args.file)
    target = database_file(args)
    new_file = target is not None and not target.exists()
    records = open_records_for(args)
    try:
        try:
            counts = import_document(records, doc)
        finally:
            records.db.close()
    except BaseException:
        if new_file:  # "nothing was changed": the file this command made for it goes too
            assert target is not None
            _remove_new_database(target)
        raise
    if counts.get("photos"):
        done = translate("ImportCommand", "Imported %1 patients, %2 sessions, %3 sites, %4 photos "
                         "and %5 amendments from %6.")
    else:
        done = translate("ImportCommand", "Imported %1 patients, %2 sessions, %3 sites and %5 "
                         "amendments from %6.")
    print(fill(done, [counts["patients"], counts["sessions"], counts["sites"],
                      counts.get("photos", 0), counts["amendments"], args.file]))
    # The summary above counts withdrawn and entered-in-error visits among the visits: say
    # that some arrived with their mark, so nobody reads them as visits that count.
    marked = _marked_visits(doc)
    if marked:
        print(translate("ImportCommand", "%n of these session(s) withdrawn or entered in error, "
                        "with that mark kept: counted in no figure.", "", marked, PLURAL))
    merges = counts.get("patient_merges", 0)
    if merges:  # (their records read as one history here too)
        print(translate("ImportCommand", "%n merge(s) or separation(s) of duplicate patient "
                        "records kept, as the file's audit trail recorded them.", "", merges,
                        PLURAL))
    return 0


def _remove_new_database(path: Path) -> None:
    """Remove the empty database file (and its SQLite side files) a refused import created."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        (path.parent / name).unlink(missing_ok=True)


def _marked_visits(doc: object) -> int:
    """How many visits of the (already imported, so well-formed) document carry a mark."""
    assert isinstance(doc, dict)
    return sum(1 for patient in doc.get("patients", []) for visit in patient.get("visits", [])
               if visit.get("retraction"))
