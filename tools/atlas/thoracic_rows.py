"""Which thoracic level a tap on the erector spinae of the posterior sheets records, by its height.

    from thoracic_rows import SPINE_ROWS, TRANSVERSE_ROWS, RIB_ANGLE_ROWS, within

The posterior body view draws the spinous processes only (posterior.details: the tip of C7 at 345,
of T1 at 372, then 26 units a level), so the rows of a column drawn across the thoracic levels
(`level_rows`, docs/atlas-format.md) are worked out from the tips of the spines, by what each
muscle's level means (the table "What level means" in docs/atlas-format.md):

- spinalis: the vertebra beside whose spinous process the needle goes. Its row for vertebra X is
  centred on the tip of the X spine (`SPINE_ROWS`).
- longissimus thoracis: the vertebra over whose transverse process (and the tubercle of the rib
  on it) the needle goes. A thoracic transverse process lies higher than the tip of its own
  spinous process, which slopes down over the vertebra below. From T1 to T10 it lies about level
  with the tip of the spine of the vertebra above (Geelhoed, McGaugh, Brewer and Murphy, J Orthop
  Sports Phys Ther 2006;36:876-881, measured on 15 cadavers; their pilot, J Man Manip Ther
  2005;13:91-93, had found the clinical "rule of threes" inaccurate: level with its own spine at
  T1-T3, half a level above it at T4-T6, a level above at T7-T10). At T11 and T12 the cadavers
  varied; there the rule of threes is taken: half a level above the T11 spine, level with the T12
  spine (`TRANSVERSE`). So a tap beside the tip of the T6 spine is longissimus T7.
- iliocostalis thoracis: the rib over whose angle the needle goes; rib X articulates with the
  transverse process of vertebra X (ribs 11 and 12 with the body alone), so its level is X. The
  rib leaves its tubercle about level with the spine of the vertebra above (as its transverse
  process does) and falls as it runs out to its angle: along the medial border of the scapula,
  which lies over the angles of ribs 2-7, rib X lies level with the tip of the X spine (the
  superior angle of the scapula over rib 2 at the level of T2, the inferior angle over rib 7 at
  the level of the T7 spine; ribs 8-12, below the scapula, taken alike). So its rows are centred
  on the spines' tips, as spinalis's are (`RIB_ANGLE`): the rise of the transverse process and
  the fall of the rib cancel, each good to about half a level.

Each level's row runs from half way to the height of the level above to half way to the next (the
first from half a level above its own height); a column keeps the rows it reaches (`within`). All
of it is good to a segment, as the catalogue's notes say: the lateral branches of the thoracic
dorsal rami run down a segment or more before they enter longissimus and iliocostalis.
"""

from __future__ import annotations

LEVEL = 26  # units between the tips of two thoracic spines on the posterior view
C7_TIP = 345  # the vertebra prominens (posterior.details)
THORACIC_TIP = {f"T{k}": 372 + LEVEL * (k - 1) for k in range(1, 13)}

# the height of each thoracic transverse process (see the module text)
TRANSVERSE: dict[str, float] = {
    "T1": C7_TIP,
    **{f"T{k}": THORACIC_TIP[f"T{k - 1}"] for k in range(2, 11)},
    "T11": THORACIC_TIP["T11"] - LEVEL / 2,
    "T12": THORACIC_TIP["T12"],
}
# the height of each rib where it crosses the iliocostalis column, at its angle (the module text)
RIB_ANGLE: dict[str, float] = dict(THORACIC_TIP)


def rows_about(heights: dict[str, float]) -> list[tuple[str, float]]:
    """(level, top) rows, cranio-caudal, about each level's height: a row starts half way up to
    the height of the level above (the first, half a level above its own height)."""
    items = list(heights.items())
    return [(level, float(y - LEVEL / 2 if i == 0 else (items[i - 1][1] + y) / 2))
            for i, (level, y) in enumerate(items)]


def within(rows: list[tuple[str, float]], *points: tuple[float, float]) -> list[tuple[str, float]]:
    """The rows a column drawn through `points` reaches: those that begin above its bottom and end
    below its top (a tap above the first kept row's top records that row's level)."""
    top, bottom = min(y for _, y in points), max(y for _, y in points)
    return [(level, start) for i, (level, start) in enumerate(rows)
            if start < bottom and (i + 1 == len(rows) or rows[i + 1][1] > top)]


SPINE_ROWS = rows_about(THORACIC_TIP)
TRANSVERSE_ROWS = rows_about(TRANSVERSE)
RIB_ANGLE_ROWS = rows_about(RIB_ANGLE)
