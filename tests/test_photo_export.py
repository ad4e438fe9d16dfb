"""Photos in the JSON export and back through the import (issue 18 item 4): each visit's
"photos" list, bytes in base64, sha256 verified, every field checked strictly."""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
from datetime import datetime

import pytest
from PIL import Image

from imsmap.services import checks, export
from imsmap.services.context import build_context
from imsmap.services.import_checks import ImportProblems
from imsmap.services.importer import import_document
from imsmap.services.photos import Photos
from imsmap.services.records import Records
from imsmap.store.db import Database
from photo_support import phone_exif, phone_jpeg, png_bytes, write
from support import chart_atlas, spot


def open_clinic(path) -> Records:
    return build_context(Database.open(path), chart_atlas(), actor="test.physio").records


@pytest.fixture
def source(tmp_path):
    recs = open_clinic(tmp_path / "source.sqlite3")
    patient = recs.create_patient(chart_number="C-7", family_name="Łukasiewicz",
                                  given_name="Zoë")
    photos = Photos(recs)
    for day, sign in ((13, True), (20, False)):
        s = recs.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 30))
        sites = [recs.add_site(s.id, *spot(recs.atlas, i)[:3]) for i in range(3)]
        photos.add_file(s.id, write(tmp_path / f"a{day}.jpg", phone_jpeg(width=1200, height=800)), "Bruise, día 2",
                        sites[2].id)
        photos.add_file(s.id, write(tmp_path / f"b{day}.png", png_bytes()), "", sites[0].id)
        recs.remove_site(sites[0].id)  # a removed site: the photo tied to it exports site null
        photos.add_file(s.id, write(tmp_path / f"c{day}.png", png_bytes(320, 200)), "posture")
        photos.remove(photos.for_session(s.id)[-1].id, confirmed=True)
        if sign:
            recs.sign_session(s.id)
    yield recs
    recs.db.close()


@pytest.fixture
def target(tmp_path):
    recs = open_clinic(tmp_path / "target.sqlite3")
    yield recs
    recs.db.close()


def _visits(doc):
    return [v for p in doc["patients"] for v in p["visits"]]


def test_each_visit_carries_its_live_photos_with_their_bytes(source):
    doc = json.loads(export.dumps(export.export_document(source)))
    for visit in _visits(doc):
        photos = visit["photos"]
        assert [set(p) for p in photos] == [{"id", "sha256", "caption", "site", "mime",
                                            "data"}] * 2
        site_ids = [s["id"] for s in visit["sites"]]
        assert photos[0]["site"] == site_ids[1]  # the third site, second of the two live ones
        assert photos[1]["site"] is None  # tied to a site since removed
        assert [p["mime"] for p in photos] == ["image/jpeg", "image/png"]
        for p in photos:
            data = base64.b64decode(p["data"])
            assert hashlib.sha256(data).hexdigest() == p["sha256"]
            assert data == Photos(source).data(p["id"])


def test_import_reads_them_back_the_signature_holds_and_check_is_clean(source, target):
    doc = export.export_document(source)
    counts = import_document(target, json.loads(json.dumps(doc)))
    assert counts["photos"] == 4
    again = export.export_document(target)
    for before, after in zip(_visits(doc), _visits(again)):
        assert [(p["sha256"], p["caption"], p["mime"], p["data"]) for p in before["photos"]] \
            == [(p["sha256"], p["caption"], p["mime"], p["data"]) for p in after["photos"]]
        seq = {s["id"]: s["seq"] for s in before["sites"]}
        seq_after = {s["id"]: s["seq"] for s in after["sites"]}
        assert [seq.get(p["site"]) for p in before["photos"]] == \
            [seq_after.get(p["site"]) for p in after["photos"]]
        assert after["status"] == before["status"]
        assert after["content_hash"] == before["content_hash"]
    entries = [e for e in target.audit_entries() if e.entity == "photo"]
    assert [e.action for e in entries] == ["import"] * 4
    report = checks.full_check(target)
    assert report.ok, report.text()
    thumb = Photos(target).thumbnail(Photos(target).for_session(1)[0].id)
    assert max(Image.open(io.BytesIO(thumb)).size) == 256


def _exif_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 9, 9)).save(out, "JPEG", exif=phone_exif())
    return out.getvalue()


def _big_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2100, 10)).save(out, "PNG")
    return out.getvalue()


def _with_data(photo: dict, data: bytes) -> None:
    photo["data"] = base64.b64encode(data).decode()
    photo["sha256"] = hashlib.sha256(data).hexdigest()


