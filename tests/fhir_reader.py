"""Reading a FHIR bundle back into the JSON export's shape, for the round-trip tests.

Written apart from the exporter (it imports nothing of `imsmap.services.fhir`): it parses the
bundle with `fhir.resources` (R4B), which validates every resource, and follows the mapping
docs/fhir.md states. `expected(document)` keeps the JSON export's fields that FHIR carries, as
the reader gives them back, so a round trip is `read(bundle) == expected(export_document(...))`.
"""

from __future__ import annotations

import base64
import uuid
from datetime import date, datetime
from decimal import Decimal

from fhir.resources.R4B.bundle import Bundle

NS = "https://imsmap.org/fhir"
IMS = f"{NS}/CodeSystem/ims"
LEVEL = f"{NS}/CodeSystem/spinal-level"
MUSCLE = f"{NS}/CodeSystem/atlas-muscle"
EXT = f"{NS}/StructureDefinition/"
LOINC = "http://loinc.org"
TARGET = "http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure"
SIDES = {"7771000": "L", "24028007": "R", "399488007": "M"}
SEXES = {"female": "F", "male": "M", "other": "X", "unknown": "U"}
SITE_FIELDS = {"grasp": "grasp", "cramp": "cramp", "twitch": "twitch", "estim": "estim",
               "tissue-feel": "tissue_feel", "release": "release", "sensation": "sensation",
               "needle-diameter": "needle_diameter_mm", "needle-length": "needle_length_mm",
               "depth": "depth_mm"}
SESSION_FIELDS = {"session-notes": "notes", "tolerance": "tolerance",
                  "needle-count": "needle_count", "needles-accounted": "needles_accounted"}

PATIENT_KEYS = ("chart_number", "family_name", "given_name", "birth_date", "sex")
VISIT_KEYS = ("uid", "started_at", "practitioner", "practitioner_registration", "complaint",
              "pain_before", "pain_after", "notes", "consent", "pneumothorax_discussed",
              "needle_count", "needles_accounted", "tolerance", "plan", "status",
              "atlas_version", "signed_at", "signed_by", "content_hash")
SITE_KEYS = ("seq", "muscle", "muscle_name", "side", "view", "layer", "x", "y", "level",
             "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp", "cramp", "twitch",
             "tissue_feel", "release", "sensation", "estim", "notes", "planned", "created_at")


def parse(bundle: dict) -> Bundle:
    """The bundle as fhir.resources models: every resource in it validated (R4B)."""
    return Bundle.model_validate(bundle)


