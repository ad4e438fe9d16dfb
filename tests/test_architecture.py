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


# -- one boundary under the window (issue 14) ----------------------------------------------------
def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _dependencies(name: str, path: Path) -> set[str]:
    """The imsmap modules `name` imports anywhere in it (in functions too): ``from pkg import
    sub`` counts as importing the submodule, not the package."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".")[: -node.level if path.name != "__init__.py"
                                          else len(name.split(".")) - node.level + 1]
                base = ".".join(package + ([node.module] if node.module else []))
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            found.update(subs if len(subs) == len(node.names) else [base, *subs])
    return {m for m in found if m in MODULES and m != name}


def test_no_import_cycle_anywhere():
    """No module imports, directly or through others, a module that imports it (not even
    from inside a function, which only hides the circle)."""
    graph = {name: _dependencies(name, path) for name, path in MODULES.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append(" -> ".join(path[path.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep, path + [dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(cycles)


# Underscore names that are public by design (collections.namedtuple's API).
PUBLIC_UNDERSCORE = {"_replace", "_asdict", "_fields", "_make"}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in PUBLIC_UNDERSCORE


def _defined_here(tree: ast.AST) -> set[str]:
    """Names a module defines: its functions, classes, assignments and attributes set on
    anything (``self._x = ...``), so a class may reach its own private parts on another
    instance of itself."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _foreign_modules(tree: ast.AST) -> set[str]:
    """Local names bound to modules outside imsmap (``argparse``): their API is theirs."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in ("imsmap", *LOCAL_MODULES):
                    names.add((alias.asname or alias.name).split(".")[0])
    return names


TESTS_AND_BENCHES = sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "bench").rglob("*.py"))
# The tests' and benchmarks' own helper modules (support, common...): ours, not a library's.
LOCAL_MODULES = {p.stem for p in TESTS_AND_BENCHES}


def test_no_module_uses_another_modules_private_names():
    """Nor does a test or a benchmark: they go through the public API (a seam a test needs,
    such as store.backup_sets.checkpoint, is public and says so), and setattr/monkeypatch of
    another module's private name counts as using it."""
    offenders = []
    for path in [*MODULES.values(), *TESTS_AND_BENCHES]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mine, foreign = _defined_here(tree), _foreign_modules(tree)
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("imsmap"):
                offenders += [f"{where}:{node.lineno} imports {node.module}.{a.name}"
                              for a in node.names if _private(a.name)]
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                base = node.value
                if isinstance(base, ast.Name) and (base.id in ("self", "cls")
                                                   or base.id in foreign):
                    continue
                if node.attr not in mine:
                    offenders.append(f"{where}:{node.lineno} uses {ast.unparse(node)}")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
                  and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
                  in ("setattr", "getattr", "delattr", "hasattr") and len(node.args) >= 2
                  and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
                  and _private(node.args[1].value) and node.args[1].value not in mine):
                offenders.append(f"{where}:{node.lineno} uses {ast.unparse(node)[:80]}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("layer", ["ui", "report", "render"])
def test_the_window_and_the_reports_never_reach_the_store(layer):
    """ui/ and report/ read through the services' queries (services.queries), never through
    the store: no import of imsmap.store, no `.repo`, `.db` or `.conn` of anything."""
    offenders = []
    for path in _layer_files(layer):
        where = path.relative_to(ROOT)
        offenders += [f"{where} imports {n}" for n in _imports(path)
                      if n == "imsmap.store" or n.startswith("imsmap.store.")]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("repo", "db", "conn"):
                offenders.append(f"{where}:{node.lineno} uses {ast.unparse(node)}")
    assert not offenders, "\n".join(offenders)


def test_changes_are_typed():
    """A Change is made of an Action and an Entity (services.changes), never of words."""
    offenders = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Change"
                    and any(isinstance(a, ast.Constant) for a in node.args[:2])):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, "\n".join(offenders)


WINDOW_PARTS = {"records", "undo_stack", "site_editor", "show_error", "show_message",
                "select_site", "atlas", "session_id"}


def test_no_widget_finds_its_collaborators_through_its_window():
    """Collaborators are given to a widget (its constructor), never looked up on whatever
    window it sits in (``getattr(widget.window(), "records")``)."""
    offenders = []
    for path in _layer_files("ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hosts = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Call)
                 and isinstance(node.value.func, ast.Attribute)
                 and node.value.func.attr == "window"
                 for t in node.targets if isinstance(t, ast.Name)}

        def is_window(node: ast.AST, hosts: set[str] = hosts) -> bool:
            return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "window") or (isinstance(node, ast.Name)
                                                          and node.id in hosts)

        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("getattr", "hasattr") and node.args
                    and is_window(node.args[0])):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            elif (isinstance(node, ast.Attribute) and node.attr in WINDOW_PARTS
                  and is_window(node.value)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, "\n".join(offenders)


def test_every_write_of_the_services_goes_through_the_unit_of_work():
    """Only services.unit_of_work opens a write transaction; the use cases ask it for one
    (``with records.write() as work``) and nothing above the services writes at all."""
    offenders = []
    for layer in ("ui", "report", "render", "services", "cli"):
        for path in _layer_files(layer) if layer != "cli" else sorted(
                (PACKAGE / "cli").rglob("*.py")):
            if path == PACKAGE / "services" / "unit_of_work.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "transaction"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, "\n".join(offenders)


def test_only_the_composition_root_makes_the_services():
    """services.context makes the change bus, the record services and the history cache;
    nothing else in imsmap constructs them (a second bus would be a second route)."""
    made_here = {"ChangeBus", "Records", "PatientHistories", "RecordQueries", "AppContext"}
    allowed = {PACKAGE / "services" / "context.py",
               PACKAGE / "services" / "records.py"}  # Records makes its RecordQueries
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in made_here):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} makes "
                                 f"{node.func.id}")
    assert not offenders, "\n".join(offenders)


def test_no_widget_is_made_of_mixins():
    """A class in ui/ has one base (a Qt class or one of ours): its collaborators come by its
    constructor, never from a mixin that assumes attributes on ``self`` (the window's menus are
    a controller, ui.menus.WindowMenus)."""
    offenders = []
    for path in _layer_files("ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and (len(node.bases) > 1
                                                   or node.name.endswith("Mixin")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not offenders, "\n".join(offenders)


def test_no_action_is_told_by_a_word_in_a_tuple():
    """What a key or an answer asks is a typed value (ui.chart_keys.Grade, Step...;
    ui.dialogs.CloseAnswer), never a tuple told apart by its first word
    (``action[0] == "step"``)."""
    offenders = []
    for layer in ("ui", "report", "render"):
        for path in _layer_files(layer):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Compare):
                    continue
                sides = [node.left, *node.comparators]
                tagged = any(isinstance(s, ast.Subscript) and isinstance(s.slice, ast.Constant)
                             and s.slice.value == 0 for s in sides)
                worded = any(isinstance(s, ast.Constant) and isinstance(s.value, str)
                             for s in sides)
                if tagged and worded:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, "\n".join(offenders)


def test_the_services_run_no_sql_of_their_own():
    """SQL lives in store/ behind named functions (store.repository, store.witnesses,
    store.export_rows, store.bulk...): no service calls execute, executemany or query itself."""
    offenders = []
    for path in _layer_files("services"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript",
                                           "query", "query_one")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert not offenders, "\n".join(offenders)
