"""A visit's photos in the FHIR bundle: one R4 `Media` resource each (docs/fhir.md, "Photos").

Built from the JSON export's `photos` list, so FHIR carries what the JSON export carries: the
stored bytes (`content.data`), their sha256 as the identifier (the hash the audit trail
recorded), the caption as a note, and for a photo tied to a chart site that site's muscle as
`bodySite` and its insertion Procedure as `partOf`. A photo added after signing, by an
amendment, says so in a note (the amendment's date, author and reason; the amendment itself is a
DocumentReference of its own).
"""

from __future__ import annotations

import base64
import hashlib

from imsmap.domain.text import QT_TRANSLATE_NOOP, fill
from imsmap.domain.values import JsonObject
from imsmap.services.fhir import terms as t
from imsmap.services.fhir.clinical import Context, Entry, muscle_concept, where_text

MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type"
IMAGE = {"system": MEDIA_TYPE, "code": "image", "display": "Image"}
SID_PHOTO = f"{t.BASE}/sid/photo-sha256"


def photos(ctx: Context, atlas_version: str) -> list[Entry]:
    sites = {s["id"]: s for s in ctx.visit["sites"]}
    amendments = {a["id"]: a for a in ctx.visit.get("amendments", ())}
    w = ctx.words
    out = []
    for n, p in enumerate(ctx.visit.get("photos", ()), 1):
        url = ctx.url("photo", p["sha256"])
        data = base64.b64decode(p["data"])
        res: JsonObject = {
            "resourceType": "Media", "id": t.rid(url),
            "identifier": [{"system": SID_PHOTO, "value": p["sha256"]}],
            "status": "completed", "type": t.concept(IMAGE, w(QT_TRANSLATE_NOOP("Fhir", "Image"))),
            "subject": ctx.subject, "encounter": ctx.encounter,
            "content": {"contentType": p["mime"], "data": p["data"], "size": len(data),
                        # FHIR R4 Attachment.hash: the SHA-1 of the data, base64.
                        "hash": base64.b64encode(hashlib.sha1(data).digest()).decode("ascii"),
                        "title": fill(w(QT_TRANSLATE_NOOP("Fhir", "Photo %1: %2")),
                                      [n, p["caption"]]) if p["caption"]
                        else fill(w(QT_TRANSLATE_NOOP("Fhir", "Photo %1")), [n])}}
        site = sites.get(p["site"])
        if site is not None:
            res["partOf"] = [t.ref(ctx.url("site", site["id"]))]
            concept = muscle_concept(site, atlas_version, w)
            concept["text"] = where_text(concept, site, w)
            res["bodySite"] = concept
        if ctx.practitioner:
            res["operator"] = ctx.practitioner
        if p["caption"]:
            res["note"] = [{"text": p["caption"]}]
        amendment = amendments.get(p.get("amendment"))
        if amendment is not None:
            res.setdefault("note", []).append({
                "text": fill(w(QT_TRANSLATE_NOOP(
                    "Fhir", "Added after signing, by the amendment of %1 by %2: %3")),
                    [t.day(str(amendment["created_at"])), amendment["created_by"],
                     amendment["reason"]]),
                "time": t.when(amendment["created_at"])})
            res["createdDateTime"] = t.when(amendment["created_at"])
        out.append((url, res))
    return out
