"""The release metadata agrees with the package: versions, ids, entry points, and the Qt modules
the frozen build leaves out. Reads files only (the build itself is `packaging/build linux`)."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import imsmap

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "org.imsmap.imsmap"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _spec_list(name: str) -> set[str]:
    """The string constants of the list assigned to `name` in packaging/imsmap.spec."""
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return {c.value for c in ast.walk(node.value)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    raise AssertionError(f"packaging/imsmap.spec has no {name}")


def _spec_qt_excludes() -> set[str]:
    return {name for name in _spec_list("QT_EXCLUDES") if name.startswith("Qt")}


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, with its parents, and the numpy sub-modules it reaches as
    attributes (np.random.default_rng: numpy.random)."""
    text = path.read_text(encoding="utf-8")
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    names |= {f"numpy.{sub}" for sub in re.findall(r"\b(?:np|numpy)\.(\w+)", text)}
    return {".".join(n.split(".")[:i]) for n in names for i in range(1, n.count(".") + 2)}


def test_the_metainfo_release_and_the_package_carry_the_same_version():
    version = PYPROJECT["project"]["version"]
    assert imsmap.__version__ == version
    root = ET.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == version, "add the new release to the metainfo first"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"


def test_desktop_entry_starts_the_launcher_the_deb_installs():
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] == "imsmap"
    assert entry["Icon"] == APP_ID
    assert "imsmap" in PYPROJECT["project"]["scripts"]
    launcher = (PACKAGING / "linux" / "imsmap.sh").read_text(encoding="utf-8")
    assert 'exec /opt/imsmap/imsmap "$@"' in launcher
    assert f'APP_ID = "{APP_ID}"' in (PACKAGING / "imsmap.spec").read_text(encoding="utf-8")


def test_gui_and_console_entries_start_the_same_main():
    gui = PYPROJECT["project"]["gui-scripts"]["imsmap-gui"]
    assert gui == PYPROJECT["project"]["scripts"]["imsmap"] == "imsmap.cli:main"
    pins = PYPROJECT["project"]["optional-dependencies"]["packaging"]
    assert any(re.fullmatch(r"pyinstaller==[\d.]+", pin) for pin in pins), pins


def test_the_frozen_build_excludes_no_qt_module_imsmap_imports():
    used = set()
    for path in (ROOT / "src" / "imsmap").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = _spec_qt_excludes()
    assert "QtQml" in excluded and "QtQuick" in excluded
    assert not used & excluded, f"imsmap imports {used & excluded}; packaging/imsmap.spec drops them"


def test_the_frozen_build_excludes_no_python_module_imsmap_imports():
    excluded = _spec_list("PY_EXCLUDES") | _spec_list("NUMPY_EXCLUDES") | _spec_list("PIL_EXCLUDES")
    assert {"numpy.random", "numpy.fft", "PIL._avif"} <= excluded
    used = set()
    for path in (ROOT / "src" / "imsmap").rglob("*.py"):
        used |= _imported_modules(path)
    assert {"numpy", "numpy.ndarray", "PySide6.QtCore"} <= used  # the scan sees imports and np.X
    assert not used & excluded, f"imsmap uses {used & excluded}; packaging/imsmap.spec drops them"


def _spec_analysis_hiddenimports() -> ast.AST:
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Analysis":
            return next(k.value for k in node.keywords if k.arg == "hiddenimports")
    raise AssertionError("packaging/imsmap.spec has no Analysis(...)")


