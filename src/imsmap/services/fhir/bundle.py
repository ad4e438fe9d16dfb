"""The FHIR R4 Bundle: the JSON export's document (`services.export.export_document`) in
FHIR's resources, a `collection`, or a `document` headed by a Composition for one signed visit.

The record is read once, through the JSON export, so both exports say the same thing. The PDF of
a signed visit comes from the caller (`pdf(session_id, generated)`): PDFs are drawn by the report
layer, above this one, and the command line hands its writer in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime

from imsmap.atlas import AtlasError
from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import JsonObject
from imsmap.services.export import export_document
from imsmap.services.fhir import clinical, media, signing
from imsmap.services.fhir import terms as t
from imsmap.services.fhir.clinical import Context, Entry
from imsmap.services.records import Records

PdfSource = Callable[[int, datetime], bytes]


def fhir_bundle(records: Records, *, session_ids: Iterable[int] | None = None,
                document: bool = False, pdf: PdfSource | None = None,
                language: str = t.SOURCE_LANGUAGE, say: t.Say | None = None,
                decimal_point: str = ".") -> JsonObject:
    """The record (or the chosen visits) as a FHIR R4 Bundle, as plain JSON values.

    `document`: one signed visit as a document bundle (UserFacingError otherwise). `pdf`: gives
    the PDF/A of a signed visit, generated at the export's time; None leaves the PDFs out.
    `language`: what the bundle's readable text is written in (the clinic's records language),
    `say(context, text)` translating the marked texts into it (terms.Words).
    """
    atlas = records.atlas

    def muscle(muscle_id: str) -> str | None:
        try:
            return atlas.muscle(muscle_id).display_name(language)
        except (AtlasError, KeyError):
            return None

    words = t.Words(language, say or t.ENGLISH.say, muscle, decimal_point)
    return build_bundle(export_document(records, session_ids), document=document, pdf=pdf,
                        words=words)


def build_bundle(doc: JsonObject, *, document: bool = False, pdf: PdfSource | None = None,
                 words: t.Words = t.ENGLISH) -> JsonObject:
    """The bundle for an export document (`services.export.export_document`), its readable
    text in `words`' language."""
    visits = [(p, v) for p in doc["patients"] for v in p["visits"]]
    if document and (len(visits) != 1 or visits[0][1]["status"] != "signed"):
        raise UserFacingError(sentence("Bundle", QT_TRANSLATE_NOOP(
            "Bundle", "A FHIR document holds one signed session; choose one signed session, or "
            "export a collection.")))
    atlas_version = doc["atlas_version"]
    generated = datetime.fromisoformat(doc["exported_at"])
    people: dict[str, JsonObject] = {}
    body: list[Entry] = []
    head: list[Entry] = []
    muscles: dict[str, str | None] = {}
    levels: set[str] = set()
    urls: dict[object, str] = {}
    for p in doc["patients"]:
        p_url, p_res = clinical.patient(p)
        people[p_url] = p_res
        urls[p.get("id")] = p_url
        for v in p["visits"]:
            pr = clinical.practitioner(v, words)
            if pr is not None:
                people.setdefault(*pr)
            ctx = Context(p, v, p_url, pr[0] if pr else None, words)
            entries, sections = _visit(ctx, atlas_version, pdf, generated)
            body += entries
            if document:
                head.append(signing.composition(ctx, sections, dict(entries)))
            if v.get("retraction"):
                _entered_in_error(entries + (head[-1:] if document else []), v["retraction"])
            for s in v["sites"]:
                muscles[s["muscle"]] = s["muscle_name"]
                if s["level"]:
                    levels.add(s["level"])
    _link_merged(people, urls, doc.get("patient_merges") or [])
    systems = t.code_systems(atlas_version, muscles, levels, words)
    # Each resource says its language; the code systems say theirs (English, the displays
    # of their concepts, with designations in the bundle's language).
    every = [(url, _in_language(res, words))
             for url, res in head + systems + list(people.items()) + body]
    bundle: JsonObject = {"resourceType": "Bundle", "language": words.tag,
                          "type": "document" if document else "collection",
              "timestamp": t.when(doc["exported_at"]),
              "entry": [{"fullUrl": url, "resource": res} for url, res in every]}
    if document:
        v = visits[0][1]
        key = [v["content_hash"]] + [a["id"] for a in v["amendments"]]
        bundle["identifier"] = {"system": t.URI,
                                "value": t.urn(*clinical.session_key(v), "document", *key)}
    return bundle


