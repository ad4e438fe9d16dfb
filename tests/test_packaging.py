"""The wheel carries the atlas, and a plain (non-editable) install finds it through importlib."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_atlas_and_loads_it_outside_the_source_tree(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=300)
    (wheel,) = wheel_dir.glob("imsmap-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    shipped = {p.relative_to(ROOT / "assets").as_posix()
               for p in (ROOT / "assets" / "bodycharts").rglob("*.json")}
    assert shipped, "the repository has no atlas data"
    assert {f"imsmap/assets/{name}" for name in shipped} <= names
    assert "imsmap/cli/__init__.py" in names
    # The licence as an SPDX expression: setuptools stops building a licence table in 2027.
    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: LicenseRef-proprietary" in metadata.splitlines()
    # The clinic server's SQL (store/postgres/sql) is package data too.
    sql = {f"imsmap/store/postgres/sql/{p.name}"
           for p in (ROOT / "src" / "imsmap" / "store" / "postgres" / "sql").glob("*.sql")}
    assert sql and sql <= names
    # The translation catalogs (imsmap.i18n) are compiled .qm files, shipped.
    qm = {f"imsmap/i18n/translations/{p.name}"
          for p in (ROOT / "src" / "imsmap" / "i18n" / "translations").glob("*.qm")}
    assert qm and qm <= names
    # Import from the unpacked wheel only (not src/): the atlas must load from package data.
    code = ("import imsmap, imsmap.atlas as a; at = a.load_atlas(); "
            "assert '/site/' in imsmap.__file__, imsmap.__file__; "
            "from imsmap.store.postgres import schema; "
            "assert all(schema.sql_text(f) for m in schema.MIGRATIONS for f in m[3]); "
            "from imsmap.i18n import Catalog, catalog_names; "
            "assert catalog_names('fr_CA'), 'no French catalog'; Catalog('fr_CA'); "
            "print(len(at.catalogue), len(at.views))")
    out = subprocess.run([sys.executable, "-S", "-c",
                          f"import sys; sys.path[:0] = [{str(tmp_path / 'site')!r}] + "
                          f"{[p for p in sys.path if 'site-packages' in p]!r}; " + code],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    muscles, views = map(int, out.stdout.split())
    assert muscles > 0 and views > 0
