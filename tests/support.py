"""Helpers shared by the record tests (imported as `support`; tests/ is on sys.path)."""

from __future__ import annotations

from imsmap.atlas import Atlas, load_atlas


def chart_atlas() -> Atlas:
    """The shipped atlas; the tests always run against the real charts."""
    atlas = load_atlas()
    assert any(v.regions for v in atlas.views.values()), "the shipped atlas has no chart views"
    return atlas


def spot(atlas: Atlas, n: int = 0) -> tuple[str, float, float, str, str]:
    """(view id, x, y, muscle, side) at the label point of the n-th clickable left/right region."""
    found = [(v.id, *r.label, r.muscle, r.side) for v in atlas.views.values()
             for r in v.regions if r.side in ("L", "R") and r.contains(*r.label)]
    return found[n % len(found)]
