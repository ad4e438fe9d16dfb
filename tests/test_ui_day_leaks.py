"""A working day in one window (bench/day.py): what the window makes for one patient is gone
when it is done with, so that the 40th patient of the day finds the window as the first did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from imsmap.services.photos import Photos
from imsmap.ui.photo_viewer import PhotoViewer
from photo_support import png_bytes, write
from test_ui_photos import _open_first
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def _settled(qtbot) -> None:
    """Let Qt delete what was handed to deleteLater."""
    qtbot.wait(1)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_photo_opened_and_closed_20_times_leaves_no_viewer_behind(qtbot, window, records,
                                                                   session, tmp_path):
    # Each closed viewer stayed a child of the strip, with its widgets and the photo at full
    # size: 20 photos looked at in a day were 20 viewers and about 160 MB kept.
    Photos(records).add_file(session.id, write(tmp_path / "a.png", png_bytes(1600, 1200)))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)

    def open_and_close() -> None:
        viewer = _open_first(qtbot, strip)
        viewer.close()
        qtbot.waitUntil(lambda: strip.viewer is None)
        _settled(qtbot)

    open_and_close()
    once = len(window.findChildren(QObject))
    for _ in range(20):
        open_and_close()
    assert window.findChildren(PhotoViewer) == []
    assert len(window.findChildren(QObject)) == once


def _shown_and_closed(qtbot, action) -> None:
    """The menu action's dialog shown, then closed as its Cancel closes it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    seen = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(5, close)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close)
    action.trigger()
    assert seen, action.text()
    _settled(qtbot)


def test_dialogs_shown_20_times_leave_none_under_the_window(qtbot, window, records, session):
    # The audit trail's, an amendment's, a new patient's and a patient's details' dialogs are
    # gone once closed. A new patient's stayed, one more under the window each time: its
    # fields' connections (lambdas holding the dialog) kept it.
    from PySide6.QtWidgets import QDialog

    records.sign_session(session.id)
    qtbot.waitUntil(lambda: window.menus.act_amend.isEnabled())
    menus = window.menus

    actions = (menus.act_audit, menus.act_amend, menus.act_new_patient, menus.act_edit_patient)
    for action in actions:
        _shown_and_closed(qtbot, action)
    once = len(window.findChildren(QObject))
    for _ in range(20):
        for action in actions:
            _shown_and_closed(qtbot, action)
    assert window.findChildren(QDialog) == []
    assert len(window.findChildren(QObject)) == once


def test_the_settings_about_and_shortcuts_dialogs_are_gone_once_closed(qtbot, window):
    # Each stayed a child of the window after closing: one more each time it was opened.
    from PySide6.QtWidgets import QDialog

    menus = window.menus

    for _ in range(3):
        for action in (menus.act_settings, menus.act_about, menus.act_shortcuts):
            _shown_and_closed(qtbot, action)
            assert window.findChildren(QDialog) == [], action.text()
