"""What attests a visit in FHIR: the signature and each amendment as a Provenance, the signed
record's PDF/A as a DocumentReference, amendments as DocumentReferences that append to it, and
for a document bundle the Composition that heads it (docs/fhir.md, "Signatures and documents").
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from imsmap.domain.text import QT_TRANSLATE_NOOP, fill
from imsmap.domain.values import JsonObject
from imsmap.services.fhir import terms as t
from imsmap.services.fhir.clinical import Context, Entry

_XHTML = "http://www.w3.org/1999/xhtml"


# The record's title, as the PDF's: "IMS treatment record 2026-11-20".
RECORD_TITLE = QT_TRANSLATE_NOOP("Fhir", "IMS treatment record %1")
# The narrative's words for a Procedure's status.
STATUS_TEXT: dict[str, str] = {"completed": QT_TRANSLATE_NOOP("FhirStatus", "completed"),
               "not-done": QT_TRANSLATE_NOOP("FhirStatus", "not-done"),
               "preparation": QT_TRANSLATE_NOOP("FhirStatus", "preparation"),
               # an amendment's correction of a site (fhir.corrections)
               "entered-in-error": QT_TRANSLATE_NOOP("FhirStatus", "entered-in-error"),
               "corrected": QT_TRANSLATE_NOOP("FhirStatus", "corrected")}


def user(login: str, words: t.Words = t.ENGLISH, name: str | None = None) -> JsonObject:
    """Who did something in imsmap: their login name (the audit trail's actor), shown as the
    person the clinic's list named for it when the record names one (a signer)."""
    if not login:
        return {"display": words(QT_TRANSLATE_NOOP("Fhir", "(not recorded)"))}
    return {"identifier": {"system": t.SID_USER, "value": login}, "display": name or login}


def _agent(code: str, display: str, text: str, login: str, words: t.Words,
           name: str | None = None) -> JsonObject:
    return {"type": t.concept({"system": t.PROVENANCE_TYPE, "code": code, "display": display},
                              words(text)),
            "who": user(login, words, name)}


def signature(ctx: Context, targets: list[str]) -> Entry | None:
    """The signing of a visit: when, by whom, and the sha256 the signature sealed."""
    v = ctx.visit
    if not ctx.signed:
        return None
    url = ctx.url("signature")
    out = {"resourceType": "Provenance", "id": t.rid(url),
           "target": [t.ref(u) for u in targets], "recorded": t.when(v["signed_at"]),
           "agent": [_agent("legal", "Legal Authenticator",
                            QT_TRANSLATE_NOOP("Fhir", "Legal authenticator"), v["signed_by"],
                            ctx.words, v.get("signed_by_name"))]}
    if v["content_hash"]:
        out["extension"] = [{"url": t.EXT_CONTENT_HASH, "valueString": v["content_hash"]}]
    return url, out


def pdf_reference(ctx: Context, pdf: bytes, generated: str) -> Entry:
    """The signed record as imsmap prints it (PDF/A-1b), whole, in the bundle."""
    v, w = ctx.visit, ctx.words
    url = ctx.url("pdf")
    out = {"resourceType": "DocumentReference", "id": t.rid(url), "status": "current",
           "docStatus": "amended" if v["amendments"] else "final",
           "type": t.concept(t.PROCEDURE_NOTE, w(QT_TRANSLATE_NOOP("Fhir", "Procedure note"))),
           "subject": ctx.subject, "date": generated,
           "authenticator": user(v["signed_by"], w, v.get("signed_by_name")),
           "description": w(QT_TRANSLATE_NOOP(
               "Fhir", "IMS treatment record (PDF/A-1b) of the signed session")),
           "content": [{"attachment": {
               "contentType": "application/pdf",
               "data": base64.b64encode(pdf).decode("ascii"),
               "size": len(pdf),
               # FHIR R4 Attachment.hash: the SHA-1 of the data, base64.
               "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
               "title": fill(w(RECORD_TITLE), [t.day(v["started_at"])]),
               "creation": generated}}],
           "context": {"encounter": [ctx.encounter],
                       "period": {"start": t.when(v["started_at"])}}}
    if ctx.practitioner:
        out["author"] = [ctx.practitioner]
    return url, out


def amendments(ctx: Context, pdf_url: str | None) -> list[Entry]:
    """Each amendment: its text as a DocumentReference (appending to the signed record's
    PDF when the bundle carries it) and a Provenance with its reason, time and author."""
    out = []
    w = ctx.words
    numbered = list(enumerate(ctx.visit.get("photos", ()), 1))  # as the Media titles number them
    for a in ctx.visit["amendments"]:
        # The photos it added after signing (their Media resources carry them), in words.
        added = [fill(w(QT_TRANSLATE_NOOP("Fhir", "Photo %1 added: %2.")), [n, p["caption"]])
                 if p["caption"] else fill(w(QT_TRANSLATE_NOOP("Fhir", "Photo %1 added.")), [n])
                 for n, p in numbered if p.get("amendment") == a["id"]]
        text = " ".join(x for x in (a["text"], *added) if x)
        doc_url = ctx.url("amendment", a["id"])
        prov_url = ctx.url("amendment", a["id"], "provenance")
        doc = {"resourceType": "DocumentReference", "id": t.rid(doc_url), "status": "current",
               "type": {"text": w(QT_TRANSLATE_NOOP("Fhir", "Amendment"))},
               "subject": ctx.subject,
               "date": t.when(a["created_at"]), "author": [user(a["created_by"], w)],
               "description": a["reason"],
               "content": [{"attachment": {
                   "contentType": "text/plain; charset=utf-8",
                   "data": base64.b64encode(text.encode("utf-8")).decode("ascii"),
                   "title": fill(w(QT_TRANSLATE_NOOP("Fhir", "Amendment: %1")),
                                 [a["reason"]])}}],
               "context": {"encounter": [ctx.encounter]}}
        if pdf_url is not None:
            doc["relatesTo"] = [{"code": "appends", "target": t.ref(pdf_url)}]
        prov = {"resourceType": "Provenance", "id": t.rid(prov_url),
                "target": [t.ref(doc_url), ctx.encounter], "recorded": t.when(a["created_at"]),
                "reason": [{"text": a["reason"]}],
                "agent": [_agent("author", "Author", QT_TRANSLATE_NOOP("Fhir", "Author"),
                                 a["created_by"], w)]}
        out += [(doc_url, doc), (prov_url, prov)]
    return out


def _narrative(lines: list[str], words: t.Words) -> JsonObject:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return {"status": "generated",
            "div": f'<div xmlns="{_XHTML}" lang="{words.tag}" xml:lang="{words.tag}">'
                   f'<ul>{items}</ul></div>'}


# Sections the record states as empty: the PDF prints these sentences, and the document says
# the same with FHIR's list-empty-reason "nilknown" (R4: "No relevant data known"). Other
# sections without entries (no photos, plan or amendments) are left out.
LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
NIL_KNOWN = {"system": LIST_EMPTY_REASON, "code": "nilknown", "display": "Nil Known"}
NONE_RECORDED = {
    "Examination findings": QT_TRANSLATE_NOOP("Fhir", "No examination findings were recorded."),
    "Adverse events": QT_TRANSLATE_NOOP("Fhir", "No adverse events were recorded."),
}


def composition(ctx: Context, sections: list[tuple[str, list[Entry]]],
                lookup: dict[str, JsonObject]) -> Entry:
    """The head of a document bundle: one signed visit, its sections in the record's order."""
    v, w = ctx.visit, ctx.words
    url = ctx.url("composition")
    changed = t.latest([v["signed_at"]] + [a["created_at"] for a in v["amendments"]])
    out: JsonObject = {"resourceType": "Composition", "id": t.rid(url),
           "status": "amended" if v["amendments"] else "final",
           "type": t.concept(t.PROCEDURE_NOTE, w(QT_TRANSLATE_NOOP("Fhir", "Procedure note"))),
           "subject": ctx.subject,
           "encounter": ctx.encounter, "date": t.when(changed),
           "author": [ctx.practitioner or user(v["signed_by"], w)],
           "title": fill(w(RECORD_TITLE), [t.day(v["started_at"])]),
           "attester": [{"mode": "legal", "time": t.when(v["signed_at"]),
                         "party": user(v["signed_by"], w)}],
           "section": []}
    for title, entries in sections:
        if not entries:
            none = NONE_RECORDED.get(title)
            if none is not None:  # the record says there were none, as its PDF does
                out["section"].append({"title": w(title), "text": _narrative([w(none)], w),
                                       "emptyReason": t.concept(NIL_KNOWN, w(none))})
            continue
        out["section"].append({"title": w(title),
                               "text": _narrative([summary(res, lookup, w)
                                                   for _, res in entries], w),
                               "entry": [t.ref(u) for u, _ in entries]})
    return url, out


def summary(res: JsonObject, lookup: dict[str, JsonObject], words: t.Words = t.ENGLISH) -> str:
    """One line of narrative for a resource in a composition section, in the bundle's
    language; `lookup` finds the resources it refers to by fullUrl."""
    kind: str = res["resourceType"]
    if kind == "Procedure":
        body = lookup[res["extension"][0]["valueReference"]["reference"]]
        number = body["extension"][0]["extension"][0]["valuePositiveInt"]
        state = str(res["status"])
        status = words(STATUS_TEXT.get(state, state), "FhirStatus")
        return f"{number}. {body['description']} ({status})"
    if kind == "Observation":
        line = fill(words(QT_TRANSLATE_NOOP("Fhir", "%1: %2")),
                    [res["code"]["text"], _value(res, words)])
        if "partOf" in res:
            line = summary(lookup[res["partOf"][0]["reference"]], lookup, words).split(" (")[0] \
                + " - " + line
        if res["status"] in ("corrected", "entered-in-error"):  # by an amendment
            line += f" ({words(STATUS_TEXT[res['status']], 'FhirStatus')})"
        return line
    if kind == "AdverseEvent":
        return f"{res['event']['text']} ({res['severity']['text']})"
    if kind == "CarePlan":
        return str(res["description"])
    if kind == "Consent":
        return words(QT_TRANSLATE_NOOP("Fhir", "Informed consent to treatment obtained"))
    if kind == "DocumentReference":
        return str(res.get("description") or res["type"]["text"])
    if kind == "Media":
        return str(res["content"]["title"]) + (f" ({res['bodySite']['text']})"
                                          if "bodySite" in res else "")
    return kind


def _value(res: JsonObject, words: t.Words) -> str:
    for key, value in res.items():
        if key == "valueQuantity":
            number = f"{value['value']:g}".replace(".", words.decimal_point)
            return f"{number} {value['unit']}" if value["unit"] != "1" else number
        if key == "valueBoolean":
            return words(QT_TRANSLATE_NOOP("Fhir", "yes")) if value \
                else words(QT_TRANSLATE_NOOP("Fhir", "no"))
        if key.startswith("value"):
            return str(value)
    if "dataAbsentReason" in res:  # no value, and why (a grade taken back: "not graded")
        return str(res["dataAbsentReason"]["text"])
    if "bodySite" in res:
        return str(res["bodySite"]["text"])
    return words(QT_TRANSLATE_NOOP("Fhir", "present"))
