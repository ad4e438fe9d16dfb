"""The session record as a PDF/A-1b document: what goes into the clinic's records system.

One call, ``write_session_pdf(records, session_id, out_path)``. Charts are painted as vectors by the
same ``ChartPainter`` the screen uses; all colours are opaque (PDF/A-1b has no transparency); text
is real text in an embedded font so that the records system can index it. The file appears
atomically: it is written next to ``out_path`` under a temporary name and then renamed.

This module puts the record's sections in order and writes the file; the sections themselves
are in ``session_sections`` (header lines, findings, consent, needles, signature, amendments),
``session_charts`` (the body charts), ``site_table`` and ``segments_table``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter, QPdfWriter

from imsmap.domain.corrections import effective_sites
from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.models import Patient, PatientMerge, Retraction, SessionRecord
from imsmap.domain.text import clause, fill
from imsmap.i18n.records import PLURAL, date_time, long_date, speaking, translate
from imsmap.report.document import (
    DPI,
    PAPERS,
    Frame,
    ReportError,
    device_resolution,
    lay_out,
    now,
    paint_pages,
    paper_key,
    pdf_bytes,
    pdf_info,
    write_pdf,
)
from imsmap.report.layout import ALERT, Block, Doc, Heading, KeyValues, Paragraph, Spacer
from imsmap.report.letterhead import birth_text, running_line, title_block
from imsmap.report.pdfmeta import DocumentInfo
from imsmap.report.photo_pages import photo_blocks
from imsmap.report.segments_table import segment_table
from imsmap.report.session_charts import (
    MIN_MARKER_MM,
    ChartBlock,
    ChartGroup,
    LegendBlock,
    chart_blocks,
)
from imsmap.report.session_sections import (
    SignatureBlock,
    adverse_table,
    amendment_table,
    consent_table,
    findings_table,
    needles_table,
    practitioner_line,
)
from imsmap.report.site_table import site_note_blocks, site_table
from imsmap.report.site_text import sex_label
from imsmap.services import clinic as clinic_settings
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records, content_hash

# ChartBlock and MIN_MARKER_MM stay importable from here (the marker test measures with them).
__all__ = ["DPI", "MIN_MARKER_MM", "PAPERS", "ChartBlock", "Prepared", "ReportError",
           "render_session_pdf", "session_pdf_bytes", "write_session_pdf"]


@dataclass
class Prepared:
    """Everything measured and paginated, ready to paint."""

    record: SessionRecord
    blocks: list[Block]
    pages: list
    doc_id: str
    digest: str
    generated: datetime
    running: str
    chart_blocks: list[ChartBlock]


class _AsSigned:
    """The records as a signed session's PDF reads them: with the atlas its record names (the
    catalogue of that version, from the archive of released catalogues, and today's charts), so
    that regenerating the PDF of an old signed session says what it said when it was signed
    (docs/atlas-format.md, "Atlas versions and old records"). Everything else is the records'."""

    def __init__(self, records: Records, atlas) -> None:
        self._records = records
        self.atlas = atlas

    def __getattr__(self, name: str):
        return getattr(self._records, name)


def atlas_version_notes(records: Records, record: SessionRecord) -> tuple[Records, list[str]]:
    """The records to read a session with, and what the PDF must say about the atlas used."""
    s, current = record.session, records.atlas
    if not s.is_signed or s.atlas_version == current.version:
        return records, []
    if current.carries(s.atlas_version):
        return _AsSigned(records, current.as_of(s.atlas_version)), [fill(translate(
            "SessionPdf", "Recorded on atlas %1 (the version this signed record names): the "
            "muscles, roots, levels, thorax tiers and the segmental summary follow that "
            "catalogue; the body charts are drawn with atlas %2, each site where it was tapped."),
            [s.atlas_version, current.version])]
    return records, [fill(translate(
        "SessionPdf", "Recorded on atlas %1, which this imsmap does not carry: the muscles, "
        "roots, thorax tiers and the segmental summary below follow atlas %2 and may differ "
        "from the document as signed."), [s.atlas_version, current.version])]