def plain(value):
    """A model value as the JSON export writes it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def expected(document: dict) -> list[dict]:
    """The patients of an export document, with what FHIR carries of them (docs/fhir.md)."""
    out = []
    for p in document["patients"]:
        visits = []
        for v in p["visits"]:
            visit = {k: v[k] for k in VISIT_KEYS}
            visit["sites"] = [{**{k: s[k] for k in SITE_KEYS},
                               "created_at": None if s["planned"] else s["created_at"]}
                              for s in v["sites"]]
            visit["findings"] = [{k: f[k] for k in ("sign", "location", "side", "notes")}
                                 for f in v["findings"]]
            visit["adverse_events"] = [{k: a[k] for k in ("kind", "severity", "action_taken",
                                                          "created_at")}
                                       for a in v["adverse_events"]]
            visit["amendments"] = [{k: a[k] for k in ("created_at", "created_by", "reason",
                                                      "text")} for a in v["amendments"]]
            visits.append(visit)
        out.append({**{k: p[k] for k in PATIENT_KEYS},
                    "visits": sorted(visits, key=lambda x: (x["started_at"], x["uid"]))})
    return sorted(out, key=lambda x: x["chart_number"])


def read(bundle: dict) -> list[dict]:
    """The patients a bundle describes, in the shape of `expected`."""
    res = {e.fullUrl: e.resource for e in parse(bundle).entry}

    def of(kind: str):
        return [(u, r) for u, r in res.items() if r.get_resource_type() == kind]

    patients = {u: _patient(p) for u, p in of("Patient")}
    visits = {u: _visit(e, res) for u, e in of("Encounter")}
    for u, e in of("Encounter"):
        patients[e.subject.reference]["visits"].append(visits[u])
    sites: dict[str, dict] = {}
    for u, proc in of("Procedure"):
        sites[u] = _site(proc, res)
        visits[proc.encounter.reference]["sites"].append(sites[u])
    for _, o in of("Observation"):
        _observation(o, visits[o.encounter.reference], sites)
    for _, c in of("Consent"):
        visits[_ext(c, "encounter").valueReference.reference]["consent"] = True
    for _, plan in of("CarePlan"):
        visits[plan.encounter.reference]["plan"] = plan.description
    for _, a in of("AdverseEvent"):
        action = _ext(a, "action-taken")
        visits[a.encounter.reference]["adverse_events"].append({
            "kind": _ims(a.event).removeprefix("adverse-") if a.event.coding else a.event.text,
            "severity": a.severity.coding[0].code,
            "action_taken": action.valueString if action else "",
            "created_at": plain(a.recordedDate)})
    for _, prov in of("Provenance"):
        _provenance(prov, visits, res)
    for v in visits.values():
        v["sites"].sort(key=lambda s: s["seq"])
    for p in patients.values():
        p["visits"].sort(key=lambda x: (x["started_at"], x["uid"]))
    return sorted(patients.values(), key=lambda x: x["chart_number"])


def _ext(resource, name: str):
    return next((x for x in resource.extension or () if x.url == EXT + name), None)


def _ims(concept) -> str:
    [coding] = concept.coding
    assert coding.system == IMS
    return coding.code


def _patient(p) -> dict:
    [chart] = [i.value for i in p.identifier if i.system == f"{NS}/sid/chart-number"]
    [name] = p.name
    return {"chart_number": chart, "family_name": name.family,
            "given_name": (name.given or [""])[0], "birth_date": plain(p.birthDate),
            "sex": SEXES[p.gender], "visits": []}


def _visit(e, res: dict) -> dict:
    practitioner = None
    if e.participant:
        practitioner = res[e.participant[0].individual.reference]
    [identifier] = e.identifier
    return {
        "uid": uuid.UUID(identifier.value.removeprefix("urn:uuid:")).hex,
        "started_at": plain(e.period.start),
        "practitioner": practitioner.name[0].text if practitioner and practitioner.name else "",
        "practitioner_registration": (practitioner.identifier[0].value
                                      if practitioner and practitioner.identifier else ""),
        "complaint": e.reasonCode[0].text if e.reasonCode else "",
        "pain_before": None, "pain_after": None, "notes": "", "consent": False,
        "pneumothorax_discussed": _ext(e, "pneumothorax-risk-discussed").valueBoolean,
        "needle_count": None, "needles_accounted": None, "tolerance": "", "plan": "",
        "status": "signed" if e.status == "finished" else "draft",
        "atlas_version": _ext(e, "atlas-version").valueString,
        "signed_at": None, "signed_by": "", "content_hash": "",
        "sites": [], "findings": [], "adverse_events": [], "amendments": []}


def _site(proc, res: dict) -> dict:
    [target] = [x for x in proc.extension if x.url == TARGET]
    body = res[target.valueReference.reference]
    assert body.location == proc.bodySite[0]  # the same muscle both ways
    [position] = [x for x in body.extension if x.url == EXT + "chart-position"]
    at = {x.url: x for x in position.extension}
    side, *rest = body.locationQualifier
    levels = [q.coding[0].code for q in rest if q.coding[0].system == LEVEL]
    muscle = proc.bodySite[0]
    if muscle.coding:
        assert muscle.coding[0].system == MUSCLE and muscle.text == muscle.coding[0].display
    return {
        "seq": at["number"].valuePositiveInt,
        "muscle": muscle.coding[0].code if muscle.coding else muscle.text,
        "muscle_name": muscle.coding[0].display if muscle.coding else None,
        "side": SIDES[side.coding[0].code], "view": at["view"].valueString,
        "layer": at["layer"].valueString, "x": plain(at["x"].valueDecimal),
        "y": plain(at["y"].valueDecimal), "level": levels[0] if levels else None,
        "needle_diameter_mm": None, "needle_length_mm": None, "depth_mm": None,
        "grasp": None, "cramp": False, "twitch": False, "tissue_feel": None, "release": None,
        "sensation": None, "estim": False, "notes": proc.note[0].text if proc.note else "",
        "planned": proc.status != "completed",
        "created_at": plain(proc.performedDateTime)}


def _value(o):
    for name in ("valueInteger", "valueBoolean", "valueString"):
        if getattr(o, name) is not None:
            return getattr(o, name)
    if o.valueQuantity is not None:
        return plain(o.valueQuantity.value)
    return None


def _observation(o, visit: dict, sites: dict) -> None:
    if o.partOf:
        sites[o.partOf[0].reference][SITE_FIELDS[_ims(o.code)]] = _value(o)
        return
    [coding] = o.code.coding
    if coding.system == LOINC:
        assert coding.code == "72514-3" and o.valueQuantity.unit == "1"
        timing = _ext(o, "pain-timing").valueCode
        visit[f"pain_{timing}"] = int(o.valueQuantity.value)
    elif coding.code.startswith("finding-"):
        [side] = o.component
        visit["findings"].append({
            "sign": coding.code.removeprefix("finding-"),
            "location": o.bodySite.text if o.bodySite else "",
            "side": SIDES[side.valueCodeableConcept.coding[0].code],
            "notes": o.note[0].text if o.note else ""})
    else:
        visit[SESSION_FIELDS[_ims(o.code)]] = _value(o)


def _provenance(prov, visits: dict, res: dict) -> None:
    [agent] = prov.agent
    role = agent.type.coding[0].code
    who = agent.who.identifier.value if agent.who.identifier else ""
    targets = [t.reference for t in prov.target]
    [encounter] = [t for t in targets if t in visits]
    visit = visits[encounter]
    if role == "legal":
        visit["signed_at"] = plain(prov.recorded)
        visit["signed_by"] = who
        visit["content_hash"] = _ext(prov, "content-sha256").valueString
    else:
        assert role == "author"
        [doc] = [res[t] for t in targets if t != encounter]
        visit["amendments"].append({
            "created_at": plain(prov.recorded), "created_by": who,
            "reason": prov.reason[0].text,
            "text": base64.b64decode(doc.content[0].attachment.data).decode("utf-8")
            if isinstance(doc.content[0].attachment.data, str)
            else doc.content[0].attachment.data.decode("utf-8")})
