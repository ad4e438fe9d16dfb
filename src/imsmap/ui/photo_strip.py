"""The session's photos as a strip of thumbnails under the session: add from a file or by
dropping files on it; a double-click (or Enter) opens one full size (ui.photo_viewer).

The strip mirrors the store: it reads the session's photos through the photo use cases
(services.photos) and listens on the change bus for its session's photo changes and signature.
A signed session's photos are locked with it; a photo is added to it only by an amendment
(services.photo_amending): Add photo asks for one file, then for the amendment's reason
(ui.record.photo_amend_dialog), and the strip marks such a photo with a badge and says in its
tooltip who added it, when and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Session
from imsmap.domain.photos import Photo
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.photos import Photos
from imsmap.services.records import Records
from imsmap.ui import file_dialogs
from imsmap.ui.hold_banner import busy_sentence, held_sentence
from imsmap.ui.listening import listen
from imsmap.ui.photo_viewer import PhotoViewer
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.record.photo_amend_dialog import PhotoAmendDialog, added_by_words
from imsmap.ui.touch import hold_for_tips
from imsmap.ui.window_settings import PHOTO_FOLDER
from imsmap.ui.wording import said
from imsmap.ui.wrapping_row import WrappingRow

THUMB_PX = 44  # one row beside the title: the strip takes about one of the site list's rows
FILE_PATTERNS = "*.jpg *.jpeg *.JPG *.JPEG *.png *.PNG *.webp *.tif *.tiff *.bmp *.gif"
PHOTO_ROLE = Qt.ItemDataRole.UserRole
BADGE = QColor("#b35c00")  # the mark of a photo added by amendment (on light and dark photos)


def photo_title(photo: Photo, site_text: str = "") -> str:
    """'Photo 2 · Bruise after needling · site 3'"""
    parts = [QCoreApplication.translate("PhotoStrip", "Photo {number}").format(
        number=photo.seq)]
    if photo.caption:
        parts.append(photo.caption)
    if site_text:
        parts.append(site_text)
    return " · ".join(parts)


class PhotoStrip(QWidget):
    """Thumbnails of the open session's photos, with Add and drop."""

    photosChanged = Signal()  # the strip shows another set of photos (tests, layout)
    added = Signal()  # photos were added here (attached, or by an amendment)

    def __init__(self, records: Records, say: Callable[[str], None],
                 on_error: Callable[[object], None], parent: QWidget | None = None,
                 guard: Guard = unguarded, reread: Callable[[], object] = lambda: None):
        """``guard``: the window's privacy covers (ui.privacy_cover), for a viewer that keeps
        a refused caption while the privacy screen is up. ``reread``: the window reads again
        what another window or program wrote (MainWindow.refresh_all), before a photo is
        added by amendment."""
        super().__init__(parent)
        self.records = records
        self.reread = reread
        self.guard = guard
        self.photos = Photos(records)
        self.say = say
        self.on_error = on_error
        self.session_id: int | None = None
        self.editable = False  # a draft this window may change: photos are attached directly
        self.amendable = False  # a signed session: a photo is added by amendment
        self.viewer: PhotoViewer | None = None
        self.hidden = False  # the privacy screen: no photo and no caption on the screen
        self._readonly_db = records.read.readonly
        listen(records.bus, self, self._on_change)

        self.hint = QLabel()  # beside the title: one line, the strip stays low
        self.hint.setObjectName("hint")
        title = QLabel(self.tr("Photos"))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.add_button.setToolTip(self.tr("Attach a photo ({formats}); you can also drop photo "
                                           "files on this strip").format(
            formats=self.tr("JPEG, PNG, WebP, TIFF, BMP or GIF")))
        self.add_button.clicked.connect(self.choose_files)

        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.list.setGridSize(QSize(THUMB_PX + 6, THUMB_PX + 6))
        self.list.setSpacing(0)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(THUMB_PX + 6 + self.list.horizontalScrollBar()
                                 .sizeHint().height() + 2 * self.list.frameWidth() + 2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Session photos"))
        self.list.itemActivated.connect(self._open_item)
        hold_for_tips(self.list)  # a photo's caption and site, for a finger (no hover)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.setAcceptDrops(False)  # the strip takes the drop, list and all

        # One row: title, count, the thumbnails (numbered left to right), Add; on more lines
        # where the column is narrow (ui.wrapping_row: 125 %, 200 %, French words). Its hint
        # changes with the session (wide_too): the French "locked while another room holds
        # this session" on one line made a second room's window 1394 px, past a 1366 screen.
        layout = WrappingRow(self, spacing=6, wide_too=True)
        layout.setContentsMargins(0, 4, 0, 0)
        named = QHBoxLayout()
        named.setSpacing(6)
        named.addWidget(title)
        named.addWidget(self.count)
        layout.add(named)
        layout.add(self.list, stretch=1)
        layout.add(self.hint, stretch=1)
        layout.add(self.add_button, top=True)
        self.setAcceptDrops(True)
        self.set_session(None)

    # -- what it shows ----------------------------------------------------------------------
    def set_hidden(self, hidden: bool) -> None:
        """The privacy screen: a photo can show a face or a tattoo as plainly as a name, so
        while it is on the thumbnails are blank, captions are not shown and no photo opens."""
        self.hidden = bool(hidden)
        if self.hidden and self.viewer is not None:
            if self.viewer.conflict.holds_text():
                # A caption typed and refused is in its notice and in no record: the viewer
                # is covered, as the window's other dialogs are, and stays as it was left.
                self.guard(self.viewer)
            else:
                self.viewer.close_now()
        self.refresh()

    def set_session(self, session_id: int | None) -> None:
        if self.viewer is not None and self.viewer.photo.session_id != session_id:
            self.viewer.close_now()
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        session = self.records.read.session(self.session_id) if self.session_id else None
        self.editable = session is not None and self._locked(session) is None
        self.amendable = session is not None and self._not_amendable(session) is None
        shown = self.photos.for_session(session.id) if session is not None else []
        sites = self._site_numbers() if shown else {}  # for the photos' tooltips
        amendments = {a.id: a for a in self.records.read.amendments(session.id)} \
            if session is not None and any(p.by_amendment for p in shown) else {}
        self.list.clear()
        for photo in shown:
            if self.hidden:
                item = QListWidgetItem(self._blank_icon(), "")
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             self.tr("Photo {number} (hidden)").format(number=photo.seq))
                item.setToolTip(self.tr("Hidden by the privacy screen (F12 or Ctrl+H)"))
            else:
                item = QListWidgetItem(self._icon(photo), "")  # number and caption: tooltip
                added = added_by_words(photo, amendments.get(photo.amendment_id)) \
                    if photo.by_amendment else ""
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             photo_title(photo) + (f" · {added}" if added else ""))
                site = sites.get(photo.site_id)
                title = photo_title(photo, self.tr("site {number}").format(number=site)
                                    if site else "")
                item.setToolTip(self.tr("{title}\n{width} x {height} {kind}, {size} KB · "
                                        "double-click to open").format(
                    title=title, width=photo.width, height=photo.height, kind=photo.kind,
                    size=QLocale().toString(round(photo.bytes / 1024)))
                    + (f"\n{added}" if added else ""))
            item.setData(PHOTO_ROLE, photo.id)
            self.list.addItem(item)
        n = len(shown)
        self.count.setText(f"{n}" if n else "")
        self.add_button.setEnabled(self.editable or self.amendable)
        self.add_button.setToolTip(self.tr(
            "Add a photo to this signed session by an amendment: its reason is asked, and it "
            "is dated today in your name") if self.amendable else self.tr(
            "Attach a photo ({formats}); you can also drop photo files on this strip").format(
            formats=self.tr("JPEG, PNG, WebP, TIFF, BMP or GIF")))
        if session is None:
            hint = self.tr("open a session to attach photos")
        elif session.is_signed:
            hint = self.tr("none; adding one makes an amendment") \
                if self.amendable else self.tr("locked with the signed session")
        elif session.retracted:
            hint = self.tr("locked: this draft was withdrawn")
        elif self._readonly_db:
            hint = self.tr("the database is read-only")
        elif self.records.read.signed_before(session.id, fresh=False) is not None:
            hint = self.tr("locked: its signature was taken away outside imsmap")
        elif not self.editable:
            hint = self.tr("locked while another room holds this session")
        else:
            hint = "" if n else self.tr("drop photo files here")
        self.hint.setText(hint)
        self.hint.setToolTip(self.tr("Photos are stored upright, without GPS position, device serials "
                             "or other camera data, at most 2048 px on their long side."))
        self.list.setVisible(bool(n))
        self.hint.setVisible(not n)
        self.photosChanged.emit()

    def _locked(self, session: Session) -> str | None:
        """Why no photo can be added to `session` here, in one sentence that says what to do;
        None if one can (the session panel's `editable`, said)."""
        if session.is_signed:  # entered in error too: a signed session
            return self.tr("This session is signed: its photos are locked with it, and a "
                           "photo is added to it only by an amendment, with its reason.")
        if session.retracted:
            return self.tr("This draft was withdrawn: it is locked and kept for the record, so "
                           "nothing was added.")
        if self._readonly_db:
            return self.tr("The database is open read-only: no photo can be added here.")
        # as the window found on opening it (services.queries.signed_before)
        if self.records.read.signed_before(session.id, fresh=False) is not None:
            return self.tr("This draft was signed before and its signature was taken away "
                           "outside imsmap: it is locked, so nothing was added. Run imsmap "
                           "check.")
        held = self.records.read.held_elsewhere(session.id)
        if held is None and self.records.read.hold_unknown(session.id):
            return busy_sentence()
        return held_sentence(held) if held is not None else None

    def _not_amendable(self, session: Session) -> str | None:
        """Why no photo can be added to the signed `session` by amendment here; None if one
        can (a draft: never, its photos are attached directly)."""
        if not session.is_signed:
            return self._locked(session) or self.tr(
                "This session is a draft: attach the photo to it directly.")
        if session.is_entered_in_error:
            return self.tr("This session is marked entered in error: it belongs to no one's "
                           "treatment here and takes no photo, so nothing was added.")
        if self._readonly_db:
            return self.tr("The database is open read-only: no photo can be added here.")
        return None

    def _icon(self, photo: Photo) -> QIcon:
        image = QImage.fromData(self.photos.thumbnail(photo.id))
        if photo.by_amendment:
            image = badged(image)
        return QIcon(QPixmap.fromImage(image))

    def _blank_icon(self) -> QIcon:
        blank = QPixmap(THUMB_PX, THUMB_PX)
        blank.fill(self.palette().color(self.palette().ColorRole.Mid))
        return QIcon(blank)

    def _site_numbers(self) -> dict[int, int]:
        if self.session_id is None:
            return {}
        return {s.id: s.seq for s in self.records.read.sites_for_session(self.session_id)}

    def photo_ids(self) -> list[int]:
        return [self.list.item(i).data(PHOTO_ROLE) for i in range(self.list.count())]

    def _on_change(self, change: Change) -> None:
        if self.session_id is None or change.session_id != self.session_id:
            return
        # Signed, withdrawn or entered in error: the strip locks with the session.
        if change.entity in (Entity.PHOTO, Entity.RETRACTION) or change.action is Action.SIGN or \
                (change.entity is Entity.SITE and self.list.count()):
            self.refresh()  # a site's number shows in its photos' tooltips, if there are any

    # -- adding -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.amendable and self.session_id is not None:
            path, _ = file_dialogs.open_file_name(
                self, self.tr("Add a photo by amendment"), _photo_folder(),
                self.tr("Photos ({patterns});;All files (*)").format(patterns=FILE_PATTERNS))
            if path:
                PHOTO_FOLDER.write(str(Path(path).parent))
                self.add_by_amendment(path)
            return
        if not self.editable:
            return
        paths, _ = file_dialogs.open_file_names(self, self.tr("Attach photos"), _photo_folder(),
                                                self.tr("Photos ({patterns});;All files (*)").format(
                                                    patterns=FILE_PATTERNS))
        if paths:
            PHOTO_FOLDER.write(str(Path(paths[0]).parent))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> int:
        """Attach each file; a refused one is said in one sentence (the first, and how many
        more). Returns how many were attached."""
        if self.session_id is None or not paths:
            return 0
        session = self.records.read.session(self.session_id)
        if session.is_signed:
            refused = self._not_amendable(session)
            if refused is None and len(paths) > 1:
                refused = self.tr("A signed session takes one photo at a time, each by an "
                                  "amendment with its reason: drop or choose one photo, and "
                                  "nothing was added.")
            if refused is not None:
                self.on_error(refused)
                return 0
            return 1 if self.add_by_amendment(paths[0]) else 0
        locked = self._locked(session)
        if locked is not None:
            self.on_error(locked)
            return 0
        added, refused = 0, []
        for path in paths:
            try:
                self.photos.add_file(self.session_id, path)
                added += 1
            except UserFacingError as exc:
                refused.append(exc)
        if refused:
            # A refusal may name what another window attached meanwhile ("attached to this
            # session already (photo 3)"): the strip shows the session as it is now.
            self.refresh()
            # The first refusal's sentence in the window's language (wording.said), as the
            # status bar says a single one.
            self.on_error(self.tr("{reason} (%n more file(s) refused too.)", "",
                                  len(refused) - 1).format(reason=said(refused[0]))
                          if len(refused) > 1 else refused[0])
        elif added:
            self.say(self.tr("%n photo(s) attached, upright and without GPS or camera data.", "",
                             added))
        if added:
            self.added.emit()
        return added

    def add_by_amendment(self, path: str) -> bool:
        """Ask the amendment's reason and the caption (one dialog), then add the photo at
        `path` to the signed session; whether it was added."""
        if self.session_id is None:
            return False
        # As Add amendment… (ui.session_actions): what another window or program amended since
        # this window last looked is shown first (read again only if the file moved on), and
        # one added while the dialog is open is said there before the photo is added.
        session_id = self.session_id
        self.reread()
        if self.session_id != session_id:  # the record moved on to another (merged...)
            return False
        dialog = PhotoAmendDialog(self.records, self.photos, session_id, path, self,
                                  reread=self.reread)
        if not dialog.exec() or dialog.added is None:
            return False
        _amendment, photo = dialog.added
        self.say(self.tr("Photo {number} added by amendment, upright and without GPS or "
                         "camera data.").format(number=photo.seq))
        self.added.emit()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt naming
        if event.mimeData().hasUrls() and self.session_id is not None and \
                any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt naming
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(paths)

    # -- opening ----------------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        if self.hidden:
            self.say(self.tr("Photos are hidden while the privacy screen is on (F12 or Ctrl+H)."))
            return
        self.open_photo(int(item.data(PHOTO_ROLE)))

    def open_photo(self, photo_id: int) -> PhotoViewer:
        if self.viewer is not None:
            self.viewer.close_now()
        photo = self.photos.photo(photo_id)
        amendment = next((a for a in self.records.read.amendments(photo.session_id)
                          if a.id == photo.amendment_id), None) if photo.by_amendment else None
        self.viewer = PhotoViewer(self.records, self.photos, photo, self.editable,
                                  self.on_error, self,
                                  added_by=added_by_words(photo, amendment)
                                  if photo.by_amendment else "")
        viewer = self.viewer
        viewer.finished.connect(lambda _result: self._viewer_closed(viewer))
        viewer.open()
        return viewer

    def _viewer_closed(self, viewer: PhotoViewer) -> None:
        """A closed viewer is deleted, not only let go: it is a child of the strip, and each
        one kept its widgets and the photo at full size (about 8 MB a photo opened, over a
        day of patients in one window)."""
        if self.viewer is viewer:
            self.viewer = None
        viewer.deleteLater()


def _photo_folder() -> str:
    """Where the photo dialog opens: the folder the last photo was chosen from while it is
    there (each dialog began in the home folder, and the camera's folder was looked for again
    for every session), else the home folder."""
    folder = PHOTO_FOLDER.read()
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def badged(image: QImage) -> QImage:
    """The thumbnail with the mark of a photo added by amendment: a round badge holding a plus
    in the bottom-right corner (the tooltip and the viewer say who, when and why)."""
    out = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    # About 40 % of the long side (the strip shows a thumbnail 44 px on its long side), no
    # wider than the short side of a tall or wide photo allows.
    side = max(8, min(max(out.width(), out.height()) * 2 // 5,
                      min(out.width(), out.height()) * 9 // 10))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(out.width() - side - 1, out.height() - side - 1, side, side)
    painter.setPen(QPen(QColor("white"), max(1.0, side / 10)))
    painter.setBrush(BADGE)
    painter.drawEllipse(box)
    painter.setPen(QPen(QColor("white"), max(1.5, side / 7), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap))
    c, r = box.center(), side * 0.26
    painter.drawLine(c.x() - r, c.y(), c.x() + r, c.y())
    painter.drawLine(c.x(), c.y() - r, c.x(), c.y() + r)
    painter.end()
    return out
