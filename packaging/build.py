"""Build, check and package the frozen imsmap for one platform (run by packaging/build).

usage: python packaging/build.py linux|windows|macos [--skip-venv]

1. build/packaging/venv: a clean virtual environment with imsmap installed as a user gets it
   (`pip install ".[packaging,server]"`, not editable): PyInstaller from the "packaging" extra,
   psycopg with its binary libpq from the "server" extra (the clinic server); on Linux numpy is
   then replaced by the same version built without BLAS (cached wheel);
2. the icons, rendered from packaging/icons/imsmap.svg into build/packaging/icons;
3. the one-folder app with packaging/imsmap.spec into dist/imsmap (dist/imsmap.app on macOS);
   on Linux its ICU data is cut to English and French (packaging/linux/icu_data.py, checked)
   and debug symbols are stripped where that is safe;
4. the smoke test of the frozen binary (packaging/smoke_test.py, with a photo of each format
   imsmap accepts from packaging/smoke_photos.py; on Linux under Xvfb on xcb), and where
   PostgreSQL's server binaries are installed (always on Linux) its clinic-server paths
   against a real PostgreSQL server started for it (tests/pg_support.start_server);
   on Linux also its demo clinic and PDF pages against a plain pip install's
   (build/packaging/venv-pip, packaging/compare_frozen.py);
5. the archive (tar.xz on Linux, zip elsewhere) and on Linux the .deb, checked by lintian, then
   unpacked and smoke-tested again from its own files; the desktop entry, metainfo and NSIS
   script are checked by their validators (desktop-file-validate, appstreamcli, makensis).
Any failure stops the build with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build" / "packaging"
DIST = ROOT / "dist"
VENV = BUILD / "venv"
PIP_VENV = BUILD / "venv-pip"  # what `pip install .` gives a user: the frozen app's reference
KEEP_OPENBLAS = "--keep-openblas" in sys.argv  # see --help
ICONS = BUILD / "icons"
PHOTOS = BUILD / "smoke-photos"  # one photo per accepted format, for the smoke test
SCREENSHOTS = BUILD / "screenshots"  # the frozen app's first-start question, on a clinic server
WHEELS = BUILD / "wheels"  # numpy built without BLAS: made once, then reused
APP_ID = "org.imsmap.imsmap"
TIMESTAMP_URL = "http://timestamp.digicert.com"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PROJECT["version"]
NUMPY_PIN = next(p for p in PROJECT["optional-dependencies"]["packaging"] if p.startswith("numpy=="))
# The extras the frozen app is built with: PyInstaller and the pins of the build ("packaging"),
# and psycopg with its binary libpq ("server"), so that a clinic that installs imsmap from the
# installer can choose its clinic server at the first start (tests/test_packaging_metadata.py).
EXTRAS = ("packaging", "server")


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def sh(*args: str | os.PathLike, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    print("$ " + " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, env=env, cwd=cwd)


def venv_python(venv: Path = VENV) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def make_venv() -> None:
    step("virtual environment with imsmap and PyInstaller")
    if not venv_python().exists():
        sh(sys.executable, "-m", "venv", VENV)
    sh(venv_python(), "-m", "pip", "install", "-q", "--upgrade", "pip")
    # Not editable: PyInstaller must see imsmap (and imsmap.assets) as an installed user sees it.
    sh(venv_python(), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", ".")
    sh(venv_python(), "-m", "pip", "install", "-q", f".[{','.join(EXTRAS)}]")
    if sys.platform.startswith("linux") and not KEEP_OPENBLAS:
        numpy_without_blas()


def make_pip_venv() -> None:
    step("reference: a plain pip install of imsmap, its dependencies from PyPI")
    if not venv_python(PIP_VENV).exists():
        sh(sys.executable, "-m", "venv", PIP_VENV)
    sh(venv_python(PIP_VENV), "-m", "pip", "install", "-q", "--upgrade", "pip")
    sh(venv_python(PIP_VENV), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", ".")
    sh(venv_python(PIP_VENV), "-m", "pip", "install", "-q", ".")


def compare_with_pip(executable: Path) -> None:
    """The frozen app's demo clinic and PDF pages against the pip install's, pixel for pixel
    (packaging/compare_frozen.py): numpy without BLAS must not change a result."""
    step(f"{executable} against a pip install")
    sh(sys.executable, PACKAGING / "compare_frozen.py", executable, PIP_VENV / "bin" / "imsmap")


def numpy_without_blas() -> None:
    """Linux: replace the PyPI numpy (which carries OpenBLAS and its Fortran runtime, 28 MB) by
    the same version built from source without BLAS (numpy's allow-noblas build option: its own
    loops do the few matrix products imsmap asks for, the heat map's blur). Built once into
    build/packaging/wheels: it takes many minutes and needs a C and C++ compiler."""
    version = NUMPY_PIN.split("==")[1]
    wheels = sorted(WHEELS.glob(f"numpy-{version}-*.whl"))
    if not wheels:
        step(f"{NUMPY_PIN} without BLAS, from source (once; cached in {WHEELS})")
        sh(venv_python(), "-m", "pip", "wheel", "-q", "--no-deps", "--no-binary", "numpy",
           "-w", WHEELS, NUMPY_PIN, "-Csetup-args=-Dallow-noblas=true",
           "-Csetup-args=-Dblas=none", "-Csetup-args=-Dlapack=none", "-Ccompile-args=-j2")
        wheels = sorted(WHEELS.glob(f"numpy-{version}-*.whl"))
    sh(venv_python(), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", wheels[-1])
    sh(venv_python(), "-c",
       "import numpy; deps = numpy.show_config(mode='dicts')['Build Dependencies']; "
       "assert not deps['blas'].get('found') and not deps['lapack'].get('found'), deps; "
       "print('numpy', numpy.__version__, 'without BLAS or LAPACK')")


def render_icons() -> None:
    step("icons from the one SVG master")
    shutil.rmtree(ICONS, ignore_errors=True)
    sh(venv_python(), PACKAGING / "icons" / "render.py", ICONS,
       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def freeze() -> None:
    step("PyInstaller one-folder build")
    sh(venv_python(), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
       "--distpath", DIST, "--workpath", BUILD / "work", PACKAGING / "imsmap.spec",
       env={**os.environ, "IMSMAP_ICON_DIR": str(ICONS)})
    if sys.platform.startswith("linux"):
        internal = DIST / "imsmap" / "_internal"
        # Links PyInstaller made to libraries the spec then left out (Wayland, EGLFS).
        for link in [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]:
            link.unlink()
        if not KEEP_OPENBLAS and any("openblas" in p.name for p in internal.rglob("*")):
            raise SystemExit("the bundle carries OpenBLAS: numpy is not the build without BLAS")
        # ICU's data, cut to English and French and to what Qt uses ICU for (and checked).
        qt_lib = internal / "PySide6" / "Qt" / "lib"
        sh(sys.executable, PACKAGING / "linux" / "icu_data.py", qt_lib, BUILD / "icu", venv_python())
        # Debug symbols: the source-built Python keeps them in its library and extension
        # modules (libpython 22 MB -> 6 MB, lib-dynload 11 MB -> 5 MB), the wheel's ICU in its
        # code libraries (7.0 -> 5.6 MB), numpy built here in its extension modules, Pillow's
        # wheel in its three extension modules (3.7 -> 0.9 MB; auditwheel set their RPATH, and
        # strip leaves them loadable: the smoke test opens a photo of each format through them).
        # Not the libraries of the Qt wheel (stripped already) nor the libraries auditwheel
        # renamed and patched (pillow.libs/, psycopg_binary.libs/, stripped already): strip can
        # break those ("ELF load command address/offset not page-aligned").
        strippable = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so"),
                      *qt_lib.glob("libicuuc.so.*"), *qt_lib.glob("libicui18n.so.*"),
                      *(internal / "PIL").glob("*.so")]
        if not KEEP_OPENBLAS:  # the PyPI wheel's extension modules were patched by auditwheel
            strippable += (internal / "numpy").rglob("*.so")
        sh("strip", "--strip-unneeded", *[lib for lib in strippable if not lib.is_symlink()])
        check_bundle_linux()
    check_imsmap_bundled()


def sign_windows(*files: Path) -> None:
    """Authenticode-sign with the certificate CI decoded from its secret (WINDOWS_CERT_FILE, a
    .pfx, and WINDOWS_CERT_PASSWORD); signtool from the Windows SDK."""
    sh("signtool", "sign", "/fd", "sha256", "/td", "sha256", "/tr", TIMESTAMP_URL,
       "/f", os.environ["WINDOWS_CERT_FILE"], "/p", os.environ["WINDOWS_CERT_PASSWORD"], *files)
    sh("signtool", "verify", "/pa", *files)


def sign_macos(app: Path) -> None:
    """Sign the bundle with the Developer ID identity in the CI keychain (MACOS_SIGN_IDENTITY),
    hardened runtime and the entitlements a Python app needs, as notarization requires."""
    sh("codesign", "--force", "--deep", "--timestamp", "--options", "runtime",
       "--entitlements", PACKAGING / "macos" / "entitlements.plist",
       "--sign", os.environ["MACOS_SIGN_IDENTITY"], app)
    sh("codesign", "--verify", "--deep", "--strict", "--verbose=2", app)


def notarize_macos(app: Path, archive_path: Path) -> None:
    """Submit the signed zip to Apple's notary service, wait, staple the ticket to the bundle."""
    sh("xcrun", "notarytool", "submit", archive_path, "--wait",
       "--apple-id", os.environ["APPLE_ID"], "--team-id", os.environ["APPLE_TEAM_ID"],
       "--password", os.environ["APPLE_APP_PASSWORD"])
    sh("xcrun", "stapler", "staple", app)
    sh("spctl", "--assess", "--type", "execute", "--verbose", app)


def frozen_executable(platform: str) -> Path:
    if platform == "macos":
        return DIST / "imsmap.app" / "Contents" / "MacOS" / "imsmap"
    return DIST / "imsmap" / ("imsmap.exe" if platform == "windows" else "imsmap")


def smoke_photos() -> None:
    step("photos for the smoke test")
    shutil.rmtree(PHOTOS, ignore_errors=True)
    sh(venv_python(), PACKAGING / "smoke_photos.py", PHOTOS)


def spec_constant(name: str) -> object:
    """The literal assigned to `name` in packaging/imsmap.spec (which only PyInstaller runs)."""
    tree = ast.parse((PACKAGING / "imsmap.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    raise SystemExit(f"packaging/imsmap.spec has no {name}")


def check_bundle_linux() -> None:
    """What the spec keeps and leaves out on purpose (packaging/imsmap.spec), checked on the
    result: Qt's English and French catalogs are there, and psycopg's compiled wrapper with its
    own libpq; libcups and its TLS stack, Pillow's AVIF codec and libavif are not (the
    Kerberos and OpenSSL libraries psycopg_binary's libpq links stay in its own folder); each
    library the spec's ONE_COPY names is a link to the one copy that serves it."""
    internal = DIST / "imsmap" / "_internal"
    translations = internal / "PySide6" / "Qt" / "translations"
    for name in ("qtbase_en.qm", "qtbase_fr.qm"):
        if not (translations / name).is_file():
            raise SystemExit(f"the bundle lacks {translations / name}")
    for pattern in ("psycopg_binary/_psycopg.*.so", "psycopg_binary/pq.*.so",
                    "psycopg_binary.libs/libpq-*.so*"):
        if not list(internal.glob(pattern)):
            raise SystemExit(f"the bundle lacks {pattern}: is the server extra in the build "
                             "venv (EXTRAS)?")
    # One copy of each library ONE_COPY in the spec names: a link to the copy that serves it.
    for name in spec_constant("ONE_COPY"):
        found = list(internal.glob(name))
        if len(found) != 1 or not found[0].is_symlink() or not found[0].resolve().is_file():
            raise SystemExit(f"the bundle carries {name} twice or not at all: {found} "
                             "(ONE_COPY in packaging/imsmap.spec)")
    unwanted = [p for p in internal.rglob("*")
                if p.name.startswith(("libcups.so", "libgnutls", "libkrb5", "libavif", "_avif."))
                and "psycopg_binary.libs" not in p.resolve().parts]
    if unwanted:
        raise SystemExit(f"the bundle carries what the spec leaves out: {unwanted}")


def source_modules() -> set[str]:
    """Every module of imsmap in the repository: src/imsmap/**/*.py and the atlas package."""
    src = ROOT / "src"
    names = {".".join(path.relative_to(src).with_suffix("").parts).removesuffix(".__init__")
             for path in (src / "imsmap").rglob("*.py")}
    return names | {"imsmap.assets"}


def check_imsmap_bundled() -> None:
    """Every imsmap module of the source tree is in the frozen app's PYZ, and every compiled
    catalog (.qm) and server schema file (.sql) next to the bundle's imsmap package. The CLI and
    the report menus import their modules by name (cli/__init__.py, ui/report_actions.py), so a
    module left out fails only when a user reaches it; a package missing from pyproject.toml's
    `packages` is left out of the wheel, and so of the bundle, silently."""
    step("every imsmap module, catalog and schema file is in the bundle")
    pyz = BUILD / "work" / "imsmap" / "PYZ-00.pyz"
    listed = subprocess.run(
        [str(venv_python()), "-c",
         "import sys; from PyInstaller.archive.readers import ZlibArchiveReader; "
         "print('\\n'.join(ZlibArchiveReader(sys.argv[1]).toc))", str(pyz)],
        check=True, capture_output=True, text=True).stdout.split()
    missing = sorted(source_modules() - set(listed))
    if missing:
        raise SystemExit(f"the bundle lacks imsmap modules: {missing} (a package not listed "
                         "in pyproject.toml's [tool.setuptools] packages?)")
    internal = (DIST / "imsmap.app" / "Contents" / "Resources" if sys.platform == "darwin"
                else DIST / "imsmap" / "_internal")
    src = ROOT / "src"
    data = [*(src / "imsmap").rglob("*.qm"), *(src / "imsmap" / "store" / "postgres").glob("sql/*.sql")]
    absent = [str(f.relative_to(src)) for f in data if not (internal / f.relative_to(src)).is_file()]
    if absent:
        raise SystemExit(f"the bundle lacks imsmap's data files: {absent}")
    print(f"{len(source_modules())} imsmap modules and {len(data)} data files in the bundle")


@contextlib.contextmanager
def clinic_server():
    """An empty database `clinic` on a PostgreSQL server of its own, started as the tests start
    theirs (tests/pg_support.start_server: a temporary cluster on a free loopback port, SCRAM
    passwords, as the `postgres` user under root); yields (the superuser's DSN without the
    password, the environment that holds it), or None where PostgreSQL's server binaries are
    missing (Windows and macOS runners; on Linux packaging/build installs them, so there it
    stops the build). Stopped and removed afterwards."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pg_support  # standard library only until a test asks it for psycopg

    bindir = pg_support.find_bindir()
    if bindir is None:
        if sys.platform.startswith("linux"):
            raise SystemExit("PostgreSQL's server binaries (initdb, pg_ctl) are missing: "
                             "packaging/build linux installs the postgresql package")
        print("-- no PostgreSQL server here: the clinic-server smoke test is skipped")
        yield None
        return
    top = Path(tempfile.mkdtemp(prefix="imsmap-smoke-pg-"))
    server = pg_support.start_server(top, bindir=bindir)
    try:
        env = {**os.environ, "PGPASSWORD": pg_support.SUPERUSER_PASSWORD}
        server.run("createdb", "-h", "127.0.0.1", "-p", str(server.port),
                   "-U", pg_support.SUPERUSER, "-E", "UTF8", "-T", "template0", "clinic",
                   env=env)
        yield (f"host=127.0.0.1 port={server.port} dbname=clinic user={pg_support.SUPERUSER}",
               env)
    finally:
        server.stop("immediate")
        shutil.rmtree(top, ignore_errors=True)


def smoke(executable: Path, screenshots: Path | None = None) -> None:
    step(f"smoke test of {executable}")
    with clinic_server() as server:
        command = [sys.executable, str(PACKAGING / "smoke_test.py"), str(executable), VERSION,
                   "--photos", str(PHOTOS)]
        env = None
        if server is not None:
            dsn, env = server
            command += ["--server-dsn", dsn]
            if screenshots is not None:
                command += ["--screenshots", str(screenshots)]
        if sys.platform.startswith("linux"):
            # The real xcb platform on a virtual X server, never the offscreen plugin. -noreset:
            # by default Xvfb resets when its last client leaves, and a client that connects
            # during the reset fails ("could not connect to display") - seen between two runs.
            command = ["xvfb-run", "-a", "-s", "-screen 0 1440x900x24 -nolisten tcp -noreset",
                       *command]
        sh(*command, env=env)


def archive(platform: str) -> Path:
    step("archive")
    if platform == "linux":
        out = DIST / f"imsmap-{VERSION}-linux-x86_64.tar.xz"
        with tarfile.open(out, "w:xz", preset=6) as tar:
            tar.add(DIST / "imsmap", arcname=f"imsmap-{VERSION}")
    else:
        folder = DIST / ("imsmap.app" if platform == "macos" else "imsmap")
        out = DIST / f"imsmap-{VERSION}-{platform}.zip"
        if platform == "macos":  # ditto keeps the bundle's links, attributes and signature
            sh("ditto", "-c", "-k", "--keepParent", folder, out)
        else:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(folder.rglob("*")):
                    zf.write(path, Path(f"imsmap-{VERSION}") / path.relative_to(folder))
    print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB")
    return out


def validate_metadata() -> None:
    step("desktop entry and AppStream metainfo")
    sh("desktop-file-validate", PACKAGING / "linux" / f"{APP_ID}.desktop")
    sh("appstreamcli", "validate", "--no-net", "--pedantic",
       PACKAGING / "linux" / f"{APP_ID}.metainfo.xml")


def nsis(payload: Path, out: Path, icon: Path, syntax_check: bool = False) -> None:
    """Compile the Windows installer script (warnings fail it). As a syntax check on Linux it
    runs against the Linux payload with fast compression: the installer it writes holds Linux
    files and is deleted."""
    fast = ["-DCOMPRESSOR=zlib"] if syntax_check else []
    sh("makensis", "-V2", "-WX", *fast, f"-DVERSION={VERSION}", f"-DPAYLOAD={payload.resolve()}",
       f"-DOUTFILE={out.resolve()}", f"-DICON={icon.resolve()}",
       PACKAGING / "windows" / "imsmap.nsi")
    if syntax_check:
        out.unlink()


def deb() -> None:
    step(".deb")
    sh(sys.executable, PACKAGING / "linux" / "build_deb.py", DIST / "imsmap", ICONS, VERSION, DIST)
    package = DIST / f"imsmap_{VERSION}_amd64.deb"
    sh("lintian", "--fail-on", "error,warning", package)
    with tempfile.TemporaryDirectory(prefix="imsmap-deb-") as tmp:
        sh("dpkg-deb", "-x", package, tmp)
        smoke(Path(tmp) / "opt" / "imsmap" / "imsmap")


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("platform", choices=("linux", "windows", "macos"))
    parser.add_argument("--skip-venv", action="store_true",
                        help="reuse build/packaging/venv as it is (a second build in a row)")
    parser.add_argument("--keep-openblas", action="store_true",
                        help="Linux: keep PyPI's numpy with OpenBLAS (heat maps 20-40x faster, "
                             "bundle about 29 MB larger; packaging/README.md)")
    parser.add_argument("--sign", action="store_true",
                        help="Windows: sign the executables and the installer; macOS: sign the "
                             "bundle, and notarize it when APPLE_ID is set (CI, with secrets)")
    args = parser.parse_args()
    if not args.skip_venv or not venv_python().exists():
        make_venv()
    if args.platform == "linux" and (not args.skip_venv or not venv_python(PIP_VENV).exists()):
        make_pip_venv()
    render_icons()
    smoke_photos()
    freeze()
    if args.sign and args.platform == "windows":
        step("signing the executables")
        sign_windows(DIST / "imsmap" / "imsmap.exe", DIST / "imsmap" / "imsmap-gui.exe")
    if args.sign and args.platform == "macos":
        step("signing the bundle")
        sign_macos(DIST / "imsmap.app")
    executable = frozen_executable(args.platform)
    smoke(executable, SCREENSHOTS)
    if args.platform == "linux":
        compare_with_pip(executable)
    packed = archive(args.platform)
    if args.sign and args.platform == "macos" and os.environ.get("APPLE_ID"):
        step("notarization")
        notarize_macos(DIST / "imsmap.app", packed)
        packed.unlink()
        packed = archive(args.platform)  # again, with the stapled ticket inside
    if args.platform == "linux":
        deb()
        validate_metadata()
        step("NSIS installer script (syntax check against the Linux payload)")
        nsis(DIST / "imsmap", BUILD / "nsis-syntax-check.exe", ICONS / "imsmap.ico",
             syntax_check=True)
    elif args.platform == "windows":
        step("NSIS installer")
        installer = DIST / f"imsmap-{VERSION}-setup.exe"
        nsis(DIST / "imsmap", installer, ICONS / "imsmap.ico")
        if args.sign:
            sign_windows(installer)
    step("sizes")
    bundle = DIST / ("imsmap.app" if args.platform == "macos" else "imsmap")
    print(f"bundle {bundle.name}: {size_mb(bundle):.1f} MB unpacked; "
          f"{packed.name}: {packed.stat().st_size / 1e6:.1f} MB")
    print("\nbuild and checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        print(f"\nBUILD FAILED: {' '.join(map(str, exc.cmd))} exited {exc.returncode}",
              file=sys.stderr)
        sys.exit(1)
