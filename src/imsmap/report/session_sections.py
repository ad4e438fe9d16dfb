"""The sections of the session record besides the charts and the site table: the practitioner
line of the header, examination findings, consent, needles, adverse events, the signature box
and the amendments. What the record lacks is printed as NOT RECORDED, in the alert colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from imsmap.domain.corrections import SiteCorrection
from imsmap.domain.models import SessionRecord, Side
from imsmap.domain.text import clause, fill
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS
from imsmap.i18n.records import PLURAL, date_time, sentence_text, translate
from imsmap.report.document import DRAFT_INK, fmt_dt
from imsmap.report.layout import ALERT, INK, MUTED, Block, Doc
from imsmap.report.letterhead import registration
from imsmap.report.site_table import change_text
from imsmap.report.site_text import muscle_text, side_label, word
from imsmap.report.table import Cell, Column, Table
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records
from imsmap.services.safety import over_thorax, thorax_tier
from imsmap.services.signatures import Seal

__all__ = ["SignatureBlock", "not_recorded", "adverse_table", "amendment_table", "consent_table",
           "finding_side", "findings_table", "needles_table", "practitioner_line"]


def practitioner_line(session, settings: ClinicSettings) -> str:
    """The practitioner with a registration number: the session's own, else the clinic's list."""
    name = session.practitioner or ""
    reg = registration(name, session.practitioner_registration, settings)
    if not name:
        return translate("SessionSections", "not recorded")
    if reg:
        return fill(translate("SessionSections", "%1\nReg. no. %2"), [name, reg])
    return fill(translate("SessionSections", "%1\nRegistration no. not recorded"), [name])


def findings_table(record: SessionRecord) -> Table:
    cols = (Column(translate("SessionSections", "Sign (Gunn)"), 52),
            Column(translate("SessionSections", "Location"), 34),
            Column(translate("SessionSections", "Side"), 14),
            Column(translate("SessionSections", "Notes"), 78))
    rows = [[Cell(word("finding_sign", FINDING_SIGNS[f.sign]) if f.sign in FINDING_SIGNS
                  else f.sign, bold=True), f.location or "—",
             finding_side(f.side), Cell(f.notes or "", hyphens=True)] for f in record.findings]
    return Table(cols, rows, size=8, title=translate("SessionSections", "Examination findings"))


def finding_side(side: Side) -> str:
    """A finding's side as the window offers it: M is "Both / midline" (tender paraspinals on
    both sides), never "Midline" alone, which a site's M means (the French walk of 6 December:
    a finding chosen « Bilatéral / médian » was printed « Ligne médiane »)."""
    if Side(side) is Side.MIDLINE:
        return translate("SessionSections", "Both / midline")
    return side_label(side)


def not_recorded() -> str:
    """What the record lacks, in capitals, in the records language."""
    return translate("SessionSections", "NOT RECORDED")


def _yes(value: bool, yes: str) -> Cell:
    """A Record cell of the consent or needles table: its sentence, or NOT RECORDED. The
    column is prose (``Cell.hyphens``), with the muscles over the thorax under it: it wraps
    where it needs, and gives no room to a column of names (``report.column_widths``)."""
    return Cell(yes, hyphens=True) if value else \
        Cell(not_recorded(), bold=True, colour=ALERT, hyphens=True)


def consent_table(records: Records, record: SessionRecord) -> Table:
    s = record.session
    rows: list[list[Cell | str]] = [
        [Cell(translate("SessionSections", "Informed consent"), bold=True),
         _yes(s.consent, translate("SessionSections", "Obtained before needling."))]]
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

        cell = _yes(s.pneumothorax_discussed,
                    translate("SessionSections", "Discussed with the patient."))
        cell.small = " ".join(
            ([fill(translate("SessionSections", "Muscles over the thorax needled: %1."),
                   [listed(names["high"])])] if names["high"] else []) +
            ([fill(translate("SessionSections", "Near the pleura: %1."),
                   [listed(names["caution"])])] if names["caution"] else []))
        rows.append([Cell(translate("SessionSections", "Pneumothorax risk"), bold=True), cell])
    elif s.pneumothorax_discussed:
        # What the clinician recorded is printed whatever the catalogue says: a session signed
        # on an atlas that puts none of its sites near the pleura, where the discussion was
        # asked for by a newer one (or held all the same), still says it was held.
        cell = Cell(translate("SessionSections", "Discussed with the patient."), hyphens=True)
        cell.small = fill(translate(
            "SessionSections", "No site of this session is over or near the pleura in atlas "
            "%1, the version this record names."), [s.atlas_version])
        rows.append([Cell(translate("SessionSections", "Pneumothorax risk"), bold=True), cell])
    return Table(_item_columns(), rows, size=8, zebra=False)


def _item_columns() -> tuple[Column, Column]:
    return (Column(translate("SessionSections", "Item"), 42),
            Column(translate("SessionSections", "Record"), 136))


def needles_table(record: SessionRecord) -> Table:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    if s.needle_count is None:
        count = Cell(not_recorded(), bold=True, colour=ALERT)
    else:
        count = Cell(str(s.needle_count), small=translate(
            "SessionSections", "%n insertion site(s) charted", "", needled, PLURAL))
    rows: list[list[Cell | str]] = [
        [Cell(translate("SessionSections", "Needles used"), bold=True), count],
        [Cell(translate("SessionSections", "Needles accounted for"), bold=True),
         _yes(s.needles_accounted, translate(
             "SessionSections", "All needles accounted for and disposed of as sharps."))],
    ]
    return Table(_item_columns(), rows, size=8, zebra=False)


def adverse_table(record: SessionRecord) -> Table:
    cols = (Column(translate("SessionSections", "Adverse event"), 52),
            Column(translate("SessionSections", "Severity"), 24),
            Column(translate("SessionSections", "Action taken"), 102))
    rows = [[Cell(word("adverse_event", ADVERSE_EVENT_KINDS[a.kind])
                  if a.kind in ADVERSE_EVENT_KINDS else a.kind, bold=True,
                  colour=ALERT if a.severity == "severe" else INK),
             Cell(word("severity", a.severity), bold=a.severity == "severe"),
             Cell(a.action_taken or "—", hyphens=True)]
            for a in record.adverse_events]
    return Table(cols, rows, size=8, title=translate("SessionSections", "Adverse events"))


def amendment_table(record: SessionRecord,
                    corrections: Sequence[SiteCorrection] = ()) -> Table:
    """The amendments in order, each with all it did: its words, the sites it corrected
    (printed beside them in the site table too) and the photos it added after signing (printed
    after this table)."""
    cols = (Column(translate("SessionSections", "Date"), 17),
            Column(translate("SessionSections", "By"), 14),
            Column(translate("SessionSections", "Reason"), 30),
            Column(translate("SessionSections", "Amendment"), 70))
    did: dict[int, list[str]] = {}  # what each did besides its words
    for c in corrections:
        did.setdefault(c.amendment_id, []).append(
            fill(translate("SessionSections", "Site %1: %2."), [c.seq, change_text(c)]))
    for p in record.photos:
        if p.amendment_id is not None:
            did.setdefault(p.amendment_id, []).append(
                fill(translate("SessionSections", "Photo %1 added: %2."),
                     [p.seq, clause(p.caption)])
                if p.caption else fill(translate("SessionSections", "Photo %1 added."), [p.seq]))
    rows = [[fmt_dt(a.created_at), a.created_by, Cell(a.reason, hyphens=True),
             Cell(" ".join(x for x in (a.text, *did.get(a.id, ())) if x), hyphens=True)]
            for a in record.amendments]
    return Table(cols, rows, size=8, title=translate("SessionSections", "Amendments"))


# The signature box's padding inside its frame and between its lines (mm): as drawn, and at
# the least, where that keeps the box on the page it follows rather than leave the room it
# wanted blank at that page's foot (a box of 41 mm and its heading went over whole and left
# 40-48 mm blank; the box is a seal, never cut in two).
SIGNATURE_PAD_MM, SIGNATURE_LEAST_PAD_MM = 3.0, 1.5
SIGNATURE_GAP_MM, SIGNATURE_LEAST_GAP_MM = 0.6, 0.15
SIGNATURE_AFTER_MM = 3.0


class SignatureBlock(Block):
    """The signature box: who signed, when, the content hash and the audit trail's link (a
    draft's: DRAFT and the hash at export). Never split; where the room left on a page holds it
    only without the space under it, or only drawn closer (its least padding and line spacing),
    it is laid out so (``split``) rather than go over with its heading."""

    def __init__(self, record: SessionRecord, digest_now: str, seal: Seal | None = None, *,
                 pad_mm: float = SIGNATURE_PAD_MM, gap_mm: float = SIGNATURE_GAP_MM,
                 after_mm: float = SIGNATURE_AFTER_MM, keep_with_next: bool = False):
        """``keep_with_next``: the section after the box is one line (« Amendments: None. »)
        and goes to no page without it (``session_pdf``)."""
        self.record = record
        self.digest_now = digest_now
        self.seal = seal  # what the audit trail says of a signed session
        self.pad_mm = pad_mm
        self.gap_mm = gap_mm
        self.after_mm = after_mm
        self.keep_with_next = keep_with_next

    def _laid(self, pad_mm: float, gap_mm: float, after_mm: float) -> SignatureBlock:
        return SignatureBlock(self.record, self.digest_now, self.seal, pad_mm=pad_mm,
                              gap_mm=gap_mm, after_mm=after_mm,
                              keep_with_next=self.keep_with_next)

    def _lines(self) -> list[tuple[str, str, str]]:
        """(text, style, colour) lines; style: 'b' bold, 'm' mono, '' plain."""
        s = self.record.session
        if s.is_signed:
            seal = self.seal or Seal((), None, "")
            problems = [sentence_text(p) for p in seal.problems]
            if self.digest_now != s.content_hash:
                problems.insert(0, translate("SessionSections", "the session content no longer "
                                             "matches the hash recorded at signing"))
            when = date_time(s.signed_at) if s.signed_at else "—"
            # The login, and the person the signing entry names for it (where the clinic's
            # list of practitioners gave that login to someone when it signed).
            signed = fill(translate("SessionSections", "Signed electronically by %1 (%2) on "
                                    "%3."), [s.signed_by or "—", seal.signer_name, when]) \
                if seal.signer_name else \
                fill(translate("SessionSections", "Signed electronically by %1 on %2."),
                     [s.signed_by or "—", when])
            lines = [
                (signed, "b", INK),
                (translate("SessionSections", "Content hash (SHA-256) recorded at signing:"),
                 "", MUTED),
                (s.content_hash or "—", "m", INK),
            ]
            if seal.entry_id is not None:
                lines += [(fill(translate("SessionSections",
                                          "Audit trail: signed in entry %1, chain link:"),
                                [seal.entry_id]), "", MUTED), (seal.link, "m", INK)]
            if problems:
                lines.append((fill(translate(
                    "SessionSections", "INTEGRITY WARNING: %1. Refer to the audit trail (imsmap "
                    "check) before relying on this record."), ["; ".join(problems)]), "b", ALERT))
            else:
                lines.append((translate(
                    "SessionSections", "Integrity check: the session content and amendments "
                    "printed here match the signed hash and the audit trail."), "", INK))
            lines.append((translate("SessionSections", "A signed record is locked; corrections "
                                    "appear below as dated amendments."), "", MUTED))
            return lines
        return [
            (translate("SessionSections", "DRAFT — NOT SIGNED"), "B", DRAFT_INK),
            (translate("SessionSections", "This session has not been signed. It may still "
                       "change and is not the final clinical record."), "", INK),
            (translate("SessionSections", "Content hash (SHA-256) at export:"), "", MUTED),
            (self.digest_now, "m", INK),
        ]

    def _font(self, doc: Doc, style: str):
        if style == "B":
            return doc.font(12, bold=True)
        return doc.font(8.5, bold=style == "b", mono=style == "m")

    def _rows(self, doc: Doc, inner: float) -> list[list[tuple[str, str, str]]]:
        """The lines as drawn: a label ending in a colon and the code after it (the chain
        link, 32 characters) on one line where they fit side by side (a line less: the box
        and its heading went over whole where the page held all but 3-4 mm of them, and left
        35-44 mm blank before it in French); the hash, too long for that, under its label."""
        rows: list[list[tuple[str, str, str]]] = []
        for line in self._lines():
            text, style, _colour = line
            if rows and style == "m" and len(rows[-1]) == 1:
                label, label_style, _c = rows[-1][0]
                if label_style == "" and label.rstrip().endswith(":") and \
                        self._pair_width(doc, label, text) <= inner:
                    rows[-1].append(line)
                    continue
            rows.append([line])
        return rows

    def _pair_width(self, doc: Doc, label: str, code: str) -> float:
        return (doc.text_width(label, self._font(doc, "")) + doc.mm(1.5)
                + doc.text_width(code, self._font(doc, "m")))

    def _row_height(self, doc: Doc, row: list[tuple[str, str, str]], inner: float) -> float:
        if len(row) == 1:
            text, style, _c = row[0]
            return doc.text_height(text, self._font(doc, style), inner)
        return max(doc.line_height(self._font(doc, style)) for _t, style, _c in row)

    def _box_height(self, doc: Doc, width: float, pad_mm: float, gap_mm: float) -> float:
        """The framed box, without the space under it. The text wraps within the drawn box's
        inner width whatever the padding, so the lines are the same in a closer box."""
        inner = width - doc.mm(2 * SIGNATURE_PAD_MM)
        return (sum(self._row_height(doc, row, inner) + doc.mm(gap_mm)
                    for row in self._rows(doc, inner)) + doc.mm(2 * pad_mm))

    def height(self, doc: Doc, width: float) -> float:
        return self._box_height(doc, width, self.pad_mm, self.gap_mm) + doc.mm(self.after_mm)

    def min_height(self, doc: Doc, width: float) -> float:
        return self._box_height(doc, width, SIGNATURE_LEAST_PAD_MM, SIGNATURE_LEAST_GAP_MM)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, None] | None:
        """The whole box where ``avail`` holds it: without the space under it, else drawn
        closer, as close as needed (down to its least padding and spacing); None if even that
        does not fit."""
        if self._box_height(doc, width, self.pad_mm, self.gap_mm) <= avail:
            return self._laid(self.pad_mm, self.gap_mm, 0.0), None
        least = self.min_height(doc, width)
        if least > avail:
            return None
        full = self._box_height(doc, width, self.pad_mm, self.gap_mm)
        share = (full - avail) / (full - least)  # how far towards the least
        pad = self.pad_mm - share * (self.pad_mm - SIGNATURE_LEAST_PAD_MM)
        gap = self.gap_mm - share * (self.gap_mm - SIGNATURE_LEAST_GAP_MM)
        return self._laid(pad, gap, 0.0), None

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        draft = not self.record.session.is_signed
        h = self._box_height(doc, width, self.pad_mm, self.gap_mm)
        painter.setPen(QPen(QColor(DRAFT_INK if draft else INK), doc.pt(2.0 if draft else 0.8)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(x, y, width, h))
        cy = y + doc.mm(self.pad_mm)
        inner = width - doc.mm(2 * SIGNATURE_PAD_MM)
        left = x + doc.mm(SIGNATURE_PAD_MM)
        for row in self._rows(doc, inner):
            th = self._row_height(doc, row, inner)
            if len(row) == 1:
                text, style, colour = row[0]
                doc.draw_text(painter, QRectF(left, cy, inner, th), text,
                              self._font(doc, style), colour)
            else:  # a label and its code, on one baseline
                (label, _ls, label_colour), (code, _cs, code_colour) = row
                label_font, code_font = self._font(doc, ""), self._font(doc, "m")
                base = max(doc.metrics(label_font).ascent(), doc.metrics(code_font).ascent())
                doc.draw_text(painter, QRectF(left, cy + base - doc.metrics(label_font).ascent(),
                                              inner, th), label, label_font, label_colour,
                              wrap=False)
                cx = left + doc.text_width(label, label_font) + doc.mm(1.5)
                doc.draw_text(painter, QRectF(cx, cy + base - doc.metrics(code_font).ascent(),
                                              left + inner - cx, th), code, code_font,
                              code_colour, wrap=False)
            cy += th + doc.mm(self.gap_mm)
