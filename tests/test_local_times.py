"""Every time a clinician reads is this computer's time (imsmap.domain.local_time), whatever
offset wrote it: a session a clinic server (or a laptop set to UTC) stored at 14:00+00:00 reads
09:00 in Toronto in December, and 19:30 in Kolkata. Records are written here "in UTC"
(zone_support.written_in), then read through the real window, PDFs and commands on a machine in
Toronto (UTC-5) or Kolkata (UTC+5:30); a session at 04:30 UTC on the 4th is the 3rd at 23:30 in
Toronto, which every date must say too."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, datetime

import pytest

from imsmap.cli import main
from support import outside_edit, spot
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures
from zone_support import machine_zone, written_in

pypdf = pytest.importorskip("pypdf")

NINE_IN_TORONTO = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)       # 09:00 -05:00
LATE_IN_TORONTO = datetime(2026, 12, 4, 4, 30, tzinfo=UTC)        # 23:30 on the 3rd


def _signed_and_amended(records, patient, started_at, *, reason="Typo"):
    """A session started at `started_at`, signed and amended, all written on a UTC clock."""
    with written_in("UTC"):
        s = records.start_session(patient.id, started_at=started_at, practitioner="J. Physio")
        records.sign_session(s.id)
        records.amend_session(s.id, reason, "Pain after was 3, not 4.")
        return records.repo.session(s.id)


def test_the_session_line_and_its_amendments_read_toronto_time(
        qtbot, make_window, records, patient):
    stored = _signed_and_amended(records, patient, NINE_IN_TORONTO)
    assert stored.started_at.isoformat() == "2026-12-03T14:00:00+00:00"  # as the server wrote it
    signed = stored.signed_at.astimezone(UTC)
    with machine_zone("America/Toronto"):
        window = make_window(patient_id=patient.id, session_id=stored.id)
        panel = window.session_panel
        assert panel.title.text() == "Session 2026-12-03 09:00", panel.title.text()
        local_signed = signed.astimezone()
        assert panel.status.text().startswith(
            f"Signed {local_signed:%Y-%m-%d %H:%M} by "), panel.status.text()
        amended = records.read.amendments(stored.id)[0].created_at.astimezone()
        assert panel.amendments.text().startswith(
            f"Amendment {amended:%Y-%m-%d %H:%M} by "), panel.amendments.text()


def test_the_session_list_and_its_tooltip_read_toronto_time(
        qtbot, make_window, records, patient):
    """Each row of the session list says its start, and its tooltip who signed and when, in
    the clinician's zone (each time converted once for its row: wording.numeric_datetime)."""
    stored = _signed_and_amended(records, patient, LATE_IN_TORONTO)
    with machine_zone("America/Toronto"):
        window = make_window(patient_id=patient.id, session_id=stored.id)
        row = window.patients.sessions.topLevelItem(0)
        assert row.text(0) == "2026-12-03 23:30", row.text(0)
        local_signed = stored.signed_at.astimezone()
        assert row.toolTip(1).startswith(
            f"Signed {local_signed:%Y-%m-%d %H:%M} by {stored.signed_by}"), row.toolTip(1)


def test_leaving_the_start_editor_untouched_keeps_the_start(qtbot, make_window, records, patient):
    """The start editor showed the stored clock-face (14:00) as Toronto time: tabbing through it
    (editingFinished) wrote 14:00-05:00, moving the session five hours later."""
    with written_in("UTC"):
        draft = records.start_session(patient.id, started_at=NINE_IN_TORONTO)
    with machine_zone("America/Toronto"):
        window = make_window(patient_id=patient.id, session_id=draft.id)
        editor = window.session_panel.started_at
        editor.editingFinished.emit()
        assert records.repo.session(draft.id).started_at == NINE_IN_TORONTO
        assert editor.dateTime().toPython() == datetime(2026, 12, 3, 9, 0)


def test_a_late_session_keeps_its_evening_date_in_the_history_bar(
        qtbot, make_window, records, patient):
    early = _signed_and_amended(records, patient, datetime(2026, 11, 26, 14, 0, tzinfo=UTC))
    late = _signed_and_amended(records, patient, LATE_IN_TORONTO)
    with machine_zone("America/Toronto"):
        window = make_window(patient_id=patient.id, session_id=late.id)
        assert window.session_panel.title.text() == "Session 2026-12-03 23:30"
        bar = window.history_bar
        bar.pick_menu.aboutToShow.emit()  # as the menu fills itself when it opens
        assert [a.text() for a in bar.pick_menu.actions()] == ["#1  2026-11-26", "#2  2026-12-03"]
        assert bar.date_to.date().toPython().isoformat() == "2026-12-03"
        assert "03 Dec 2026" in bar.visits.when.text(), bar.visits.when.text()
    assert early.id != late.id


