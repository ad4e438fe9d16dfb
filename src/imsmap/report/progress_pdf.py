"""A patient's course of IMS treatment as one PDF/A-1b report: is it getting better?

``write_progress_pdf(records, patient_id, out_path)`` writes, in the session record's style
(same layout engine, header, footer and charts painter): the sessions in a table, each dated, and
their pain and grasp trend; the change since the first session; the body charts of the views used, with
the grasp heat map and the latest sessions' sites; the muscle x session grasp matrix; and the
root x session matrix by side. Every colour is opaque (heat maps are blended into the chart
image, never laid over it), and every grasp cell carries its number, so it reads in grey.

This module chooses the sessions, puts the sections in order and writes the file; the sections
are in ``progress_tables``, ``trend_plot``, ``progress_charts`` and ``progress_matrices``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter

from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.models import Patient, Session
from imsmap.domain.progress import Course, History, grasp_matrix, root_matrix
from imsmap.domain.text import clause, fill
from imsmap.i18n.records import PLURAL, long_date, medium_date, speaking, translate
from imsmap.report.document import (
    MARGIN_X_MM,
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
from imsmap.report.layout import MUTED, Block, Doc, Heading, KeyValues, Paragraph, Spacer
from imsmap.report.letterhead import birth_text, registration, running_line, title_block
from imsmap.report.progress_charts import heat_chart_blocks
from imsmap.report.progress_matrices import grasp_matrix_blocks, root_matrix_blocks
from imsmap.report.progress_photos import (
    photo_pointer,
    photo_section,
    photos_added_in_words,
    photos_by_visit,
)
from imsmap.report.progress_tables import (
    amendment_paragraphs,
    change_table,
    comparison_paragraphs,
    sessions_table,
)
from imsmap.report.site_table import change_text
from imsmap.report.site_text import grasp_scale_text, sex_label
from imsmap.report.trend_plot import LEAST_TREND_SHARE, TREND_MM, TrendBlock
from imsmap.services import clinic as clinic_settings
from imsmap.services.clinic import ClinicSettings
from imsmap.services.merging import merged_charts
from imsmap.services.records import Records

# ReportError stays importable from here (callers catch it by this name).
__all__ = ["ReportError", "history_to_report", "load_history", "render_progress",
           "write_progress_pdf"]



def corrections_in_words(records: Records, session_ids: list[int]) -> dict[int, list[str]]:
    """{amendment id: each of its corrections of sites, "site 3: grade 3 → 1"}."""
    out: dict[int, list[str]] = {}
    for found in records.read.site_corrections(session_ids).values():
        for c in found:
            out.setdefault(c.amendment_id, []).append(
                fill(translate("ProgressPdf", "site %1: %2"), [c.seq, change_text(c)]))
    return out


def _report_title() -> str:
    return translate("ProgressPdf", "IMS progress report")


def load_history(records: Records, patient_id: int, session_ids: Iterable[int] | None = None
                 ) -> tuple[Patient, History]:
    """The patient and their sessions (all, or the chosen ones) with needled sites, oldest
    first. Visit numbers count all the patient's sessions, also when some are chosen."""
    patient = records.read.patient(patient_id)
    sessions = records.read.sessions_for_patient(patient_id)
    ids = [s.id for s in sessions]
    history = History.of(sessions, records.read.effective_sites_for_sessions(ids))
    if session_ids is not None:
        chosen = list(dict.fromkeys(session_ids))
        foreign = [sid for sid in chosen if sid not in set(ids)]
        if foreign:
            raise ReportError(fill(translate(
                "ProgressPdf", "Session %1 is not one of %2's (chart %3) sessions."),
                [foreign[0], patient.display_name, patient.chart_number]))
        history = history.select(chosen)
    # A draft with no needled site (started by mistake, or not begun: its planned sites only)
    # says nothing of the course; as the latest visit it made the report say every muscle had
    # released ("Muscles grasping 16 -> 0"). It is left out, and the report says so.
    return patient, history.select(s.id for s in history.sessions
                                   if s.is_signed or history.sites_of(s.id))


