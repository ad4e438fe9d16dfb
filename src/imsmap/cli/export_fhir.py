"""`imsmap export --fhir`: which sessions, and the PDF of each signed one (docs/fhir.md).

    imsmap export --fhir --db PATH [--patient ID | --chart NUMBER | --from DATE --to DATE |
                  --session ID ...]
                  [--out FILE] [--force]

Without a choice, every patient and session; `--patient` (or `--chart`) one patient's sessions; `--from` and
`--to` the sessions started on those days and between; `--session` chosen sessions, and one
signed session alone is a FHIR *document* (a Composition first, then its resources). A signed
session's PDF/A is the one `imsmap pdf` writes, generated at the export's time.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from imsmap.cli.common import (
    chosen_patient,
    ensure_gui_application,
    iso_date,
    patient_given,
    sessions_on_days,
)
from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill, sentence
from imsmap.i18n.records import translate
from imsmap.report.fhir_export import bundle_text, patient_session_ids, signed_pdf
from imsmap.services.records import Records


def check_options(args: argparse.Namespace) -> None:
    """Every mistake in the options is one sentence before anything is read or written."""
    ranged = args.date_from is not None or args.date_to is not None
    patient = patient_given(args)
    if not args.fhir:
        if patient or ranged:
            raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
                "CliExportFhir", "--patient, --from and --to choose what a FHIR export holds; "
                "add --fhir.")))
        return
    if args.csv:
        raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
            "CliExportFhir", "Choose one of --csv and --fhir.")))
    ways = sum((patient, ranged, bool(args.session)))
    if ways > 1:
        raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
            "CliExportFhir", "Choose the sessions one way: --patient ID, --from DATE --to "
            "DATE, or --session ID.")))
    if ranged:
        if args.date_from is None or args.date_to is None:
            raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
                "CliExportFhir", "A date range needs both --from DATE and --to DATE.")))
        first, last = iso_date(args.date_from, "--from"), iso_date(args.date_to, "--to")
        if last < first:
            raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
                "CliExportFhir", "--to %1 is before --from %2; give the earlier date first."),
                last, first))



def _chosen(args: argparse.Namespace, records: Records) -> list[int] | None:
    """The session ids to export (None: the whole record)."""
    repo = records.repo
    if patient_given(args):
        # NotFoundError: one sentence; a patient without sessions too (as the window's export)
        return patient_session_ids(records, chosen_patient(args, repo))
    if args.date_from is not None:
        first, last = iso_date(args.date_from, "--from"), iso_date(args.date_to, "--to")
        sessions = sessions_on_days(repo, first, last)
        if not sessions:
            raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
                "CliExportFhir", "No sessions started between %1 and %2; nothing was written."),
                first, last))
        return [s.id for s in sessions]
    if args.session:
        return list(dict.fromkeys(args.session))
    return None


def fhir_text(args: argparse.Namespace, records: Records) -> str:
    """The bundle as JSON text (UserFacingError for an unknown patient or session), made as
    the window's Patient > Export FHIR bundle… makes it (report.fhir_export)."""
    ids = _chosen(args, records)
    document = ids is not None and len(ids) == 1 and bool(args.session) \
        and records.repo.session(ids[0]).is_signed
    if ids is not None and len(ids) == 1 and args.session and not document:
        print(fill(translate("CliExportFhir", "Session %1 is not signed: exported as a "
                             "collection, without a PDF."), [ids[0]]), file=sys.stderr)
    apps: list = []  # the QApplication fonts need, kept alive until the bundle is made

    def pdf(session_id: int, generated: datetime) -> bytes:
        if not apps:
            apps.append(ensure_gui_application())
        return signed_pdf(records, session_id, generated)

    return bundle_text(records, ids, document=document, pdf=pdf)
