"""The layers' entries the generators write into the views: id, name and, where the name is
longer than a tight row of layer buttons holds (a short window's one line: 960 x 540), a short
name a physiotherapist reads at once ("Superf.", "Post. wall"; docs/atlas-format.md, `layers`).
A name already short ("Deep", "Deepest") has none. Each names.<language>.json gives its own
("short_layers")."""

from __future__ import annotations

# the short name of each English layer name that has one
SHORT = {
    "Superficial": "Superf.",
    "Intermediate": "Interm.",
    "Paraspinal": "Parasp.",
    "Posterior wall": "Post. wall",
    "Suboccipital": "Subocc.",
    "Multifidus and erector spinae": "Multifidus, ES",
    "Semispinalis, rotatores and short muscles": "Semispinalis, rot.",
    "Splenius and semispinalis capitis": "Splenius, semisp.",
    "Suboccipital triangle": "Suboccipital",
}


def layer(layer_id: str, name: str) -> dict[str, str]:
    """A view's layer entry: {"id", "name"} and its "short" name where it has one."""
    entry = {"id": layer_id, "name": name}
    if name in SHORT:
        entry["short"] = SHORT[name]
    return entry
