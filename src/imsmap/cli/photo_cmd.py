"""`imsmap photo add`: attach a photo to a draft session from a script, or add one to a signed
session by amendment.

    imsmap photo add --db PATH --session ID FILE [--caption TEXT] [--site N] [--amend REASON]

A signed session takes a photo only by an amendment (services.photo_amending): --amend gives its
reason; without it the command refuses, and with it on a draft it refuses too (a draft's photos
are attached directly).

--site N is the site's number in the session (as the window and the PDF show it).

The photo is made fit for the record as in the window (services.photo_files: turned upright,
every metadata block stripped, re-encoded, at most 2048 px on its long side); its sha256 enters
the audit trail. A file that is not a photo imsmap reads, too large, damaged or truncated, or a
signed session, is one sentence and exit status 2, with nothing stored.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from imsmap.cli.common import add_records_arguments, open_records_for, positive_int
from imsmap.domain.errors import ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n.records import date_time, number, translate

if TYPE_CHECKING:
    from imsmap.services.records import Records


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "photo", help=translate("Cli", "attach a photo to a session"),
        description=translate("Cli", "Clinical photos of a session. The photo is stored upright, without its "
                    "metadata (GPS position, device serials, maker notes), re-encoded and at "
                    "most 2048 px on its long side; its sha256 enters the audit trail."))
    actions = parser.add_subparsers(dest="photo_command", metavar=translate("Metavar", "ACTION"),
                                    required=True)
    add = actions.add_parser("add", help=translate("Cli", "attach a photo file to a draft session"),
                             description=translate("Cli", "Attach a photo (JPEG, PNG, WebP, TIFF, BMP or GIF) "
                                         "to a draft session."))
    add_records_arguments(add)
    add.add_argument("--session", metavar=translate("Metavar", "ID"),
                     type=positive_int(translate("PdfCommand", "a session id")), required=True,
                     help=translate("Cli", "the session's id"))
    add.add_argument("--caption", metavar=translate("Metavar", "TEXT"), default="",
                     help=translate("Cli", "a caption for the photo"))
    add.add_argument("--site", metavar="N", type=positive_int(translate("Cli", "a site number")),
                     default=None,
                     help=translate("Cli", "the number of the chart site the photo shows, as the "
                                    "window and the session's PDF number its sites"))
    add.add_argument("--amend", metavar=translate("Metavar", "REASON"), default=None,
                     help=translate("Cli", "add the photo to a signed session by an amendment "
                                    "giving this reason (who and when are recorded with it)"))
    add.add_argument("file", metavar=translate("Metavar", "FILE"),
                     help=translate("Cli", "the photo file"))
    add.set_defaults(func=run_add)


def run_add(args: argparse.Namespace) -> int:
    from imsmap.services.photo_amending import add_file_by_amendment
    from imsmap.services.photos import Photos

    records = open_records_for(args, create=False)
    try:
        session = records.read.session(args.session)  # an unknown session is said as such
        if session.is_signed and args.amend is None:
            raise ValidationError(sentence("CliPhoto", QT_TRANSLATE_NOOP(
                "CliPhoto", "Session %1 was signed by %2 and is locked: a photo is added to it "
                "only by an amendment. Give its reason with --amend \"REASON\" (for example "
                "--amend \"Bruise at site 3 the next morning\"). Nothing was added."),
                str(session.id), session.signed_by or "?"), "amend")
        site_id = None if args.site is None else _site_id(records, args.session, args.site)
        if args.amend is not None:
            amendment, photo = add_file_by_amendment(Photos(records), args.session, args.file,
                                                     args.amend, args.caption, site_id)
        else:
            photo = Photos(records).add_file(args.session, args.file, args.caption, site_id)
    finally:
        records.db.close()
    print(fill(translate("CliPhoto", "Photo %1 added to session %2: %3x%4 %5, %6 KB, sha256 "
                         "%7."), [photo.seq, photo.session_id, photo.width, photo.height,
                                  photo.kind, number(photo.bytes / 1024), photo.sha256]))
    if args.amend is not None:
        print(fill(translate("CliPhoto", "Added by amendment %1 (%2, %3): %4"),
                   [amendment.id, amendment.created_by,
                    date_time(amendment.created_at), amendment.reason]))
    return 0


def _site_id(records: Records, session_id: int, seq: int) -> int:
    """The row id of site `number` of the session: the number the window's site list, the
    charts and the PDF show, which is what a clinician has to hand (row ids are shown nowhere
    but in the JSON export)."""
    records.read.session(session_id)  # an unknown session is said as such
    sites = records.repo.sites_for_session(session_id)
    for site in sites:
        if site.seq == seq:
            return site.id
    raise ValidationError(sentence("CliPhoto", QT_TRANSLATE_NOOP(
        "CliPhoto", "Session %1 has no site %2; give the number of one of its chart sites (%3)."),
        str(session_id), str(seq),
        ", ".join(str(s.seq) for s in sites) or translate("CliPhoto", "it has none")), "site")
