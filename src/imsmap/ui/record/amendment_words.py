"""A signed session's amendments in the words its column shows (ui.record.amendment_list):
each one's head (when, by whom, why), then its words, the corrections it made and the photos it
added. Its sentence is the session panel's (translation context "SessionPanel"), where it was
said before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from imsmap.services.photos import Photos
from imsmap.services.records import Records
from imsmap.ui.record.amend_dialog import corrections_in_words
from imsmap.ui.record.amendment_list import AmendmentWords
from imsmap.ui.record.photo_amend_dialog import photos_added_in_words
from imsmap.ui.wording import numeric_datetime


def amendments_in_words(records: Records, session_id: int) -> list[AmendmentWords]:
    """The session's amendments, oldest first (none: an empty list, nothing more read)."""
    items = records.read.amendments(session_id)
    if not items:
        return []
    fixes = corrections_in_words(records, session_id)  # their corrections
    added = photos_added_in_words(Photos(records).for_session(session_id))
    return [AmendmentWords(
        QCoreApplication.translate("SessionPanel", "Amendment {when} by {who} – {reason}:").format(
            when=numeric_datetime(a.created_at), who=a.created_by, reason=a.reason),
        a.text + fixes.get(a.id, "") + added.get(a.id, "")) for a in items]
