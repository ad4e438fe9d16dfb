"""Cut the ICU data library of the frozen app (libicudata.so.NN, 32 MB) down to what Qt's use of
ICU and imsmap's locales need, with ICU's own tools; then prove it changed nothing for them.

usage: python packaging/linux/icu_data.py QT_LIB_DIR WORK_DIR VENV_PYTHON

QT_LIB_DIR is the bundle's PySide6/Qt/lib. The PySide6 wheel's QtCore links ICU (libicuuc,
libicui18n and libicudata, which is only the data: one symbol, icudtNN_dat, holding an ICU
common-data package). The steps:

1. Qt's use of ICU is read from the bundle, not assumed: the ICU functions that libQt6Core
   imports must be case mapping (u_strToUpper/Lower), time-zone names (ucal_*), converters
   (ucnv_*) and collation (ucol_*), and no other bundled library may call ICU. A Qt that starts
   using break iterators or transliteration fails the build here.
2. The package is copied out of the library and rewritten with `icupkg -r` (ICU's tool to remove
   items from a .dat package; it refuses to remove an item that a kept one depends on). Removed:
   the locale data of every language but English and French (`root` and every en_*, fr_* locale
   stay: Canada and France, and their parents such as en_001), in every tree (main locale data,
   collation, time-zone, language, region, currency, unit and number-spelling names), and the
   break-iterator and transliteration trees, which none of the imported functions reach, and the
   converter tables of multi-byte legacy encodings (Shift_JIS, EUC-*, GB*, Big5, ISO-2022's
   tables, EBCDIC DBCS: 51 tables, 4.7 MB; a .cnv whose maxBytesPerChar is over 1). Qt reaches
   converters only through QStringDecoder/QStringEncoder of such a name (imsmap makes none; an
   SVG or clipboard text declaring such a charset is the only way in): it then gets an invalid
   converter, as for an unknown name. Kept whole: the alias table, every single-byte table
   (windows-125x, ISO-8859-x, KOI8, Mac, IBM code pages), the Unicode forms and Latin-1 (in
   ICU's code), the collation root (DUCET), the time-zone, calendar and supplemental data,
   normalization and every other non-locale item.
3. Every kept item is extracted from both packages and compared: byte for byte the same.
4. The new package becomes libicudata.so.NN again with `genccode` (ICU's tool that turns a
   package into assembly, as ICU's own build does) and the C compiler.
5. packaging/linux/icu_check.py prints what Qt computes with ICU (collation keys and order,
   locale-aware compare, case mapping, time-zone names, the converters Qt offers, text
   boundaries) with the original and the cut library, through the build venv's PySide6: for
   en_CA, en_US, en_GB, fr_CA, fr_FR and C it must be identical. Other locales fall back to the
   root (collation) or the default locale's names (time zones); their differing lines are counted.
   Every converter Qt offers is opened and round-trips a sample: each single-byte and Unicode one
   identically, and only the multi-byte ones may be gone.

The original library is kept in WORK_DIR for the comparison.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEEP_LANGUAGES = {"en", "fr"}
DROPPED_TREES = {"brkitr", "translit"}
# ICU's UConverterType values (ucnv.h) of the converters whose tables are dropped: DBCS, MBCS,
# EBCDIC_STATEFUL, ISO_2022, LMBCS_1..19, HZ, COMPOUND_TEXT (the last ones rest on the former).
MULTI_BYTE_TYPES = {1, 2, 9, 10, *range(11, 23), 23, 33}
# What libQt6Core may import from ICU (see the docstring).
QT_ICU_FUNCTIONS = re.compile(r"^(u_strToUpper|u_strToLower|ucal_\w+|ucnv_\w+|UCNV_\w+|ucol_\w+)$")
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # af, en_CA, de_, sr_Latn_BA, ...
SHIPPED_LOCALES = ("en_CA", "en_US", "en_GB", "fr_CA", "fr_FR", "C")


def run(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], check=True, text=True, capture_output=True, **kw)


def icu_imports(lib: Path, version: str) -> set[str]:
    out = run("nm", "-D", "--undefined-only", lib).stdout
    return {line.split()[-1].removesuffix(f"_{version}") for line in out.splitlines()
            if line.strip().endswith(f"_{version}")}


def check_qt_icu_use(qt_lib: Path, version: str) -> None:
    bundle = qt_lib.parents[2]  # _internal
    callers = {}
    for lib in bundle.rglob("*.so*"):
        if lib.is_symlink() or "libicu" in lib.name:
            continue
        used = icu_imports(lib, version)
        if used:
            callers[lib.name] = used
    if set(callers) != {"libQt6Core.so.6"}:
        raise SystemExit(f"ICU is called by {sorted(callers)}, not only libQt6Core: review "
                         "packaging/linux/icu_data.py before cutting ICU's data")
    unknown = sorted(f for f in callers["libQt6Core.so.6"] if not QT_ICU_FUNCTIONS.match(f))
    if unknown:
        raise SystemExit(f"libQt6Core now calls ICU's {unknown}: review which ICU data they need "
                         "in packaging/linux/icu_data.py")
    print(f"libQt6Core imports {len(callers['libQt6Core.so.6'])} ICU functions: case mapping, "
          "ucal, ucnv, ucol; nothing else in the bundle calls ICU", flush=True)


def data_symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's one data symbol icudtNN_dat."""
    syms = run("readelf", "--dyn-syms", "-W", lib).stdout
    found = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\w+\s+(\d+)"
                      r"\s+(icudt\d+_dat)\s*$", syms, re.M)
    if not found:
        raise SystemExit(f"{lib.name}: no icudtNN_dat symbol")
    addr, size, index, name = found.groups()
    sections = run("readelf", "-S", "-W", lib).stdout
    sec = re.search(rf"^\s*\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.M)
    sec_addr, sec_off = int(sec.group(1), 16), int(sec.group(2), 16)
    return name, int(addr, 16) - sec_addr + sec_off, int(size, 0)


def multi_byte_tables(dat: Path, items: list[str]) -> set[str]:
    """The .cnv items of the package that map characters to more than one byte: their
    UConverterStaticData (after the data header) says maxBytesPerChar at offset 71."""
    tables = [i for i in items if i.endswith(".cnv")]
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp, "cnv.txt")  # icupkg reads a list only from a .txt file
        listing.write_text("\n".join(tables) + "\n", encoding="utf-8")
        run("icupkg", "-x", listing, "-d", tmp, dat)
        out = set()
        for item in tables:
            data = Path(tmp, item).read_bytes()
            header = int.from_bytes(data[:2], "little")
            if data[header + 71] > 1:
                out.add(item)
    return out