def _blocks(records: Records, record: SessionRecord, digest: str,
            settings: ClinicSettings) -> tuple[list[Block], list[ChartBlock]]:
    records, atlas_notes = atlas_version_notes(records, record)
    s, p = record.session, record.patient
    labels = settings.grasp_labels
    blocks: list[Block] = [title_block(records, settings, not s.is_signed)]
    needled = [x for x in record.sites if not x.planned]
    planned = len(record.sites) - len(needled)
    insertions = str(len(needled)) if not planned else fill(
        translate("SessionPdf", "%1 (+%2 planned)"), [len(needled), planned])
    # The charts and the segmental summary count the sites as amended (the effective sites:
    # domain.corrections); the site table prints them as signed, each correction beside its site.
    corrections = records.read.site_corrections([s.id]).get(s.id, []) if s.is_signed else []
    counted = effective_sites(record.sites, corrections)
    in_error = len(record.sites) - len(counted)
    if in_error:  # the count is the signed record's: it says how many of them an amendment took back
        insertions += "\n" + fill(translate("SessionPdf", "of which %1 recorded in error"),
                                  [in_error])

    unrecorded = translate("SessionPdf", "not recorded")

    def pain(v: int | None) -> str:
        return unrecorded if v is None else f"{v}/10"

    # In words, as the tolerance and plan are: "2/10 → —" left '—' to be guessed at.
    pains = unrecorded if s.pain_before is None and s.pain_after is None else \
        f"{pain(s.pain_before)} → {pain(s.pain_after)}"

    if s.is_signed and s.signed_at:
        status = fill(translate("SessionPdf", "Signed %1"), [long_date(s.signed_at)])
    else:
        status = translate("SessionPdf", "Signed") if s.is_signed else \
            translate("SessionPdf", "DRAFT — not signed")
    mark = records.read.retraction(s.id) if s.retracted else None
    if mark is not None:
        status += "\n" + (translate("SessionPdf", "ENTERED IN ERROR") if s.is_entered_in_error
                          else translate("SessionPdf", "WITHDRAWN"))
    if record.amendments:
        # They are printed after the signature (with the photos they added), pages after the
        # note and the sites they correct: the first page says there are some.
        na = len(record.amendments)
        status += "\n" + translate("SessionPdf", "%n amendment(s), below", "", na, PLURAL)
    blocks.append(KeyValues([
        (translate("SessionPdf", "Patient"), p.display_name),
        (translate("SessionPdf", "Chart number"), p.chart_number),
        (translate("SessionPdf", "Date of birth"), birth_text(p, local_date(s.started_at))),
        (translate("SessionPdf", "Session date and time"), date_time(s.started_at)),
        (translate("SessionPdf", "Practitioner"), practitioner_line(s, settings)),
        (translate("SessionPdf", "Status"), status),
        (translate("SessionPdf", "Pain before → after (0–10)"), pains),
        (translate("SessionPdf", "Insertion sites"), insertions),
        (translate("SessionPdf", "Sex"), sex_label(p.sex)),
    ], columns=3))
    if mark is not None:
        # First on the page, before anything of the note: whoever files or reads this PDF
        # learns before the sites that they are not this patient's treatment.
        blocks.append(Spacer(1))
        blocks.append(Paragraph(retraction_statement(s.is_entered_in_error, mark), 11,
                                colour=ALERT, bold=True, after_mm=3.0))
    merge = records.read.merged_into(p.id)
    if merge is not None:
        # Recorded under a duplicate record merged since into the one kept: the page names the
        # record it was signed under (above) and the merge, so the two are never confused.
        blocks.append(Spacer(1))
        blocks.append(Paragraph(merge_statement(p, records.read.patient(merge.kept_id), merge),
                                9.5, bold=True, after_mm=2.0))
    blocks.append(Paragraph(s.complaint or "—", 9, label=translate("SessionPdf", "Complaint")))
    if s.notes:
        blocks.append(Paragraph(s.notes, 9, label=translate("SessionPdf", "Session notes")))

    blocks.append(Spacer(2))
    nf = len(record.findings)
    blocks.append(Heading(translate("SessionPdf", "Examination findings"), note=translate(
        "SessionPdf", "%n sign(s) of neuropathy", "", nf, PLURAL) if nf else ""))
    if record.findings:
        blocks.append(findings_table(record))
    else:
        blocks.append(Paragraph(translate("SessionPdf", "No examination findings were recorded."),
                                9, italic=True))
    blocks.append(Spacer(2))
    blocks.append(Heading(translate("SessionPdf", "Consent")))
    blocks.append(consent_table(records, record))

    charts, missing, drawer = chart_blocks(records, counted)
    blocks.append(Spacer(3))
    views = len(charts)
    blocks.append(Heading(translate("SessionPdf", "Body charts"), note=translate(
        "SessionPdf", "%n view(s) with sites; numbers match the site table", "", views,
        PLURAL)))
    for note in atlas_notes:
        blocks.append(Paragraph(note, 8.5, italic=True))
    if charts and drawer is not None:
        blocks.append(LegendBlock(drawer, labels))
        blocks.append(ChartGroup(charts))
    else:
        blocks.append(Paragraph(translate("SessionPdf", "No sites were recorded in this session."),
                                9, italic=True))
    if missing:
        blocks.append(Paragraph(fill(translate(
            "SessionPdf", "Sites %1 belong to a chart view that this version of imsmap does not "
            "have; they are listed in the table only."), [", ".join(str(x.seq) for x in missing)]),
            8.5, colour=ALERT))

    if record.sites and drawer is not None:
        blocks.append(Spacer(3))
        count = len(record.sites)
        blocks.append(Heading(translate("SessionPdf", "Insertion sites"), note=translate(
            "SessionPdf", "%n site(s)", "", count, PLURAL)))
        blocks.append(site_table(records, record.sites, drawer, labels, corrections))
        blocks.extend(site_note_blocks(record.sites))
        seg = segment_table(records, counted, drawer)
        if seg is not None:
            blocks.append(Spacer(3))
            blocks.append(Heading(translate("SessionPdf", "Segmental summary"),
                                  note=translate("SessionPdf", "roots needled, by side")))
            blocks.append(seg)

    blocks.append(Spacer(3))
    blocks.append(Heading(translate("SessionPdf", "Needles and adverse events")))
    blocks.append(needles_table(record))
    if record.adverse_events:
        blocks.append(Spacer(1))
        blocks.append(adverse_table(record))
    else:
        blocks.append(Paragraph(translate("SessionPdf", "No adverse events were recorded."), 9,
                                italic=True))
    blocks.append(Spacer(3))
    blocks.append(Heading(translate("SessionPdf", "Outcome and plan")))
    blocks.append(Paragraph(pains, 9, label=translate("SessionPdf", "Pain (0–10)"), label_mm=34,
                            italic=s.pain_before is None and s.pain_after is None))
    blocks.append(Paragraph(s.tolerance or unrecorded, 9,
                            label=translate("SessionPdf", "Tolerance"), label_mm=34,
                            italic=not s.tolerance))
    blocks.append(Paragraph(s.plan or unrecorded, 9, label=translate("SessionPdf", "Plan"),
                            label_mm=34, italic=not s.plan))

    # The session's own photos; those added after signing come with their amendments, below.
    blocks.extend(photo_blocks(records, record, settings))  # (none without photos)

    blocks.append(Spacer(3))
    blocks.append(Heading(translate("SessionPdf", "Signature")))
    seal = records.read.seal(s.id) if s.is_signed else None
    # A section of one line is kept with the section before it: « Amendments: None. » went
    # alone to the top of a last page, away from the signature it speaks of (French record of
    # demo session 5); where it does not fit under the box, the box and its heading go over
    # with it.
    one_line = s.is_signed and not record.amendments
    blocks.append(SignatureBlock(record, digest, seal, keep_with_next=one_line))
    if s.is_signed or record.amendments:
        blocks.append(Spacer(2, keep_with_next=one_line))
        blocks.append(Heading(translate("SessionPdf", "Amendments"),
                              note=f"{len(record.amendments)}"))
        if record.amendments:
            blocks.append(amendment_table(record, corrections))
        else:
            blocks.append(Paragraph(translate("SessionPdf", "None.", "no amendments"), 9,
                                    italic=True))
        # What the amendments added, after them: the signed record reads as it was signed,
        # then what was added to it, in order (a photo added the next morning included).
        blocks.extend(photo_blocks(records, record, settings, by_amendment=True))
    return blocks, charts


