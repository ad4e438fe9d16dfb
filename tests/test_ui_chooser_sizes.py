"""A tap on a muscle with others under it shows the strip of choices without asking each choice
its size a hundred times (issue 16: click_to_marker's CPU time doubled, 11 -> 24 ms, since the
choices wrap their words, 44a16ac). The strip's row (ui.wrapping_row) made a plain QWidgetItem
for each choice, which keeps none of the sizes it is asked, so every question of a layout
pass (about 140 for a strip of one choice) went to the choice's Python size hints and the
style. The row now takes Qt's own item for a widget (QLayout.addWidget), which keeps a widget's
sizes until the widget says they changed, and still follows a widget whose size changes.
The strip is placed before it shows, and so laid out once, at the size it is given: shown
first, it was laid out at the size of its choices on one line, then placed and laid out again
(about 18 of its row's heights worked out a strip, against 4: branch tapcpu)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from imsmap.ui import word_button
from imsmap.ui.wrapping_row import WrappingRow
from test_ui_chooser_levels import beside_t6
from test_ui_support import click_chart, make_window, qt_settings  # noqa: F401


def counting(monkeypatch, cls, name: str) -> list[int]:
    """Count the calls of `cls.name` (a Qt virtual, public) from now on."""
    calls: list[int] = []
    original = getattr(cls, name)

    def counted(self, *args):
        calls.append(1)
        return original(self, *args)

    monkeypatch.setattr(cls, name, counted)
    return calls


def test_a_tap_asks_each_choice_its_sizes_a_few_times(qtbot, make_window, session,
                                                      monkeypatch):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    x, y = beside_t6(w.chart.scene)
    least = counting(monkeypatch, word_button.WordWrapButton, "minimumSizeHint")
    height = counting(monkeypatch, word_button.WordWrapButton, "heightForWidth")
    click_chart(qtbot, w, x, y)
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    qtbot.wait(20)  # the layout passes the strip's showing posted, and its paint
    n = len(chooser.buttons)
    assert n >= 1
    # Once or twice each (the row's item keeps them until the choice changes): it was about
    # 140 questions for a strip of one choice, each through the style.
    assert len(least) <= 4 * n, (len(least), n)
    assert len(height) <= 4 * n, (len(height), n)


class Resizes(QObject):
    """Counts the resize events of the widgets it watches: each is a pass of their layout."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.seen: list[QWidget] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            self.seen.append(watched)
        return False


def test_the_strip_is_laid_out_once_where_it_is_placed(qtbot, make_window, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    chooser = w.chart.chooser
    for x, y in (beside_t6(w.chart.scene), beside_t6(w.chart.scene, side="L")):
        resizes = Resizes(chooser, chooser.body)
        click_chart(qtbot, w, x, y)
        qtbot.waitUntil(chooser.isVisible)
        qtbot.wait(20)
        # At most once each (not at all when the strip keeps its last size), at the size it
        # was placed at: never first at its choices' one line.
        assert resizes.seen.count(chooser) <= 1, resizes.seen
        assert resizes.seen.count(chooser.body) <= 1, resizes.seen
        # Where placing it again puts it: docked bottom left, above the search box, every
        # choice whole and shown on the strip.
        placed = chooser.geometry()
        chooser.place()
        assert chooser.geometry() == placed
        assert placed.left() == 8
        assert placed.bottom() < w.chart.search.geometry().top()
        assert chooser.body.width() == chooser.scroll.viewport().width()
        for b in chooser.buttons:
            assert b.isVisible() and chooser.body.rect().contains(b.geometry()), b.text()
            assert b.height() == b.heightForWidth(b.width())
        chooser.removeEventFilter(resizes)
        chooser.body.removeEventFilter(resizes)


class CountingButton(QPushButton):
    """A button counting the least sizes its row asks of it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.asked = 0

    def minimumSizeHint(self):  # noqa: N802 - Qt naming
        self.asked += 1
        return super().minimumSizeHint()


def test_the_row_asks_a_widget_its_sizes_once_until_they_change(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    row = WrappingRow(host, wide_too=True, whole=True)
    row.add(QLabel("Or:"))
    button = CountingButton("Gluteus medius (deep)")
    row.add(button)
    first = row.heightForWidth(120)
    asked = button.asked
    assert asked > 0
    for _ in range(20):  # as the layout passes of a strip's showing ask it
        assert row.heightForWidth(120) == first
        row.sizeHint()
        row.minimumSize()
    assert button.asked == asked  # kept by its item, not asked again
    button.setText("Gluteus minimus (deep)")  # the button says its sizes changed
    row.heightForWidth(120)
    assert button.asked > asked


def test_the_row_follows_a_widget_whose_size_changed(qtbot):
    """Kept by their items, the sizes still follow a widget whose words change (the widget
    says so: updateGeometry)."""
    host = QWidget()
    qtbot.addWidget(host)
    row = WrappingRow(host, wide_too=True, whole=True)
    first = QPushButton("Keep")
    second = QPushButton("Go")
    row.add(first)
    row.add(second)
    one_line = row.heightForWidth(400)
    assert row.heightForWidth(400) == one_line
    second.setText("Gluteus medius (deep) and a name long enough to need a line of its own")
    assert row.heightForWidth(400) > one_line  # on a second line now
    second.setText("Go")
    assert row.heightForWidth(400) == one_line
