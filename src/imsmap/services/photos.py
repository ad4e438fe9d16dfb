"""Clinical photos of a session: attach, caption, tie to a chart site, take off a draft.

Each use case is one transaction with one audit entry, like the others (services.records), and
tells the subscribers what changed (entity "photo"). The photo's sha256 (of the bytes stored)
enters the audit trail with it; `imsmap check` compares the bytes with that entry
(`photo_problems`). A signed session's photos are locked with it, by the schema's triggers as
well as here; a photo is never deleted: taken off a draft (a confirmed user action), it is
marked removed and its bytes are kept, like a removed site.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain import validation as v
from imsmap.domain.errors import NotFoundError, ReadOnlyError, ValidationError
from imsmap.domain.photos import Photo
from imsmap.domain.text import QT_TRANSLATE_NOOP, counted, sentence
from imsmap.domain.values import AuditChanges
from imsmap.services import conflicts
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.records import Records
from imsmap.services.signatures import entries_about

if TYPE_CHECKING:
    from imsmap.services.photo_files import StoredPhoto

MAX_CAPTION = 200
MAX_PHOTOS_PER_SESSION = 60


@dataclass(frozen=True)
class PhotoFacts:
    """What the audit trail records of a new photo."""

    sha256: str
    mime: str
    width: int
    height: int
    bytes: int

    def changes(self, caption: str, site_id: int | None) -> AuditChanges:
        return {"sha256": [None, self.sha256], "mime": [None, self.mime],
                "width": [None, self.width], "height": [None, self.height],
                "bytes": [None, self.bytes], "caption": [None, caption],
                "site_id": [None, site_id]}


def caption_text(value: object) -> str:
    return v.text(value, "caption", label=QT_TRANSLATE_NOOP("Label", "The caption"),
                  max_len=MAX_CAPTION, multiline=False)


class Photos:
    """The photo use cases over one Records (its database, actor, clock and subscribers)."""

    def __init__(self, records: Records):
        self.records = records
        self.store = records.photo_store

    # -- reading ---------------------------------------------------------------------------
    def for_session(self, session_id: int) -> list[Photo]:
        return self.store.for_session(session_id)

    def for_sessions(self, session_ids: Iterable[int]) -> dict[int, list[Photo]]:
        """{session id: its photos}, for the sessions that have any (one query)."""
        return self.store.for_sessions(session_ids)

    def photo(self, photo_id: int) -> Photo:
        return self.store.photo(photo_id)

    def thumbnail(self, photo_id: int) -> bytes:
        return self.store.thumbnail(photo_id)

    def data(self, photo_id: int) -> bytes:
        return self.store.data(photo_id)

    @property
    def database_file(self) -> Path | None:
        """The database file this process has open, never to be read as a photo; None on a
        clinic server."""
        return None if self.records.read.on_server else self.records.read.path

    # -- writing ---------------------------------------------------------------------------
    def add_file(self, session_id: int, path: str | os.PathLike[str], caption: str = "",
                 site_id: int | None = None) -> Photo:
        """Attach the photo at ``path`` (refused with a sentence, nothing stored, if it is not
        a photo imsmap reads: services.photo_files)."""
        caption = caption_text(caption)
        session = self.records.read.session(session_id)
        if session.is_signed:  # before reading the file; the write checks again
            raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Session %1 is signed and locked; a photo is added to it only by "
                "an amendment, with its reason. Nothing was added."), str(session_id)))
        # Pillow makes the file fit for the record; imported here, when a photo is added, not
        # by everything that reads or checks the photos (the start-up check among them).
        from imsmap.services.photo_files import read_photo_file

        return self.add(session_id, read_photo_file(path, database=self.database_file),
                        caption, site_id)

    def add(self, session_id: int, photo: StoredPhoto, caption: str = "",
            site_id: int | None = None) -> Photo:
        caption = caption_text(caption)
        with self.records.write() as work:
            session = work.draft(session_id)
            self._refuse_merged_away(session.patient_id)
            self.check_site(session_id, site_id)
            self.check_room(session_id, photo)
            photo_id = self.store.insert(
                session_id, sha256=photo.sha256, mime=photo.mime, width=photo.width,
                height=photo.height, data=photo.data, thumbnail=photo.thumbnail,
                caption=caption, site_id=site_id, at=work.at, actor=work.actor)
            facts = PhotoFacts(photo.sha256, photo.mime, photo.width, photo.height,
                               len(photo.data))
            work.audit(Action.CREATE, Entity.PHOTO, photo_id, session_id,
                       facts.changes(caption, site_id))
            work.changed(Change(Action.CREATE, Entity.PHOTO, photo_id, session_id=session_id,
                                patient_id=session.patient_id))
        return self.store.photo(photo_id)

    def set_caption(self, photo_id: int, caption: str, *,
                    expected: dict[str, object] | None = None) -> Photo:
        """``expected``: the values its editor started from (a window's, {"caption": ...});
        a ConflictError, nothing written, when the stored ones differ: another window or
        program changed them meanwhile, and is not written over (services.conflicts)."""
        return self._change(photo_id, "caption", caption_text(caption), expected)

    def set_site(self, photo_id: int, site_id: int | None, *,
                 expected: dict[str, object] | None = None) -> Photo:
        """``expected``: as for the caption ({"site_id": ...})."""
        return self._change(photo_id, "site_id", site_id, expected)

    def _change(self, photo_id: int, field: str, value: object,
                expected: dict[str, object] | None) -> Photo:
        with self.records.write() as work:
            old = self.store.photo(photo_id)
            session = work.draft(old.session_id)
            if expected:
                conflicts.check(self.records.db.conn, "photo", photo_id, old.session_id, old,
                                expected, {field: value}, ("caption", "site_id"))
            if field == "site_id":
                self.check_site(old.session_id, value)  # type: ignore[arg-type]
            before = getattr(old, field)
            if before != value:
                self.store.update(photo_id, {field: value}, work.at, work.actor)
                work.audit(Action.UPDATE, Entity.PHOTO, photo_id, old.session_id,
                           {field: [before, value]})
                work.changed(Change(Action.UPDATE, Entity.PHOTO, photo_id,
                                    session_id=old.session_id, patient_id=session.patient_id))
        return self.store.photo(photo_id)

    def remove(self, photo_id: int, *, confirmed: bool) -> Photo:
        """Take a photo off a draft, once the user has confirmed it: it is marked removed and
        its bytes stay in the file (nothing clinical is ever deleted)."""
        if not confirmed:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "A photo is taken off a session only when you confirm it.")),
                                  "photo")
        with self.records.write() as work:
            old = self.store.photo(photo_id)
            session = work.draft(old.session_id)
            self.store.mark_removed(photo_id, work.at, work.actor)
            work.audit(Action.REMOVE, Entity.PHOTO, photo_id, old.session_id,
                       {"sha256": [old.sha256, None]})
            work.changed(Change(Action.REMOVE, Entity.PHOTO, photo_id,
                                session_id=old.session_id, patient_id=session.patient_id))
        return old

    def _refuse_merged_away(self, patient_id: int) -> None:
        """A draft of a record merged away takes no photo: the visit's new material belongs
        to the record kept (as a new session does: services.records.start_session)."""
        merge = self.records.read.merged_into(patient_id)
        if merge is not None:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "This draft's record was merged into %1; nothing is added to a "
                "record merged away, and nothing was added."),
                self.records.repo.patient(merge.kept_id).chart_number), "photo")

    def check_room(self, session_id: int, photo: StoredPhoto) -> None:
        """Refuses ``photo`` (a sentence, nothing added) when the session has it already or
        holds as many photos as a session may; in the adding write's transaction."""
        present = self.store.for_session(session_id)
        same = next((p for p in present if p.sha256 == photo.sha256), None)
        if same is not None:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "This photo is attached to this session already (photo %1); "
                "nothing was added."), str(same.seq)), "photo")
        if len(present) >= MAX_PHOTOS_PER_SESSION:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "A session holds at most %1 photos."),
                MAX_PHOTOS_PER_SESSION), "photo")

    def check_site(self, session_id: int, site_id: int | None) -> None:
        if site_id is None:
            return
        if isinstance(site_id, bool) or not isinstance(site_id, int):
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "The chart site must be given by its number.")), "site")
        try:
            site = self.records.read.site(site_id)
        except NotFoundError:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "There is no site %1 to tie the photo to."), str(site_id)),
                                  "site") from None
        if site.session_id != session_id:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "A photo is tied only to a site of its own session.")), "site")