def retraction_statement(in_error: bool, mark: Retraction) -> str:
    """The PDF's statement that a session is entered in error (or a draft withdrawn): what,
    the reason, who and when."""
    # the reason inside the sentence: "...wrong chart (marked by ...).", not "chart. (marked"
    values = [clause(mark.reason), mark.created_by, date_time(mark.created_at)]
    return fill(translate(
        "SessionPdf", "ENTERED IN ERROR. This signed session is not this patient's treatment: "
        "%1 (marked by %2, %3). It is kept as it was signed, below, for the record, and counts "
        "in no figure of the patient's course."), values) if in_error else fill(translate(
        "SessionPdf", "WITHDRAWN. This draft was started by mistake and withdrawn: %1 (by %2, "
        "%3). It is kept, below, for the record, and counts in no figure of the patient's "
        "course."), values)


def merge_statement(under: Patient, kept: Patient, merge: PatientMerge) -> str:
    """The PDF's statement that the session's record was merged into another: which, who,
    when and why."""
    return fill(translate(
        "SessionPdf", "Recorded under %1 (%2). That record was merged into %3 (%4) by %5, %6: "
        "%7. This session is part of that patient's history; it is kept as it was signed."),
        [under.display_name, under.chart_number, kept.display_name, kept.chart_number,
         merge.created_by, date_time(merge.created_at), clause(merge.reason)])


