"""A hint of keys goes on to more lines by whole pairs, its lines as even as they can be
(ui.key_hint.balanced_lines; the French hint beside the sites: tests/test_ui_french_layout.py)."""

from __future__ import annotations

from imsmap.ui.key_hint import balanced_lines

HINT = "Keys: 0–3 grasp · C cramp · T twitch (S) · E e-stim (É) · Del remove"


def test_a_hint_that_fits_stays_on_one_line():
    assert balanced_lines(HINT, len(HINT), len) == [HINT]


def test_a_hint_too_wide_goes_on_evenly_by_whole_pairs():
    lines = balanced_lines(HINT, len(HINT) - 5, len)
    assert lines == ["Keys: 0–3 grasp · C cramp ·",  # the widest line as narrow as can be,
                     "T twitch (S) · E e-stim (É) · Del remove"]  # not « Del remove » alone
    assert max(map(len, lines)) <= len(HINT) - 5


def test_a_narrow_hint_takes_as_few_lines_as_fit_and_a_wide_pair_a_line_of_its_own():
    lines = balanced_lines(HINT, 30, len)
    assert len(lines) == 3 and all(len(line) <= 30 for line in lines), lines
    assert " · ".join(line.removesuffix(" ·") for line in lines) == HINT
    assert balanced_lines(HINT, 1, len) == [p + " ·" for p in HINT.split(" · ")[:-1]] + [
        "Del remove"]
    assert balanced_lines("no pairs here", 3, len) == ["no pairs here"]
