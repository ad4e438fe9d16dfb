"""Privacy: the privacy screen hides every name and identifier (widget texts and the pixels of the
window), the lock screen shows nothing until the right PIN, only a salted hash is stored, and
crash reports carry no patient names."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from imsmap.services import lock
from imsmap.ui import errors as ui_errors
from imsmap.ui.privacy import PinDialog
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

SECRETS = ("Nguyen", "Anna", "C-1001", "1970")


def visible_texts(w: QWidget) -> list[str]:
    """Every text a visible widget of the window shows (labels, fields, lists, tooltips)."""
    texts = [w.windowTitle()]
    for child in w.findChildren(QWidget):
        if not child.isVisibleTo(w):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QLineEdit):
            texts.append(child.displayText())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
        elif isinstance(child, QListWidget):
            for i in range(child.count()):
                texts += [child.item(i).text(), child.item(i).toolTip()]
        elif isinstance(child, QTreeWidget):
            for i in range(child.topLevelItemCount()):
                item = child.topLevelItem(i)
                texts += [item.text(c) for c in range(item.columnCount())]
        texts.append(child.toolTip())
    return texts


def leaks(w: QWidget, secrets=SECRETS) -> list[str]:
    return [t for t in visible_texts(w) for s in secrets if s in t]


def _grab(w) -> QImage:
    w.chart.view.setFocus()  # no blinking text cursor in the picture
    w.repaint()
    return w.grab().toImage()


def test_privacy_screen_hides_every_name_and_identifier(qtbot, window, records, session):
    window.progress_header.setVisible(True)
    assert leaks(window)  # the names are there to begin with
    window.menus.act_hide.trigger()
    assert window.hide_names
    assert leaks(window) == []
    # The progress tab too.
    window.menus.act_progress.trigger()
    assert leaks(window) == [] and "hidden" in window.progress_header.text()
    # What was typed in the search box shows as dots.
    window.patients.search.setText("Nguyen")
    assert leaks(window) == []
    window.patients.search.clear()
    window.menus.act_hide.trigger()
    assert any("Nguyen" in t for t in visible_texts(window))


def test_privacy_screen_pixels_do_not_depend_on_the_name(qtbot, window, records, session):
    """Renaming the patient behind the privacy screen changes no pixel of the window; without
    the privacy screen it does (so the comparison would catch a name left on screen)."""
    pid = session.patient_id
    window.set_names_hidden(True)
    before = _grab(window)
    records.update_patient(pid, family_name="Wojciechowska", given_name="Maximiliana",
                           chart_number="ZZ-98765", birth_date="1931-12-31")
    qtbot.wait(10)
    assert _grab(window) == before
    window.set_names_hidden(False)
    shown = _grab(window)
    records.update_patient(pid, family_name="Li", given_name="Bo", chart_number="A-1")
    qtbot.wait(10)
    assert _grab(window) != shown


def _set_pin(qtbot, window, pin="2468", minutes=0, monkeypatch=None):
    def fill(dialog):
        dialog.new_pin.setText(pin)
        dialog.repeat.setText(pin)
        dialog.idle.setValue(minutes)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", fill)
    window.menus.act_pin.trigger()


def test_lock_screen_hides_everything_and_opens_only_with_the_right_pin(
        qtbot, window, records, monkeypatch):
    # no PIN yet: Lock now raises the privacy screen (tests/test_ui_lock_without_pin.py)
    assert window.menus.act_lock.isEnabled() and not window.locked
    _set_pin(qtbot, window, monkeypatch=monkeypatch)
    stored = records.repo.setting(f"lock.pin.{records.actor}")
    data = json.loads(stored)
    # the PIN is in no field (the salt and hash are random hex, which may contain its digits)
    assert "2468" not in [str(value) for value in data.values()]
    assert b"2468".hex() not in stored and len(bytes.fromhex(data["salt"])) == 16
    assert data["alg"] == "pbkdf2_sha256" and data["iterations"] >= 100_000
    assert window.menus.act_lock.isEnabled()

    window.menus.act_lock.trigger()
    assert window.locked and window.stack.currentWidget() is window.lock_screen
    assert not window.menuBar().isVisible() and window.windowTitle() == "Locked"
    assert leaks(window) == []
    assert not window.menus.act_hide.isEnabled() and not window.menus.act_new_patient.isEnabled()
    window.close()  # a locked window does not close
    assert window.isVisible()

    screen = window.lock_screen
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert window.locked and "not right" in screen.error.text() and screen.pin.text() == ""
    qtbot.keyClicks(screen.pin, "2468")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert not window.locked and window.menuBar().isVisible()
    assert any("Nguyen" in t for t in visible_texts(window))
    assert window.menus.act_sign.isEnabled() and window.menus.act_hide.isEnabled()


def test_the_window_locks_itself_after_idle_time(qtbot, window, records, monkeypatch):
    _set_pin(qtbot, window, minutes=5, monkeypatch=monkeypatch)
    assert lock.load(records).idle_minutes == 5 and window.idle.active()
    window.idle.set_minutes(0.002)  # ~0.1 s for the test
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert leaks(window) == []


def test_changing_the_pin_needs_the_current_one(qtbot, records, window, monkeypatch):
    _set_pin(qtbot, window, monkeypatch=monkeypatch)
    dialog = PinDialog(records, window)
    dialog.old_pin.setText("0000")
    dialog.new_pin.setText("13579")
    dialog.repeat.setText("13579")
    dialog.save_button.click()
    assert "not right" in dialog.error.text() and lock.check_pin(records, "2468")
    dialog.old_pin.setText("2468")
    dialog.save_button.click()
    assert lock.check_pin(records, "13579") and not lock.check_pin(records, "2468")
    dialog.deleteLater()


def test_pin_rules(records):
    import pytest

    from imsmap.domain.errors import ValidationError

    for bad in ("12", "12ab", "1234567890123"):
        with pytest.raises(ValidationError):
            lock.save(records, pin=bad, idle_minutes=0)
    with pytest.raises(ValidationError):
        lock.save(records, pin=None, idle_minutes=5)  # idle lock without a PIN
    assert lock.save(records, pin="0042", idle_minutes=10) == lock.LockSettings(True, 10)
    assert lock.check_pin(records, "0042") and not lock.check_pin(records, "042")
    assert lock.save(records, pin=None, idle_minutes=0, clear_pin=True).has_pin is False
    actions = [e.changes for e in records.audit_entries() if e.entity == "settings"]
    assert actions and all("0042" not in json.dumps(c) for c in actions)


def test_crash_reports_name_no_patient_the_window_showed(window, session):
    try:
        raise RuntimeError("bug while showing Nguyen Anna, chart C-1001")
    except RuntimeError as exc:
        report = ui_errors.format_crash(type(exc), exc, exc.__traceback__)
    assert not any(s in report for s in ("Nguyen", "Anna", "C-1001"))
    assert isinstance(window, QWidget) and QMessageBox is not None


def test_lock_screen_words_are_light_on_its_dark_background(qtbot, window, monkeypatch):
    """Its words are drawn light (#f3f3f3): on the window's own light grey they could not be
    read. The window, locked, shows the screen's dark background, and the title stands out."""
    _set_pin(qtbot, window, monkeypatch=monkeypatch)
    window.menus.act_lock.trigger()
    screen = window.lock_screen
    image = window.grab().toImage()
    corner = image.pixelColor(screen.mapTo(window, screen.rect().topLeft()) + QPoint(5, 5))
    assert corner.lightness() < 80, corner.name()
    title = screen.findChildren(QLabel)[0]
    assert title.text() == "imsmap is locked"
    box = title.geometry().translated(screen.mapTo(window, QPoint(0, 0)))
    lightest = max(image.pixelColor(x, box.center().y()).lightness()
                   for x in range(box.left(), box.right()))
    assert lightest - corner.lightness() > 120