def _empty_drafts(records: Records, sessions: Sequence[Session], history: History
                  ) -> list[Session]:
    """The patient's drafts (of all their ``sessions``) with no needled site that the report
    leaves out."""
    drafts = [s for s in sessions if not s.is_signed and s.counts and s.id not in history.ids]
    sites = records.read.sites_for_sessions([s.id for s in drafts])
    return [s for s in drafts if not any(not x.planned for x in sites.get(s.id, ()))]


def history_to_report(records: Records, patient_id: int,
                      session_ids: Iterable[int] | None = None) -> tuple[Patient, History]:
    """``load_history``, refusing (ReportError) a patient with no sessions to report on."""
    patient, history = load_history(records, patient_id, session_ids)
    if not len(history):
        raise ReportError(fill(translate(
            "ProgressPdf", "%1 (chart %2) has no sessions to report on."),
            [patient.display_name, patient.chart_number]))
    return patient, history


def _practitioners(history: History, settings: ClinicSettings) -> str:
    seen: dict[str, str] = {}
    for s in history.sessions:
        if s.practitioner:
            seen.setdefault(s.practitioner, registration(s.practitioner,
                                                         s.practitioner_registration, settings))
    if not seen:
        return translate("ProgressPdf", "not recorded")
    return "\n".join(fill(translate("ProgressPdf", "%1\nReg. no. %2"), [n, r]) if r else n
                     for n, r in seen.items())


def _complaint(history: History) -> tuple[str, str]:
    """The header's complaint: the latest one recorded in the report's sessions, naming its
    visit when the latest session has none (its field starts empty at each visit: the header
    read "—" over a whole course of treatment for one complaint)."""
    last = history.sessions[-1]
    said = next((s for s in reversed(history.sessions) if s.complaint.strip()), None)
    if said is None or said.id == last.id:
        return translate("ProgressPdf", "Complaint (latest session)"), last.complaint or "—"
    return fill(translate("ProgressPdf", "Complaint (visit %1)"),
                [history.number(said.id)]), said.complaint


def _status(drafts: int, amended: int) -> str:
    """The report's status line: drafts not signed, and visits amended after signing."""
    parts = [translate("ProgressPdf", "%n draft(s), not signed", "", drafts, PLURAL)] if drafts \
        else [translate("ProgressPdf", "all signed")]
    if amended:
        parts.append(translate("ProgressPdf", "%n visit(s) amended after signing", "", amended, PLURAL))
    return "\n".join(parts)


