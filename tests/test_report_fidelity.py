"""Record fidelity (issue 12, H2): the signed session PDF holds every word of every free-text
field, in order, with nothing clipped at the margin or painted over the footer, for the longest
texts the record accepts (20,000 characters, many paragraphs, a 300-character web address)."""

from __future__ import annotations

import random
import re
import shutil
import string
import subprocess

import pytest

from imsmap.cli import main
from imsmap.domain import validation as v

pypdf = pytest.importorskip("pypdf")

MM = 72 / 25.4  # PDF points per millimetre
BODY_BOTTOM_MM = 17.0  # document.MARGIN_BOTTOM_MM: the blocks end here
FOOTER_RULE_MM = 12.0  # the footer's rule, 5 mm lower
MARGIN_X_MM = 16.0
VOCABULARY = ("grasp", "multifidus", "release", "cramp", "paraspinal", "segmental", "needled",
              "supraspinatus", "tender", "motor", "point", "trophedema", "réflexe", "gluteus",
              "medius", "Ångström", "strong", "twitch", "after", "seconds", "right", "left",
              "side", "lumbar", "L5", "S1", "C6", "patient", "reported", "ache", "deep")


def web_address(rng: random.Random, length: int = 300) -> str:
    stem = "https://physio.example.org/records/"
    tail = "".join(rng.choice(string.ascii_lowercase + string.digits + "-_") for _ in range(400))
    return (stem + tail)[:length]


def clinical_text(tag: str, length: int, *, seed: int = 1, paragraphs: int = 40,
                  url: bool = True) -> str:
    """Exactly ``length`` characters: ``paragraphs`` paragraphs (some with a blank line between)
    of sentences each numbered ``<tag><n>``, with a 300-character web address in the middle."""
    rng = random.Random(seed)
    per_paragraph = max(40, length // paragraphs)
    out: list[str] = []
    n = 0
    size = 0
    while size < length + 200:
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < per_paragraph:
            n += 1
            words.append(f"{tag}{n}")
            words.extend(rng.choice(VOCABULARY) for _ in range(rng.randint(4, 11)))
            words[-1] += "."
        if url and len(out) == paragraphs // 2:
            words.insert(3, web_address(rng))
        para = " ".join(words)
        out.append(para)
        size += len(para) + 1
    text = ""
    for i, para in enumerate(out):
        text += para + ("\n\n" if i % 5 == 4 else "\n")
    text = text[:length]
    if text[-1].isspace():
        text = text[:-1] + "x"
    assert len(text) == length and (not url or web_address(random.Random(0))[:10] in text)
    return text


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_words_in_order(field: str, record: str, printed: str) -> None:
    """Every word of ``record`` appears in ``printed`` (both without white space: lines break
    anywhere in a long word), each after the one before."""
    pos = 0
    for word in record.split():
        at = printed.find(word, pos)
        end = at + len(word) if at >= 0 else _across_a_page(word, printed, pos)
        assert end >= 0, (f"{field}: {word[:60]!r} is not printed after "
                          f"...{printed[max(0, pos - 80):pos]!r}")
        pos = end


def _across_a_page(word: str, printed: str, pos: int) -> int:
    """Where ``word`` ends when a page break falls between two of its lines (a long web
    address): its head ends the page, then come the next page's running header and the block's
    "(continued)" label (page furniture, at most a line), then its tail; -1 if it is not so."""
    label = printed.find("(continued)", pos)
    if label < 0:
        return -1
    tail_at = label + len("(continued)")
    for k in range(1, len(word)):
        head_end = printed.rfind(word[:k], pos, label) + k
        if (head_end >= k and label - head_end < 200
                and printed.startswith(word[k:], tail_at)):
            return tail_at + len(word) - k
    return -1


def visible_text(path) -> tuple[str, list[tuple[int, str, float, float]]]:
    """The text printed inside the pages' body (white space removed), and every piece of text
    found anywhere else: (page, text, x from the left, baseline from the top), in points."""
    reader = pypdf.PdfReader(str(path))
    body: list[str] = []
    elsewhere: list[tuple[int, str, float, float]] = []
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text, cm, tm, _font, _size, number=number, width=width, height=height):
            if not text.strip():
                return
            x0, y0 = tm[4], tm[5]
            x = cm[0] * x0 + cm[2] * y0 + cm[4]
            y = height - (cm[1] * x0 + cm[3] * y0 + cm[5])
            if 0 <= x < width - MARGIN_X_MM * MM and 0 < y <= height - BODY_BOTTOM_MM * MM:
                body.append(text)
            else:
                elsewhere.append((number, text, x, y))

        page.extract_text(visitor_text=visit)
    return squash("".join(body)), elsewhere


FOOTER = re.compile(r"^(Document IMS-\S+ · generated .* · imsmap \S+|Page \d+ of \d+|"
                    r"Confidential health information\.)$")


def assert_only_the_footer_below_the_body(elsewhere, height_pt: float) -> None:
    for page, text, x, y in elsewhere:
        clean = re.sub(r"\s+", " ", text).strip()
        assert y >= height_pt - FOOTER_RULE_MM * MM and 0 <= x and FOOTER.match(clean), (
            f"page {page}: {clean[:80]!r} printed outside the body at x={x:.0f} pt, "
            f"y={y:.0f} pt")


