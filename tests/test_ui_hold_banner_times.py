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
        assert re.search(r"\d\d h \d\d", words) and not CLOCK.search(words), words
        banner.set_session(None)
    finally:
        other.close()


def test_a_hold_kept_after_the_server_went_away_says_until_when_to_the_second(french):
    since = datetime(2026, 12, 5, 14, 5, 7, tzinfo=UTC)
    hold = Hold(session_id=3, held_by="anna", room="Salle 1", since=since, heartbeat=since,
                mine=False, kept_until=since + timedelta(minutes=1))
    words = held_sentence(hold)
    local = (since + timedelta(minutes=1)).astimezone()
    assert f"{local:%H} h {local:%M} min {local:%S} s" in words, words
    assert not CLOCK.search(words), words