def removed_items(items: list[str], multi_byte: set[str]) -> list[str]:
    out = sorted(multi_byte)
    for item in items:
        *tree, name = item.split("/")
        base, _, ext = name.rpartition(".")
        if tree and tree[0] in DROPPED_TREES:
            out.append(item)
        elif (ext == "res" and base != "root" and LOCALE.match(base)
              and base.split("_")[0] not in KEEP_LANGUAGES):
            out.append(item)
    return out


def cut(qt_lib: Path, work: Path, venv_python: Path) -> None:
    libs = sorted(qt_lib.glob("libicudata.so.*"))
    if len(libs) != 1:
        raise SystemExit(f"expected one libicudata.so.NN in {qt_lib}, found {libs}")
    lib = libs[0]
    version = lib.name.rsplit(".", 1)[1]
    check_qt_icu_use(qt_lib, version)
    shutil.rmtree(work, ignore_errors=True)
    for sub in ("original", "full", "cut"):
        (work / sub).mkdir(parents=True)
    original = work / "original" / lib.name
    shutil.copy2(lib, original)

    symbol, offset, size = data_symbol(lib)
    package = f"icudt{version}l"
    full_dat = work / "full" / f"{package}.dat"  # icupkg wants the package's own name
    with open(lib, "rb") as f:
        f.seek(offset)
        full_dat.write_bytes(f.read(size))
    items = run("icupkg", "-l", full_dat).stdout.split()
    remove = removed_items(items, multi_byte_tables(full_dat, items))
    (work / "removed.txt").write_text("\n".join(remove) + "\n", encoding="utf-8")
    cut_dat = work / "cut" / f"{package}.dat"
    run("icupkg", "-r", work / "removed.txt", full_dat, cut_dat)  # fails on a broken dependency
    kept = run("icupkg", "-l", cut_dat).stdout.split()
    if sorted(kept) != sorted(set(items) - set(remove)):
        raise SystemExit("icupkg kept a different set of items than asked")

    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        listing = work / "kept.txt"
        listing.write_text("\n".join(kept) + "\n", encoding="utf-8")
        run("icupkg", "-x", listing, "-d", a, full_dat)
        run("icupkg", "-x", listing, "-d", b, cut_dat)
        changed = [i for i in kept if not filecmp.cmp(Path(a, i), Path(b, i), shallow=False)]
        if changed:
            raise SystemExit(f"items changed by icupkg: {changed[:5]}")

    run("genccode", "-a", "gcc", "-e", symbol.removesuffix("_dat"), "-d", work / "cut", cut_dat)
    asm = work / "cut" / f"{package}_dat.S"
    new_lib = work / "cut" / lib.name
    run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-Wl,-z,noexecstack",
        "-o", new_lib, asm)
    if data_symbol(new_lib)[0] != symbol:
        raise SystemExit(f"{new_lib}: the data symbol is not {symbol}")

    compare(venv_python, work)
    shutil.copy2(new_lib, lib)
    print(f"{lib.name}: {original.stat().st_size / 1e6:.1f} MB -> {lib.stat().st_size / 1e6:.1f} MB"
          f" ({len(remove)} of {len(items)} items removed: the locales of other languages,"
          f" {', '.join(sorted(DROPPED_TREES))}, multi-byte converter tables)")