def photo_problems(records: Records) -> tuple[list[str], str]:
    """Every stored photo's bytes against the sha256 its row holds and the one the audit
    trail recorded when it came in (`imsmap check`)."""
    store = records.photo_store
    if not store.available:
        return [], sentence("Photos", QT_TRANSLATE_NOOP("Photos", "no photos (schema before 6)"))
    recorded: dict[int, object] = {}
    for row, values in entries_about(records.db.conn, "photo", ("create", "import")):
        if row[5] is not None and "sha256" in values:
            recorded[row[5]] = values["sha256"]
    problems: list[str] = []
    n = 0
    for photo_id, session_id, sha, data in store.stored():
        n += 1
        where = sentence("Photos", QT_TRANSLATE_NOOP("Photos", "photo %1 (session %2)"),
                         str(photo_id), str(session_id))
        if data is None:
            problems.append(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "%1: its bytes are missing from the file"), where))
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha:
            problems.append(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "%1: its bytes no longer match the sha256 recorded with it: they "
                "were changed outside imsmap"), where))
        if photo_id not in recorded:
            problems.append(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "%1: the audit trail has no entry recording its sha256"), where))
        elif recorded[photo_id] != actual:
            problems.append(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "%1: its bytes do not match the sha256 the audit trail recorded when "
                "it was added"), where))
    return problems, counted("Photos", QT_TRANSLATE_NOOP("Photos", "%1 photo(s)"), n)
