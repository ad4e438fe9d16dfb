"""Patient > Merge duplicate record… and Separate records… in the real window: the dialog shows
both records side by side and says what happens; the history list, the overlay, the visits bar
and the Progress tab then read one history; a session recorded under the duplicate names it
and the merge; finding the duplicate opens the record kept; a merge is refused while a draft
of either record is open here; a separation gives both records back as they were."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from imsmap.ui.record.audit_words import patient_text
from imsmap.ui.record.merge_dialog import MergeDialog, SeparateDialog
from imsmap.ui.wording import numeric_datetime
from test_patient_merges import _visit, split_course
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _through(qtbot, monkeypatch, cls, action, reason, seen, before=None):
    def answer(dialog):
        seen.append(dialog)
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        if before is not None:
            before(dialog)
        assert not dialog.confirm_button.isEnabled()  # no reason yet
        qtbot.keyClicks(dialog.reason, reason)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", answer)
    action.trigger()


def _listed(window):
    tree = window.patients.sessions
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_merging_in_the_window_reads_one_history(qtbot, make_window, records, monkeypatch):
    john, jon, visits = split_course(records)
    window = make_window(patient_id=john.id, session_id=visits[2].id)
    assert len(_listed(window)) == 2 and len(window.overlay.history.sessions) == 2
    assert window.menus.act_merge.isEnabled()
    seen: list = []
    _through(qtbot, monkeypatch, MergeDialog, window.menus.act_merge,
             "Same person: DOB typo, Jon for John", seen)
    dialog, words = seen
    # both records side by side: the open one kept, the namesake as the likely duplicate
    assert dialog.kept.patient_id() == john.id and dialog.duplicate.patient_id() == jon.id
    assert dialog.duplicate.values["born"].text() and dialog.duplicate.values["sessions"].text() \
        == "2"
    assert "Nothing of either record is rewritten" in words and "Separate records" in words
    assert dialog.merge is not None
    # one history everywhere
    items = _listed(window)
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in items] == \
        [s.id for s in reversed(visits)]
    assert items[0].font(0).italic() and not items[1].font(0).italic()
    assert window.patients.sessions_label.text() == "Sessions (blue: C-2002)"
    assert "Recorded under Smith, Jon (C-2002)" in items[0].toolTip(0)
    assert len(window.overlay.history.sessions) == 4
    assert len(window.history_bar.sessions) == 4
    assert "Smith, Jon (C-2002) merged into Smith, John (C-2001): one history of 4 sessions" \
        in window.statusBar().currentMessage()
    # a session recorded under the duplicate names it and the merge
    window.patients.select_session(visits[3].id)
    banner = window.patient_merging.banner
    assert not banner.isHidden()
    assert "Recorded under Smith, Jon (C-2002)" in banner.text()
    assert "Same person: DOB typo" in banner.text() and records.actor in banner.text()
    window.patients.select_session(visits[2].id)
    assert banner.isHidden()
    # finding the duplicate opens the record kept
    window.patients.search.setText("Jon")
    window.patients.refresh_patients()
    row = window.patients.patients.item(0)
    assert "→  C-2001" in row.text()
    window.patients.patients.setCurrentItem(None)
    window.patients.patients.setCurrentRow(0)
    assert window.patient.id == john.id
    assert "Smith, Jon (C-2002) was merged into Smith, John (C-2001)" in \
        window.statusBar().currentMessage()


def test_a_merge_is_refused_while_a_draft_of_either_record_is_open(qtbot, make_window, records,
                                                                    monkeypatch):
    john, jon, visits = split_course(records)
    draft = _visit(records, jon, 27, 4, sign=False)
    window = make_window(patient_id=jon.id, session_id=draft.id)

    def choose(dialog):
        dialog.kept.fill(john.id)
        dialog.duplicate.fill(jon.id)

    seen: list = []
    _through(qtbot, monkeypatch, MergeDialog, window.menus.act_merge, "Same person", seen,
             before=choose)
    dialog = seen[0]
    assert dialog.merge is None
    assert "is open in this window" in dialog.error.text()
    assert records.read.merged_into(jon.id) is None


def test_separating_in_the_window_gives_both_records_back(qtbot, make_window, records,
                                                           monkeypatch):
    from imsmap.services import merging

    john, jon, visits = split_course(records)
    merging.merge_records(records, john.id, jon.id, "Same person")
    window = make_window(patient_id=john.id, session_id=visits[2].id)
    assert len(_listed(window)) == 4
    seen: list = []
    _through(qtbot, monkeypatch, SeparateDialog, window.menus.act_separate,
             "Not the same person: father and son", seen)
    assert "Smith, Jon (C-2002) was merged into Smith, John (C-2001)" in seen[1]
    assert seen[0].separation is not None
    assert len(_listed(window)) == 2 and len(window.overlay.history.sessions) == 2
    assert records.read.merged_into(jon.id) is None


def _audit_rows(window, monkeypatch) -> list[list[str]]:
    """Edit > Audit trail… of the open session: each row of its table, as shown."""
    from imsmap.ui.record.sign_amend import AuditDialog

    shown: list[list[list[str]]] = []
    monkeypatch.setattr(AuditDialog, "exec", lambda d: shown.append(
        [[d.table.item(r, c).text() for c in range(d.table.columnCount())]
         for r in range(d.table.rowCount())]))
    window.menus.act_audit.trigger()
    return shown[0]


def test_a_session_s_audit_trail_lists_its_patient_s_merge_and_separation(
        qtbot, make_window, records, monkeypatch):
    """The session's history of changes left out the merge that changed whose history it is
    read in; it shows the merge and the separation of its patient's record among its own
    entries, in their place, worded as every other entry of the trail."""
    from imsmap.services import merging

    john, jon, visits = split_course(records)
    other = records.create_patient(chart_number="C-3001", family_name="Brown")
    twin = records.create_patient(chart_number="C-3002", family_name="Brown")
    merging.merge_records(records, other.id, twin.id, "Someone else's merge")
    window = make_window(patient_id=john.id, session_id=visits[2].id)
    seen: list = []
    _through(qtbot, monkeypatch, MergeDialog, window.menus.act_merge,
             "Same person: DOB typo", seen)
    merge = seen[0].merge
    _through(qtbot, monkeypatch, SeparateDialog, window.menus.act_separate,
             "Father and son after all", seen)
    assert seen[2].separation is not None
    for record, session in ((john, visits[2]), (jon, visits[1])):  # kept; merged away
        window.patients.select_patient(record.id)
        window.patients.select_session(session.id)
        rows = _audit_rows(window, monkeypatch)
        own = [r for r in rows if not r[3].startswith("Patient records")]
        assert own and own[0][2] == "Created"
        merges = [r for r in rows if r[3].startswith("Patient records")]
        kept, duplicate = patient_text(john), patient_text(jon)
        assert [(r[1], r[2], r[3], r[5]) for r in merges] == [
            (records.actor, "Records merged", "Patient records: Duplicate record", duplicate),
            (records.actor, "Records merged", "Patient records: Record kept", kept),
            (records.actor, "Records merged", "Patient records: Reason",
             "Same person: DOB typo"),
            (records.actor, "Records separated", "Patient records: Duplicate record",
             duplicate),
            (records.actor, "Records separated", "Patient records: Ends",
             f"the merge of {numeric_datetime(merge.created_at)}"),
            (records.actor, "Records separated", "Patient records: Record kept", kept),
            (records.actor, "Records separated", "Patient records: Reason",
             "Father and son after all")], merges
        assert rows[-len(merges):] == merges  # after the session's own entries, in time order