def word_boxes(path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every word's box (x0, y0, x1, y1 in points from the top left) as poppler's
    pdftotext finds it from the glyphs' positions: a word cut off by a clip still has its
    whole box."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=300).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def assert_words_inside_and_apart(path) -> None:
    """No word reaches into the side margins, and no two words overlap: a long word cut off at
    its column's edge (clipped, or running under the next column) fails both ways."""
    left, right = MARGIN_X_MM * MM - 0.5, (210 - MARGIN_X_MM) * MM + 0.5
    for number, words in enumerate(word_boxes(path), 1):
        for x0, _y0, x1, _y1, word in words:
            assert left <= x0 and x1 <= right, (
                f"page {number}: {word[:40]!r} at x {x0:.0f}-{x1:.0f}")
        words = sorted(words, key=lambda b: b[1])
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for a0, b0, a1, b1, other in words[i + 1:]:
                if b0 >= y1 - 1.0:
                    break
                overlap_x = min(x1, a1) - max(x0, a0)
                overlap_y = min(y1, b1) - max(y0, b0)
                assert overlap_x <= 1.0 or overlap_y <= 1.0, (
                    f"page {number}: {word[:40]!r} overlaps {other[:40]!r}")


def rendered_pages(path, tmp_path):
    """The PDF's pages as images at 60 dpi (poppler's pdftoppm)."""
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=300)
    return [QImage(str(p)) for p in sorted(tmp_path.glob("page-*.png"))]


def inked(image, x0: int, x1: int, y0: int, y1: int) -> list[tuple[int, int]]:
    hits = []
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            if image.pixelColor(x, y).lightness() < 200:
                hits.append((x, y))
    return hits


@pytest.fixture
def longest(records, session):
    """A signed session with every free-text field at (or near) its longest."""
    from support import spot

    s = session.id
    fields = {
        "notes": clinical_text("N", v.MAX_LONG_TEXT, seed=1, paragraphs=60),
        "plan": clinical_text("P", v.MAX_LONG_TEXT, seed=2, paragraphs=30),
        "tolerance": clinical_text("T", 3_000, seed=3, paragraphs=6),
        "complaint": clinical_text("C", v.MAX_SHORT_TEXT, seed=4, paragraphs=1),
    }
    records.update_session(s, **fields, pain_before=7, pain_after=3, consent=True,
                           needle_count=4, needles_accounted=True)
    findings = [clinical_text(f"F{i}x", v.MAX_SHORT_TEXT, seed=10 + i, paragraphs=2, url=False)
                for i in range(3)]
    for note in findings:
        records.add_finding(s, "shortening", location="lumbar", side="L", notes=note)
    action = clinical_text("A", v.MAX_SHORT_TEXT, seed=20, paragraphs=2)
    records.add_adverse_event(s, "soreness", "mild", action_taken=action)
    site_notes = [clinical_text("S0x", 2_500, seed=30, paragraphs=3),
                  clinical_text("S1x", 80, seed=31, paragraphs=1, url=False)]
    for i, note in enumerate(site_notes):
        view, x, y, _muscle, _side = spot(records.atlas, i)
        records.add_site(s, view, x, y, grasp=2, notes=note)
    records.sign_session(s)
    reason = clinical_text("R", v.MAX_SHORT_TEXT, seed=40, paragraphs=1, url=False)
    amendment = clinical_text("M", v.MAX_LONG_TEXT, seed=41, paragraphs=25)
    records.amend_session(s, reason, amendment)
    record = records.session_record(s)
    assert record.session.notes == fields["notes"]  # stored as given, all 20,000 characters
    texts = {**fields, "amendment reason": reason, "amendment": amendment,
             "adverse event action": action}
    texts.update({f"finding {i}": t for i, t in enumerate(findings)})
    texts.update({f"site note {i}": t for i, t in enumerate(site_notes)})
    return s, texts


def test_the_pdf_prints_every_word_of_the_longest_record(qapp, records, longest, db_path,
                                                        tmp_path):
    session_id, texts = longest
    out = tmp_path / "record.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id),
                 "--out", str(out)]) == 0
    printed, elsewhere = visible_text(out)
    for field, text in texts.items():
        assert_words_in_order(field, text, printed)
    height = float(pypdf.PdfReader(str(out)).pages[0].mediabox.height)
    assert_only_the_footer_below_the_body(elsewhere, height)
    assert "Sessionnotes(continued)" in printed and "Plan(continued)" in printed
    if shutil.which("pdftotext"):
        assert_words_inside_and_apart(out)


