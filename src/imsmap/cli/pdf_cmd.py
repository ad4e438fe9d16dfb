"""`imsmap pdf`: a session's record, or a patient's progress, as a PDF/A-1b file for the
clinic's records system.

    imsmap pdf --db PATH --session ID --out FILE [--paper A4|Letter] [--force]
    imsmap pdf --db PATH --patient ID --progress --out FILE [--last N] [--paper ...] [--force]
    imsmap pdf --db PATH --chart NUMBER --progress --out FILE [...]
    imsmap pdf --db PATH --from DATE --to DATE --out-dir DIR [--paper ...] [--force]

The last form writes one file per session started in the date range (both days included), named
<chart number>_<YYYY-MM-DD>_s<session id>.pdf; a file that exists is skipped with a message
unless --force.

An existing FILE is replaced only with --force, and never when it is the database, one of its
-wal/-shm/-journal files, a link to them or any SQLite database (services.output_files). A full
disk or a folder that cannot be written is one sentence and leaves FILE as it was. The file
appears in one step (written under a
temporary name in the same folder, then renamed), so a records system watching the folder never
picks up half a PDF.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from imsmap.cli.common import (
    add_chart_argument,
    add_records_arguments,
    chosen_patient,
    database_file,
    ensure_gui_application,
    iso_date,
    open_records_for,
    patient_given,
    positive_int,
    records_language,
    sessions_on_days,
)
from imsmap.domain.errors import UserFacingError
from imsmap.domain.local_time import local_date
from imsmap.domain.text import fill
from imsmap.i18n.records import PLURAL, quote, translate
from imsmap.services.output_files import check_output, refuse_database

PAPER_CHOICES = ("A4", "Letter")


def _paper(value: str) -> str:
    for choice in PAPER_CHOICES:
        if value.strip().lower() == choice.lower():
            return choice
    raise argparse.ArgumentTypeError(fill(translate(
        "PdfCommand", "%1 is not a paper size: use A4 or Letter."), [quote(value)]))


def _session_id(value: str) -> int:
    return positive_int(translate("PdfCommand", "a session id"))(value)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pdf", help=translate(
            "PdfCommand", "write a session's record or a patient's progress as a PDF/A file"),
        description=translate(
            "PdfCommand", "Write the record of one session (charts, sites, segmental summary, "
            "signature and amendments), or with --patient and --progress a patient's progress "
            "over their sessions, as a PDF/A-1b file for the clinic's records system."))
    add_records_arguments(parser)
    parser.add_argument("--session", metavar=translate("Metavar", "ID"), type=_session_id,
                        help=translate("PdfCommand", "the session's id"))
    parser.add_argument("--patient", metavar=translate("Metavar", "ID"),
                        type=positive_int(translate("PdfCommand", "a patient id")),
                        help=translate("PdfCommand", "the patient's id (with --progress)"))
    add_chart_argument(parser, translate("PdfCommand", "the patient's chart number, in place "
                                         "of --patient (with --progress)"))
    parser.add_argument("--progress", action="store_true", help=translate(
        "PdfCommand", "the progress report of --patient over their sessions"))
    parser.add_argument("--last", metavar="N",
                        type=positive_int(translate("PdfCommand", "a number of sessions")),
                        help=translate("PdfCommand",
                                       "with --progress: only the latest N sessions"))
    parser.add_argument("--out", metavar=translate("Metavar", "FILE"),
                        help=translate("PdfCommand", "the PDF file to write"))
    parser.add_argument("--from", dest="date_from", metavar="DATE", help=translate(
        "PdfCommand", "with --to and --out-dir: sessions started on or after DATE "
        "(YYYY-MM-DD)"))
    parser.add_argument("--to", dest="date_to", metavar="DATE", help=translate(
        "PdfCommand", "... and on or before DATE (YYYY-MM-DD)"))
    parser.add_argument("--out-dir", metavar=translate("Metavar", "DIR"), help=translate(
        "PdfCommand", "the folder for one PDF per session of the date range"))
    parser.add_argument("--paper", type=_paper, default=None, metavar="A4|Letter",
                        help=translate("PdfCommand",
                                       "paper size (default: the clinic's setting, else A4)"))
    parser.add_argument("--language", type=records_language, default=None, metavar="en|fr_CA",
                        help=translate("PdfCommand", "the language of the PDF (default: the "
                                       "clinic's records language)"))
    parser.add_argument("--force", action="store_true",
                        help=translate("PdfCommand", "replace FILE (or files in DIR) that exist"))
    parser.set_defaults(func=run)


def _mode(args: argparse.Namespace) -> str:
    """'session', 'progress' or 'batch'; a wrong combination is one sentence (exit 2)."""
    batch = (args.date_from, args.date_to, args.out_dir)
    if any(v is not None for v in batch):
        if args.session is not None or patient_given(args) or args.progress:
            raise UserFacingError(translate(
                "PdfCommand", "--from, --to and --out-dir export every session of a date range; "
                "leave out --session, --patient and --progress."))
        if args.out:
            raise UserFacingError(translate(
                "PdfCommand", "A date range writes one file per session: give --out-dir DIR, "
                "not --out."))
        if any(v is None for v in batch) or args.last is not None:
            raise UserFacingError(translate(
                "PdfCommand", "A date range needs all of --from DATE, --to DATE and --out-dir "
                "DIR."))
        return "batch"
    last_alone = translate("PdfCommand", "--last goes with --patient and --progress.")
    if args.progress or patient_given(args):
        if args.session is not None:
            raise UserFacingError(translate(
                "PdfCommand", "Give either --session or --patient with --progress, not both."))
        if not (args.progress and patient_given(args)):
            raise UserFacingError(translate(
                "PdfCommand", "A progress report needs both --patient ID and --progress."))
        mode = "progress"
    elif args.session is not None:
        if args.last is not None:
            raise UserFacingError(last_alone)
        mode = "session"
    else:
        raise UserFacingError(translate(
            "PdfCommand", "Say what to write: --session ID, or --patient ID --progress."))
    if args.last is not None and mode != "progress":
        raise UserFacingError(last_alone)
    if not args.out:
        raise UserFacingError(translate("PdfCommand",
                                        "Give the PDF file to write with --out FILE."))
    return mode


def run(args: argparse.Namespace) -> int:
    from imsmap.services.fidelity import refuse_unfaithful

    mode = _mode(args)
    if mode == "batch":
        return _run_batch(args)
    db_path = database_file(args)
    out = check_output(args.out, db_path, force=args.force)  # never the database (issue 12, H1)
    records = open_records_for(args, create=False)
    try:
        if mode == "progress":
            patient = chosen_patient(args, records.repo)  # unknown: said before Qt starts
            # newest first; withdrawn or entered in error: no visit of the course
            sessions = [s for s in records.repo.sessions_for_patient(patient.id) if s.counts]
            if not sessions:
                raise UserFacingError(fill(translate(
                    "PdfCommand", "%1 (chart %2) has no sessions to report on."),
                    [patient.display_name, patient.chart_number]))
            _app = ensure_gui_application()
            from imsmap.report.progress_pdf import load_history, write_progress_pdf

            # The latest N of the visits the report holds: a draft with nothing needled is left
            # out of it, and counted among the N it made "--last 3" a report of 2 visits.
            chosen = list(load_history(records, patient.id)[1].ids[-args.last:]) or None \
                if args.last else None
            refuse_unfaithful(records, chosen or [s.id for s in sessions])
            path = write_progress_pdf(records, patient.id, out, session_ids=chosen,
                                      paper=args.paper, language=args.language)
            count = len(load_history(records, patient.id, chosen)[1])  # as the report counts
            message = fill(translate(
                "PdfCommand", "Wrote the progress report of chart %1 (%n session(s)) to %2.", "",
                count, PLURAL), [patient.chart_number, path])
        else:
            records.repo.session(args.session)  # an unknown id says so before Qt starts
            refuse_unfaithful(records, [args.session])
            _app = ensure_gui_application()
            from imsmap.report.session_pdf import write_session_pdf

            path = write_session_pdf(records, args.session, out, paper=args.paper,
                                     language=args.language)
            message = fill(translate("PdfCommand", "Wrote session %1 to %2."),
                           [args.session, path])
    finally:
        records.db.close()
    print(message)
    return 0


def safe_file_part(text: str, fallback: str) -> str:
    """A chart number as part of a file name on any system: letters, digits, '-', '_', '.'
    kept, anything else (slashes, spaces, colons...) becomes '_'; no leading dot."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", text.strip()).strip("._")
    return cleaned[:80] or fallback


