"""One photo full size, with its caption, the chart site it shows, and its record: size, who
added it when, and the sha256 the audit trail holds. On a draft the caption and the site can be
changed, and the photo taken off the session after a confirmation (it is marked removed; its
bytes stay in the file). A signed session's photo only shows. A caption refused because another
window or program changed it first is kept in a notice to copy, as a refused session note is
(ui.conflict_notice), and the viewer stays open until it is dismissed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import ConflictError, UserFacingError
from imsmap.domain.photos import Photo
from imsmap.services.photos import MAX_CAPTION, Photos
from imsmap.services.records import Records
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.wording import muscle_name, numeric_datetime, vocabulary

NO_SITE = -1
VIEWER_SIZE = QSize(1100, 860)  # where the screen has room for it


def viewer_size(parent: QWidget | None) -> QSize:
    """VIEWER_SIZE, or nine tenths of the screen's room where that is less: on a 1366 x 768
    laptop an 860 px high viewer put its caption, chart site and Close button below the
    screen's edge (the remaining tenth is for the window manager's title bar)."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return VIEWER_SIZE
    room = screen.availableGeometry().size()
    return QSize(min(VIEWER_SIZE.width(), room.width() * 9 // 10),
                 min(VIEWER_SIZE.height(), room.height() * 9 // 10))


class PhotoViewer(QDialog):
    def __init__(self, records: Records, photos: Photos, photo: Photo, editable: bool,
                 on_error: Callable[[object], None], parent: QWidget | None = None,
                 added_by: str = ""):
        """``added_by``: for a photo added to a signed session by amendment, who added it,
        when and why (ui.record.photo_amend_dialog.added_by_words)."""
        super().__init__(parent)
        self.records = records
        self.photos = photos
        self.photo = photo
        self.editable = editable
        self.on_error = on_error
        self.setWindowTitle(self.tr("Photo {number}").format(number=photo.seq))
        self.setModal(True)
        self.resize(viewer_size(parent))
        self.pixmap = QPixmap.fromImage(QImage.fromData(photos.data(photo.id)))

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("Photo"))
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.fit = QCheckBox(self.tr("Fit to window"))
        self.fit.setChecked(True)
        self.fit.setToolTip(self.tr("Off: the photo at its full stored size (scroll to see it all)"))
        self.fit.toggled.connect(self._show_picture)

        self.caption = QLineEdit(photo.caption)
        self.caption.setMaxLength(MAX_CAPTION)
        self.caption.setPlaceholderText(self.tr("e.g. bruise 2 cm below the L5 insertion, day 2"))
        self.caption.editingFinished.connect(self._save_caption)
        self.conflict = ConflictNotice()  # a caption refused: another window changed it first
        self._closing_anyway = False  # close_now: closed whatever the notice holds
        self.site = QComboBox()
        self.site.addItem(self.tr("not tied to a site"), NO_SITE)
        for s in records.read.sites_for_session(photo.session_id):
            self.site.addItem(self.tr("site {number} · {muscle} ({side})").format(
                number=s.seq, muscle=self._muscle_name(s.muscle_id),
                side=vocabulary("Side", s.side.label).lower())
                + (f" {s.level}" if s.level else ""), s.id)
        index = self.site.findData(photo.site_id if photo.site_id is not None else NO_SITE)
        self.site.setCurrentIndex(max(index, 0))
        self.site.currentIndexChanged.connect(self._save_site)
        for field in (self.caption, self.site):
            field.setEnabled(editable)
        facts = QLabel(self.tr("{width} x {height} px {kind}, {size} KB · added {when} by "
                               "{who}").format(
            width=photo.width, height=photo.height, kind=photo.kind,
            size=QLocale().toString(round(photo.bytes / 1024)),
            when=numeric_datetime(photo.created_at), who=photo.created_by)
                       if photo.created_at else f"{photo.width} x {photo.height} px")
        digest = QLabel(f"sha256 {photo.sha256}")
        digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        digest.setObjectName("hint")
        digest.setToolTip(self.tr("The hash of the stored photo, as the audit trail recorded it"))

        form = QFormLayout()
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Chart site"), self.site)
        form.addRow(self.tr("Photo"), facts)
        form.addRow("", digest)
        if added_by:
            amendment = QLabel(added_by)
            amendment.setWordWrap(True)
            form.addRow(self.tr("Amendment"), amendment)
        self.remove_button = QPushButton(self.tr("Remove photo…"))
        self.remove_button.setVisible(editable)
        self.remove_button.clicked.connect(self.ask_remove)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fit)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(close)
        if not editable:
            locked = QLabel(self._locked_text())
            locked.setObjectName("hint")
            buttons.insertWidget(1, locked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(form)
        layout.addWidget(self.conflict)
        layout.addLayout(buttons)
        self._show_picture()

    def _locked_text(self) -> str:
        """Why this photo only shows: its session signed, withdrawn, or read-only here (the
        database, or another room's hold)."""
        session = self.records.read.session(self.photo.session_id)
        if session.is_signed:
            return self.tr("The session is signed: this photo is locked with it.")
        if session.retracted:
            return self.tr("The draft was withdrawn: this photo is locked with it.")
        return self.tr("Read-only here: this photo cannot be changed.")

    def _muscle_name(self, muscle_id: str) -> str:
        return muscle_name(self.records.atlas, muscle_id)

    # -- the picture ------------------------------------------------------------------------
    def _show_picture(self) -> None:
        if self.fit.isChecked():
            self.scroll.setWidgetResizable(True)
            room = self.scroll.viewport().size()
            shown = self.pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation) \
                if (self.pixmap.width() > room.width() or
                    self.pixmap.height() > room.height()) else self.pixmap
        else:
            self.scroll.setWidgetResizable(False)
            shown = self.pixmap
        self.picture.setPixmap(shown)
        if not self.fit.isChecked():
            self.picture.resize(shown.size())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.fit.isChecked():
            self.layout().activate()  # the scroll area at its new size before fitting to it
            self._show_picture()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self.layout().activate()
        self._show_picture()

    def shown_size(self) -> tuple[int, int]:
        pixmap = self.picture.pixmap()
        return (pixmap.width(), pixmap.height())

    # -- editing ----------------------------------------------------------------------------
    def _save_caption(self) -> None:
        if not self.editable or self.caption.text() == self.photo.caption:
            return
        typed = self.caption.text()
        try:
            self.photo = self.photos.set_caption(self.photo.id, typed,
                                                 expected={"caption": self.photo.caption})
        except UserFacingError as exc:
            self.on_error(exc)
            if isinstance(exc, ConflictError):
                # Changed elsewhere meanwhile: the field shows it as it is, and what was typed
                # is kept in the notice to copy (it was dropped without a trace before).
                self.photo = self.photos.photo(self.photo.id)
                self.conflict.add(exc, typed)
            self.caption.setText(self.photo.caption)

    def _save_site(self) -> None:
        if not self.editable:
            return
        value = self.site.currentData()
        site_id = None if value == NO_SITE else int(value)
        if site_id == self.photo.site_id:
            return
        try:
            self.photo = self.photos.set_site(self.photo.id, site_id,
                                              expected={"site_id": self.photo.site_id})
        except UserFacingError as exc:
            self.on_error(exc)
            if isinstance(exc, ConflictError):  # changed elsewhere meanwhile: shown as it is
                self.photo = self.photos.photo(self.photo.id)
            self.site.blockSignals(True)
            self.site.setCurrentIndex(max(self.site.findData(
                self.photo.site_id if self.photo.site_id is not None else NO_SITE), 0))
            self.site.blockSignals(False)

    def ask_remove(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove photo"),
                          self.tr("Take photo {number} off this session? It stays in the "
                                  "database's history, but no longer shows, exports or "
                                  "prints.").format(number=self.photo.seq),
                          QMessageBox.StandardButton.Cancel, self)
        remove = box.addButton(self.tr("Remove photo"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm = box
        box.finished.connect(lambda _r: self._removal_answered(box.clickedButton() is remove))
        box.open()

    def _removal_answered(self, confirmed: bool) -> None:
        self.confirm = None
        if not confirmed:
            return
        try:
            self.photos.remove(self.photo.id, confirmed=True)
        except UserFacingError as exc:
            self.on_error(exc)
            return
        self.accept()

    def close_now(self) -> None:
        """Close whatever the notice holds: the privacy screen went on (a photo shows a face
        as plainly as a name), or another session is shown."""
        self._closing_anyway = True
        self.close()

    def done(self, result: int) -> None:
        self._save_caption()  # typed, then closed: saved like every other field
        if self.conflict.holds_text() and not self._closing_anyway:
            # A caption refused (now, or before) is in the notice and in no record: the
            # viewer stays open with it until it is copied or dismissed.
            self.conflict.show()
            return
        super().done(result)
