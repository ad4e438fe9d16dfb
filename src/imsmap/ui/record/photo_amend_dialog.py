"""A photo added to a signed session, by amendment (services.photo_amending): one dialog asks
the amendment's reason (required) and the photo's caption; the amendment is dated today in the
user's name. The photos strip marks such a photo, and the session's amendments say what it
added (``photos_added_in_words``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Amendment
from imsmap.domain.photos import Photo
from imsmap.services.amending import AmendedMeanwhile
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import MAX_CAPTION, Photos
from imsmap.services.records import Records
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.wording import numeric_datetime


def photos_added_in_words(photos: list[Photo]) -> dict[int, str]:
    """{amendment id: " Photo 3 added: Bruise."} for the session's photos added by amendment
    (what the session panel adds to their amendment's words)."""
    said: dict[int, list[str]] = {}
    for p in photos:
        if p.amendment_id is None:
            continue
        said.setdefault(p.amendment_id, []).append(
            QCoreApplication.translate("PhotoAmendDialog", "Photo {number} added: {caption}.")
            .format(number=p.seq, caption=p.caption) if p.caption else
            QCoreApplication.translate("PhotoAmendDialog", "Photo {number} added.")
            .format(number=p.seq))
    return {aid: " " + " ".join(parts) for aid, parts in said.items()}


def added_by_words(photo: Photo, amendment: Amendment | None) -> str:
    """"Added after signing, by the amendment of 2026-11-21 09:12 by j.physio: Bruise next
    morning" (a tooltip's line, the viewer's)."""
    if amendment is None:
        return QCoreApplication.translate("PhotoAmendDialog", "Added after signing, by amendment")
    return QCoreApplication.translate(
        "PhotoAmendDialog", "Added after signing, by the amendment of {when} by {who}: "
        "{reason}").format(when=numeric_datetime(amendment.created_at),
                           who=amendment.created_by, reason=amendment.reason)


class PhotoAmendDialog(QDialog):
    """Add the photo at ``path`` to the signed session by an amendment: its reason, a caption."""

    def __init__(self, records: Records, photos: Photos, session_id: int, path: str,
                 parent: QWidget | None = None, reread: Callable[[], object] = lambda: None):
        """``reread``: the window reads the record again (an amendment another window or
        program added while this dialog was open is then shown with the session behind it)."""
        super().__init__(parent)
        self.records = records
        self.photos = photos
        self.session_id = session_id
        self.path = path
        self.reread = reread
        self.added: tuple[Amendment, Photo] | None = None
        # The amendments the session has as the clinician begins this one: another added
        # meanwhile refuses it until they have been shown it (services.amending.check_unseen).
        self.seen = len(records.read.amendments(session_id))
        self.setWindowTitle(self.tr("Add photo to a signed session"))
        self.setMinimumWidth(520)
        s = records.read.session(session_id)
        note = QLabel(self.tr(
            "Session of {when}, signed by {who} on {signed}, is locked. The photo is added to "
            "it by an amendment, with today's date and your name; the signed note and its "
            "photos stay as they were signed. Once added, the photo and the amendment cannot "
            "be changed or taken off.").format(
            when=numeric_datetime(s.started_at), who=s.signed_by,
            signed=numeric_datetime(s.signed_at)))
        note.setWordWrap(True)
        self.file = QLabel(Path(path).name)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Bruise at site 3 the next morning"))
        self.reason.setAccessibleName(self.tr("Reason for the amendment"))
        self.caption = QLineEdit()
        self.caption.setMaxLength(MAX_CAPTION)
        self.caption.setPlaceholderText(self.tr("e.g. bruise 2 cm below the L5 insertion, day 2"))
        self.caption.setAccessibleName(self.tr("Caption"))
        form = QFormLayout()
        form.addRow(self.tr("Photo:"), self.file)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Caption:"), self.caption)
        self.error = ErrorLine(keep_place=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Add photo by amendment"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _save(self) -> None:
        try:
            self.added = add_file_by_amendment(self.photos, self.session_id, self.path,
                                               self.reason.text(), self.caption.text(),
                                               seen=self.seen)
        except UserFacingError as exc:  # no reason, not a photo, too large...: nothing added
            if isinstance(exc, AmendedMeanwhile) and exc.amendments is not None:
                # Another amendment came first: the window shows it with the session; the
                # reason and caption stay, and the button again adds the photo after it.
                self.seen = exc.amendments
                self.reread()
            self.error.show_message(exc)
            layout = self.layout()
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))
            return
        self.accept()