BAD = {
    "changed data": (lambda p: p.update(data=base64.b64encode(b"x" + base64.b64decode(
        p["data"])).decode()), "sha256", "does not match its sha256"),
    "not base64": (lambda p: p.update(data="not*base64"), "data", "not valid base64"),
    "data a number": (lambda p: p.update(data=12), "data", "must be base64 text"),
    "unknown type": (lambda p: p.update(mime="image/gif"), "mime", "is not one of"),
    "missing hash": (lambda p: p.pop("sha256"), "sha256", "is missing"),
    "upper-case hash": (lambda p: p.update(sha256=p["sha256"].upper()), "sha256",
                        "64 lowercase hexadecimal"),
    "site elsewhere": (lambda p: p.update(site=999_999), "site", "not the id of one of this "
                                                                 "visit's sites"),
    "site as text": (lambda p: p.update(site="2"), "site", "not the id"),
    "caption a list": (lambda p: p.update(caption=["a"]), "caption", "caption"),
    "metadata inside": (lambda p: _with_data(p, _exif_jpeg()), "data", "carries metadata"),
    "too large": (lambda p: (_with_data(p, _big_png()), p.update(mime="image/png")), "data",
                  "at most 2048 px"),
    "not a picture": (lambda p: _with_data(p, b"\xff\xd8\xff not really"), "data",
                      "not a whole JPEG picture"),
    "png named jpeg": (lambda p: _with_data(p, png_bytes()), "data", "not a whole JPEG"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_photo_in_the_file_is_named_by_its_place_and_nothing_is_imported(
        source, target, case):
    change, key, words = BAD[case]
    doc = copy.deepcopy(export.export_document(source))
    draft = _visits(doc)[1]
    assert draft["status"] == "draft"
    change(draft["photos"][0])
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    place, text = err.value.problems[0]
    assert place.endswith(f"visits[1].photos[0].{key}") and words in text, err.value.problems
    assert target.db.conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 0
    assert target.db.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 0


def test_a_photo_added_to_a_signed_visit_in_the_file_breaks_its_signature(source, target):
    doc = copy.deepcopy(export.export_document(source))
    signed = _visits(doc)[0]
    signed["photos"].append(copy.deepcopy(_visits(doc)[1]["photos"][1]))
    with pytest.raises(ImportProblems, match="changed after signing"):
        import_document(target, doc)


# -- FHIR: a Media resource per photo --------------------------------------------------------
def test_fhir_carries_each_photo_as_a_validated_media_resource(source):
    from fhir.resources.R4B.media import Media

    import fhir_reader
    from imsmap.services.fhir import fhir_bundle
    from test_fhir_export import CHECKED

    bundle = fhir_bundle(source)
    fhir_reader.parse(bundle)  # every resource validates (R4B)
    media_codes = [c for e in bundle["entry"] if e["resource"]["resourceType"] == "Media"
                   for c in e["resource"]["type"]["coding"]]
    assert media_codes and all(c["code"] in CHECKED[c["system"]] for c in media_codes)
    urls = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    doc = export.export_document(source)
    for visit in _visits(doc):
        [encounter] = [u for u, r in urls.items() if r["resourceType"] == "Encounter"
                       and r["identifier"][0]["value"].replace("-", "").endswith(visit["uid"])]
        media = [r for r in urls.values() if r["resourceType"] == "Media"
                 and r["encounter"]["reference"] == encounter]
        assert len(media) == len(visit["photos"]) == 2
        for photo, res in zip(visit["photos"], media):
            Media.model_validate(res)
            data = base64.b64decode(res["content"]["data"])
            assert hashlib.sha256(data).hexdigest() == photo["sha256"]
            assert res["content"]["contentType"] == photo["mime"]
            assert res["content"]["hash"] == base64.b64encode(hashlib.sha1(data).digest()
                                                              ).decode()
            assert res["type"]["coding"][0] == {
                "system": "http://terminology.hl7.org/CodeSystem/media-type", "code": "image",
                "display": "Image"}
            assert urls[res["encounter"]["reference"]]["resourceType"] == "Encounter"
        tied, untied = media
        assert tied["note"] == [{"text": "Bruise, día 2"}]
        assert urls[tied["partOf"][0]["reference"]]["resourceType"] == "Procedure"
        assert "bodySite" in tied and "partOf" not in untied and "note" not in untied


def test_a_signed_visits_fhir_document_lists_its_photos(source):
    from imsmap.services.fhir import fhir_bundle

    signed = next(v["id"] for v in _visits(export.export_document(source))
                  if v["status"] == "signed")
    bundle = fhir_bundle(source, session_ids=[signed], document=True)
    composition = bundle["entry"][0]["resource"]
    [section] = [s for s in composition["section"] if s["title"] == "Photos"]
    assert len(section["entry"]) == 2 and "Photo 1: Bruise, día 2" in section["text"]["div"]
