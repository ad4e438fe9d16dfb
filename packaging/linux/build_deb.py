"""Build the Linux .deb from the frozen one-folder app, with dpkg-deb.

usage: python packaging/linux/build_deb.py BUNDLE ICON_DIR VERSION OUT_DIR

BUNDLE is dist/imsmap (PyInstaller), ICON_DIR the output of packaging/icons/render.py. The
package installs the app in /opt/imsmap, a launcher /usr/bin/imsmap, the desktop entry, the
AppStream metainfo and the hicolor icons. Depends lists what the bundle does not carry and the
host must: the C library (at least the newest GLIBC_ symbol version the bundle asks for),
libxcb1 (PyInstaller never bundles it: it must match the X server's), the OpenGL/EGL loaders
(libgl1, libegl1, from the host's graphics driver), fontconfig's configuration with one font and
libcups2, which Qt's print-support plugin links (left out of the bundle: packaging/imsmap.spec
FROM_SYSTEM; the alternative libcups2t64 is its name since Debian 13 and Ubuntu 24.04).
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "org.imsmap.imsmap"
MAINTAINER = "imsmap developers <packaging@imsmap.org>"
DEPENDS_FIXED = ["libxcb1", "libgl1", "libegl1", "libfontconfig1",
                 "fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2",
                 "libcups2 | libcups2t64"]


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_x.y version any ELF file in the bundle references."""
    newest = (2, 17)
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
                data = f.read()
            for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", data):
                newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def build(bundle: Path, icons: Path, version: str, out_dir: Path) -> Path:
    root = out_dir / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "imsmap", symlinks=True)
    write(root / "usr" / "bin" / "imsmap", (HERE / "imsmap.sh").read_text(), 0o755)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    shutil.copy(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    doc = share / "doc" / "imsmap"
    write(doc / "copyright", (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: imsmap\n\n"
        "Files: *\nCopyright: 2026 imsmap developers\nLicense: proprietary\n"
        " All rights reserved. The bundled Python, Qt (LGPL-3), PySide6 (LGPL-3), NumPy (BSD)\n"
        " and Pillow (MIT-CMU) keep their own licenses, shipped in /opt/imsmap/_internal.\n"))
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as gz:
        gz.write(f"imsmap ({version}) stable; urgency=medium\n\n"
                 f"  * Release {version}.\n\n -- {MAINTAINER}  Wed, 02 Dec 2026 12:00:00 +0000\n"
                 .encode())
    (doc / "changelog.gz").chmod(0o644)
    # Third-party layout that Debian's own policy does not cover, said once with reasons.
    write(share / "lintian" / "overrides" / "imsmap", "\n".join([
        "# A self-contained PyInstaller bundle for clinics, not a Debian archive package:",
        "# it lives in /opt and carries its own Python, Qt and their libraries.",
        "imsmap: dir-or-file-in-opt [opt/*]",
        "imsmap: embedded-library *",
        "imsmap: unstripped-binary-or-object *",
        "imsmap: shared-library-lacks-prerequisites *",
        "imsmap: shared-library-lacks-version *",
        "imsmap: hardening-no-pie *",
        "imsmap: custom-library-search-path *",
        "imsmap: library-not-linked-against-libc *",
        "imsmap: no-manual-page *",
        "imsmap: exit-in-shared-library *",
        "",
    ]))
    programs = {root / "usr" / "bin" / "imsmap", root / "opt" / "imsmap" / "imsmap"}
    for path in root.rglob("*"):  # world-readable; only the programs executable
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or path in programs else 0o644)
    size_kb = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    depends = [f"libc6 (>= {glibc_needed(bundle)})", *DEPENDS_FIXED]
    write(root / "DEBIAN" / "control", "\n".join([
        "Package: imsmap",
        f"Version: {version}",
        "Architecture: amd64",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {size_kb}",
        f"Depends: {', '.join(depends)}",
        "Section: science",
        "Priority: optional",
        "Homepage: https://imsmap.org",
        "Description: body-chart records of IMS dry-needling sessions",
        " imsmap records intramuscular stimulation (IMS) sessions on an anatomical",
        " body chart: each needle insertion, the muscle's grasp, the spinal segments",
        " treated and the patient's progress. Records stay on the computer; signed",
        " notes are locked and amended; each session exports as a PDF.",
        "",
    ]))
    deb = out_dir / f"imsmap_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    return deb


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__.strip().splitlines()[2])
    print(build(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])))
