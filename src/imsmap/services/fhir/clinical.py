"""The clinical resources of the FHIR export, built from the JSON export's values.

Each function takes the plain values `services.export.export_document` returns (a patient, a
visit, a site) and gives `(fullUrl, resource)` pairs; nothing here reads the database, so FHIR
says what the JSON export says. The mapping, field by field, is in docs/fhir.md.
"""

from __future__ import annotations

import uuid

from imsmap.domain.corrections import IN_ERROR
from imsmap.domain.text import QT_TRANSLATE_NOOP
from imsmap.domain.values import JsonObject
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS
from imsmap.services.fhir import corrections
from imsmap.services.fhir import terms as t

Entry = tuple[str, JsonObject]

_GENDER = {"F": "female", "M": "male", "X": "other", "U": "unknown"}


class Context:
    """What the resources of one visit refer to: its patient, practitioner and encounter."""

    def __init__(self, patient: JsonObject, visit: JsonObject, patient_url: str,
                 practitioner_url: str | None, words: t.Words = t.ENGLISH):
        self.patient, self.visit, self.words = patient, visit, words
        self.patient_url, self.practitioner_url = patient_url, practitioner_url
        self.key = session_key(visit)
        self.encounter_url = t.urn(*self.key)
        self.signed = visit["status"] == "signed"

    @property
    def subject(self) -> JsonObject:
        return t.ref(self.patient_url, display_name(self.patient))

    @property
    def encounter(self) -> JsonObject:
        return t.ref(self.encounter_url)

    @property
    def practitioner(self) -> JsonObject | None:
        if self.practitioner_url is None:
            return None
        return t.ref(self.practitioner_url, self.visit["practitioner"] or None)

    def url(self, *part: object) -> str:
        return t.urn(*self.key, *part)


def session_key(visit: JsonObject) -> tuple[str, str]:
    """A visit's resources are named from its permanent uid (kept by import and backup)."""
    return ("session", visit["uid"] or f"id-{visit['id']}")


def display_name(p: JsonObject) -> str:
    return f"{p['family_name']}, {p['given_name']}" if p["given_name"] else p["family_name"]


def patient_url(p: JsonObject) -> str:
    # The row id with the moment the patient was entered (which never changes): stable in this
    # database, and two clinics' patient 1 do not share a uuid.
    return t.urn("patient", p["id"], p["created_at"])


def patient(p: JsonObject) -> Entry:
    url = patient_url(p)
    name = {"text": display_name(p), "family": p["family_name"]}
    if p["given_name"]:
        name["given"] = [p["given_name"]]
    out = {"resourceType": "Patient", "id": t.rid(url),
           "identifier": [{"system": t.SID_CHART, "value": p["chart_number"]}],
           "name": [name], "gender": _GENDER[p["sex"]]}
    if p["birth_date"]:
        out["birthDate"] = p["birth_date"]
    return url, out


def practitioner_url(visit: JsonObject) -> str | None:
    if not (visit["practitioner"] or visit["practitioner_registration"]):
        return None
    return t.urn("practitioner", visit["practitioner"], visit["practitioner_registration"])


def practitioner(visit: JsonObject, words: t.Words = t.ENGLISH) -> Entry | None:
    url = practitioner_url(visit)
    if url is None:
        return None
    out: JsonObject = {"resourceType": "Practitioner", "id": t.rid(url)}
    if visit["practitioner_registration"]:
        out["identifier"] = [{"type": {"text": words(QT_TRANSLATE_NOOP(
                                  "Fhir", "Registration number"))},
                              "value": visit["practitioner_registration"]}]
    if visit["practitioner"]:
        out["name"] = [{"text": visit["practitioner"]}]
    return url, out