def test_kolkata_reads_the_same_instant_half_past_seven_in_the_evening(
        qtbot, make_window, records, patient):
    stored = _signed_and_amended(records, patient, NINE_IN_TORONTO)
    with machine_zone("Asia/Kolkata"):
        window = make_window(patient_id=patient.id, session_id=stored.id)
        assert window.session_panel.title.text() == "Session 2026-12-03 19:30"
        assert window.session_panel.started_at.dateTime().toPython() == datetime(2026, 12, 3, 19, 30)
        # 20:00 UTC is past midnight there: the next day.
        with written_in("UTC"):
            late = records.start_session(patient.id, started_at=datetime(2026, 12, 3, 20, 0,
                                                                         tzinfo=UTC))
        window.patients.select_session(late.id)
        assert window.session_panel.title.text() == "Session 2026-12-04 01:30"


def _pdf_text(path) -> str:
    """The PDF's words as its reader reads them (pdftotext -layout, support.read_on)."""
    from support import read_on

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return "\n".join(read_on(text.splitlines()))


def _one_site(records, session_id) -> None:
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(session_id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)


def test_the_session_pdf_says_toronto_time_through_the_command(qapp, records, patient, db_path,
                                                              tmp_path):
    with written_in("UTC"):
        draft = records.start_session(patient.id, started_at=LATE_IN_TORONTO)
        _one_site(records, draft.id)
        records.sign_session(draft.id)
        records.amend_session(draft.id, "Typo", "Pain after was 3, not 4.")
    signed = records.repo.session(draft.id).signed_at
    amended = records.read.amendments(draft.id)[0].created_at
    with machine_zone("America/Toronto"):
        out = tmp_path / "session.pdf"
        assert main(["pdf", "--db", str(db_path), "--session", str(draft.id),
                     "--out", str(out)]) == 0
        text = _pdf_text(out)
        local_signed, local_amended = signed.astimezone(), amended.astimezone()
    flat = " ".join(text.split())
    # The session's time says its zone (a record read in another zone, or from a clinic
    # server's UTC, must not leave which 23:30 to be guessed at).
    assert "SESSION DATE AND TIME PRACTITIONER STATUS 2026-12-03 23:30 -05:00 " in flat, text
    assert f"Signed {local_signed:%Y-%m-%d}" in flat, text
    assert f"signed electronically by test.physio on {local_signed:%Y-%m-%d %H:%M} -05:00." \
        in flat.lower(), text
    # the amendments' table: its date and time on one line since the Date column takes the
    # room the others leave (report.column_widths)
    assert f"{local_amended:%Y-%m-%d %H:%M} -05:00 test.physio Typo" in flat, text
    assert "+00:00" not in text and "2026-12-04" not in text, text
    meta = pypdf.PdfReader(str(out)).metadata
    assert meta.title.endswith("2026-12-03 23:30"), meta.title
    assert "session of 2026-12-03 for chart" in meta.subject, meta.subject


def test_the_progress_report_dates_its_visits_in_toronto(qapp, records, patient, db_path,
                                                          tmp_path):
    with written_in("UTC"):
        for started in (datetime(2026, 11, 26, 14, 0, tzinfo=UTC), LATE_IN_TORONTO):
            s = records.start_session(patient.id, started_at=started)
            _one_site(records, s.id)
            records.sign_session(s.id)
    with machine_zone("America/Toronto"):
        out = tmp_path / "progress.pdf"
        assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                     "--out", str(out)]) == 0
        text = _pdf_text(out)
    flat = " ".join(text.split())
    assert "2026-11-26 to 2026-12-03 2 (visits 1-2)" in flat, text  # the period
    assert "1 2026-11-26 09:00 " in flat and "2 2026-12-03 23:30 " in flat, text  # the table
    assert "Visit 2, 2026-12-03" in flat, text
    assert "2026-12-04" not in text and "14:00" not in text, text
    assert pypdf.PdfReader(str(out)).metadata.title.endswith("2026-11-26 to 2026-12-03")