def test_the_frozen_build_collects_the_clinic_servers_psycopg():
    """The installers' app can use a clinic server: the build venv gets the server extra, the
    spec collects psycopg and psycopg_binary (whose modules psycopg imports by name at run
    time), and PyInstaller's Analysis is given them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert "server" in build.EXTRAS and "packaging" in build.EXTRAS
    server_pins = PYPROJECT["project"]["optional-dependencies"]["server"]
    assert any(re.fullmatch(r"psycopg\[binary\]==[\d.]+", pin) for pin in server_pins), server_pins
    assert "psycopg" in _spec_list("SERVER_PACKAGES")
    assert {"psycopg_binary", "psycopg_binary.pq", "psycopg_binary._psycopg"} <= _spec_list(
        "SERVER_MODULES")
    hidden = _spec_analysis_hiddenimports()
    assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "server_imports"
               for n in ast.walk(hidden)), "Analysis(hiddenimports=...) lacks server_imports()"
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    (function,) = [n for n in tree.body
                   if isinstance(n, ast.FunctionDef) and n.name == "server_imports"]
    used = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)}
    assert {"SERVER_PACKAGES", "SERVER_MODULES", "collect_submodules"} <= used
    for name in ("QT_EXCLUDES", "PY_EXCLUDES", "NUMPY_EXCLUDES", "PIL_EXCLUDES"):
        assert not {m for m in _spec_list(name) if m.split(".")[0].startswith("psycopg")}, name


def _spec_data_collections() -> list[tuple[str, list[str]]]:
    """(package, includes) of each collect_data_files(...) in the spec's Analysis datas."""
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    analysis = next(n for n in ast.walk(tree)
                    if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Analysis")
    datas = next(k.value for k in analysis.keywords if k.arg == "datas")
    return [(call.args[0].value,
             [c.value for k in call.keywords if k.arg == "includes" for c in k.value.elts])
            for call in ast.walk(datas)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "collect_data_files"]


def test_the_wheel_and_so_the_frozen_build_lists_every_package_of_imsmap():
    """pyproject.toml names imsmap's packages one by one: a new folder of modules not listed
    there is left out of the wheel, and so of the frozen app (whose spec collects imsmap's
    submodules from the installed package), and fails only when a user reaches it."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(init.parent.relative_to(src).parts)
             for init in (src / "imsmap").rglob("__init__.py")}
    assert found - listed == set(), "add them to [tool.setuptools] packages in pyproject.toml"
    folders = {".".join(py.parent.relative_to(src).parts)
               for py in (src / "imsmap").rglob("*.py")}
    assert folders <= found, f"modules outside a package (no __init__.py): {folders - found}"


def test_the_frozen_build_collects_every_package_data_file():
    """What the wheel ships as package data (pyproject.toml) the frozen app carries too: the
    atlas, the catalogs, and the clinic server's SQL, which `server init` reads (its absence
    was found only by the frozen app's smoke test against a real server)."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    collections = _spec_data_collections()
    assert collections
    for package, patterns in setuptools["package-data"].items():
        folder = ROOT / setuptools["package-dir"].get(
            package, "src/" + package.replace(".", "/"))
        files = [f for pattern in patterns for f in folder.glob(pattern)]
        assert files, f"{package}: no file matches {patterns}"
        for path in files:
            full = package.replace(".", "/") + "/" + path.relative_to(folder).as_posix()
            assert any(full.startswith(root.replace(".", "/") + "/")
                       and any(_glob_match(full[len(root) + 1:], i) for i in includes)
                       for root, includes in collections), (
                f"packaging/imsmap.spec does not collect {full}")


def _glob_match(relative: str, include: str) -> bool:
    """PyInstaller's include pattern, where **/ is zero or more folders (fnmatch's * crosses
    folders already)."""
    return fnmatch.fnmatch(relative, include) or fnmatch.fnmatch(relative,
                                                                 include.replace("**/", ""))


def test_psycopg_loads_its_binary_libpq_without_what_the_frozen_build_leaves_out():
    """What the spec excludes cannot be imported in the frozen app: psycopg, with every one of
    those modules refused as PyInstaller's importer refuses them, must still load its binary
    libpq (psycopg_binary's pq imports ssl: excluding ssl broke the clinic server once)."""
    excluded = sorted(_spec_list("PY_EXCLUDES") | _spec_list("NUMPY_EXCLUDES")
                      | _spec_list("PIL_EXCLUDES") | _spec_list("SERVER_EXCLUDES")
                      | {f"PySide6.{m}" for m in _spec_qt_excludes()})
    assert "psycopg.pq.pq_ctypes" in excluded
    code = f"""
import sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if any(name == bad or name.startswith(bad + ".") for bad in {excluded!r}):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, Refuse())
from imsmap.store.postgres.dsn import parse
import psycopg
print(psycopg.pq.__impl__, parse("postgresql://anna@db.clinic.lan/clinic")["host"])
"""
    env = {k: v for k, v in os.environ.items() if k != "PSYCOPG_IMPL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["binary", "db.clinic.lan"]


def test_icon_master_is_a_square_svg():
    root = ET.parse(PACKAGING / "icons" / "imsmap.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = map(float, root.get("viewBox").split())
    assert width == height


def test_the_frozen_build_keeps_a_decoder_for_every_photo_format_imsmap_accepts():
    from imsmap.services.photo_files import PHOTO_FORMATS

    # packaging/imsmap.spec leaves out Pillow's AVIF codec (PIL._avif, libavif): a photo format
    # added to PHOTO_FORMATS needs its codec kept there, and a photo of it in smoke_photos.py.
    assert "PIL._avif" in _spec_list("PIL_EXCLUDES")
    assert "AVIF" not in PHOTO_FORMATS
    smoke = (PACKAGING / "smoke_photos.py").read_text(encoding="utf-8")
    assert all(f'"{fmt}"' in smoke for fmt in PHOTO_FORMATS)


def _spec_constant(name: str) -> object:
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"packaging/imsmap.spec has no {name}")


def _one_library(pattern: str) -> Path:
    """The installed wheel's library a ONE_COPY pattern names (pillow.libs/, psycopg_binary.libs/)."""
    import importlib.util

    import PIL

    site = Path(PIL.__file__).parents[1]
    psycopg_binary = importlib.util.find_spec("psycopg_binary")  # not imported: it refuses
    assert psycopg_binary and Path(psycopg_binary.origin).parents[1] == site  # before psycopg
    found = list(site.glob(pattern))
    assert len(found) == 1, f"{pattern}: {found} in {site}"
    return found[0]


def test_the_frozen_build_ships_one_copy_of_each_library_two_wheels_bring():
    """The bundle used to carry OpenSSL twice (Python's, psycopg_binary's), zstd and liblzma
    twice (the system's, Pillow's) and libXau twice (5.4 + 1.0 + 2.1 MB): the spec's ONE_COPY
    makes one name a link to the other copy, which must be the newer one (OpenSSL 3 and
    liblzma keep their ABI for older callers within the major version, zstd within the soname),
    and the spec must apply it after the libraries are chosen."""
    import ctypes
    import ctypes.util
    import ssl

    one_copy = _spec_constant("ONE_COPY")
    assert set(one_copy) == {"libcrypto.so.3", "libssl.so.3", "libzstd.so.1", "liblzma.so.5",
                             "pillow.libs/libXau-*.so.6*"}
    spec = (PACKAGING / "imsmap.spec").read_text(encoding="utf-8")
    assert "a.binaries = one_copy(linked_only(a.binaries))" in spec

    # OpenSSL: Python's (the system's, which this interpreter links as the frozen one did)
    # served by psycopg_binary's, which must be OpenSSL 3 and no older.
    libcrypto = _one_library(one_copy["libcrypto.so.3"])
    found = re.search(rb"OpenSSL (\d+)\.(\d+)\.(\d+) ", libcrypto.read_bytes())
    assert found, libcrypto
    version = tuple(int(n) for n in found.groups())
    assert version[0] == ssl.OPENSSL_VERSION_INFO[0] == 3
    assert version >= tuple(ssl.OPENSSL_VERSION_INFO[:3]), (version, ssl.OPENSSL_VERSION)
    # psycopg_binary's libssl is the one built with that libcrypto (it links it by its name).
    assert libcrypto.name.encode() in _one_library(one_copy["libssl.so.3"]).read_bytes()

    # zstd and liblzma: the system's names served by Pillow's copies, no older than the system's.
    for name, function in (("zstd", "ZSTD_versionNumber"), ("lzma", "lzma_version_number")):
        system = ctypes.CDLL(ctypes.util.find_library(name))
        soname = {"zstd": "libzstd.so.1", "lzma": "liblzma.so.5"}[name]
        pillows = ctypes.CDLL(str(_one_library(one_copy[soname])))
        for lib in (system, pillows):
            getattr(lib, function).restype = ctypes.c_uint
        assert getattr(pillows, function)() >= getattr(system, function)(), name

    # libXau: Pillow's renamed copy (a patchelf gap, 2.1 MB) served by the system's libXau.so.6.
    _one_library("pillow.libs/libXau-*.so.6*")
    assert one_copy["pillow.libs/libXau-*.so.6*"] == "libXau.so.6"


def test_the_build_strips_pillows_extension_modules():
    """Pillow's wheel ships its extension modules with debug information (3.7 MB, 0.9 MB
    stripped): packaging/build.py strips them with the interpreter's and ICU's."""
    tree = ast.parse((PACKAGING / "build.py").read_text(encoding="utf-8"))
    (strippable,) = [node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                     and getattr(node.targets[0], "id", "") == "strippable"]
    globbed = {c.value for c in ast.walk(strippable) if isinstance(c, ast.Constant)}
    assert {"PIL", "*.so", "libpython3*.so*"} <= globbed, globbed


def test_the_menu_entry_speaks_each_language_the_app_does():
    """A French desktop starts imsmap in French (i18n.system_language): its menu entry and its
    software-centre summary are French too, not the English ones."""
    from imsmap.i18n import SOURCE_LANGUAGE, SUPPORTED

    entry = _desktop_entry()
    root = ET.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    for language in SUPPORTED:
        if language == SOURCE_LANGUAGE:
            continue
        key = language.split("_")[0]  # fr: every French locale, as system_language reads them
        for field in ("Name", "GenericName", "Comment", "Keywords"):
            assert entry.get(f"{field}[{key}]"), f"{field}[{key}] missing in the desktop entry"
            assert entry[f"{field}[{key}]"] != entry[field] or field == "Name"
        summaries = {s.get(lang_attr): s.text for s in root.findall("summary")}
        assert summaries.get(key) and summaries[key] != summaries[None]
        paragraphs = root.find("description").findall("p")
        assert len([p for p in paragraphs if p.get(lang_attr) == key]) == \
            len([p for p in paragraphs if p.get(lang_attr) is None])