def encounter(ctx: Context, atlas_version: str) -> Entry:
    v = ctx.visit
    out = {"resourceType": "Encounter", "id": t.rid(ctx.encounter_url),
           "extension": [
               {"url": t.EXT_ATLAS_VERSION, "valueString": v["atlas_version"]},
               {"url": t.EXT_PNEUMOTHORAX, "valueBoolean": v["pneumothorax_discussed"]}],
           "status": "finished" if ctx.signed else "in-progress",
           "class": t.AMBULATORY, "subject": ctx.subject,
           "period": {"start": t.when(v["started_at"])}}
    if v["uid"]:
        out["identifier"] = [{"system": t.URI, "value": f"urn:uuid:{uuid.UUID(v['uid'])}"}]
    if ctx.practitioner:
        out["participant"] = [{"individual": ctx.practitioner}]
    if v["complaint"]:
        out["reasonCode"] = [{"text": v["complaint"]}]
    return ctx.encounter_url, out


def observation(ctx: Context, url: str, code: JsonObject, value: JsonObject | None, *, category: str,
                **more: object) -> Entry:
    out: JsonObject = {"resourceType": "Observation", "id": t.rid(url),
           "status": "final" if ctx.signed else "preliminary",
           "category": [{"coding": [{"system": t.OBS_CATEGORY, "code": category}]}],
           "code": code, "subject": ctx.subject, "encounter": ctx.encounter}
    out.update({k: v for k, v in more.items() if v is not None})
    if value is not None:
        out.update(value)
    return url, out


def muscle_concept(site: JsonObject, atlas_version: str,
                   words: t.Words = t.ENGLISH) -> JsonObject:
    """The muscle in the atlas's code system, its name in the bundle's language as display
    and text; a muscle this atlas does not know is its id as text only (no code that the
    bundle's code system does not define)."""
    if site["muscle_name"] is None:
        return {"text": site["muscle"]}
    name = (words.muscle(site["muscle"]) if words.muscle else None) or site["muscle_name"]
    return {"coding": [{"system": t.MUSCLE, "version": atlas_version, "code": site["muscle"],
                        "display": name}], "text": name}


def side_text(side: str, words: t.Words = t.ENGLISH) -> str:
    return words(t.SIDE_TEXT[side])


def where_text(muscle: JsonObject, site: JsonObject, words: t.Words = t.ENGLISH) -> str:
    """"Multifidus, L4, left": the muscle, its level and its side, as a reader says it."""
    return ", ".join(x for x in (muscle["text"], site["level"],
                                 side_text(site["side"], words).lower()) if x)


def _mm(value: float) -> JsonObject:
    return {"valueQuantity": {"value": value, "unit": "mm", "system": t.UCUM, "code": "mm"}}


