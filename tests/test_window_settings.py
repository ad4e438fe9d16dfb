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


def _files_put_in_place(folder: str):
    """A counter of the files renamed into `folder` (Linux's inotify, IN_MOVED_TO): QSettings
    writes its file whole into a new one and renames it over the old, after an fdatasync."""
    import ctypes
    import os
    import struct

    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.inotify_init1(os.O_NONBLOCK)
    assert fd >= 0, ctypes.get_errno()
    # IN_MOVED_FROM | IN_MOVED_TO: the temporary file's name (a new one each time) between
    # two renames onto the settings file keeps the kernel from folding them into one event
    assert libc.inotify_add_watch(fd, folder.encode(), 0x00000040 | 0x00000080) >= 0

    def names() -> list[str]:
        found = []
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return found
        at = 0
        while at < len(data):
            _wd, mask, _cookie, size = struct.unpack_from("iIII", data, at)
            if mask & 0x00000080:
                found.append(data[at + 16:at + 16 + size].rstrip(b"\0").decode())
            at += 16 + size
        return found

    return fd, names


def test_closing_the_window_writes_the_settings_file_once(make_window):
    """The close wrote its eight settings one by one, each a write of the whole file, an
    fdatasync and a rename (about 10 ms each on this computer's disk, more on a clinic PC's):
    one write holds them all."""
    import os
    from pathlib import Path

    w = make_window()
    w.menus.act_labels.setChecked(True)
    w.history_bar.last_n.setValue(6)
    QSettings().sync()
    ini = Path(QSettings().fileName())
    fd, names = _files_put_in_place(str(ini.parent))
    try:
        w.close()
        written = [n for n in names() if n == ini.name]
    finally:
        os.close(fd)
    assert written == [ini.name]
    assert ws.CHART_LABELS.read() is True and ws.OVERLAY_LAST_N.read() == 6


def test_settings_written_together_are_checked_before_any_is_stored(qt_settings):
    with pytest.raises(TypeError, match="overlay/heat holds bool"):
        ws.write_together([(ws.OVERLAY_LAST_N, 5), (ws.OVERLAY_HEAT, "yes")])
    assert ws.OVERLAY_LAST_N.read() == 3 and ws.OVERLAY_HEAT.read() is False