def _blocks(records: Records, patient: Patient, history: History, settings: ClinicSettings,
            width_mm: float) -> list[Block]:
    # Each session's targets and figures worked out once, for every table and figure below
    # (each worked them out itself: five times a session, as the Progress tab did: issue 16).
    course = Course.of(history)
    metrics = course.metrics
    first, last = history.sessions[0], history.sessions[-1]
    blocks: list[Block] = [title_block(records, settings, False, title=_report_title(),
                                       subtitle=translate(
                                           "ProgressPdf", "Intramuscular stimulation (Gunn IMS) "
                                           "/ dry needling: the course of treatment"))]
    every = records.read.sessions_for_patient(patient.id)  # the report's, and those it leaves out
    # withdrawn drafts and sessions entered in error are no visits of the course
    total = sum(1 for s in every if s.counts)
    numbers = [history.number(s.id) for s in history.sessions]
    shown = str(len(history)) if len(history) >= total else fill(
        translate("ProgressPdf", "%1 of %2"), [len(history), total])
    drafts = sum(1 for s in history.sessions if not s.is_signed)
    counts = records.read.amendment_counts(patient.id)
    amended = {s.id: records.read.amendments(s.id) for s in history.sessions if s.id in counts}
    # One visit (or all on one day) is a date, not "2026-03-02 to 2026-03-02".
    period = long_date(first.started_at) if local_date(first.started_at) == \
        local_date(last.started_at) else fill(translate("ProgressPdf", "%1 to %2"), [
            long_date(first.started_at), long_date(last.started_at)])
    visits = fill(translate("ProgressPdf", "%1 (visits %2-%3)"), [shown, numbers[0], numbers[-1]]) \
        if len(numbers) > 1 else fill(translate("ProgressPdf", "%1 (visit %2)"), [shown, numbers[0]])
    blocks.append(KeyValues([
        (translate("ProgressPdf", "Patient"), patient.display_name),
        (translate("ProgressPdf", "Chart number"), patient.chart_number),
        (translate("ProgressPdf", "Date of birth"), birth_text(patient, local_date(last.started_at))),
        (translate("ProgressPdf", "Period"), period),
        (translate("ProgressPdf", "Sessions in this report"), visits),
        (translate("ProgressPdf", "Status"), _status(drafts, len(amended))),
        (translate("ProgressPdf", "Practitioner"), _practitioners(history, settings)),
        (translate("ProgressPdf", "Sex"), sex_label(patient.sex)),
        _complaint(history),
    ], columns=3))
    # A duplicate record merged into this one (services.merging): the report says whose
    # sessions it reads, so that the other chart number on a session is not a surprise.
    for merge in records.read.merges(patient.id):
        if merge.in_force and merge.kept_id == patient.id:
            dup = records.read.patient(merge.duplicate_id)
            n_dup = sum(1 for s in every if s.patient_id == dup.id)
            text = fill(translate(
                "ProgressPdf", "Includes %n session(s) recorded under %1 (%2), a duplicate "
                "record merged into this one by %3, %4: %5.", "", n_dup, PLURAL),
                [dup.display_name, dup.chart_number, merge.created_by,
                 long_date(merge.created_at), clause(merge.reason)])
            # Which rows of the table they are: the reader could not tell them apart.
            theirs = [str(history.number(s.id)) for s in history.sessions
                      if s.patient_id == dup.id]
            if theirs:
                n_here = len(theirs)
                text += " " + fill(translate("ProgressPdf", "In this report: visit(s) %1.", "",
                                             n_here, PLURAL), [", ".join(theirs)])
            blocks.append(Paragraph(text, 8.5, after_mm=0.8))
    # The report leaves the clinic (insurers, referrers): its reader may not know what a grasp
    # is, nor which way the numbers should go.
    blocks.append(Spacer(1.5))
    blocks.append(Paragraph(fill(translate(
        "ProgressPdf", "At each insertion the practitioner grades how strongly the muscle grasps "
        "the needle (a shortened muscle grips it): %1. As the condition resolves, fewer muscles "
        "grasp and their grasp weakens; the patient scores pain from 0 to 10. For pain and "
        "grasp, lower numbers are better."), [grasp_scale_text(settings.grasp_labels)]), 8.5,
        label=translate("ProgressPdf", "How to read it"), label_mm=30, after_mm=0.8))

    blocks.append(Spacer(2))
    count = len(history)
    blocks.append(Heading(translate("ProgressPdf", "Sessions"), note=translate(
        "ProgressPdf", "%n session(s), oldest first", "", count, PLURAL)))
    # A visit recorded under a record merged into this one says under which chart number.
    charts = {sid: fill(translate("ProgressPdf", "chart %1"), [number]) for sid, number in
              merged_charts(records, history.sessions, patient.id).items()}
    blocks.append(sessions_table(course, amended, charts))
    # The photos taken at the visits: said here, listed at the end (the session PDF shows them).
    photos = photos_by_visit(records, history)
    blocks.extend(photo_pointer(history, photos))
    left_out = _empty_drafts(records, every, history)
    if left_out:
        n_left = len(left_out)  # (a name: pyside6-lupdate skips a call with a call in it)
        blocks.append(Paragraph(fill(translate(
            "ProgressPdf", "Left out of this report, with nothing needled yet: %n draft(s), "
            "started %1.", "", n_left, PLURAL), [", ".join(
                f"{local_time(s.started_at):%Y-%m-%d %H:%M}" for s in left_out)]), 8, colour=MUTED, after_mm=0.8))
    retracted = [s for s in every if not s.counts]
    if retracted:
        n_out = len(retracted)  # (a name: pyside6-lupdate skips a call with a call in it)
        blocks.append(Paragraph(fill(translate(
            "ProgressPdf", "Left out of this report, as not this patient's treatment: %n "
            "session(s) withdrawn or entered in error, started %1.", "", n_out, PLURAL),
            [", ".join(f"{local_time(s.started_at):%Y-%m-%d %H:%M}" for s in reversed(retracted))]), 8,
            colour=MUTED, after_mm=0.8))
    blocks.extend(amendment_paragraphs(history, amended, corrections_in_words(records,
                                                                              list(amended)),
                                       photos_added_in_words(photos)))
    # The plot of the sessions under their table, then the change from the first: the same
    # order for every patient. The plot (never split: its two panels line up visit by visit)
    # after the change section went over to page 2 of most reports and left 37-58 mm blank
    # under it; before it, the change section (text and a table, which split) fills page 1.
    blocks.append(Spacer(3))
    blocks.append(Heading(translate("ProgressPdf", "Pain and grasp over the sessions")))
    # A plot of one visit has one point on each scale: drawn at its least height, it leaves its
    # page's room to the body charts after it (they went over and left page 1 38-54 mm blank).
    blocks.append(TrendBlock(history, metrics, TREND_MM * LEAST_TREND_SHARE)
                  if len(history) == 1 else TrendBlock(history, metrics))
    if len(history) > 1:
        blocks.extend(_change_blocks(records, course))

    blocks.append(Spacer(3))
    blocks.append(Heading(translate("ProgressPdf", "Where it grasped"), note=translate(
        "ProgressPdf", "heat: grasp summed over the signed sessions shown; markers: the "
        "latest sessions' sites")))
    blocks.extend(heat_chart_blocks(records, history, settings.grasp_labels, width_mm))

    gm = grasp_matrix(history, records.atlas.catalogue, course.targets)
    blocks.append(Spacer(3))
    blocks.append(Heading(translate("ProgressPdf", "Grasp by muscle and session"),
                          note=translate("ProgressPdf", "strongest grasp per session")))
    if gm.targets:
        blocks.extend(grasp_matrix_blocks(records, history, gm, width_mm))
    else:
        blocks.append(Paragraph(translate("ProgressPdf", "No needled sites."), 9, italic=True))
    rm = root_matrix(history, records.atlas.catalogue)
    blocks.append(Spacer(3))
    blocks.append(Heading(translate("ProgressPdf", "Summed grasp by root and side"),
                          note=translate("ProgressPdf", "the segmental view over time")))
    if rm.roots:
        blocks.extend(root_matrix_blocks(history, rm, width_mm))
    else:
        blocks.append(Paragraph(translate("ProgressPdf", "No roots to show."), 9, italic=True))
    blocks.extend(photo_section(records, history, photos, settings))
    return blocks


