"""The sections of the session record besides the charts and the site table: the practitioner
line of the header, examination findings, consent, needles, adverse events, the signature box
and the amendments. What the record lacks is printed as NOT RECORDED, in the alert colour.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from imsmap.domain.models import SessionRecord
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS
from imsmap.report.document import DRAFT_INK, fmt_dt
from imsmap.report.layout import ALERT, INK, MUTED, Block, Doc
from imsmap.report.letterhead import registration
from imsmap.report.site_text import muscle_text, side_label
from imsmap.report.table import Cell, Column, Table
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records
from imsmap.services.safety import over_thorax, thorax_tier
from imsmap.services.signatures import Seal

__all__ = ["NOT_RECORDED", "SignatureBlock", "adverse_table", "amendment_table", "consent_table",
           "findings_table", "needles_table", "practitioner_line"]


def practitioner_line(session, settings: ClinicSettings) -> str:
    """The practitioner with a registration number: the session's own, else the clinic's list."""
    name = session.practitioner or ""
    reg = registration(name, session.practitioner_registration, settings)
    if not name:
        return "not recorded"
    return f"{name}\nReg. no. {reg}" if reg else f"{name}\nRegistration no. not recorded"


def findings_table(record: SessionRecord) -> Table:
    cols = (Column("Sign (Gunn)", 52), Column("Location", 34), Column("Side", 14),
            Column("Notes", 78))
    rows = [[Cell(FINDING_SIGNS.get(f.sign, f.sign), bold=True), f.location or "—",
             side_label(f.side), f.notes or ""] for f in record.findings]
    return Table(cols, rows, size=8, title="Examination findings")


NOT_RECORDED = "NOT RECORDED"


def _yes(value: bool, yes: str) -> Cell:
    return Cell(yes) if value else Cell(NOT_RECORDED, bold=True, colour=ALERT)


def consent_table(records: Records, record: SessionRecord) -> Table:
    s = record.session
    rows: list[list[Cell | str]] = [
        [Cell("Informed consent", bold=True),
         _yes(s.consent, "Obtained before needling.")]]
    thoracic = [x for x in record.sites if not x.planned and over_thorax(records.atlas, x)]
    if thoracic:
        # By tier (docs/atlas-format.md, "Thorax risk"): high over the thorax, caution near it.
        names: dict[str, dict[str, list[int]]] = {"high": {}, "caution": {}}
        for x in thoracic:
            tier = thorax_tier(records.atlas, x)
            names[tier].setdefault(muscle_text(records, x).name, []).append(x.seq)

        def listed(by_name: dict[str, list[int]]) -> str:
            return "; ".join(f"{n} ({', '.join(str(q) for q in seqs)})"
                             for n, seqs in by_name.items())

        cell = _yes(s.pneumothorax_discussed, "Discussed with the patient.")
        cell.small = " ".join(
            ([f"Muscles over the thorax needled: {listed(names['high'])}."]
             if names["high"] else []) +
            ([f"Near the pleura: {listed(names['caution'])}."] if names["caution"] else []))
        rows.append([Cell("Pneumothorax risk", bold=True), cell])
    return Table((Column("Item", 42), Column("Record", 136)), rows, size=8, zebra=False)


def needles_table(record: SessionRecord) -> Table:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    if s.needle_count is None:
        count = Cell(NOT_RECORDED, bold=True, colour=ALERT)
    else:
        count = Cell(str(s.needle_count), small=f"{needled} insertion site"
                     f"{'s' if needled != 1 else ''} charted")
    rows: list[list[Cell | str]] = [
        [Cell("Needles used", bold=True), count],
        [Cell("Needles accounted for", bold=True),
         _yes(s.needles_accounted, "All needles accounted for and disposed of as sharps.")],
    ]
    return Table((Column("Item", 42), Column("Record", 136)), rows, size=8, zebra=False)


def adverse_table(record: SessionRecord) -> Table:
    cols = (Column("Adverse event", 52), Column("Severity", 24), Column("Action taken", 102))
    rows = [[Cell(ADVERSE_EVENT_KINDS.get(a.kind, a.kind), bold=True,
                  colour=ALERT if a.severity == "severe" else INK),
             Cell(a.severity, bold=a.severity == "severe"), a.action_taken or "—"]
            for a in record.adverse_events]
    return Table(cols, rows, size=8, title="Adverse events")


def amendment_table(record: SessionRecord) -> Table:
    cols = (Column("Date", 17), Column("By", 14), Column("Reason", 30), Column("Amendment", 70))
    rows = [[fmt_dt(a.created_at), a.created_by, a.reason, a.text] for a in record.amendments]
    return Table(cols, rows, size=8, title="Amendments")


class SignatureBlock(Block):
    def __init__(self, record: SessionRecord, digest_now: str, seal: Seal | None = None):
        self.record = record
        self.digest_now = digest_now
        self.seal = seal  # what the audit trail says of a signed session

    def _lines(self) -> list[tuple[str, str, str]]:
        """(text, style, colour) lines; style: 'b' bold, 'm' mono, '' plain."""
        s = self.record.session
        if s.is_signed:
            seal = self.seal or Seal((), None, "")
            problems = list(seal.problems)
            if self.digest_now != s.content_hash:
                problems.insert(0, "the session content no longer matches the hash recorded "
                                   "at signing")
            lines = [
                (f"Signed electronically by {s.signed_by or '—'} on {fmt_dt(s.signed_at)}.",
                 "b", INK),
                ("Content hash (SHA-256) recorded at signing:", "", MUTED),
                (s.content_hash or "—", "m", INK),
            ]
            if seal.entry_id is not None:
                lines += [(f"Audit trail: signed in entry {seal.entry_id}, chain link:", "",
                           MUTED), (seal.link, "m", INK)]
            if problems:
                lines.append(("INTEGRITY WARNING: " + "; ".join(problems) + ". Refer to the "
                              "audit trail (imsmap check) before relying on this record.",
                              "b", ALERT))
            else:
                lines.append(("Integrity check: the session content and amendments printed "
                              "here match the signed hash and the audit trail.", "", INK))
            lines.append(("A signed record is locked; corrections appear below as dated "
                          "amendments.", "", MUTED))
            return lines
        return [
            ("DRAFT — NOT SIGNED", "B", DRAFT_INK),
            ("This session has not been signed. It may still change and is not the final "
             "clinical record.", "", INK),
            ("Content hash (SHA-256) at export:", "", MUTED),
            (self.digest_now, "m", INK),
        ]

    def _font(self, doc: Doc, style: str):
        if style == "B":
            return doc.font(12, bold=True)
        return doc.font(8.5, bold=style == "b", mono=style == "m")

    def height(self, doc: Doc, width: float) -> float:
        inner = width - doc.mm(6)
        return (sum(doc.text_height(t, self._font(doc, st), inner) + doc.mm(0.6)
                    for t, st, _c in self._lines()) + doc.mm(6) + doc.mm(3))

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        draft = not self.record.session.is_signed
        h = self.height(doc, width) - doc.mm(3)
        painter.setPen(QPen(QColor(DRAFT_INK if draft else INK), doc.pt(2.0 if draft else 0.8)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(x, y, width, h))
        cy = y + doc.mm(3)
        inner = width - doc.mm(6)
        for text, style, colour in self._lines():
            font = self._font(doc, style)
            th = doc.text_height(text, font, inner)
            doc.draw_text(painter, QRectF(x + doc.mm(3), cy, inner, th), text, font, colour)
            cy += th + doc.mm(0.6)
