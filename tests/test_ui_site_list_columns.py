"""The site list's columns at 1280 px: the muscle's name has the room a column header only
asks for (French walk of 7 December: « Oblique externe de l'abdom… » beside an empty
« Indicateurs » column as wide as its header, /tmp/cday/82.png)."""

from __future__ import annotations

from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.site_panel import COLUMNS

MUSCLE, FLAGS = 1, len(COLUMNS) - 1


def _add(records, session, muscle: str, **fields):
    for view_id, view in records.atlas.views.items():
        for region in view.regions:
            if region.muscle == muscle and region.side == "L":
                x, y = region.label
                return records.add_site(session.id, view_id, x, y, muscle_id=muscle, side="L",
                                        layer=region.layer, **fields)
    raise AssertionError(f"{muscle} is on no chart")


def _open(make_window, session, qtbot, width: int):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(width, 690)
    qtbot.wait(50)
    return w, w.site_table


def _narrow_to(w, qtbot, viewport: int) -> None:
    """The right column narrowed (its splitter handle dragged) until the list's rows are
    `viewport` px wide: the walk's window had a column 50 px narrower than the test's (its
    fonts, its scroll bar)."""
    table = w.site_table
    sizes = w.splitter.sizes()
    less = table.viewport().width() - viewport
    w.splitter.setSizes([sizes[0], sizes[1] + less, sizes[2] - less])
    qtbot.waitUntil(lambda: table.viewport().width() == viewport)


def test_in_french_the_muscle_is_whole_and_the_flags_header_gives_way(
        french, make_window, records, session, qtbot):  # noqa: F811
    _add(records, session, "external_oblique", grasp=3)
    w, table = _open(make_window, session, qtbot, 1280)
    assert table.item(0, MUSCLE).text() == "Oblique externe de l'abdomen"
    header = table.horizontalHeader()
    # Where the name is whole beside the flags' header less 20 px: the header gives way.
    others = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
                 for c in range(len(COLUMNS)) if c != MUSCLE)
    _narrow_to(w, qtbot, others + table.sizeHintForColumn(MUSCLE) - 20)
    assert header.sectionSize(MUSCLE) >= table.sizeHintForColumn(MUSCLE), \
        (header.sectionSize(MUSCLE), table.sizeHintForColumn(MUSCLE))
    assert sum(header.sectionSize(c) for c in range(len(COLUMNS))) <= table.viewport().width()
    flags = table.horizontalHeaderItem(FLAGS)
    assert header.sectionSize(FLAGS) < header.sectionSizeHint(FLAGS)
    assert flags.toolTip() == "Indicateurs"  # the header cut, the whole word kept
    # cut at its end, « Ind… », never its middle clipped on both sides (« dicateu »)
    assert header.shown_text(FLAGS).endswith("…") and header.is_cut(FLAGS)
    # Wider again, the header is whole and says itself.
    _narrow_to(w, qtbot, others + table.sizeHintForColumn(MUSCLE) + 10)
    assert header.sectionSize(FLAGS) == header.sectionSizeHint(FLAGS)
    assert header.sectionSize(MUSCLE) >= table.sizeHintForColumn(MUSCLE)
    assert flags.toolTip() == "" and header.shown_text(FLAGS) == "Indicateurs"


def test_the_flags_column_keeps_room_for_every_mark(french, make_window, records, session,
                                                    qtbot):  # noqa: F811
    _add(records, session, "external_oblique", grasp=3, cramp=True, twitch=True, estim=True)
    w, table = _open(make_window, session, qtbot, 1280)
    assert table.item(0, FLAGS).text() == "C S É"
    assert table.horizontalHeader().sectionSize(FLAGS) >= table.sizeHintForColumn(FLAGS)


def test_in_english_at_1280_every_header_is_whole(make_window, records, session, qtbot):
    _add(records, session, "external_oblique", grasp=3)
    w, table = _open(make_window, session, qtbot, 1280)
    header = table.horizontalHeader()
    assert header.sectionSize(FLAGS) >= header.sectionSizeHint(FLAGS)
    assert header.sectionSize(MUSCLE) >= table.sizeHintForColumn(MUSCLE)
    assert table.horizontalHeaderItem(FLAGS).toolTip() == ""
