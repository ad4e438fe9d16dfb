"""What the services refuse is said in the window's language by one path for each kind of widget
(ui.refusals: the red line, the status bar, the message box; the conflict notice), and no other
ui module translates a refusal by hand, so a new refusal cannot forget the translation."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStatusBar, QWidget

import imsmap.ui
from imsmap import i18n
from imsmap.domain.errors import UserFacingError
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.refusals import ErrorLine, StatusLine, tell
from test_ui_support import answer_boxes, make_window, qt_settings, window  # noqa: F401

ENGLISH = "The date of birth 2999-01-01 is in the future."
FRENCH = "La date de naissance 2999-01-01 est dans le futur."


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr_CA")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def refusal(records) -> UserFacingError:
    """A real refusal of the services, raised with its English sentence; nothing is written."""
    with pytest.raises(UserFacingError) as caught:
        records.create_patient(chart_number="R-1", family_name="Tremblay",
                               birth_date=date(2999, 1, 1))
    assert records.read.search_patients("") == []
    assert str(caught.value.message) == ENGLISH
    return caught.value


def test_the_red_line_says_a_refusal_in_the_window_language(french, refusal, qtbot):
    dialog = QWidget()
    qtbot.addWidget(dialog)
    line = ErrorLine(dialog)  # under a field: hidden while the field is fine
    above_buttons = ErrorLine(dialog, keep_place=True)  # there, empty, until a refusal
    dialog.show()
    assert not line.isVisible() and above_buttons.isVisible()
    for each in (line, above_buttons):
        each.show_message(refusal)
        assert each.text() == FRENCH and each.isVisible()
        each.show_message(None)
        assert each.text() == ""
    assert not line.isVisible() and above_buttons.isVisible()


def test_the_status_bar_says_a_refusal_in_red_then_what_was_done_plainly(french, refusal,
                                                                          qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusLine(bar)
    status.refuse(refusal)
    assert bar.currentMessage() == FRENCH and "#b3261e" in bar.styleSheet()
    status.say("Backed up.")  # the window's own sentence, already in its language
    assert bar.currentMessage() == "Backed up." and bar.styleSheet() == ""


def test_a_refusal_is_not_hidden_by_the_muscle_under_the_pointer(window, qtbot):
    """In a window 958 px wide (two rooms side by side on one screen), the muscle under the
    pointer filled the status bar's right and the refusal beside it was cut to nothing: it
    steps aside while a refusal is shown, and comes back after."""
    window.resize(958, 760)
    window.show()
    qtbot.waitExposed(window)
    hover = window.hover_label
    hover.setText("Trapezius, middle fibres, right · Accessory nerve (CN XI); branches of "
                  "C3-C4 · CN11-C4 (mainly CN11) · over the thorax: pneumothorax risk")
    qtbot.waitUntil(lambda: hover.width() > 400)
    sentence = "anna.nguyen has this session open in Room 1; nothing was changed here."
    window.status.refuse(sentence)
    assert not hover.isVisible()
    assert window.statusBar().currentMessage() == sentence  # whole: no longer cut
    window.status.clear()
    assert hover.isVisible() and hover.text().startswith("Trapezius")
    window.status.refuse(sentence)
    after = "Connected to the clinic server again: what the other rooms did is shown."
    window.status.say(after)  # said after the refusal: it keeps the room, whole
    assert window.statusBar().currentMessage() == after and not hover.isVisible()
    window.statusBar().clearMessage()  # the bar quiet again: the pointer's muscle is back
    assert hover.isVisible()


def test_the_conflict_notice_says_the_refusal_and_keeps_the_typed_text(french, refusal, qtbot):
    notice = ConflictNotice()
    qtbot.addWidget(notice)
    notice.add(refusal, "what was typed")
    assert notice.sentence.text().startswith(FRENCH) and notice.text() == "what was typed"


def test_a_message_box_says_the_refusal_in_the_window_language(french, refusal, qtbot):
    seen: list[str] = []
    timer = answer_boxes(["OK"], seen)
    try:
        tell(None, "imsmap", refusal)
    finally:
        timer.stop()
    assert [text.strip() for text in seen] == [FRENCH]


# -- no refusal translated by hand -----------------------------------------------------------
UI = Path(imsmap.ui.__file__).parent
# The display paths themselves (and `said`'s own module): they take the refusal and say it.
# And the audit trail's words: what it says with `said` is no refusal but a note the trail's
# reader wrote in an entry (services.audit_view: a creation changed outside imsmap, or gone).
DISPLAY_PATHS = {"refusals.py", "conflict_notice.py", "recovery.py", "wording.py",
                 "audit_words.py"}


def by_hand(line: str) -> list[str]:
    """What in `line` translates a refusal outside a display path, or shows its raw text: a
    `said(...)` that does not fill a window sentence (``reason=said(exc)``, ``{said(c)}``), or
    ``str(exc)`` / ``exc.message`` outside a log call."""
    found = [line.strip() for m in re.finditer(r"\bsaid\(", line)
             if not re.search(r"(\w=|\{)$", line[:m.start()])]
    if re.search(r"\bstr\(exc\)|\bexc\.message\b", line) and "log." not in line:
        found.append(line.strip())
    return found


def test_the_rule_finds_a_refusal_translated_or_shown_raw_by_hand():
    assert by_hand("self.error.setText(said(exc))")
    assert by_hand("self.message.emit(said(exc))")
    assert by_hand("label.setText(str(exc))") and by_hand("label.setText(exc.message)")
    assert not by_hand('tr("The backup failed: {reason}").format(reason=said(exc))')
    assert not by_hand('items = "".join(f"<li>{said(c.message)}</li>" for c in checks)')
    assert not by_hand('log.warning("not started: %s", exc.message)')


def test_no_ui_module_translates_a_refusal_by_hand():
    found = [f"{path.relative_to(UI)}:{number}: {text}"
             for path in sorted(UI.rglob("*.py")) if path.name not in DISPLAY_PATHS
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for text in by_hand(line)]
    assert not found, "show the refusal through ui.refusals instead:\n" + "\n".join(found)
