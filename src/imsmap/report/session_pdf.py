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

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter

from imsmap.domain.models import SessionRecord
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
    pdf_info,
    write_pdf,
)
from imsmap.report.layout import ALERT, Block, Doc, Heading, KeyValues, Paragraph, Spacer
from imsmap.report.letterhead import birth_text, running_line, title_block
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
from imsmap.services import clinic as clinic_settings
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records, content_hash

# ChartBlock and MIN_MARKER_MM stay importable from here (the marker test measures with them).
__all__ = ["DPI", "MIN_MARKER_MM", "PAPERS", "ChartBlock", "Prepared", "ReportError",
           "render_session_pdf", "write_session_pdf"]


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
        return _AsSigned(records, current.as_of(s.atlas_version)), [
            f"Recorded on atlas {s.atlas_version} (the version this signed record names): the "
            "muscles, roots, levels, thorax tiers and the segmental summary follow that catalogue; "
            f"the body charts are drawn with atlas {current.version}, each site where it was tapped."]
    return records, [
        f"Recorded on atlas {s.atlas_version}, which this imsmap does not carry: the muscles, roots, "
        f"thorax tiers and the segmental summary below follow atlas {current.version} and may "
        "differ from the document as signed."]


def _blocks(records: Records, record: SessionRecord, digest: str,
            settings: ClinicSettings) -> tuple[list[Block], list[ChartBlock]]:
    records, atlas_notes = atlas_version_notes(records, record)
    s, p = record.session, record.patient
    labels = settings.grasp_labels
    blocks: list[Block] = [title_block(records, settings, not s.is_signed)]
    needled = [x for x in record.sites if not x.planned]
    planned = len(record.sites) - len(needled)
    insertions = f"{len(needled)}" + (f" (+{planned} planned)" if planned else "")

    def pain(v: int | None) -> str:
        return "—" if v is None else f"{v}/10"

    blocks.append(KeyValues([
        ("Patient", p.display_name),
        ("Chart number", p.chart_number),
        ("Date of birth", birth_text(p, s.started_at.date())),
        ("Session date and time", f"{s.started_at:%Y-%m-%d %H:%M}"),
        ("Practitioner", practitioner_line(s, settings)),
        ("Status", f"Signed {s.signed_at:%Y-%m-%d}" if s.is_signed and s.signed_at
         else ("Signed" if s.is_signed else "DRAFT — not signed")),
        ("Pain before → after (0-10)", f"{pain(s.pain_before)} → {pain(s.pain_after)}"),
        ("Insertion sites", insertions),
        ("Sex", p.sex.label),
    ], columns=3))
    blocks.append(Paragraph(s.complaint or "—", 9, label="Complaint"))
    if s.notes:
        blocks.append(Paragraph(s.notes, 9, label="Session notes"))

    blocks.append(Spacer(2))
    nf = len(record.findings)
    blocks.append(Heading("Examination findings",
                          note=f"{nf} sign{'s' if nf != 1 else ''} of neuropathy" if nf else ""))
    if record.findings:
        blocks.append(findings_table(record))
    else:
        blocks.append(Paragraph("No examination findings were recorded.", 9, italic=True))
    blocks.append(Spacer(2))
    blocks.append(Heading("Consent"))
    blocks.append(consent_table(records, record))

    charts, missing, drawer = chart_blocks(records, record.sites)
    blocks.append(Spacer(3))
    blocks.append(Heading("Body charts", note=f"{len(charts)} view{'s' if len(charts) != 1 else ''}"
                          " with sites; numbers match the site table"))
    for note in atlas_notes:
        blocks.append(Paragraph(note, 8.5, italic=True))
    if charts and drawer is not None:
        blocks.append(LegendBlock(drawer, labels))
        blocks.append(ChartGroup(charts))
    else:
        blocks.append(Paragraph("No sites were recorded in this session.", 9, italic=True))
    if missing:
        blocks.append(Paragraph(
            "Sites " + ", ".join(str(x.seq) for x in missing) + " belong to a chart view that "
            "this version of imsmap does not have; they are listed in the table only.", 8.5,
            colour=ALERT))

    if record.sites and drawer is not None:
        blocks.append(Spacer(3))
        blocks.append(Heading("Insertion sites", note=f"{len(record.sites)} site"
                              f"{'s' if len(record.sites) != 1 else ''}"))
        blocks.append(site_table(records, record.sites, drawer, labels))
        blocks.extend(site_note_blocks(record.sites))
        seg = segment_table(records, record.sites, drawer)
        if seg is not None:
            blocks.append(Spacer(3))
            blocks.append(Heading("Segmental summary", note="roots needled, by side"))
            blocks.append(seg)

    blocks.append(Spacer(3))
    blocks.append(Heading("Needles and adverse events"))
    blocks.append(needles_table(record))
    if record.adverse_events:
        blocks.append(Spacer(1))
        blocks.append(adverse_table(record))
    else:
        blocks.append(Paragraph("No adverse events were recorded.", 9, italic=True))
    blocks.append(Spacer(3))
    blocks.append(Heading("Outcome and plan"))
    blocks.append(Paragraph(f"{pain(s.pain_before)} → {pain(s.pain_after)}", 9,
                            label="Pain (0-10)", label_mm=34))
    blocks.append(Paragraph(s.tolerance or "not recorded", 9, label="Tolerance",
                            label_mm=34, italic=not s.tolerance))
    blocks.append(Paragraph(s.plan or "not recorded", 9, label="Plan", label_mm=34,
                            italic=not s.plan))

    blocks.extend(photo_blocks(records, record, settings))  # (none without photos)

    blocks.append(Spacer(3))
    blocks.append(Heading("Signature"))
    seal = records.read.seal(s.id) if s.is_signed else None
    blocks.append(SignatureBlock(record, digest, seal))
    if s.is_signed or record.amendments:
        blocks.append(Spacer(2))
        blocks.append(Heading("Amendments", note=f"{len(record.amendments)}"))
        if record.amendments:
            blocks.append(amendment_table(record))
        else:
            blocks.append(Paragraph("None.", 9, italic=True))
    return blocks, charts


