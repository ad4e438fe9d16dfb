"""What the window remembers on this computer (Qt's QSettings), each setting named once with its
type and default. The clinic's own settings (its name, needle presets, the lock) are in the
database instead (services.clinic, services.lock).

    labels = CHART_LABELS.read()
    CHART_LABELS.write(True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from imsmap import i18n

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type
    default: T

    def read(self) -> T:
        """The stored value, as `kind`; the default when none is stored or what is stored is
        not a `kind` (a hand-edited file)."""
        raw = QSettings().value(self.key)
        if raw is None:
            return self.default
        if self.kind is bool:  # the ini file stores words
            value = raw if isinstance(raw, bool) else {"true": True, "false": False}.get(
                str(raw).lower())
        elif self.kind is int:
            try:
                value = raw if isinstance(raw, int) and not isinstance(raw, bool) \
                    else int(str(raw))
            except ValueError:
                value = None
        else:
            value = raw
        return value if isinstance(value, self.kind) else self.default

    def check(self, value: object) -> None:
        """TypeError unless `value` is what this setting holds."""
        if not isinstance(value, self.kind):
            raise TypeError(f"The setting {self.key} holds {self.kind.__name__}, not {value!r}.")

    def write(self, value: T, into: QSettings | None = None) -> None:
        """Store `value`. Each QSettings writes its whole file when it goes (an fdatasync and
        a rename): several settings written together go `into` one (`write_together`)."""
        self.check(value)
        (into if into is not None else QSettings()).setValue(self.key, value)


def write_together(values: list[tuple[Setting, object]]) -> None:
    """Several settings in one write of the file: the window's close wrote its eight one by
    one, eight syncs of the file to the disk (about 10 ms each here, more on a clinic PC's
    disk) where one does. Every value is checked before any is stored."""
    for setting, value in values:
        setting.check(value)
    settings = QSettings()
    for setting, value in values:
        setting.write(value, settings)
    settings.sync()


WINDOW_GEOMETRY: Setting[QByteArray | None] = Setting("window/geometry", QByteArray, None)
WINDOW_SPLITTER: Setting[QByteArray | None] = Setting("window/splitter", QByteArray, None)
CHART_LABELS = Setting("chart/labels", bool, False)
HIDE_NAMES = Setting("privacy/hide_names", bool, False)
OVERLAY_SHOW = Setting("overlay/show", bool, True)
OVERLAY_HEAT = Setting("overlay/heat", bool, False)
OVERLAY_LAST_N = Setting("overlay/last_n", int, 3)
# Who last wrote a note on this PC: the next new session's practitioner.
PRACTITIONER = Setting("session/practitioner", str, "")
# The window's language: "" follows the system (imsmap.i18n.system_language), else one of
# imsmap.i18n.SUPPORTED. Read at start (window_language); the settings dialog changes it.
LANGUAGE = Setting("window/language", str, "")
# On a clinic server, the name of this computer's room, as other rooms see it beside the login
# that holds a session ("" : the computer's host name).
ROOM = Setting("server/room", str, "")
# Touch-sized controls (ui.touch_size), as chosen in the View menu; None: not chosen, they follow
# whether the computer has a touch screen.
TOUCH_SIZED: Setting[bool | None] = Setting("window/touch_sized", bool, None)

# The folder the last PDF was exported to on this computer (the clinic's records folder, as a
# rule): the next export offers it ("" : the home folder).
EXPORT_FOLDER = Setting("export/folder", str, "")
# The folder the last photo was chosen from on this computer (the camera's import folder, as a
# rule): the next "Add photo" dialog opens there ("" : the home folder).
PHOTO_FOLDER = Setting("photos/folder", str, "")

ALL = (WINDOW_GEOMETRY, WINDOW_SPLITTER, CHART_LABELS, HIDE_NAMES, OVERLAY_SHOW, OVERLAY_HEAT,
       OVERLAY_LAST_N, PRACTITIONER, LANGUAGE, ROOM, TOUCH_SIZED, EXPORT_FOLDER,
       PHOTO_FOLDER)


def window_language() -> str:
    """The language the window speaks: the chosen one, else the system's (a value no longer
    supported, from a hand-edited file or a later version, also follows the system)."""
    chosen = LANGUAGE.read()
    return chosen if chosen in i18n.SUPPORTED else i18n.system_language()