def test_a_batch_of_pdfs_is_named_by_the_local_day(qapp, records, patient, db_path, tmp_path,
                                                   capsys):
    with written_in("UTC"):
        s = records.start_session(patient.id, started_at=LATE_IN_TORONTO)
        _one_site(records, s.id)
    (tmp_path / "out").mkdir()
    with machine_zone("America/Toronto"):
        assert main(["pdf", "--db", str(db_path), "--from", "2026-12-03", "--to", "2026-12-03",
                     "--out-dir", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == \
        [f"{patient.chart_number}_2026-12-03_s{s.id}.pdf"]


def test_the_fhir_export_keeps_iso_instants_and_dates_its_texts_by_the_local_day(
        qapp, records, patient, db_path, tmp_path):
    """FHIR dateTimes are the stored instants with their offset (FHIR requires one); what a
    person reads in the bundle (the record's title) is the local day, as the PDF says it. The
    range --from/--to is of local days too."""
    with written_in("UTC"):
        s = records.start_session(patient.id, started_at=LATE_IN_TORONTO)
        _one_site(records, s.id)
        records.sign_session(s.id)
    with machine_zone("America/Toronto"):
        out = tmp_path / "bundle.json"
        assert main(["export", "--fhir", "--db", str(db_path), "--from", "2026-12-03",
                     "--to", "2026-12-03", "--out", str(out)]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    [encounter] = [e["resource"] for e in bundle["entry"]
                   if e["resource"]["resourceType"] == "Encounter"]
    assert encounter["period"]["start"] == "2026-12-04T04:30:00+00:00"  # the stored instant
    titles = [e["resource"]["content"][0]["attachment"]["title"] for e in bundle["entry"]
              if e["resource"]["resourceType"] == "DocumentReference"]
    assert titles and all(t.endswith("2026-12-03") for t in titles), titles
    times = re.findall(r'"(\d{4}-\d\d-\d\dT[^"]*)"', out.read_text(encoding="utf-8"))
    assert times and all(re.search(r"(Z|[+-]\d\d:\d\d)$", t) for t in times), times


def test_the_restore_dialog_and_command_say_when_the_backup_was_taken_in_toronto(
        qtbot, tmp_path, capsys):
    """These were right before: checked here so that they stay so. The old computer (its
    clock on UTC) wrote the backups; the new one, in Toronto, restores them."""
    from PySide6.QtCore import Qt

    from imsmap.store import journal
    from imsmap.store.packed import journal_of
    from imsmap.ui.restore_backup import RestoreDialog
    from test_ui_restore_backup import old_computer

    with written_in("UTC"):
        _old, usb = old_computer(tmp_path)
    (full,) = usb.glob("*-full.sqlite3*")
    taken = datetime.fromisoformat(journal.last_record(journal_of(full)).at)
    assert taken.utcoffset().total_seconds() == 0  # as the old computer wrote it
    with machine_zone("America/Toronto"):
        here = taken.astimezone()
        dialog = RestoreDialog(tmp_path / "new" / "imsmap.sqlite3")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.folder, str(usb))
        qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
        said = dialog.holds.text()
        assert f"{here:%A}\xa0{here.day}\xa0{here:%B}\xa0{here:%Y, %H:%M}" in said, said
        dialog.close()
        assert main(["restore", "--db", str(tmp_path / "new.sqlite3"), str(usb)]) == 0
        printed = capsys.readouterr().out
    assert f"its records as of {here:%Y-%m-%d %H:%M}." in printed, printed
    if here.hour != taken.hour:
        assert f"{taken:%Y-%m-%d %H:%M}" not in printed, printed


def test_imsmap_check_names_a_changed_session_by_its_toronto_times(records, patient, db_path,
                                                                   capsys):
    with written_in("UTC"):
        s = records.start_session(patient.id, started_at=LATE_IN_TORONTO)
        _one_site(records, s.id)
        records.sign_session(s.id)
    signed = records.repo.session(s.id).signed_at
    records.db.close()
    outside_edit(db_path, "UPDATE sites SET grasp = 3")  # changed outside imsmap
    with machine_zone("America/Toronto"):
        assert main(["check", "--db", str(db_path)]) == 1
        out = capsys.readouterr().out
        here = signed.astimezone()
    assert (f"session {s.id} (chart C-1001, 2026-12-03 23:30, signed by test.physio on "
            f"{here:%Y-%m-%d %H:%M})") in out, out


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_a_lists_times_are_written_as_each_alone_in_toronto(qapp, language):
    """A list writes its many times with the language's pattern asked once
    (wording.numeric_datetime_writer): each reads as numeric_datetime writes it alone, in this
    computer's zone, summer and winter, in English and French."""
    from imsmap import i18n
    from imsmap.ui.wording import numeric_datetime, numeric_datetime_writer

    moments = [NINE_IN_TORONTO, LATE_IN_TORONTO, datetime(2026, 7, 1, 13, 5, tzinfo=UTC)]
    i18n.install(qapp, language)
    try:
        with machine_zone("America/Toronto"):
            write = numeric_datetime_writer()
            written = [write(m) for m in moments]
            assert written == [numeric_datetime(m) for m in moments]
    finally:
        i18n.install(qapp, "en")
    nb = "\u00a0"  # French writes "09 h 00" with no-break spaces
    clock = {"en": ["09:00", "23:30", "09:05"],
             "fr_CA": [f"09{nb}h{nb}00", f"23{nb}h{nb}30", f"09{nb}h{nb}05"]}
    assert written == [f"2026-12-03 {clock[language][0]}", f"2026-12-03 {clock[language][1]}",
                       f"2026-07-01 {clock[language][2]}"]
