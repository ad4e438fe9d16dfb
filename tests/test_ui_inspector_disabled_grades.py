"""The grade buttons of a signed session's site look disabled, the ungraded "—" too: it kept
its white ground and dark border while the buttons beside it were greyed, and looked the one
button still to tap (walk of 6 December, 960 x 540). Disabled, it takes the ground of a disabled
button (Cramp's), the coloured grades are washed towards it, and the grade given keeps its
frame. Checked on the real buttons' pixels."""

from __future__ import annotations

from PySide6.QtGui import QColor
from tests.test_ui_inspector_signed_hints import open_session
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from support import site_on


def ground(button) -> QColor:
    """The button's ground: a pixel inside its border, beside its words."""
    image = button.grab().toImage()
    return image.pixelColor(6, image.height() // 2)


def near(a: QColor, b: QColor, by: int = 12) -> bool:
    return all(abs(x - y) <= by for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_a_signed_sites_grade_buttons_look_disabled(make_window, qtbot, records, session):
    site = site_on(records, session, "deltoid_anterior")
    records.update_site(site.id, grasp=2)
    records.update_session(session.id, pain_before=5, consent=True)
    w, inspector = open_session(make_window, qtbot, session)
    w.edits.select_site(site.id)
    qtbot.wait(20)
    none, two, three = (inspector.grasp_buttons[g] for g in (-1, 2, 3))
    cramp = inspector.toggles["cramp"]
    # a draft: the ungraded button white as the chart's ungraded marker, the grades in colour
    assert none.isEnabled() and cramp.isEnabled()
    assert near(ground(none), QColor("#ffffff"), 2)
    bright = ground(three)
    assert near(bright, QColor("#6d1020"), 2)

    records.sign_session(session.id)
    qtbot.waitUntil(lambda: not w.session_panel.editable)
    qtbot.wait(20)
    assert inspector.site is not None and inspector.site.id == site.id
    assert not none.isEnabled() and not cramp.isEnabled() and not three.isEnabled()
    # the ungraded one on a disabled button's ground, not white
    assert not near(ground(none), QColor("#ffffff"), 8), ground(none).name()
    assert near(ground(none), ground(cramp)), (ground(none).name(), ground(cramp).name())
    # a grade's colour washed: lighter than enabled, still its hue
    washed = ground(three)
    assert washed.lightness() > bright.lightness() + 40, (washed.name(), bright.name())
    assert washed.red() > washed.green() and washed.red() > washed.blue()
    # the grade given keeps its frame: its edge pixel is the selection's colour, not grey
    image = two.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2)
    other = three.grab().toImage().pixelColor(1, image.height() // 2)
    assert edge.blue() > edge.red() + 60, edge.name()
    assert not (other.blue() > other.red() + 60), other.name()
