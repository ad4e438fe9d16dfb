"""The layers of design.md, checked on the source: imports run one way, Qt stays out of the model."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "imsmap"
# Highest first; a layer may import itself and anything below it, never above.
LAYERS = ["ui", "report", "render", "services", "store", "atlas", "domain"]
QT_FREE = {"services", "store", "atlas", "domain"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _layer_files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_layers_import_only_downwards(layer):
    above = set(LAYERS[: LAYERS.index(layer)])
    offenders = []
    for path in _layer_files(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "imsmap" and len(parts) > 1 and parts[1] in above:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("layer", sorted(QT_FREE))
def test_model_layers_do_not_import_qt(layer):
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in _layer_files(layer)
                 for n in _imports(p) if n.split(".")[0] in {"PySide6", "shiboken6"}]
    assert not offenders, "\n".join(offenders)


def test_render_uses_no_widgets():
    """render/ paints for the screen and for PDFs alike, so it may not depend on QtWidgets."""
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in _layer_files("render")
                 for n in _imports(p) if n.startswith("PySide6.QtWidgets")]
    assert not offenders, "\n".join(offenders)


def test_every_subpackage_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {"imsmap." + ".".join(p.parent.relative_to(PACKAGE).parts)
             for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}
    found.add("imsmap")
    assert found - listed == set(), f"add these to pyproject.toml: {sorted(found - listed)}"