def batch_file_name(chart_number: str, patient_id: int, started, session_id: int) -> str:
    chart = safe_file_part(chart_number, f"patient{patient_id}")
    return f"{chart}_{local_date(started):%Y-%m-%d}_s{session_id}.pdf"


def _run_batch(args: argparse.Namespace) -> int:
    from imsmap.services.fidelity import refuse_unfaithful

    first, last = iso_date(args.date_from, "--from"), iso_date(args.date_to, "--to")
    if last < first:
        raise UserFacingError(fill(translate(
            "PdfCommand", "--to %1 is before --from %2; give the earlier date first."),
            [last, first]))
    folder = Path(args.out_dir).expanduser()
    if not folder.is_dir():
        raise UserFacingError(fill(translate(
            "PdfCommand", "The folder %1 does not exist; create it first or choose another with "
            "--out-dir."), [folder]))
    db_path = database_file(args)
    records = open_records_for(args, create=False)
    wrote = skipped = 0
    try:
        sessions = sessions_on_days(records.repo, first, last)
        if not sessions:
            print(fill(translate("PdfCommand",
                                 "No sessions started between %1 and %2; nothing written."),
                       [first, last]))
            return 0
        _app = ensure_gui_application()
        from imsmap.report.session_pdf import write_session_pdf

        patients: dict[int, object] = {}
        targets = []
        for s in sessions:
            patient = patients.get(s.patient_id) or records.repo.patient(s.patient_id)
            patients[s.patient_id] = patient
            out = folder / batch_file_name(patient.chart_number, patient.id, s.started_at, s.id)
            refuse_database(out, db_path)  # every name before the first file is written
            targets.append((s, out))
        for s, out in targets:
            if out.exists() and not args.force:
                print(fill(translate("PdfCommand", "Skipped session %1: %2 exists already "
                                     "(--force replaces it)."), [s.id, out]))
                skipped += 1
                continue
            refuse_unfaithful(records, [s.id])
            path = write_session_pdf(records, s.id, out, paper=args.paper,
                                     language=args.language)
            print(fill(translate("PdfCommand", "Wrote session %1 to %2."), [s.id, path]))
            wrote += 1
    finally:
        records.db.close()
    if skipped:
        summary = fill(translate("PdfCommand", "%n PDF(s) written to %1; %2 skipped because "
                                 "they exist already.", "", wrote, PLURAL), [folder, skipped])
    else:
        summary = fill(translate("PdfCommand", "%n PDF(s) written to %1.", "", wrote, PLURAL),
                       [folder])
    print(summary)
    return 0
