"""What a site's place on its chart says about its other fields: the layer and level that go
with a muscle chosen for it, and the side it was tapped on (ui.site_inspector)."""

from __future__ import annotations

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.models import Side, Site


def muscle_fields(atlas: Atlas, site: Site, muscle_id: str) -> dict:
    """The fields that change with the muscle: its id, the layer it is drawn on in the site's
    view (the region under the site first), and the level (only segmental muscles have one: the
    region's level at the site's height, or the site's if the new muscle has that level too)."""
    muscle = atlas.muscle(muscle_id)
    fields: dict = {"muscle_id": muscle.id}
    try:
        regions = [r for r in atlas.view(site.view_id).regions if r.muscle == muscle.id]
    except AtlasError:
        regions = []
    here = [r for r in regions if r.contains(site.x, site.y)]
    same_side = [r for r in regions if r.side == site.side.value]
    pick = (here or same_side or regions or [None])[0]
    if pick is not None:
        fields["layer"] = pick.layer
    level_here = here[0].level_at(site.y) if here else None
    if level_here is not None and level_here in muscle.levels:
        fields["level"] = level_here
    elif site.level not in muscle.levels:
        fields["level"] = None
    return fields


def drawn_side(atlas: Atlas, site: Site) -> str | None:
    """The side of the patient the site was tapped on: "L" or "R" from its muscle's region
    under it; None where no region of its muscle with a side is under it (a muscle chosen by
    name for a site elsewhere, a midline region)."""
    try:
        regions = atlas.view(site.view_id).regions
    except AtlasError:
        return None
    return next((r.side for r in regions if r.muscle == site.muscle_id
                 and r.side in (Side.LEFT.value, Side.RIGHT.value)
                 and r.contains(site.x, site.y)), None)
