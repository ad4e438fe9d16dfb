"""The restore dialog's list of backups shows each backup's file name whole. A line says when,
whose and the file's name, and Qt cut it at its right end: beside another database's path, or
in French, the file name was gone (whole only in the tooltip). The line is now fitted
(ui.backup_list): the time and the file name whole, whose it is shortened in its middle. In
English and in French, at the width the dialog has on a 1366 x 768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap import i18n
from imsmap.ui.backup_list import fitted
from imsmap.ui.restore_backup import RestoreDialog
from test_restore_own import two_clinics


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def test_each_line_shows_the_whole_file_name_and_time(qtbot, tmp_path, language):
    # (on the tests' offscreen screen, 800 x 800: narrower than a 1366 x 768 laptop's)
    ours, theirs, folder, their_full = two_clinics(tmp_path)
    dialog = RestoreDialog(ours)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    box = dialog.backups
    assert box.count() == 2 and box.currentIndex() == 1
    assert 640 < dialog.width() <= 800 - 80  # widened for the lines, within the screen
    metrics = box.fontMetrics()
    for i in range(box.count()):
        name = (their_full if i == 0 else dialog.point.path).name
        whole = box.itemText(i)
        assert whole.endswith(name) and box.itemData(i, Qt.ItemDataRole.ToolTipRole) == whole
        shown = box.shown_text(i)
        assert shown.endswith(" — " + name), shown  # the file's name whole
        assert shown.split(" — ")[0] == whole.split(" — ")[0]  # and the time
        assert metrics.horizontalAdvance(shown) < box.width() - 20
        if i == 0:  # another database's, with its path: the case under test
            assert metrics.horizontalAdvance(whole) > box.width()
            # whose it is shortened in its middle (in French here it gave way)
            assert shown != whole and ("…" in shown or language == "fr_CA")
    # the list dropped down shows its lines whole (Qt widens it), within the screen
    box.showPopup()
    qtbot.waitUntil(lambda: box.view().isVisible())
    assert box.view().width() >= min(max(metrics.horizontalAdvance(box.itemText(i))
                                         for i in range(2)), 800 - 16)
    box.hidePopup()


def test_a_narrow_room_keeps_the_time_and_cuts_the_name_in_its_middle(qapp):
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(qapp.font())
    parts = ("6 déc. 2026 10:15", "une autre base de données, sauvegardée depuis /home/x.db",
             "imsmap-backup-20261206-101500-full.sqlite3.gz")
    roomy = fitted(parts, 10_000, metrics)
    assert roomy == " — ".join(parts)
    narrow = fitted(parts, metrics.horizontalAdvance(parts[0] + " — " + parts[2]) + 4, metrics)
    assert narrow == parts[0] + " — " + parts[2]  # whose it is gave way
    tight = fitted(parts, metrics.horizontalAdvance(parts[0] + " — ") + 120, metrics)
    assert tight.startswith(parts[0] + " — imsmap") and tight.endswith(".gz") and "…" in tight
