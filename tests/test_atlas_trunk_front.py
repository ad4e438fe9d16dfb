"""The trunk on the anterior and lateral charts drawn as anatomy (issue 17): curved ribs and the costal
margin, iliopsoas from the lumbar spine to the lesser trochanter (a fourth anterior sheet, the
posterior abdominal wall), pectoralis minor on ribs 3-5; taps on the redrawn regions record what
they show, and records made before keep their muscle, side, level and layer."""

from __future__ import annotations

import numpy as np
import pytest

from imsmap.atlas import geometry, load_atlas
from imsmap.domain.segments import segmental_summary

ATLAS = load_atlas()
ANTERIOR = ATLAS.view("anterior")


def _region(view, layer: str, muscle: str, side: str = "R", level: str | None = None):
    return next(r for r in view.regions_on(layer) if r.muscle == muscle and r.side == side
                and r.level == level)


def _dx(x: float) -> float:
    """Distance from the midline on the anterior view (patient's right on the viewer's left)."""
    return 500 - x


def _straightness(poly) -> float:
    """How far the points of an outline stray from their best straight line (the half width of
    the thinnest straight band that holds them)."""
    pts = np.asarray(poly, dtype=float)
    centred = pts - pts.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    return float(np.abs(centred @ axes[1]).max())


@pytest.mark.parametrize("view_id", ["anterior", "lateral_right", "lateral_left"])
def test_ribs_are_curves_not_bars(view_id):
    view = ATLAS.view(view_id)
    # the ribs are drawn under the muscles in straight steps (the lateral sternum in curves)
    pieces = [geometry.flatten(d.d)[0] for d in view.details if d.kind == "underlay" and " C " not in d.d]
    assert len(pieces) == (2 * (10 + 10 + 1) if view_id == "anterior" else 9 + 11)  # cartilages, bones
    # the bony ribs (ribs 1-8 in front; 2-11 from the side): a straight bar 9 units thick strays
    # 4.5 units from its axis, a rib bowing down from the side (or the back) to its costochondral
    # junction at least twice that
    bones = [p for p in pieces if geometry.area(p) > (700 if view_id == "anterior" else 800)
             and (view_id != "anterior" or (min(abs(x - 500) for x, _ in p) > 30  # not cartilages
                                            and geometry.bbox(p)[2] - geometry.bbox(p)[0] > 45))]
    assert len(bones) >= (16 if view_id == "anterior" else 10)
    for bone in bones:
        assert _straightness(bone) > 9.0, bone[:2]


def _top(poly: np.ndarray, dx: float) -> float:
    """The highest point of an outline within 3 units of dx from the midline."""
    column = poly[np.abs(_dx(poly[:, 0]) - dx) < 3]
    return float(column[:, 1].min())


def test_the_costal_margin_is_an_arch_down_to_the_tenth_cartilage():
    """Internal oblique (and transversus under it) meets the costal margin: its upper border falls
    from the linea semilunaris to the 10th costal cartilage (its lowest point, about L3, above the
    umbilicus at 770) and rises again along rib 10 to the flank."""
    for layer, muscle in (("deep", "internal_oblique"), ("deepest", "transversus_abdominis")):
        poly = np.asarray(_region(ANTERIOR, layer, muscle).polygon)
        medial, lowest, flank = (_top(poly, dx) for dx in (84, 103, 124))
        assert lowest - medial > 40 and lowest - flank > 15, (medial, lowest, flank)
        assert 700 < lowest < 760


def test_intercostal_spaces_lie_between_curved_ribs_and_follow_them():
    # the fifth space, medial (internal, through the membrane) and lateral (external) to the
    # costochondral junction, shares its border there; both sag with the ribs towards the junction
    inner = _region(ANTERIOR, "deep", "internal_intercostals", level="T5")
    outer = _region(ANTERIOR, "deep", "external_intercostals", level="T5")
    assert inner.bbox[0] > outer.bbox[0]  # on the viewer's left, lateral is further left
    assert abs(inner.bbox[0] - outer.bbox[2]) < 1.5
    spaces = [r for r in ANTERIOR.regions_on("deep") if r.muscle.endswith("intercostals") and r.side == "R"]
    assert {r.level for r in spaces} >= {f"T{k}" for k in range(1, 10)}
    ribs = [geometry.flatten(d.d)[0] for d in ANTERIOR.details if d.kind == "underlay"]
    for r in spaces:  # each space is a band between ribs: no rib crosses its label point
        x, y = r.label
        assert not any(geometry.point_in_polygon(p, x, y) for p in ribs), r.id


def test_pectoralis_minor_runs_from_ribs_3_to_5_to_the_coracoid():
    pm = _region(ANTERIOR, "deep", "pectoralis_minor")
    x0, y0, x1, y1 = pm.bbox
    assert y0 < 412 and 170 <= _dx(x0) <= 182  # up and out to the coracoid process
    assert 500 < y1 < 525  # its lowest slip on rib 5
    assert 60 < _dx(x1) < 72  # medially to just beyond the costochondral junction of rib 3
    under = _region(ATLAS.view("anterior"), "superficial", "pectoralis_major")
    assert geometry.point_in_polygon(under.polygon, *pm.label)  # under pectoralis major


