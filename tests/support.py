"""Helpers shared by the record tests (imported as `support`; tests/ is on sys.path)."""

from __future__ import annotations

import sqlite3

import pytest

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


def site_on(records, session, muscle_id: str):
    """Add a site through the services on a real region of ``muscle_id``: at its label point,
    where a tap on the chart finds that muscle. Fails the test when the atlas has none."""
    for view in records.atlas.views.values():
        for region in view.regions:
            if region.muscle == muscle_id and muscle_id in [
                    r.muscle for r in view.regions_at(*region.label)]:
                return records.add_site(session.id, view.id, *region.label,
                                        muscle_id=muscle_id, side=region.side,
                                        layer=region.layer, level=region.level)
    pytest.fail(f"the atlas has no clickable region for {muscle_id}")


def outside_edit(path, *statements: str) -> None:
    """Change the file the way another program would: triggers dropped, then put back."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                ).fetchall()
        conn.execute("BEGIN")
        conn.execute("PRAGMA foreign_keys = OFF")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for sql in statements:
            conn.execute(sql)
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()
