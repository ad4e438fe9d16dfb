"""`imsmap import`: bring the records of an imsmap export file into a database.

    imsmap import --db PATH FILE

Everything in FILE is checked first; then all of it is imported in one transaction, or none.
Chart numbers already in the database are refused (records are never merged).
"""

from __future__ import annotations

import argparse
import json

from imsmap.cli.common import add_records_arguments, open_records_for
from imsmap.domain.errors import UserFacingError

MAX_FILE_BYTES = 2 * 1024 ** 3  # an export this large is surely not one


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="import the records of an imsmap export file",
        description="Import the patients, visits, sites and amendments of an imsmap export "
                    "(JSON) file. The whole file is checked first and imported in one step, "
                    "or not at all. Signed visits stay signed with their original signature.")
    add_records_arguments(parser)
    parser.add_argument("file", metavar="FILE", help="the export file (.json)")
    parser.set_defaults(func=run)


def read_json(path: str) -> object:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise UserFacingError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UserFacingError(f"{path} is a folder; give the export file.") from None
    except OSError as exc:
        raise UserFacingError(f"{path} cannot be read ({exc.strerror}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise UserFacingError(f"{path} is larger than 2 GB; it is not an imsmap export.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFacingError(f"{path} is not UTF-8 text (byte {exc.start}); it is not an "
                              "imsmap export.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserFacingError(f"{path} is not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg}); nothing was imported.") from None
    except RecursionError:
        raise UserFacingError(f"{path} is nested too deeply to be an imsmap export.") from None
    except ValueError:  # a number of more than 4,300 digits (Python's int conversion limit)
        raise UserFacingError(f"{path} holds a number too long to be any value of an imsmap "
                              "export; nothing was imported.") from None


def run(args: argparse.Namespace) -> int:
    from imsmap.services.importer import import_document

    doc = read_json(args.file)
    records = open_records_for(args)
    try:
        counts = import_document(records, doc)
    finally:
        records.db.close()
    photos = f", {counts['photos']} photos" if counts.get("photos") else ""
    print(f"Imported {counts['patients']} patients, {counts['sessions']} visits, "
          f"{counts['sites']} sites{photos} and {counts['amendments']} amendments from "
          f"{args.file}.")
    return 0