def site(ctx: Context, s: JsonObject, atlas_version: str) -> list[Entry]:
    """A Procedure (the insertion), the BodyStructure it targets (muscle, side, level, place
    on the chart) and an Observation for each recorded response and needle measure."""
    w = ctx.words
    # An amendment's corrections (fhir.corrections): the values as corrected, the signed ones
    # kept in notes; a site recorded in error is entered-in-error throughout.
    fixes = corrections.of_site(ctx.visit, s["seq"]) if ctx.signed else []
    erroneous = corrections.in_error(fixes)
    s = corrections.effective(s, fixes)
    proc_url = ctx.url("site", s["id"])
    body_url = ctx.url("site", s["id"], "body-structure")
    muscle = muscle_concept(s, atlas_version, w)
    qualifiers = [t.concept(t.LATERALITY[s["side"]], side_text(s["side"], w))]
    if s["level"]:
        qualifiers.append(t.concept({"system": t.LEVEL, "version": t.IMS_VERSION,
                                     "code": s["level"],
                                     "display": t.level_display(s["level"], w)}, s["level"]))
    where = where_text(muscle, s, w)
    body = {"resourceType": "BodyStructure", "id": t.rid(body_url),
            "extension": [{"url": t.EXT_CHART_POSITION, "extension": [
                {"url": "number", "valuePositiveInt": s["seq"]},
                {"url": "view", "valueString": s["view"]},
                {"url": "layer", "valueString": s["layer"]},
                {"url": "x", "valueDecimal": s["x"]},
                {"url": "y", "valueDecimal": s["y"]}]}],
            "active": True, "location": muscle, "locationQualifier": qualifiers,
            "description": where, "patient": ctx.subject}
    if s["planned"]:
        status = "not-done" if ctx.signed else "preparation"
    else:
        status = "entered-in-error" if erroneous else "completed"
    proc: JsonObject = {"resourceType": "Procedure", "id": t.rid(proc_url),
            "extension": [{"url": t.TARGET_BODY_STRUCTURE, "valueReference": t.ref(body_url)}],
            "status": status, "code": t.concept(t.ims("insertion", w)), "subject": ctx.subject,
            "encounter": ctx.encounter, "bodySite": [muscle]}
    if not s["planned"]:
        proc["performedDateTime"] = t.when(s["created_at"])
    if ctx.practitioner:
        proc["performer"] = [{"actor": ctx.practitioner}]
    if s["notes"] or erroneous:
        proc["note"] = ([{"text": s["notes"]}] if s["notes"] else []) + (
            corrections.notes(IN_ERROR, fixes, w) if erroneous else [])
    out: list[Entry] = [(proc_url, proc), (body_url, body)]

    values: list[tuple[str, JsonObject]] = []
    if s["grasp"] is not None:
        values.append(("grasp", {"valueInteger": s["grasp"]}))
    if not s["planned"]:  # a planned site was not needled: no response to observe
        values += [("cramp", {"valueBoolean": s["cramp"]}),
                   ("twitch", {"valueBoolean": s["twitch"]}),
                   ("estim", {"valueBoolean": s["estim"]})]
    # The record's words (stored in English, as exported) in the bundle's language; a word
    # of the clinic's own stays as written.
    for key, code, context in (("tissue_feel", "tissue-feel", "TissueFeel"),
                               ("release", "release", "Release"),
                               ("sensation", "sensation", "Sensation")):
        if s[key] is not None:
            values.append((code, {"valueString": w(s[key], context)}))
    for key, code in (("needle_diameter_mm", "needle-diameter"),
                      ("needle_length_mm", "needle-length"), ("depth_mm", "depth")):
        if s[key] is not None:
            values.append((code, _mm(s[key])))
    corrected = {field for _, field, _, _ in fixes}
    for code, value in values:
        more: dict[str, object] = {}
        if erroneous:
            more = {"status": "entered-in-error",
                    "note": corrections.notes(IN_ERROR, fixes, w)}
        elif code in corrected:
            more = {"status": "corrected", "note": corrections.notes(code, fixes, w)}
        out.append(observation(ctx, ctx.url("site", s["id"], code), t.concept(t.ims(code, w)),
                               value, category="procedure", partOf=[t.ref(proc_url)], **more))
    if "grasp" in corrected and s["grasp"] is None and not erroneous:
        # A grade taken back (corrected to "not graded"): the Observation stays, corrected as
        # any other grade, its note keeping the signed grade; it has no value, and FHIR's
        # dataAbsentReason says why (the grading was not performed), which the narrative reads.
        absent = t.concept({"system": t.DATA_ABSENT, "code": "not-performed",
                            "display": "Not Performed"},
                           w(QT_TRANSLATE_NOOP("Fhir", "not graded")))
        out.append(observation(ctx, ctx.url("site", s["id"], "grasp"),
                               t.concept(t.ims("grasp", w)), {"dataAbsentReason": absent},
                               category="procedure", partOf=[t.ref(proc_url)],
                               status="corrected", note=corrections.notes("grasp", fixes, w)))
    return out


def session_observations(ctx: Context) -> list[Entry]:
    """Pain before and after (LOINC 72514-3, unit 1), and the session's own IMS codes."""
    v, w = ctx.visit, ctx.words
    out = []
    for key, timing, text in (
            ("pain_before", "before", QT_TRANSLATE_NOOP("Fhir", "Pain before treatment (0-10)")),
            ("pain_after", "after", QT_TRANSLATE_NOOP("Fhir", "Pain after treatment (0-10)"))):
        if v[key] is None:
            continue
        out.append(observation(
            ctx, ctx.url(key), t.concept(t.PAIN, w(text)),
            {"valueQuantity": {"value": v[key], "unit": "1", "system": t.UCUM, "code": "1"}},
            category="survey", extension=[{"url": t.EXT_PAIN_TIMING, "valueCode": timing}],
            effectiveDateTime=t.when(v["started_at"]) if timing == "before" else None))
    if v["notes"]:
        out.append(observation(ctx, ctx.url("session-notes"), t.concept(t.ims("session-notes", w)),
                               {"valueString": v["notes"]}, category="exam"))
    if v["tolerance"]:
        out.append(observation(ctx, ctx.url("tolerance"), t.concept(t.ims("tolerance", w)),
                               {"valueString": v["tolerance"]}, category="procedure"))
    if v["needle_count"] is not None:
        out.append(observation(ctx, ctx.url("needle-count"), t.concept(t.ims("needle-count", w)),
                               {"valueInteger": v["needle_count"]}, category="procedure"))
    out.append(observation(ctx, ctx.url("needles-accounted"),
                           t.concept(t.ims("needles-accounted", w)),
                           {"valueBoolean": v["needles_accounted"]}, category="procedure"))
    return out