def behaviour(venv_python: Path, lib_dir: Path) -> list[str]:
    # LD_LIBRARY_PATH comes before the Qt libraries' RUNPATH: this libicudata is the one loaded
    # (icu_check.py prints the path it finds mapped, checked below).
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "LD_LIBRARY_PATH": str(lib_dir),
           "LANG": "C.UTF-8"}
    proc = run(venv_python, HERE / "icu_check.py", env=env)
    if proc.stderr.strip():
        raise SystemExit(f"icu_check.py wrote to stderr:\n{proc.stderr}")
    lines = proc.stdout.splitlines()
    if lines[0] != f"libicudata {lib_dir / next(lib_dir.glob('libicudata.so.*')).name}":
        raise SystemExit(f"icu_check.py did not load the library in {lib_dir}: {lines[0]}")
    return lines[1:]


def compare_converters(before: dict[str, str], after: dict[str, str]) -> None:
    """Each converter of the original as it was, but the multi-byte ones, which may be gone."""
    gone = []
    for name, line in before.items():
        now = after.get(name)
        if now == line:
            continue
        kind = line.split("\t")[3]
        if (kind.lstrip("-").isdigit() and int(kind) in MULTI_BYTE_TYPES
                and (now is None or now.split("\t")[3] == "absent")):
            gone.append(name)
            continue
        raise SystemExit(f"the cut ICU data changes the converter {name}:\n- {line}\n+ {now}")
    if set(after) - set(before):
        raise SystemExit(f"converters only with the cut data: {sorted(set(after) - set(before))}")
    print(f"converters, original vs cut data: {len(before) - len(gone)} identical (single-byte,"
          f" Unicode, none), {len(gone)} multi-byte ones gone: {', '.join(gone)}")


def compare(venv_python: Path, work: Path) -> None:
    before = behaviour(venv_python, work / "original")
    after = behaviour(venv_python, work / "cut")
    (work / "behaviour-original.txt").write_text("\n".join(before) + "\n", encoding="utf-8")
    (work / "behaviour-cut.txt").write_text("\n".join(after) + "\n", encoding="utf-8")

    def converters(lines: list[str]) -> dict[str, str]:
        return {line.split("\t")[2]: line for line in lines if line.startswith("codec\t")}

    compare_converters(converters(before), converters(after))
    before = [line for line in before if not line.startswith("codec\t")]
    after = [line for line in after if not line.startswith("codec\t")]
    if len(before) != len(after):
        raise SystemExit("icu_check.py printed a different number of lines with the cut library")

    def locale_of(line: str) -> str:
        return line.split("\t")[1]

    shipped = [(a, b) for a, b in zip(before, after) if locale_of(a) in SHIPPED_LOCALES + ("*",)]
    differ = [(a, b) for a, b in shipped if a != b]
    if differ:
        raise SystemExit("the cut ICU data changes Qt's behaviour for a shipped locale:\n"
                         + "\n".join(f"- {a}\n+ {b}" for a, b in differ[:10]))
    others = sum(a != b for a, b in zip(before, after)) - len(differ)
    print(f"Qt with ICU, original vs cut data: {len(shipped)} results for "
          f"{', '.join(SHIPPED_LOCALES)} and locale-free ones identical; {others} of "
          f"{len(before) - len(shipped)} results for other locales differ (root collation, "
          "time-zone names of the default locale)")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.split("\n\n")[1])
    cut(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
