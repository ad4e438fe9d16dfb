"""A clinical photo's description, as the record holds it (its bytes are read apart)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PHOTO_MIMES = ("image/jpeg", "image/png")


@dataclass(frozen=True)
class Photo:
    id: int
    session_id: int
    seq: int
    sha256: str  # of the stored bytes, hex
    mime: str
    width: int
    height: int
    bytes: int
    caption: str = ""
    site_id: int | None = None  # the chart site it shows, if tied to one
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    # Added after signing, by this amendment (schema 10), which says who, when and why; None for
    # a photo of the session as it was signed.
    amendment_id: int | None = None

    @property
    def by_amendment(self) -> bool:
        return self.amendment_id is not None

    @property
    def kind(self) -> str:
        return "JPEG" if self.mime == "image/jpeg" else "PNG"
