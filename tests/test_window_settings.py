"""The window's own settings (ui.window_settings): each key once, typed, with its default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from imsmap.ui import window_settings as ws
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def test_each_setting_has_one_key_and_a_default_of_its_type(qt_settings):
    keys = [s.key for s in ws.ALL]
    assert len(keys) == len(set(keys))
    QSettings().remove(ws.TOUCH_SIZED.key)  # the tests' settings choose it (test_ui_support)
    for setting in ws.ALL:
        assert setting.read() == setting.default  # nothing stored yet
        assert setting.default is None or isinstance(setting.default, setting.kind)


def test_a_value_of_the_wrong_type_reads_as_the_default_and_is_never_written(qt_settings):
    QSettings().setValue(ws.OVERLAY_LAST_N.key, "many")  # a hand-edited file
    assert ws.OVERLAY_LAST_N.read() == 3
    with pytest.raises(TypeError, match="overlay/last_n holds int"):
        ws.OVERLAY_LAST_N.write("5")  # type: ignore[arg-type]
    ws.OVERLAY_LAST_N.write(5)
    assert ws.OVERLAY_LAST_N.read() == 5


def test_the_window_keeps_what_it_remembers_through_the_schema(make_window):
    w = make_window()
    w.menus.act_labels.setChecked(True)
    w.history_bar.last_n.setValue(6)
    w.close()
    assert ws.CHART_LABELS.read() is True and ws.OVERLAY_LAST_N.read() == 6
    again = make_window()
    assert again.menus.act_labels.isChecked() and again.history_bar.last_n.value() == 6
