"""Adding a photo to a signed session, by amendment (schema 10; server schema 9).

A clinician takes a photo after signing: the bruise the next morning, the consent form scanned
at reception, a photo the patient sent of a rash at the insertion site. A signed session changes
only by amendment, so the photo comes in with one: one transaction writes the amendment (who,
when, why: its reason is required), the photo (its row names the amendment) and its bytes, and
two audit entries, the amendment's (which records the photo it adds) and the photo's (its
sha256, as for any photo, which `imsmap check` compares with the bytes). The signed session,
its content hash and its own photos stay as they were signed; the added photo is as final as
its amendment (never changed, never taken off).

Refused with one sentence, nothing written: no reason; a draft (its photos are added directly);
a session marked entered in error (it belongs to no one's treatment here); a file that is not a
photo imsmap reads or is too large (services.photo_files); a photo the session has already. On a
clinic server the session's row is held until COMMIT, as for any amendment
(services.amending): a second room amending at once waits, then writes after it. ``seen`` (the
dialog's: how many amendments the session had when the person began adding the photo) refuses
it, as any amendment, when another window or program added one since (AmendedMeanwhile naming
it, read inside the write: services.amending.check_unseen).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import Amendment
from imsmap.domain.photos import Photo
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.amending import check_unseen
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.photos import PhotoFacts, Photos, caption_text

if TYPE_CHECKING:
    from imsmap.services.photo_files import StoredPhoto

# What the amendment's audit entry records of the photo it adds: [photo number, sha256].
ADDS_PHOTO = "adds_photo"

# services.amending's refusal of an amendment begun before another, said of a photo (%1: the
# others, who, when, why).
UNSEEN = QT_TRANSLATE_NOOP(
    "Photos", "Another amendment was added to this session in another window or program "
    "after you began adding this photo (%1), so the photo was not added yet. It is now shown "
    "with the session: read it, then press Add photo by amendment again to add the photo as "
    "chosen, or Cancel.")


def reason_text(reason: object) -> str:
    return v.text(reason, "reason",
                  label=QT_TRANSLATE_NOOP("Label", "The reason for the amendment"),
                  max_len=v.MAX_SHORT_TEXT, required=True)


def add_file_by_amendment(photos: Photos, session_id: int, path: str | os.PathLike[str],
                          reason: str, caption: str = "", site_id: int | None = None,
                          seen: int | None = None) -> tuple[Amendment, Photo]:
    """Read the photo at ``path`` (refused with a sentence if it is not one imsmap reads), then
    add it to the signed session by an amendment giving ``reason``. ``seen``: how many
    amendments the session had when the person began (AmendedMeanwhile when another came
    since; without it, as before: scripts, `imsmap photo --amend`)."""
    reason = reason_text(reason)
    caption = caption_text(caption)
    _refuse(photos, photos.records.read.session(session_id))  # before reading the file
    from imsmap.services.photo_files import read_photo_file

    return add_by_amendment(photos, session_id,
                            read_photo_file(path, database=photos.database_file), reason,
                            caption, site_id, seen)


def add_by_amendment(photos: Photos, session_id: int, photo: StoredPhoto, reason: str,
                     caption: str = "", site_id: int | None = None, seen: int | None = None
                     ) -> tuple[Amendment, Photo]:
    reason = reason_text(reason)
    caption = caption_text(caption)
    records = photos.records
    repo = records.repo
    with records.write() as work:
        repo.lock_session(session_id)  # as every amendment (services.amending)
        session = repo.session(session_id)
        _refuse(photos, session)
        photos.check_site(session_id, site_id)
        photos.check_room(session_id, photo)
        if seen is not None:  # read with the row held: another amendment cannot slip in after
            amendments = repo.amendments(session_id)
            check_unseen(amendments[seen:], len(amendments), UNSEEN, "Photos")
        at, actor = work.at, work.actor
        aid = repo.insert_amendment(session_id, at, actor, reason, "")
        photo_id = photos.store.insert(
            session_id, sha256=photo.sha256, mime=photo.mime, width=photo.width,
            height=photo.height, data=photo.data, thumbnail=photo.thumbnail, caption=caption,
            site_id=site_id, at=at, actor=actor, amendment_id=aid)
        added = photos.store.photo(photo_id)
        work.audit(Action.AMEND, Entity.AMENDMENT, aid, session_id,
                   changes={"reason": [None, reason], "text": [None, ""],
                            ADDS_PHOTO: [None, [added.seq, photo.sha256]]})
        facts = PhotoFacts(photo.sha256, photo.mime, photo.width, photo.height, len(photo.data))
        work.audit(Action.CREATE, Entity.PHOTO, photo_id, session_id,
                   {**facts.changes(caption, site_id), "amendment_id": [None, aid]})
        work.changed(Change(Action.AMEND, Entity.AMENDMENT, aid, session_id=session_id,
                            patient_id=session.patient_id))
        work.changed(Change(Action.CREATE, Entity.PHOTO, photo_id, session_id=session_id,
                            patient_id=session.patient_id))
    amendment = next(a for a in repo.amendments(session_id) if a.id == aid)
    return amendment, photos.store.photo(photo_id)


def _refuse(photos: Photos, session: object) -> None:
    from imsmap.domain.models import Session

    assert isinstance(session, Session)
    if not session.is_signed:
        if session.is_withdrawn:
            raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
                "Photos", "Session %1 is a withdrawn draft: it is locked and takes no photo; "
                "nothing was added."), str(session.id)), "photo")
        raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
            "Photos", "Session %1 is a draft: attach the photo to it directly; an amendment is "
            "only for a signed session. Nothing was added."), str(session.id)), "photo")
    if session.is_entered_in_error:
        raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
            "Photos", "Session %1 is marked entered in error: it belongs to no one's treatment "
            "here and takes no photo; nothing was added."), str(session.id)), "photo")
    if not photos.store.by_amendment_available:
        raise ValidationError(sentence("Photos", QT_TRANSLATE_NOOP(
            "Photos", "This database's schema is older than photos added by amendment; open it "
            "in this imsmap (it is upgraded) first. Nothing was added.")), "photo")


def photos_by_amendment(photos: list[Photo]) -> dict[int, list[Photo]]:
    """{amendment id: the photos it added}."""
    out: dict[int, list[Photo]] = {}
    for p in photos:
        if p.amendment_id is not None:
            out.setdefault(p.amendment_id, []).append(p)
    return out