def test_psoas_runs_from_t12_over_the_brim_and_under_the_ligament_to_the_lesser_trochanter():
    psoas = _region(ANTERIOR, "posterior_wall", "psoas_major")
    iliacus = _region(ANTERIOR, "posterior_wall", "iliacus")
    x0, y0, x1, y1 = psoas.bbox
    assert y0 < 660  # from the body of T12 (the lowest rib cartilages reach ~720)
    assert y1 > 1030  # to the lesser trochanter, below the inguinal ligament (~870-990)
    poly = np.asarray(psoas.polygon)
    low = poly[poly[:, 1].argmax()]
    assert 105 < _dx(low[0]) < 122  # at the lesser trochanter, medial to the femoral shaft
    # it lies beside the lumbar bodies at L3, crosses the pelvic brim lateral to them, and passes
    # under the lateral half of the inguinal ligament
    assert geometry.point_in_polygon(psoas.polygon, 500 - 32, 750)
    assert geometry.point_in_polygon(psoas.polygon, 500 - 60, 900)
    assert geometry.point_in_polygon(psoas.polygon, 500 - 86, 940)
    # iliacus fills the iliac fossa (below the crest, lateral to psoas, above the ligament) and
    # joins psoas at the lesser trochanter
    assert geometry.point_in_polygon(iliacus.polygon, 500 - 115, 840)
    assert geometry.point_in_polygon(iliacus.polygon, 500 - 125, 930)
    ipoly = np.asarray(iliacus.polygon)
    ilow = ipoly[ipoly[:, 1].argmax()]
    assert np.hypot(*(ilow - low)) < 4
    # quadratus lumborum lateral to psoas, from the 12th rib to the crest
    ql = _region(ANTERIOR, "posterior_wall", "quadratus_lumborum")
    assert ql.bbox[1] < 670 and 780 < ql.bbox[3] < 820
    # in the thigh, under sartorius, both reach the trochanter on the deep sheet too, and both
    # show in the femoral triangle on the superficial sheet, iliacus lateral to psoas
    for layer in ("superficial", "deep"):
        il, ps = _region(ANTERIOR, layer, "iliacus"), _region(ANTERIOR, layer, "psoas_major")
        assert _dx(il.label[0]) > _dx(ps.label[0]), layer
    assert _region(ANTERIOR, "deep", "psoas_major").bbox[3] > 1030
    assert _region(ANTERIOR, "deep", "iliacus").bbox[3] > 1030


def test_the_fourth_sheet_lies_under_transversus():
    assert ANTERIOR.layer_ids == ("superficial", "deep", "deepest", "posterior_wall")
    assert ATLAS.layer_name("anterior", "posterior_wall") == "Posterior wall"
    assert ATLAS.layer_name("anterior", "posterior_wall", "fr_CA") == "Paroi postérieure"
    assert {r.muscle for r in ANTERIOR.regions_on("posterior_wall")} == {
        "psoas_major", "iliacus", "quadratus_lumborum"}
    assert not any(r.muscle == "psoas_major" for r in ANTERIOR.regions_on("deepest"))


def test_taps_on_the_redrawn_trunk_record_what_they_show(records, session):
    # the iliac fossa on the fourth sheet, psoas beside L3, the femoral triangle, a rib space
    site = records.add_site(session.id, "anterior", 500 - 115, 840, layer="posterior_wall")
    assert (site.muscle_id, site.side, site.layer) == ("iliacus", "R", "posterior_wall")
    site = records.add_site(session.id, "anterior", 500 + 32, 750, layer="posterior_wall")
    assert (site.muscle_id, site.side, site.layer) == ("psoas_major", "L", "posterior_wall")
    site = records.add_site(session.id, "anterior", 500 - 80, 960, layer="superficial")
    assert (site.muscle_id, site.side) == ("psoas_major", "R")
    space = _region(ANTERIOR, "deep", "external_intercostals", level="T7")
    site = records.add_site(session.id, "anterior", *space.label, layer="deep")
    assert (site.muscle_id, site.level) == ("external_intercostals", "T7")
    lateral = _region(ATLAS.view("lateral_left"), "deep", "external_intercostals", side="L", level="T6")
    site = records.add_site(session.id, "lateral_left", *lateral.label, layer="deep")
    assert (site.muscle_id, site.side, site.level) == ("external_intercostals", "L", "T6")
    rows = {r.root: r for r in segmental_summary(records.repo.sites_for_session(session.id),
                                                 records.atlas.catalogue)}
    assert rows["T7"].side("R").sites and rows["T6"].side("L").sites


def test_sites_tapped_where_the_trunk_was_drawn_before_keep_their_meaning(records, session):
    """Sites recorded on 2026.12.3's drawings at points that now lie elsewhere (psoas's lumbar
    part on the third sheet, now on the fourth; an intercostal space whose ribs moved): the site
    keeps the muscle, side, level and layer it recorded, and its layer still exists."""
    old = [dict(x=459.9, y=808.0, layer="deepest", muscle_id="psoas_major", side="R"),
           dict(x=466.0, y=410.0, layer="deep", muscle_id="internal_intercostals", side="R", level="T1"),
           dict(x=395.0, y=612.7, layer="deep", muscle_id="external_intercostals", side="R", level="T7")]
    for fields in old:
        x, y = fields.pop("x"), fields.pop("y")
        records.add_site(session.id, "anterior", x, y, **fields)
    sites = records.repo.sites_for_session(session.id)
    assert [(s.muscle_id, s.side, s.layer, s.level) for s in sites] == [
        ("psoas_major", "R", "deepest", None), ("internal_intercostals", "R", "deep", "T1"),
        ("external_intercostals", "R", "deep", "T7")]
    for s in sites:
        assert s.layer in records.atlas.view("anterior").layer_ids
    rows = {r.root: r for r in segmental_summary(sites, records.atlas.catalogue)}
    assert rows["L2"].side("R").sites and rows["T1"].side("R").sites and rows["T7"].side("R").sites