def findings(ctx: Context) -> list[Entry]:
    """Gunn's signs of neuropathy found on examination: one Observation each."""
    out = []
    w = ctx.words
    for f in ctx.visit["findings"]:
        sign = f["sign"]
        code = (t.concept(t.ims(f"finding-{sign}", w)) if sign in FINDING_SIGNS
                else {"text": sign})
        entry = observation(
            ctx, ctx.url("finding", f["id"]), code, None, category="exam",
            component=[{"code": t.concept(t.ims("laterality", w)),
                        "valueCodeableConcept": t.concept(t.LATERALITY[f["side"]],
                                                          side_text(f["side"], w))}],
            bodySite={"text": f["location"]} if f["location"] else None,
            note=[{"text": f["notes"]}] if f["notes"] else None)
        out.append(entry)
    return out


def adverse_events(ctx: Context) -> list[Entry]:
    out = []
    w = ctx.words
    for a in ctx.visit["adverse_events"]:
        url = ctx.url("adverse-event", a["id"])
        event = (t.concept(t.ims(f"adverse-{a['kind']}", w)) if a["kind"] in ADVERSE_EVENT_KINDS
                 else {"text": a["kind"]})
        res: JsonObject = {"resourceType": "AdverseEvent", "id": t.rid(url),
                           "actuality": "actual",
               "event": event, "subject": ctx.subject, "encounter": ctx.encounter,
               "recordedDate": t.when(a["created_at"]),
               "severity": {"coding": [{"system": t.AE_SEVERITY, "code": a["severity"]}],
                            "text": w(a["severity"], "Severity")}}
        if a["action_taken"]:
            res["extension"] = [{"url": t.EXT_ACTION_TAKEN, "valueString": a["action_taken"]}]
        out.append((url, res))
    return out


def consent(ctx: Context) -> Entry | None:
    """Informed consent to the treatment, when the record says it was obtained."""
    v, w = ctx.visit, ctx.words
    if not v["consent"]:
        return None
    url = ctx.url("consent")
    return url, {
        "resourceType": "Consent", "id": t.rid(url), "status": "active",
        "scope": {"coding": [{"system": t.CONSENT_SCOPE, "code": "treatment"}],
                  "text": w(QT_TRANSLATE_NOOP("Fhir", "Treatment"))},
        "category": [t.concept(t.PATIENT_CONSENT, w(QT_TRANSLATE_NOOP("Fhir", "Patient consent")))],
        "patient": ctx.subject,
        "dateTime": t.when(v["started_at"]), "performer": [ctx.subject],
        "policyRule": {"text": w(QT_TRANSLATE_NOOP(
            "Fhir", "Informed consent to intramuscular stimulation (dry needling)"))},
        # R4's Consent has no encounter element: the session it was given in, by extension.
        "extension": [{"url": t.EXT_ENCOUNTER, "valueReference": ctx.encounter}],
    }


def care_plan(ctx: Context) -> Entry | None:
    v = ctx.visit
    if not v["plan"]:
        return None
    url = ctx.url("plan")
    out = {"resourceType": "CarePlan", "id": t.rid(url),
           "status": "unknown" if ctx.signed else "draft", "intent": "plan",
           "description": v["plan"], "subject": ctx.subject, "encounter": ctx.encounter}
    if ctx.practitioner:
        out["author"] = ctx.practitioner
    return url, out