def _digest(record: SessionRecord) -> str:
    """The hash the document is identified by: the one signed, else the content's now."""
    s = record.session
    return s.content_hash if s.is_signed and s.content_hash else content_hash(record)


def _document_id(record: SessionRecord, digest: str) -> str:
    return f"IMS-{record.session.id}-{digest[:12]}"


def render_session_pdf(records: Records, record: SessionRecord, device: QPagedPaintDevice, *,
                       generated: datetime, settings: ClinicSettings | None = None,
                       painter: QPainter | None = None, language: str | None = None) -> Prepared:
    """Lay out and paint ``record`` on a paged device: a QPdfWriter or a QPrinter (paper size
    already set). ``painter``: one already active on the device (print preview hands one
    over); otherwise one is begun and ended here. ``language``: the records language ("en",
    "fr_CA"); None takes the clinic's (services.clinic.records_language)."""
    if settings is None:
        settings = clinic_settings.load(records)
    with speaking(language or clinic_settings.records_language(records)):
        return _render(records, record, device, generated, settings, painter)


def _render(records: Records, record: SessionRecord, device: QPagedPaintDevice,
            generated: datetime, settings: ClinicSettings, painter: QPainter | None) -> Prepared:
    doc = Doc(device, device_resolution(device))
    s, p = record.session, record.patient
    digest = _digest(record)
    doc_id = _document_id(record, digest)
    blocks, charts = _blocks(records, record, content_hash(record), settings)
    who = running_line(p)
    running = fill(translate("SessionPdf", "%1 · Session %2"),
                   [who, date_time(s.started_at, offset=False, short=True)])
    frame = Frame(running=running, title=translate("SessionPdf", "IMS treatment record"),
                  doc_id=doc_id, who=p.display_name,
                  generated=generated, draft=not s.is_signed)
    laid = lay_out(doc, device, blocks)
    paint_pages(device, laid, frame, painter)
    return Prepared(record, blocks, laid.pages, doc_id, digest, generated, running, charts)


