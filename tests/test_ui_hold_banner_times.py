"""The holds banner writes its times as the rest of the window does (ui.wording.time_of_day, in
this computer's time zone): "09 h 30" in French, not "09:30"."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from imsmap import i18n
from imsmap.services.file_hold import FileRoomHold
from imsmap.store.file_holds import FileHolds
from imsmap.store.postgres.holds import Hold
from imsmap.ui.hold_banner import HoldBanner, held_sentence
from imsmap.ui.wording import time_of_day

CLOCK = re.compile(r"\d\d:\d\d")  # the clock-face the banner wrote in every language


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr_CA")
    yield
    i18n.install(qapp, "en")


def test_the_banner_of_a_draft_held_by_another_window_says_the_time_in_french(
        french, qtbot, records, session, db_path):
    other = FileHolds(db_path, "ben.physio", "ben@pc")  # another window (a holder of its own)
    try:
        assert other.take(session.id) is None
        banner = HoldBanner(FileRoomHold(records.file_holds, records.read.session), [].append)
        qtbot.addWidget(banner)
        banner.set_session(session.id)
        assert not banner.isHidden() and not banner.editable
        words = banner.label.text()
        since = banner.hold.current.since
        assert "ben.physio" in words and time_of_day(since) in words, words
        assert re.search(r"\d\d\u00a0h\u00a0\d\d", words) and not CLOCK.search(words), words
        banner.set_session(None)
    finally:
        other.close()


def test_a_hold_kept_after_the_server_went_away_says_until_when_to_the_second(french):
    since = datetime(2026, 12, 5, 14, 5, 7, tzinfo=UTC)
    hold = Hold(session_id=3, held_by="anna", room="Salle 1", since=since, heartbeat=since,
                mine=False, kept_until=since + timedelta(minutes=1))
    words = held_sentence(hold)
    local = (since + timedelta(minutes=1)).astimezone()
    assert f"{local:%H}\u00a0h\u00a0{local:%M}\u00a0min\u00a0{local:%S}\u00a0s" in words, words
    assert not CLOCK.search(words), words


def test_a_french_time_of_day_is_never_cut_at_the_end_of_a_line(french, qtbot):
    """The walk of 6 December: Ben's French banner read « anna.nguyen a cette séance ouverte
    dans Room A (depuis 01 » and, on the next line, « h 38) ; elle peut être lue ici… »: the
    spaces of « 01 h 38 » were ordinary ones, where a line may end. They are no-break spaces
    (U+00A0), in the window's every time and long date."""
    from imsmap.ui import wording

    moment = datetime(2026, 12, 6, 1, 38, 5)
    for text in (wording.time_of_day(moment), wording.time_of_day(moment, seconds=True),
                 wording.long_datetime(moment).split(", ")[-1]):
        assert " " not in text and "\u00a0h\u00a0" in text, repr(text)
    hold = Hold(session_id=3, held_by="anna.nguyen", room="Room A", since=moment.astimezone(),
                heartbeat=moment.astimezone(), mine=False)
    words = held_sentence(hold)
    assert "01\u00a0h\u00a038" in words, words
    # laid out in a label as narrow as Ben's banner, no line ends inside the time
    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QLabel

    label = QLabel(words)
    qtbot.addWidget(label)
    start = words.index("01\u00a0h")
    for width in range(150, 420, 7):
        layout = QTextLayout(words, label.font())
        layout.beginLayout()
        ends = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            ends.append(line.textStart() + line.textLength())
        layout.endLayout()
        assert not any(start < end < start + len("01\u00a0h\u00a038") for end in ends), width