def test_no_block_ends_below_the_body_and_no_line_is_wider_than_its_column(
        qapp, records, longest, tmp_path, monkeypatch):
    """The layout engine's own measure: every placed block ends above the footer's margin and
    every line it laid out fits the width it was given."""
    from PySide6.QtGui import QPageSize

    from imsmap.report import document, textflow
    from imsmap.report.document import new_pdf_writer
    from imsmap.report.layout import Doc, Paragraph
    from imsmap.report.session_pdf import render_session_pdf

    session_id, _texts = longest
    record = records.session_record(session_id)
    widths: list[tuple[float, float]] = []
    real_init = textflow.Flow.__init__

    def measured(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        widths.append((self.natural_width, self.width))

    writer = new_pdf_writer(tmp_path / "geometry.pdf", "A4", "t", "", "geometry")
    assert writer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    monkeypatch.setattr(textflow.Flow, "__init__", measured)
    prepared = render_session_pdf(records, record, writer, generated=document.now())
    monkeypatch.undo()
    doc = Doc(writer, document.DPI)
    bottom = float(writer.height()) - doc.mm(document.MARGIN_BOTTOM_MM)
    width = float(writer.width()) - 2 * doc.mm(document.MARGIN_X_MM)
    assert len(prepared.pages) > 10
    continued = 0
    for number, placed in enumerate(prepared.pages, 1):
        for block, y in placed:
            end = y + block.height(doc, width)
            assert end <= bottom + 0.5, (number, type(block).__name__, end, bottom)
            if isinstance(block, Paragraph) and block.continued:
                continued += 1
                assert not block.text.startswith("\n"), f"page {number} starts with a blank line"
    assert continued >= 5
    wrapped = [(natural, w) for natural, w in widths if natural > 0]
    assert wrapped and all(natural <= w + 0.5 for natural, w in wrapped)
    del writer


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_nothing_is_painted_in_the_margin_or_over_the_footer(qapp, records, longest, db_path,
                                                             tmp_path):
    session_id, _texts = longest
    out = tmp_path / "record.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id),
                 "--out", str(out)]) == 0
    px = 60 / 25.4  # pixels per millimetre at 60 dpi
    pages = rendered_pages(out, tmp_path)
    assert len(pages) > 10
    for number, image in enumerate(pages, 1):
        w, h = image.width(), image.height()
        right = inked(image, int((210 - MARGIN_X_MM + 0.8) * px) + 1, w, 0, h)
        assert not right, f"page {number}: ink beyond the right margin at {right[:3]}"
        band = inked(image, 0, w, int(h - BODY_BOTTOM_MM * px) + 2,
                     int(h - FOOTER_RULE_MM * px) - 2)
        assert not band, f"page {number}: ink between the body and the footer at {band[:3]}"


@pytest.mark.parametrize("report", ["session", "progress"])
def test_long_names_and_a_long_complaint_wrap_inside_the_page(qapp, records, db_path, tmp_path,
                                                               report):
    """Names of 100 letters without a space, a 32-character chart number and a complaint with a
    300-character web address: printed in full in the header (the progress report's too),
    inside the margins."""
    from datetime import datetime

    from support import spot

    family = ("Wolfeschlegelsteinhausenbergerdorff-" * 3)[:v.MAX_NAME]
    given = ("Maximiliana-Konstantina-Friederike-" * 3)[:v.MAX_NAME]
    chart = "CHART-" + "7" * (v.MAX_CHART_NUMBER - 6)
    patient = records.create_patient(chart_number=chart, family_name=family, given_name=given)
    complaint = clinical_text("C", v.MAX_SHORT_TEXT, seed=5, paragraphs=1)
    for day in (2, 9):
        s = records.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 30),
                                  practitioner="J. Physio", complaint=complaint)
        view, x, y, _muscle, _side = spot(records.atlas, day)
        records.add_site(s.id, view, x, y, grasp=2)
        records.sign_session(s.id)
    out = tmp_path / f"{report}.pdf"
    which = (["--session", str(s.id)] if report == "session"
             else ["--patient", str(patient.id), "--progress"])
    assert main(["pdf", "--db", str(db_path), *which, "--out", str(out)]) == 0
    printed, elsewhere = visible_text(out)
    for field, text in (("family name", family), ("given name", given), ("chart", chart),
                        ("complaint", complaint)):
        assert_words_in_order(field, text, printed)
    height = float(pypdf.PdfReader(str(out)).pages[0].mediabox.height)
    assert_only_the_footer_below_the_body(elsewhere, height)
    if shutil.which("pdftotext"):
        assert_words_inside_and_apart(out)
    if shutil.which("pdftoppm"):
        px = 60 / 25.4
        for number, image in enumerate(rendered_pages(out, tmp_path), 1):
            right = inked(image, int((210 - MARGIN_X_MM + 0.8) * px) + 1, image.width(), 0,
                          image.height())
            assert not right, f"page {number}: ink beyond the right margin at {right[:3]}"


def test_a_continued_site_note_label_is_not_broken_inside_a_word(qapp, records, longest,
                                                                db_path, tmp_path):
    """A site note carried over a page is labelled "Site 1 (continued)" in its label column;
    at 20 mm the column was narrower than "(continued)", which broke as "(continued" and a lone
    ")" on the next line."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    session_id, _texts = longest
    out = tmp_path / "record.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id),
                 "--out", str(out)]) == 0
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    words = re.findall(r"<word [^>]*>([^<]*)</word>", html)
    assert "Site" in words and "(continued)" in words
    assert "(continued" not in words and ")" not in words
