"""The atlas generators (tools/atlas) stop on a failed import: a drawing module that cannot be
imported must fail the build, not silently leave its layer out of the views it writes."""

from __future__ import annotations

import ast
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "atlas"
SWALLOWING = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _caught(handler: ast.ExceptHandler) -> set[str]:
    if handler.type is None:
        return {"BaseException"}  # a bare except
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {k.id if isinstance(k, ast.Name) else ast.unparse(k) for k in kinds}


def test_no_generator_catches_a_failed_import():
    files = sorted(TOOLS.glob("*.py"))
    assert len(files) > 20  # the generators are where this test looks for them
    found = [f"{path.name}:{node.lineno} catches {', '.join(sorted(_caught(node) & SWALLOWING))}"
             for path in files for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.ExceptHandler) and _caught(node) & SWALLOWING]
    assert found == []


def test_the_check_finds_a_swallowed_import():
    source = "try:\n    import deep_posterior\nexcept ImportError:\n    pass\n"
    handlers = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ExceptHandler)]
    assert [_caught(h) & SWALLOWING for h in handlers] == [{"ImportError"}]
