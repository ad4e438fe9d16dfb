"""The window's dialogs for choosing a file (a photo, a logo, where a PDF goes) or a folder.

Each is QFileDialog, as its static functions make it (the desktop's own dialog where it offers
one, through its portal, out of this process), but where Qt's own dialog is shown it is given
an icon provider that names files by their kind without reading them. Qt's provider guesses a
file's type from its first bytes when its name does not say (QMimeDatabase): listing the
database's folder, it opened and closed the database's ``-wal`` and ``-shm`` files, and on
POSIX closing any descriptor of a file drops every lock the process holds on it
(docs/architecture.md): the window lost its lock on the ``-shm`` that tells every other
connection it is still using the shared index, and the next program to open the file would
take itself for the first and rebuild that index under the window.

Each function returns what the static function it stands for returns, so a test puts a
chosen answer in its place with monkeypatch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QFileInfo, QMimeDatabase, QMimeType
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NamesOnlyIcons(QFileIconProvider):
    """Qt's icons and kinds of files, with a file's kind found from its name only
    (QMimeDatabase.MatchExtension), never from its bytes; folders and drives as Qt has them
    (Qt reads no file for those)."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()

    def _kind(self, info: QFileInfo) -> QMimeType:
        return self._mime.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo) and what.isFile():
            kind = self._kind(what)
            return QIcon.fromTheme(kind.iconName(), QIcon.fromTheme(
                kind.genericIconName(), super().icon(QFileIconProvider.IconType.File)))
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isFile():
            kind = self._kind(info)
            return kind.comment() or kind.name()
        return super().type(info)


_ICONS: NamesOnlyIcons | None = None


def _icons() -> NamesOnlyIcons:
    global _ICONS
    if _ICONS is None:  # made once a QApplication exists; kept for every dialog after
        _ICONS = NamesOnlyIcons()
    return _ICONS


def _chosen(parent: QWidget | None, caption: str, where: str, filters: str,
            mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode, *,
            dirs_only: bool = False,
            guard: Callable[[QWidget], None] | None = None) -> tuple[list[str], str]:
    dialog = QFileDialog(parent, caption, where, filters)
    try:
        if guard is not None:  # the privacy screen covers Qt's own dialog (ui.privacy_cover)
            guard(dialog)
        dialog.setFileMode(mode)
        dialog.setAcceptMode(accept)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, dirs_only)
        dialog.setIconProvider(_icons())
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, where: str,
                   filters: str) -> tuple[str, str]:
    """One existing file (QFileDialog.getOpenFileName): its path ("" if cancelled) and the
    filter chosen."""
    files, chosen = _chosen(parent, caption, where, filters, QFileDialog.FileMode.ExistingFile,
                            QFileDialog.AcceptMode.AcceptOpen)
    return (files[0] if files else ""), chosen


def open_file_names(parent: QWidget | None, caption: str, where: str,
                    filters: str) -> tuple[list[str], str]:
    """Existing files (QFileDialog.getOpenFileNames)."""
    return _chosen(parent, caption, where, filters, QFileDialog.FileMode.ExistingFiles,
                   QFileDialog.AcceptMode.AcceptOpen)


def save_file_name(parent: QWidget | None, caption: str, where: str, filters: str, *,
                   guard: Callable[[QWidget], None] | None = None) -> tuple[str, str]:
    """Where to write a file (QFileDialog.getSaveFileName; `where` may name the file offered):
    a file that exists is replaced only once the user has said so. `guard`: the privacy
    screen's, where the name offered or the folder's files name a patient."""
    files, chosen = _chosen(parent, caption, where, filters, QFileDialog.FileMode.AnyFile,
                            QFileDialog.AcceptMode.AcceptSave, guard=guard)
    return (files[0] if files else ""), chosen


def existing_directory(parent: QWidget | None, caption: str, where: str) -> str:
    """A folder (QFileDialog.getExistingDirectory: folders only are shown, but Qt's own
    dialog still read the kinds of the files in the folder it listed); "" if cancelled."""
    folders, _ = _chosen(parent, caption, where, "", QFileDialog.FileMode.Directory,
                         QFileDialog.AcceptMode.AcceptOpen, dirs_only=True)
    return folders[0] if folders else ""