def _change_blocks(records: Records, course: Course) -> list[Block]:
    """The change from the first signed visit chosen to the latest signed one, and the muscles
    compared between them (domain.progress.earlier_visits: a comparison is made of signed
    visits, as amended); the drafts chosen said apart in one line, compared with nothing."""
    history = course.history
    compared = course.signed_visits()
    signed = compared.history
    drafts = [s for s in history.sessions if not s.is_signed]
    out: list[Block] = [Spacer(2)]
    if len(signed) > 1:
        out.append(Heading(translate("ProgressPdf", "Change since the first session"),
                           note=fill(translate("ProgressPdf", "visit %1 → visit %2"),
                                     [signed.number(signed.ids[0]),
                                      signed.number(signed.ids[-1])])))
    else:
        out.append(Heading(translate("ProgressPdf", "Change since the first session")))
    if drafts:
        n_drafts = len(drafts)  # (a name: pyside6-lupdate skips a call with a call in it)
        line = fill(translate(
            "ProgressPdf", "Not compared: %n draft(s), not signed (visit(s) %1).", "", n_drafts,
            PLURAL), [", ".join(str(history.number(s.id)) for s in drafts)])
        if len(signed) < 2:
            line += " " + translate("ProgressPdf", "Fewer than two signed visits: no change "
                                    "is given.")
        out.append(Paragraph(line, 8, colour=MUTED, after_mm=0.8, keep_with_next=True))
    if len(signed) > 1:
        out.append(change_table(signed, compared.metrics))
        out.extend(comparison_paragraphs(records, compared))
    return out


def _doc_id(patient: Patient, history: History) -> str:
    h = hashlib.sha256()
    for s in history.sessions:
        h.update(f"{s.id}|{s.started_at.isoformat()}|{s.content_hash}|{s.updated_at};"
                 .encode())
    return f"IMS-P{patient.id}-{h.hexdigest()[:12]}"