def _link_merged(people: dict[str, JsonObject], urls: dict[object, str],
                 merges: list[JsonObject]) -> None:
    """A duplicate merged into the record kept (services.merging), the merge in force: its
    Patient is `replaced-by` the kept one, which `replaces` it (Patient.link). Each visit stays
    the patient's it was recorded under, as in the record."""
    ended = {m["ends"] for m in merges if m.get("ends") is not None}
    for m in merges:
        if m.get("ends") is not None or m["id"] in ended:
            continue
        dup, kept = urls.get(m["duplicate_id"]), urls.get(m["kept_id"])
        if dup is None or kept is None:
            continue
        people[dup].setdefault("link", []).append(
            {"other": {"reference": kept}, "type": "replaced-by"})
        people[kept].setdefault("link", []).append(
            {"other": {"reference": dup}, "type": "replaces"})


# Resources whose status FHIR R4 gives the code `entered-in-error` ("this instance should not
# have been part of this patient's record"): what a withdrawn draft and a session entered in
# error are (services/retractions.py).
_IN_ERROR_STATUS = frozenset({"Encounter", "Procedure", "Observation", "Consent", "CarePlan",
                              "Media", "DocumentReference", "Composition"})


def _entered_in_error(entries: list[Entry], mark: JsonObject) -> None:
    """Every resource of a withdrawn or entered-in-error visit says so: status
    `entered-in-error` (a BodyStructure, which has none, inactive), and the Encounter carries
    the mark: its kind, reason, author and time."""
    for _url, res in entries:
        kind = res.get("resourceType")
        if kind in _IN_ERROR_STATUS:
            res["status"] = "entered-in-error"
            if kind == "DocumentReference" and "docStatus" in res:
                res["docStatus"] = "entered-in-error"
        elif kind == "BodyStructure":
            res["active"] = False
        if kind == "Encounter":
            res.setdefault("extension", []).append({"url": t.EXT_RETRACTION, "extension": [
                {"url": "kind", "valueCode": mark["kind"]},
                {"url": "reason", "valueString": mark["reason"]},
                {"url": "author", "valueString": mark["created_by"]},
                {"url": "date", "valueDateTime": t.when(mark["created_at"])}]})


def _in_language(res: JsonObject, words: t.Words) -> JsonObject:
    """`res` saying the language its text is written in (Resource.language), after its id."""
    if "language" in res:
        return res
    out: JsonObject = {k: res[k] for k in ("resourceType", "id") if k in res}
    out["language"] = words.tag
    out.update(res)
    return out


def _visit(ctx: Context, atlas_version: str, pdf: PdfSource | None,
           generated: datetime) -> tuple[list[Entry], list[tuple[str, list[Entry]]]]:
    v = ctx.visit
    sites = [e for s in v["sites"] for e in clinical.site(ctx, s, atlas_version)]
    procedures = [e for e in sites if e[1]["resourceType"] == "Procedure"]
    responses = [e for e in sites if e[1]["resourceType"] == "Observation"]
    outcome = clinical.session_observations(ctx)
    findings = clinical.findings(ctx)
    adverse = clinical.adverse_events(ctx)
    consent = [e for e in (clinical.consent(ctx),) if e is not None]
    plan = [e for e in (clinical.care_plan(ctx),) if e is not None]
    pictures = media.photos(ctx, atlas_version)
    recorded = [clinical.encounter(ctx, atlas_version)] + sites + outcome + findings \
        + consent + adverse + plan + pictures
    printed: list[Entry] = []
    if ctx.signed and pdf is not None:
        printed.append(signing.pdf_reference(ctx, pdf(v["id"], generated),
                                             t.when(generated.isoformat())))
    signature = signing.signature(ctx, [url for url, _ in recorded])
    amended = signing.amendments(ctx, printed[0][0] if printed else None)
    entries = recorded + printed + ([signature] if signature else []) + amended
    sections = [(QT_TRANSLATE_NOOP("Fhir", "Insertions"), procedures),
                (QT_TRANSLATE_NOOP("Fhir", "Responses at each insertion"), responses),
                (QT_TRANSLATE_NOOP("Fhir", "Pain, needles and tolerance"), outcome),
                (QT_TRANSLATE_NOOP("Fhir", "Examination findings"), findings),
                (QT_TRANSLATE_NOOP("Fhir", "Consent"), consent),
                (QT_TRANSLATE_NOOP("Fhir", "Adverse events"), adverse),
                (QT_TRANSLATE_NOOP("Fhir", "Plan"), plan),
                (QT_TRANSLATE_NOOP("Fhir", "Photos"), pictures),
                (QT_TRANSLATE_NOOP("Fhir", "Signed record (PDF/A)"), printed),
                (QT_TRANSLATE_NOOP("Fhir", "Amendments"), [
                    e for e in amended if e[1]["resourceType"] == "DocumentReference"])]
    return entries, sections


def dumps(bundle: JsonObject) -> str:
    """The bundle as UTF-8 JSON text, indented, with a final newline."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