def _digest(record: SessionRecord) -> str:
    """The hash the document is identified by: the one signed, else the content's now."""
    s = record.session
    return s.content_hash if s.is_signed and s.content_hash else content_hash(record)


def _document_id(record: SessionRecord, digest: str) -> str:
    return f"IMS-{record.session.id}-{digest[:12]}"


def render_session_pdf(records: Records, record: SessionRecord, device: QPagedPaintDevice, *,
                       generated: datetime, settings: ClinicSettings | None = None,
                       painter: QPainter | None = None) -> Prepared:
    """Lay out and paint ``record`` on a paged device: a QPdfWriter or a QPrinter (paper size
    already set). ``painter``: one already active on the device (print preview hands one
    over); otherwise one is begun and ended here."""
    if settings is None:
        settings = clinic_settings.load(records)
    return _render(records, record, device, generated, settings, painter)


def _render(records: Records, record: SessionRecord, device: QPagedPaintDevice,
            generated: datetime, settings: ClinicSettings, painter: QPainter | None) -> Prepared:
    doc = Doc(device, device_resolution(device))
    s, p = record.session, record.patient
    digest = _digest(record)
    doc_id = _document_id(record, digest)
    blocks, charts = _blocks(records, record, content_hash(record), settings)
    running = running_line(p) + f" · Session {s.started_at:%Y-%m-%d %H:%M}"
    frame = Frame(running=running, title="IMS treatment record", doc_id=doc_id,
                  generated=generated, draft=not s.is_signed)
    laid = lay_out(doc, device, blocks)
    paint_pages(device, laid, frame, painter)
    return Prepared(record, blocks, laid.pages, doc_id, digest, generated, running, charts)


def _title(record: SessionRecord) -> str:
    return (f"IMS treatment record — chart {record.patient.chart_number} — "
            f"{record.session.started_at:%Y-%m-%d %H:%M}")


def _subject(record: SessionRecord) -> str:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    status = "signed" if s.is_signed else "draft, not signed"
    return (f"Intramuscular stimulation (Gunn IMS) / dry needling session of "
            f"{s.started_at:%Y-%m-%d} for chart {record.patient.chart_number}: {needled} "
            f"insertion site{'s' if needled != 1 else ''}; {status}.")


def write_session_pdf(records: Records, session_id: int, out_path: str | os.PathLike[str], *,
                      paper: str | None = None, generated: datetime | None = None) -> Path:
    """Write the session's record as a PDF/A-1b file at ``out_path``; return the path.

    paper: "A4" or "Letter"; None takes the clinic's setting. Needs a QGuiApplication (fonts).
    Raises NotFoundError for an unknown session, ReportError if the file cannot be written; an
    existing file is replaced atomically.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_session_pdf needs a QGuiApplication (fonts); create one first.")
    return _write(records, session_id, out_path, paper, generated)


def _write(records: Records, session_id: int, out_path: str | os.PathLike[str],
           paper: str | None, generated: datetime | None) -> Path:
    settings = clinic_settings.load(records)
    key = paper_key(paper, settings.paper)
    record = records.session_record(session_id)
    generated = generated or now()
    info = pdf_info(title=_title(record), author=record.session.practitioner or "",
                    subject=_subject(record), generated=generated,
                    keywords=f"IMS; dry needling; chart {record.patient.chart_number}")
    return write_pdf(out_path, lambda writer: render_session_pdf(
        records, record, writer, generated=generated, settings=settings),
        paper=key, info=info, doc_id=_document_id(record, _digest(record)),
        database=records.read.path)