def render_progress(records: Records, patient: Patient, history: History,
                    device: QPagedPaintDevice, *, generated: datetime,
                    settings: ClinicSettings | None = None,
                    painter: QPainter | None = None, language: str | None = None) -> int:
    """Lay out and paint the report on a paged device; returns the page count. ``language``:
    the records language ("en", "fr_CA"); None takes the clinic's."""
    with speaking(language or clinic_settings.records_language(records)):
        return _render(records, patient, history, device, generated, settings, painter)


def _render(records: Records, patient: Patient, history: History, device: QPagedPaintDevice,
            generated: datetime, settings: ClinicSettings | None,
            painter: QPainter | None) -> int:
    settings = settings or clinic_settings.load(records)
    doc = Doc(device, device_resolution(device))
    width_mm = (float(device.width()) / doc.mm(1.0)) - 2 * MARGIN_X_MM
    blocks = _blocks(records, patient, history, settings, width_mm)
    first, last = history.sessions[0], history.sessions[-1]
    who = running_line(patient)
    if len(history) == 1:  # not "Sessions 2026-03-02 to 2026-03-02"
        running = fill(translate("ProgressPdf", "%1 · Session %2"),
                       [who, medium_date(first.started_at)])
    elif local_date(first.started_at) == local_date(last.started_at):  # all on one day
        running = fill(translate("ProgressPdf", "%1 · Sessions on %2"),
                       [who, medium_date(first.started_at)])
    else:
        running = fill(translate("ProgressPdf", "%1 · Sessions %2 to %3"),
                       [who, medium_date(first.started_at, year=local_date(first.started_at).year
                                         != local_date(last.started_at).year),
                        medium_date(last.started_at)])
    frame = Frame(running=running, title=_report_title(), doc_id=_doc_id(patient, history),
                  generated=generated, who=patient.display_name)
    laid = lay_out(doc, device, blocks)
    paint_pages(device, laid, frame, painter)
    return len(laid.pages)


def write_progress_pdf(records: Records, patient_id: int, out_path: str | os.PathLike[str], *,
                       session_ids: Iterable[int] | None = None, paper: str | None = None,
                       generated: datetime | None = None,
                       language: str | None = None) -> Path:
    """Write the patient's progress over their sessions (all, or ``session_ids``) as a
    PDF/A-1b file at ``out_path``; return the path. paper: "A4" or "Letter", None for the
    clinic's setting; language: "en" or "fr_CA", None for the clinic's records language.
    Needs a QGuiApplication (fonts)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_progress_pdf needs a QGuiApplication (fonts); create one "
                           "first.")
    with speaking(language or clinic_settings.records_language(records)) as catalog:
        return _write(records, patient_id, out_path, session_ids, paper, generated,
                      catalog.language)


def _write(records: Records, patient_id: int, out_path: str | os.PathLike[str],
           session_ids: Iterable[int] | None, paper: str | None, generated: datetime | None,
           language: str) -> Path:
    settings = clinic_settings.load(records)
    key = paper_key(paper, settings.paper)
    patient, history = history_to_report(records, patient_id, session_ids)
    generated = generated or now()
    first, last = history.sessions[0], history.sessions[-1]
    title = fill(translate("ProgressPdf", "%1 — chart %2 — %3 to %4"),
                 [_report_title(), patient.chart_number, f"{local_date(first.started_at):%Y-%m-%d}",
                  f"{local_date(last.started_at):%Y-%m-%d}"])
    authors = list(dict.fromkeys(s.practitioner for s in history.sessions if s.practitioner))
    count = len(history)
    subject = fill(translate(
        "ProgressPdf", "Progress over %n intramuscular stimulation (Gunn IMS) / dry needling "
        "session(s) for chart %1: pain, grasp by muscle and by root.", "", count, PLURAL),
        [patient.chart_number])
    info = pdf_info(title=title, author="; ".join(authors), subject=subject, generated=generated,
                    keywords=fill(translate("ProgressPdf", "IMS; dry needling; progress; chart %1"),
                                  [patient.chart_number]))
    return write_pdf(out_path, lambda writer: render_progress(
        records, patient, history, writer, generated=generated, settings=settings,
        language=language),
        paper=key, info=info, doc_id=_doc_id(patient, history), database=records.read.path)
