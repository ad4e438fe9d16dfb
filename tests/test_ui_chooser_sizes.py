"""A tap on a muscle with others under it shows the strip of choices without asking each choice
its size a hundred times (issue 16: click_to_marker's CPU time doubled, 11 -> 24 ms, since the
choices wrap their words, 44a16ac). The strip's row (ui.wrapping_row) made a plain QWidgetItem
for each choice, which keeps none of the sizes it is asked, so every question of a layout
pass (about 140 for a strip of one choice) went to the choice's Python size hints and the
style. The row now takes Qt's own item for a widget (QLayout.addWidget), which keeps a widget's
sizes until the widget says they changed, and still follows a widget whose size changes."""

from __future__ import annotations

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
