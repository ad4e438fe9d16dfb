"""`imsmap atlas`: the catalogue table, the JSON dump and the preview hook."""

from __future__ import annotations

import json
import sys
import types

import pytest

from imsmap.atlas import Atlas, load_atlas
from imsmap.atlas.catalogue import load_catalogue
from imsmap.atlas.view_parser import parse_view
from imsmap.cli import main
from imsmap.cli.atlas_cmd import atlas_json

MUSCLE_KEYS = {"id", "name", "synonyms", "region", "nerve", "roots", "dominant_root", "depth",
               "levels", "thorax_risk", "pneumothorax_risk", "note", "views", "translations"}


def test_json_output(capsys):
    assert main(["atlas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"version", "views", "muscles"}
    assert data["version"] == "2026.12.9"
    assert len(data["muscles"]) == len(load_catalogue())
    for m in data["muscles"]:
        assert set(m) == MUSCLE_KEYS
        assert m["dominant_root"] in m["roots"]
    deltoid = next(m for m in data["muscles"] if m["id"] == "deltoid_middle")
    assert deltoid["roots"] == ["C5", "C6"] and deltoid["pneumothorax_risk"] is False
    # English whatever the locale; the French names beside, under translations
    assert deltoid["name"].startswith("Deltoid")
    assert deltoid["translations"]["fr_CA"]["name"].startswith("Deltoïde")
    assert deltoid["translations"]["fr_CA"]["nerve"] == "Nerf axillaire"


def test_json_views_match_the_atlas(capsys):
    atlas = load_atlas()
    main(["atlas", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [v["id"] for v in data["views"]] == list(atlas.views)
    by_id = {m["id"]: m for m in data["muscles"]}
    for view in atlas.views.values():
        for region in view.regions:
            assert region.muscle in by_id, f"{region.id} names an unknown muscle"
            assert view.id in by_id[region.muscle]["views"]
    for m in data["muscles"]:
        assert set(m["views"]) <= set(atlas.views)


def test_atlas_json_lists_views_per_muscle():
    view = parse_view({
        "id": "test_anterior", "name": "Test anterior", "kind": "body",
        "width": 100, "height": 200, "viewer_left_is": "R",
        "layers": [{"id": "superficial", "name": "Superficial"}],
        "outline": ["M 0 0 L 100 0 L 100 200 Z"],
        "regions": [
            {"id": "a.deltoid_middle.R", "muscle": "deltoid_middle", "side": "R",
             "layer": "superficial", "d": "M 0 0 L 10 0 L 10 10 Z", "label": [5, 5],
             "level": None},
            {"id": "a.deltoid_middle.L", "muscle": "deltoid_middle", "side": "L",
             "layer": "superficial", "d": "M 90 0 L 100 0 L 100 10 Z", "label": [95, 5],
             "level": None},
        ],
    })
    data = atlas_json(Atlas(catalogue=load_catalogue(), views={view.id: view}))
    assert data["views"] == [{"id": "test_anterior", "name": "Test anterior", "kind": "body",
                              "layers": [{"id": "superficial", "name": "Superficial"}],
                              "translations": {"fr_CA": {"name": "Test anterior"}}}]
    by_id = {m["id"]: m for m in data["muscles"]}
    assert by_id["deltoid_middle"]["views"] == ["test_anterior"]
    assert by_id["biceps_brachii"]["views"] == []
    json.dumps(data)  # plain data only


def test_table_output(capsys):
    assert main(["atlas"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Muscle catalogue 2026.12.9:")
    header = next(line for line in lines if line.startswith("id "))
    for column in ("name", "region", "nerve", "roots", "depth", "!"):
        assert column in header
    deltoid = next(line for line in lines if line.startswith("deltoid_middle "))
    assert "C5*-C6" in deltoid and "Axillary nerve" in deltoid and not deltoid.endswith("!")
    trap = next(line for line in lines if line.startswith("trapezius_middle "))
    assert "CN11*, C3-C4" in trap and trap.endswith("!")
    # aligned: the roots column starts at the same place on every muscle row
    col = header.index("roots")
    rows = [line for line in lines if line.split(" ")[0] in load_catalogue().muscles]
    assert len(rows) == len(load_catalogue())
    assert all(row[col - 2:col] == "  " and row[col] != " " for row in rows)


def test_preview_needs_out(capsys):
    assert main(["atlas", "preview"]) == 2
    assert "--out" in capsys.readouterr().err


def test_out_without_preview_is_refused(capsys):
    assert main(["atlas", "--out", "x"]) == 2
    assert "preview" in capsys.readouterr().err


def test_preview_calls_the_renderer(monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("imsmap.render.preview")
    fake.render_preview = lambda out_dir, language: calls.append((out_dir, language))
    monkeypatch.setitem(sys.modules, "imsmap.render.preview", fake)
    assert main(["atlas", "preview", "--out", str(tmp_path)]) == 0
    assert calls == [(str(tmp_path), "en")]  # the charts' words in the records language


def test_unknown_action_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["atlas", "draw"])
    assert info.value.code == 2


def test_preview_draws_every_view_without_a_display(tmp_path):
    """A command that only draws must not need a screen (it aborted with 'no Qt platform')."""
    import os
    import subprocess
    import sys

    from imsmap.atlas import load_atlas

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                            "WAYLAND_DISPLAY")}
    out = tmp_path / "sheets"
    result = subprocess.run([sys.executable, "-m", "imsmap", "atlas", "preview", "--out",
                             str(out)], capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    sheets = {p.stem for p in out.glob("*.png")}
    expected = {f"{v.id}_{layer.id}" for v in load_atlas().views.values() for layer in v.layers}
    assert expected <= sheets


def test_preview_refuses_a_file_as_its_folder(tmp_path, capsys):
    from imsmap.cli import main

    target = tmp_path / "not-a-folder"
    target.write_text("x")
    assert main(["atlas", "preview", "--out", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err