def _title(record: SessionRecord) -> str:
    return fill(translate("SessionPdf", "IMS treatment record — chart %1 — %2"),
                [record.patient.chart_number, f"{local_time(record.session.started_at):%Y-%m-%d %H:%M}"])


def _subject(record: SessionRecord) -> str:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    sites = translate("SessionPdf", "%n insertion site(s)", "", needled, PLURAL)
    if s.is_signed:
        text = translate("SessionPdf", "Intramuscular stimulation (Gunn IMS) / dry needling "
                         "session of %1 for chart %2: %3; signed.")
    else:
        text = translate("SessionPdf", "Intramuscular stimulation (Gunn IMS) / dry needling "
                         "session of %1 for chart %2: %3; draft, not signed.")
    return fill(text, [f"{local_date(s.started_at):%Y-%m-%d}", record.patient.chart_number, sites])


def write_session_pdf(records: Records, session_id: int, out_path: str | os.PathLike[str], *,
                      paper: str | None = None, generated: datetime | None = None,
                      language: str | None = None) -> Path:
    """Write the session's record as a PDF/A-1b file at ``out_path``; return the path.

    paper: "A4" or "Letter"; None takes the clinic's setting. language: "en" or "fr_CA"; None
    takes the clinic's records language. Needs a QGuiApplication (fonts).
    Raises NotFoundError for an unknown session, ReportError if the file cannot be written; an
    existing file is replaced atomically.
    """
    with _speaking(records, language) as language:
        pdf = _document(records, session_id, paper, generated, language)
        return write_pdf(out_path, pdf.paint, paper=pdf.paper, info=pdf.info,
                         doc_id=pdf.doc_id, database=records.read.path)


def session_pdf_bytes(records: Records, session_id: int, *, paper: str | None = None,
                      generated: datetime | None = None, language: str | None = None) -> bytes:
    """The very PDF/A-1b ``write_session_pdf`` writes, made in memory only: a process killed
    while it draws leaves nothing of the record on disk (the FHIR bundle's PDFs)."""
    with _speaking(records, language) as language:
        pdf = _document(records, session_id, paper, generated, language)
        return pdf_bytes(pdf.paint, paper=pdf.paper, info=pdf.info, doc_id=pdf.doc_id)


@contextlib.contextmanager
def _speaking(records: Records, language: str | None) -> Iterator[str]:
    if QGuiApplication.instance() is None:
        raise RuntimeError("a session PDF needs a QGuiApplication (fonts); create one first.")
    with speaking(language or clinic_settings.records_language(records)) as catalog:
        yield catalog.language


@dataclass(frozen=True)
class _Document:
    """What a session's PDF is made of: how its pages are painted, its paper and metadata."""

    paint: Callable[[QPdfWriter], object]
    paper: str
    info: DocumentInfo
    doc_id: str


def _document(records: Records, session_id: int, paper: str | None,
              generated: datetime | None, language: str) -> _Document:
    settings = clinic_settings.load(records)
    key = paper_key(paper, settings.paper)
    record = records.session_record(session_id)
    generated = generated or now()
    info = pdf_info(title=_title(record), author=record.session.practitioner or "",
                    subject=_subject(record), generated=generated,
                    keywords=fill(translate("SessionPdf", "IMS; dry needling; chart %1"),
                                  [record.patient.chart_number]))
    return _Document(lambda writer: render_session_pdf(
        records, record, writer, generated=generated, settings=settings, language=language),
        key, info, _document_id(record, _digest(record)))
