"""A FHIR R4 bundle in the clinic's records language, each signed session with its PDF/A
(docs/fhir.md): what `imsmap export --fhir` writes, and the window's Patient > Export FHIR
bundle… for the patient open. One way to make it, for both: `bundle_text`."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Patient
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services import output_files
from imsmap.services.records import Records

__all__ = ["bundle_text", "patient_session_ids", "signed_pdf", "write_patient_bundle"]

PdfMaker = Callable[[int, datetime], bytes]


def signed_pdf(records: Records, session_id: int, generated: datetime) -> bytes:
    """The PDF/A `imsmap pdf --session ID` writes, generated at `generated`; refused, like
    there, for a signed session whose content no longer matches its signature. Made in memory,
    never in a file: an export killed while it draws leaves no patient's record behind (a
    temporary folder kept one until the computer's next start). Needs a QGuiApplication
    (fonts)."""
    from imsmap.report.session_pdf import session_pdf_bytes
    from imsmap.services.fidelity import refuse_unfaithful

    refuse_unfaithful(records, [session_id])
    return session_pdf_bytes(records, session_id, generated=generated)


def bundle_text(records: Records, session_ids: list[int] | None, *, document: bool = False,
                pdf: PdfMaker | None = None) -> str:
    """The bundle as JSON text, in the clinic's records language as its PDFs (docs/fhir.md,
    "Language"); `pdf` makes a signed session's PDF/A (`signed_pdf` when None)."""
    from imsmap.i18n.records import catalog
    from imsmap.services.clinic import records_language
    from imsmap.services.fhir import dumps, fhir_bundle

    language = records_language(records)
    words = catalog(language)
    return dumps(fhir_bundle(
        records, session_ids=session_ids, document=document,
        pdf=pdf or (lambda sid, generated: signed_pdf(records, sid, generated)),
        language=language, say=words.tr, decimal_point=words.locale.decimalPoint()))


def patient_session_ids(records: Records, patient: Patient) -> list[int]:
    """The patient's sessions, oldest first; UserFacingError when there is none."""
    ids = [s.id for s in reversed(records.read.sessions_for_patient(patient.id))]
    if not ids:
        raise UserFacingError(sentence("CliExportFhir", QT_TRANSLATE_NOOP(
            "CliExportFhir", "%1 (chart %2) has no sessions to export; nothing was written."),
            patient.display_name, patient.chart_number))
    return ids


def write_patient_bundle(records: Records, patient: Patient, out: str | os.PathLike[str],
                         each_pdf: Callable[[int, int], None] | None = None) -> Path:
    """The patient's sessions as a FHIR bundle in the file `out` (replaced when it exists: the
    window's file dialog asked), written beside it first and moved into place; never over the
    database. Needs a QGuiApplication (the PDFs' fonts). `each_pdf(done, signed)` before each
    signed session's PDF is drawn (a quarter to a third of a second each): the window's
    progress; an exception it raises stops the export, and nothing is written."""
    ids = patient_session_ids(records, patient)
    pdf = None
    if each_pdf is not None:
        signed = sum(1 for s in records.read.sessions_for_patient(patient.id)
                     if s.signed_at is not None)
        drawn = [0]

        def pdf(session_id: int, generated: datetime) -> bytes:
            each_pdf(drawn[0], signed)
            drawn[0] += 1
            return signed_pdf(records, session_id, generated)

    text = bundle_text(records, ids, pdf=pdf)
    return output_files.write_atomically(
        out, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"),
        database=records.read.path, force=True, what="export")
