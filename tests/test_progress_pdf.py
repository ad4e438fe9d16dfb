"""The progress report PDF: every session dated, the change since the first, charts with the heat
map (opaque), the trend plot, the muscle and root matrices; and `imsmap pdf --progress`."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest

pypdf = pytest.importorskip("pypdf")

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def interior_points(atlas, per_view=8):
    """(view id, region, x, y) well inside regions of the first layer of the body views."""
    from tests.test_report import region_point

    out = []
    for vid, view in atlas.views.items():
        if view.kind != "body":
            continue
        seen = set()
        for r in view.regions:
            if r.layer != view.layer_ids[0] or r.muscle in seen:
                continue
            try:
                atlas.muscle(r.muscle)
            except Exception:  # noqa: BLE001 - a region naming a muscle the catalogue lacks
                continue
            x, y = region_point(r)
            seen.add(r.muscle)
            out.append((vid, r, x, y))
            if len(seen) == per_view:
                break
    if not out:
        pytest.skip("the atlas has no body views with regions")
    return out


def build_course(records, patient, sessions=8, sites=8, seed=7):
    """Weekly sessions; grasps weaken and pain falls over the course. Returns session ids."""
    rng = random.Random(seed)
    points = interior_points(records.atlas)
    records.db.conn.execute("PRAGMA synchronous = OFF")  # test data only: no fsync per site
    ids = []
    start = datetime(2025, 1, 6, 9, 0)
    for k in range(sessions):
        fade = k / max(1, sessions - 1)
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * k),
                                  practitioner="J. Physio", complaint="Low back pain, L5",
                                  pain_before=max(0, 8 - round(6 * fade)),
                                  pain_after=max(0, 6 - round(5 * fade)))
        for i in range(sites):
            vid, region, x, y = points[(k + i) % len(points)]
            grasp = max(0, min(3, round(3 * (1 - fade) + rng.choice((-1, 0, 0, 1)))))
            records.add_site(s.id, vid, x + rng.uniform(-3, 3), y + rng.uniform(-3, 3),
                             muscle_id=region.muscle, side=region.side, layer=region.layer,
                             grasp=None if (k, i) == (1, 2) else grasp)
        if k < sessions - 1:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def write(records, patient_id, tmp_path, name="progress.pdf", **kw):
    from imsmap.report.progress_pdf import write_progress_pdf

    return write_progress_pdf(records, patient_id, tmp_path / name, generated=GENERATED, **kw)


def text_of(path):
    reader = pypdf.PdfReader(str(path))
    return reader, re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in reader.pages))


@pytest.fixture
def course(records, patient):
    return build_course(records, patient)


def test_progress_report_holds_the_course(qapp, records, patient, course, tmp_path):
    out = write(records, patient.id, tmp_path)
    reader, flat = text_of(out)
    assert "IMS progress report" in flat
    assert patient.chart_number in flat and "Nguyen, Anna" in flat
    # Every session is dated in the sessions table.
    for sid in course:
        s = records.repo.session(sid)
        assert f"{s.started_at:%Y-%m-%d %H:%M}" in flat, sid
    assert "Sessions 8 sessions, oldest first" in flat
    assert "Muscles in common with the visit before" in flat and "Jaccard" not in flat
    assert "Change since the first session" in flat
    # first 8, the latest signed visit's (7) 3: the last session, a draft, is not compared
    assert "Change since the first session visit 1 → visit 7" in flat
    assert "Not compared: 1 draft, not signed (visit 8)." in flat
    assert "Pain before treatment 8 3" in flat
    assert "Pain and grasp over the sessions" in flat
    assert "Where it grasped" in flat
    assert "Grasp by muscle and session" in flat
    assert "Summed grasp by root and side" in flat
    assert "DRAFT" in flat  # the last session is not signed, and the table says so
    assert f"Page 1 of {len(reader.pages)}" in flat
    meta = reader.metadata
    assert patient.chart_number in meta.title and meta.author == "J. Physio"
    assert "Progress over 8" in meta.subject
    assert meta.creation_date == GENERATED


def test_muscles_left_out_of_one_visit_are_not_said_to_be_needled_only_once(
        qapp, records, patient, course, tmp_path):
    """The first and last visits compared: a muscle needled at visits 1 to 7 but not at the
    last was listed as "Needled in visit 1 only", which a reader takes for a muscle needled
    once in the whole course."""
    records.sign_session(course[-1])  # compared: signed visits
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "only" not in flat.split("Muscles compared between visit 1 and visit 8")[1][:2000]
    assert "Needled in visit 1, not 8" in flat and "Needled in visit 8, not 1" in flat


def test_overlap_and_grasp_burden_match_the_domain(qapp, records, patient, course, tmp_path):
    from imsmap.domain.progress import overlap_percents, session_metrics
    from imsmap.report.progress_pdf import load_history

    _patient, history = load_history(records, patient.id)
    overlap = overlap_percents(history)
    metrics = session_metrics(history)
    flat = text_of(write(records, patient.id, tmp_path))[1]
    # a draft (the course's last visit) is compared with nothing, said under the table
    assert not history.sessions[-1].is_signed and overlap[-1] is None
    assert "a draft, not signed, is compared with nothing (—)" in flat
    for i, (s, m) in enumerate(zip(history.sessions, metrics)):
        j = "—" if overlap[i] is None else f"{overlap[i]}%"  # the first, and a draft
        row = (f"{history.number(s.id)} {s.started_at:%Y-%m-%d %H:%M} {m.pain_before} "
               f"{m.pain_after} {m.sites} {m.muscles_grasping} of {m.muscles_treated} "
               f"{m.grasp_burden} {j}")
        assert row in flat, row


def test_no_transparency_and_pdfa(qapp, records, patient, course, tmp_path):
    out = write(records, patient.id, tmp_path)
    data = out.read_bytes()
    assert b"/SMask" not in data.replace(b"/SMask /None", b"")
    reader = pypdf.PdfReader(str(out))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")1", xmp)
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for gs in resources.get("/ExtGState", {}).values():
            gs = gs.get_object()
            assert float(gs.get("/CA", 1)) >= 1 and float(gs.get("/ca", 1)) >= 1
        for xobj in resources.get("/XObject", {}).values():
            xobj = xobj.get_object()
            assert "/SMask" not in xobj
            images += xobj.get("/Subtype") == "/Image"
    assert images >= 1  # the chart with its heat map


def test_selected_and_last_sessions(qapp, records, patient, course, tmp_path):
    chosen = course[2:5]
    flat = text_of(write(records, patient.id, tmp_path, session_ids=chosen))[1]
    assert "3 of 8 (visits 3-5)" in flat
    first = records.repo.session(course[0])
    assert f"{first.started_at:%Y-%m-%d %H:%M}" not in flat


def test_foreign_session_is_refused(qapp, records, patient, course, tmp_path):
    from imsmap.report.progress_pdf import ReportError

    other = records.create_patient(chart_number="C-2002", family_name="Other")
    s = records.start_session(other.id, started_at=datetime(2025, 3, 1, 9, 0))
    with pytest.raises(ReportError, match="is not one of"):
        write(records, patient.id, tmp_path, session_ids=[course[0], s.id])
    assert list(tmp_path.glob("*.pdf")) == []


def test_patient_without_sessions(qapp, records, patient, tmp_path):
    from imsmap.report.progress_pdf import ReportError

    with pytest.raises(ReportError, match="has no sessions"):
        write(records, patient.id, tmp_path)


def test_fifty_sessions_split_the_matrices(qapp, records, patient, tmp_path):
    build_course(records, patient, sessions=50, sites=10)
    reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "Sessions 50 sessions, oldest first" in flat
    assert "Visits 1 to" in flat and "part 1 of" in flat
    assert "Grasp by muscle and session (continued)" in flat or "part 2 of" in flat
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in flat


# ------------------------------------------------------------------------------ imsmap pdf --progress
def test_cli_progress(qapp, records, patient, course, db_path, tmp_path, capsys):
    from imsmap.cli import main

    out = tmp_path / "p.pdf"
    assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                 "--out", str(out), "--last", "3"]) == 0
    said = capsys.readouterr().out
    assert "3 sessions" in said and str(out) in said
    flat = text_of(out)[1]
    assert "3 of 8 (visits 6-8)" in flat
    # Never replaced silently.
    assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                 "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--patient", "1"], "needs both --patient ID and --progress"),
    (["--progress"], "needs both --patient ID and --progress"),
    (["--session", "1", "--patient", "1", "--progress"], "not both"),
    (["--session", "1", "--last", "2"], "--last goes with"),
    ([], "Say what to write"),
])
def test_cli_progress_wrong_combinations(qapp, records, patient, db_path, tmp_path, capsys,
                                         args, message):
    from imsmap.cli import main

    assert main(["pdf", "--db", str(db_path), *args, "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("imsmap: ") and message in err and err.count("\n") == 0
    assert not (tmp_path / "x.pdf").exists()


def test_cli_progress_unknown_patient_and_no_sessions(qapp, records, patient, db_path,
                                                      tmp_path, capsys):
    from imsmap.cli import main

    out = tmp_path / "x.pdf"
    assert main(["pdf", "--db", str(db_path), "--patient", "99", "--progress",
                 "--out", str(out)]) == 2
    assert "There is no patient with id 99." in capsys.readouterr().err
    assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                 "--out", str(out)]) == 2
    assert "has no sessions" in capsys.readouterr().err
    assert not out.exists()


def test_grasp_matrix_change_column_compares_only_what_was_graded_twice(qapp, records, patient,
                                                                       course, tmp_path):
    """First→last is "—" for a muscle graded once: "2→2" would read as a muscle that did not
    release, when nothing could be compared."""

    from imsmap.domain.progress import grasp_matrix
    from imsmap.report.progress_matrices import MatrixBlock, grasp_matrix_blocks
    from imsmap.report.progress_pdf import load_history

    _patient, history = load_history(records, patient.id)
    gm = grasp_matrix(history, records.atlas.catalogue)
    graded = gm.graded_signed()  # a draft (the course's last visit) is compared with nothing
    assert (graded == 1).any() and (graded >= 2).any()  # the course holds both kinds
    blocks = [b for b in grasp_matrix_blocks(records, history, gm, 180.0)
              if isinstance(b, MatrixBlock)]
    first, last = gm.first_last()
    rows = [row for b in blocks for row in b.rows]
    assert len(rows) == len(gm.targets)
    for r, (_label, _cells, text) in enumerate(rows):
        expected = "—" if graded[r] < 2 else f"{int(first[r])}→{int(last[r])}"
        assert text == expected, (gm.targets[r], text)


def test_tables_say_what_a_dash_means(qapp, records, patient, course, tmp_path):
    """'—' in the sessions table is a pain not recorded (or, for the first visit, no visit
    before to compare with); in the change table, a change that cannot be counted because a
    value is missing. Neither footnote said so: a referrer read 'Change —' as 'no change'."""
    records.update_session(course[-1], pain_after=None)  # the last visit's outcome not recorded
    records.sign_session(course[-1])  # compared: signed visits
    out = write(records, patient.id, tmp_path)
    _reader, flat = text_of(out)
    assert "Pain after treatment 6 — —" in flat  # first recorded 6, latest none, no change
    assert "—: not recorded; for the first visit, there is no visit before." in flat
    assert "—: not recorded in one of the two visits, so no change is given." in flat


def test_an_amended_visit_is_said_amended_with_its_amendment(qapp, records, patient, course,
                                                             tmp_path):
    """A grade entered wrong (1 for 3) and corrected by an amendment after signing: the report
    that leaves the clinic said 'signed' for that visit and nothing of the amendment, while the
    window's list said 'amended'. Its reader now learns that the visit was corrected, by whom,
    what the amendment says, and that the figures still count the grade as it was signed."""
    records.amend_session(course[2], "Grade entered wrong for site 1",
                          "Site 1 grasped 3 strong, not 1 mild.")
    records.amend_session(course[2], "Typo in the amendment above", "Site 1, not site 2.")
    out = write(records, patient.id, tmp_path)
    _reader, flat = text_of(out)
    when = f"{records.repo.session(course[2]).started_at:%Y-%m-%d}"
    row = re.search(rf"3 {when} 09:00 (.*?) (signed|amended|DRAFT)", flat)
    assert row and row.group(2) == "amended", flat[:3000]
    assert "all signed" not in flat
    assert "1 draft, not signed 1 visit amended after signing" in flat
    assert "count the sites as the amendments corrected them" in flat
    assert (f"Visit 3 ({when}), amended" in flat and "Grade entered wrong for site 1: "
            "Site 1 grasped 3 strong, not 1 mild." in flat)
    assert "Typo in the amendment above: Site 1, not site 2." in flat
    # A report of visits without amendments says nothing of them.
    clean = write(records, patient.id, tmp_path, name="first-two.pdf",
                  session_ids=course[:2])
    _r, clean_flat = text_of(clean)
    assert "Amended visits" not in clean_flat and "all signed" in clean_flat


def test_a_grade_corrected_by_an_amendment_is_counted_corrected(qapp, records, patient, course,
                                                                tmp_path):
    """A grade entered 3 for 1, corrected by an amendment after signing: the report counted the
    signed 3 (its grasp burden, muscles grasping) and said so in a sentence. The amendment now
    corrects the site, and the report counts the corrected grade and lists the correction."""
    from imsmap.domain.progress import session_metrics
    from imsmap.report.progress_pdf import load_history

    signed = course[2]
    site = next(x for x in records.read.sites_for_session(signed)
                if not x.planned and x.grasp is not None and x.grasp >= 2)
    _, history = load_history(records, patient.id)
    before = next(m for m in session_metrics(history) if m.session_id == signed)
    records.amend_session(signed, "Grade entered wrong", "", [(site.id, "grasp", 0)])
    _, history = load_history(records, patient.id)
    after = next(m for m in session_metrics(history) if m.session_id == signed)
    assert after.grasp_burden < before.grasp_burden
    out = write(records, patient.id, tmp_path)
    _reader, flat = text_of(out)
    assert f"Corrected: site {site.seq}: grade {site.grasp} → 0." in flat


def test_a_draft_with_nothing_needled_is_left_out_and_said_so(qapp, records, patient, course,
                                                              db_path, tmp_path, capsys):
    """'New session' pressed by mistake (or a session started on the wrong patient whose sites
    were removed): an empty draft cannot be withdrawn, and as the latest visit it made the
    report say that every muscle had released ('Muscles grasping 8 -> 0'). It is left out of
    the figures and named under the sessions table; the command says how many it reported."""
    from imsmap.cli import main

    records.sign_session(course[-1])
    before = text_of(write(records, patient.id, tmp_path, name="before.pdf"))[1]
    mistake = records.start_session(patient.id, started_at=datetime(2025, 3, 10, 9, 0),
                                    practitioner="J. Physio")
    vid, region, x, y = interior_points(records.atlas)[0]
    wrong = records.add_site(mistake.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                             layer=region.layer, grasp=3)
    records.remove_site(wrong.id)  # tapped on the wrong patient, taken off again
    out = tmp_path / "p.pdf"
    assert main(["pdf", "--db", str(db_path), "--patient", str(patient.id), "--progress",
                 "--out", str(out)]) == 0
    assert "(8 sessions)" in capsys.readouterr().out
    flat = text_of(out)[1]
    assert "8 of 9 (visits 1-8)" in flat and "all signed" in flat
    assert ("Left out of this report, with nothing needled yet: 1 draft, started "
            "2025-03-10 09:00.") in flat
    assert "2025-03-10 09:00 —" not in flat  # no row for it in the sessions table
    change = re.search(r"Change since the first session visit 1 → visit (\d+)", flat)
    assert change and change.group(1) == "8"
    # The figures are those of the report before the mistake.
    assert re.search(r"Muscles grasping \d+ \d+ −?\d+", flat).group(0) == re.search(
        r"Muscles grasping \d+ \d+ −?\d+", before).group(0)
    # Once something is needled in it, the draft is a visit like any other.
    records.add_site(mistake.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                     layer=region.layer, grasp=1)
    again = text_of(write(records, patient.id, tmp_path, name="after.pdf"))[1]
    assert "Left out of this report" not in again and "9 (visits 1-9)" in again
