"""Patient > Merge duplicate record… keeps, at first, the record a clinician would keep
(services/merging.py `to_keep`), not the record open: right after registering a duplicate by
mistake, the open record is the new one with no sessions, and keeping it carried the
established chart's history under today's chart number. The dialog says in one line which
record is kept and why; Swap still keeps the other one, and the line then says so. Either
way no record and no session is lost."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from imsmap.services import merging
from imsmap.ui.record.merge_dialog import MergeDialog
from imsmap.ui.wording import numeric_date
from test_patient_merges import _visit
from test_ui_french import french  # noqa: F401 - fixture
from test_ui_merge_patients import _through
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _established_and_new(records):
    """Marie Tremblay, C-1001, treated three times (signed) and once more (a draft); then
    registered again today by mistake: C-1002, no session."""
    old = records.create_patient(chart_number="C-1001", family_name="Tremblay",
                                 given_name="Marie", birth_date="1961-05-02", sex="F")
    visits = [_visit(records, old, day, n) for n, day in enumerate((3, 10, 17))]
    visits.append(_visit(records, old, 24, 3, sign=False))
    new = records.create_patient(chart_number="C-1002", family_name="Tremblay",
                                 given_name="Marie-Eve", birth_date="1961-05-02", sex="F")
    return old, new, visits


def _stored(records, *patients):
    return ({p.id: records.read.patient(p.id) for p in patients},
            {s.id: (s.patient_id, s.content_hash, s.status)
             for p in patients for s in records.read.sessions_for_patient(p.id)})


def _why(dialog) -> str:
    return dialog.findChild(QLabel, "keptWhy").text()


def test_the_new_empty_duplicate_open_the_established_record_is_kept(
        qtbot, make_window, records, monkeypatch):
    old, new, visits = _established_and_new(records)
    before = _stored(records, old, new)
    window = make_window(patient_id=new.id)
    assert window.patient.id == new.id
    shown: list[tuple] = []

    def look(dialog):
        shown.append((dialog.kept.patient_id(), dialog.duplicate.patient_id(), _why(dialog)))
        dialog.swap.click()
        shown.append((dialog.kept.patient_id(), dialog.duplicate.patient_id(), _why(dialog)))
        dialog.swap.click()
        shown.append((dialog.kept.patient_id(), dialog.duplicate.patient_id(), _why(dialog)))

    seen: list = []
    _through(qtbot, monkeypatch, MergeDialog, window.menus.act_merge,
             "Same person registered twice", seen, before=look)
    assert shown == [
        (old.id, new.id, "C-1001 is kept: it holds 3 signed sessions."),
        (new.id, old.id, "C-1002 is kept as you chose; the usual choice is C-1001: it holds 3 "
                         "signed sessions."),
        (old.id, new.id, "C-1001 is kept: it holds 3 signed sessions.")]
    dialog = seen[0]
    assert dialog.merge is not None
    assert (dialog.merge.kept_id, dialog.merge.duplicate_id) == (old.id, new.id)
    # the record kept is opened, with its whole history; nothing of either record is lost
    assert window.patient.id == old.id
    assert window.statusBar().currentMessage().startswith(
        "Tremblay, Marie-Eve (C-1002) merged into Tremblay, Marie (C-1001): one history of 4 "
        "sessions")
    after = _stored(records, old, new)
    assert after[0] == before[0] and after[1] == before[1]
    assert [s.id for s in records.read.sessions_for_patient(new.id)] == \
        [s.id for s in reversed(visits)]


def test_swapped_the_new_record_is_kept_and_nothing_is_lost(qtbot, make_window, records,
                                                             monkeypatch):
    old, new, visits = _established_and_new(records)
    before = _stored(records, old, new)
    window = make_window(patient_id=new.id)
    seen: list = []
    _through(qtbot, monkeypatch, MergeDialog, window.menus.act_merge, "Same person", seen,
             before=lambda dialog: dialog.swap.click())
    merge = seen[0].merge
    assert (merge.kept_id, merge.duplicate_id) == (new.id, old.id)
    assert window.patient.id == new.id
    assert _stored(records, old, new)[1] == before[1]
    assert [s.id for s in records.read.sessions_for_patient(new.id)] == \
        [s.id for s in reversed(visits)]


def test_with_as_much_history_the_older_record_is_kept(qtbot, records):
    """Neither record has a session (the likely duplicate found in the dialog): the one
    registered first."""
    first = records.create_patient(chart_number="C-7", family_name="Roy", given_name="Luc")
    second = records.create_patient(chart_number="C-8", family_name="Roy", given_name="Luc")
    dialog = MergeDialog(records, second.id, lambda: None)
    qtbot.addWidget(dialog)
    assert (dialog.kept.patient_id(), dialog.duplicate.patient_id()) == (first.id, second.id)
    registered = numeric_date(records.read.patient(first.id).created_at.date())
    assert _why(dialog) == f"C-7 is kept: it was registered first, on {registered}."


def test_drafts_only_and_signed_on_both_sides(qtbot, records):
    """As many signed sessions: more sessions; fewer signed sessions on the other side are
    named."""
    a = records.create_patient(chart_number="C-1", family_name="Roy", given_name="Luc")
    b = records.create_patient(chart_number="C-2", family_name="Roy", given_name="Luc")
    _visit(records, b, 2, 0, sign=False)
    dialog = MergeDialog(records, a.id, lambda: None)
    qtbot.addWidget(dialog)
    assert (dialog.kept.patient_id(), _why(dialog)) == (b.id, "C-2 is kept: it holds 1 session.")
    _visit(records, a, 3, 1)
    _visit(records, a, 4, 2)
    _visit(records, b, 5, 3)
    dialog = MergeDialog(records, b.id, lambda: None)
    qtbot.addWidget(dialog)
    assert (dialog.kept.patient_id(), _why(dialog)) == (
        a.id, "C-1 is kept: it holds 2 signed sessions, C-2 only 1.")


def test_a_record_others_are_merged_into_is_kept(qtbot, records):
    """The service refuses to merge away a record that keeps others: the dialog keeps it."""
    keeper = records.create_patient(chart_number="C-5", family_name="Roy", given_name="Luc")
    away = records.create_patient(chart_number="C-6", family_name="Leroy", given_name="Luc")
    merging.merge_records(records, keeper.id, away.id, "Same person")
    other = records.create_patient(chart_number="C-9", family_name="Roy", given_name="Luc")
    for n, day in enumerate((2, 9)):
        _visit(records, other, day, n)
    dialog = MergeDialog(records, other.id, lambda: None)
    qtbot.addWidget(dialog)
    assert (dialog.kept.patient_id(), dialog.duplicate.patient_id()) == (keeper.id, other.id)
    assert _why(dialog) == "C-5 is kept: 1 other record merged into it already."


def test_the_line_in_french(french, qtbot, records):  # noqa: F811 - fixture
    old, new, _visits = _established_and_new(records)
    dialog = MergeDialog(records, new.id, lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.kept.patient_id() == old.id
    assert _why(dialog) == "C-1001 est conservé\u00a0: il contient 3 séances signées."
    dialog.swap.click()
    assert _why(dialog) == ("C-1002 est conservé selon votre choix; le choix habituel est "
                            "C-1001\u00a0: il contient 3 séances signées.")


def _amber_share(label: QLabel) -> float:
    """The share of the label's pixels painted in the warning's amber."""
    image = label.grab().toImage()
    amber = QColor("#fdecc8").rgb()
    pixels = [image.pixel(x, y) for x in range(0, image.width(), 2)
              for y in range(0, image.height(), 2)]
    return sum(p == amber for p in pixels) / max(1, len(pixels))


def test_kept_against_the_usual_choice_the_line_is_a_warning(qtbot, records):
    """After Swap the line said "kept as you chose; the usual choice is ..." as plain text,
    like the line of the usual choice: it is now a warning, drawn as the app's other dialogs
    draw theirs (the restore dialog's "what the backup lacks", the set-up's backup folder)."""
    from imsmap.ui.restore_backup import RestoreDialog

    old, new, _visits = _established_and_new(records)
    dialog = MergeDialog(records, new.id, lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    why = dialog.findChild(QLabel, "keptWhy")
    assert _amber_share(why) < 0.05  # the usual choice: a plain line
    dialog.swap.click()
    qtbot.wait(1)
    assert "the usual choice is C-1001" in why.text()
    assert _amber_share(why) > 0.6
    restore = RestoreDialog(records.read.path)
    qtbot.addWidget(restore)
    assert why.styleSheet() == restore.lacks.styleSheet()  # the one warning style
    dialog.swap.click()
    qtbot.wait(1)
    assert _amber_share(why) < 0.05
