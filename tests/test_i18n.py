"""The translation infrastructure (imsmap.i18n): the system's language, catalogs, the shipped .qm
files compiled from their .ts sources."""

from __future__ import annotations

import ast
import html
import re
import runpy
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from imsmap import i18n
from imsmap.i18n import SUPPORTED, Catalog, install, system_language

ROOT = Path(__file__).resolve().parents[1]
UPDATE = runpy.run_path(str(ROOT / "tools" / "i18n" / "update"))
TRANSLATIONS = ROOT / "src" / "imsmap" / "i18n" / "translations"

# -- the system's language ----------------------------------------------------------------------


@pytest.fixture
def no_locale_env(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("value", ["fr_FR.UTF-8", "fr_BE.UTF-8", "fr_CH", "fr_CA.UTF-8", "fr",
                                   "fr_CA@euro"])
def test_any_french_locale_is_french_canada(no_locale_env, value):
    no_locale_env.setenv("LANG", value)
    assert system_language() == "fr_CA"


@pytest.mark.parametrize("value", ["C", "POSIX", "C.UTF-8", "en_CA.UTF-8", "en_US", "en",
                                   "de_DE.UTF-8", "frisian"])
def test_anything_else_is_english(no_locale_env, value):
    no_locale_env.setenv("LANG", value)
    assert system_language() == "en"


def test_lc_all_beats_lc_messages_beats_lang(no_locale_env):
    no_locale_env.setenv("LANG", "fr_CA.UTF-8")
    assert system_language() == "fr_CA"
    no_locale_env.setenv("LC_MESSAGES", "en_CA.UTF-8")
    assert system_language() == "en"
    no_locale_env.setenv("LC_ALL", "fr_FR.UTF-8")
    assert system_language() == "fr_CA"
    no_locale_env.setenv("LC_MESSAGES", "fr_CA.UTF-8")
    no_locale_env.setenv("LC_ALL", "C")
    assert system_language() == "en"


def test_an_empty_variable_does_not_decide(no_locale_env):
    no_locale_env.setenv("LC_ALL", "")
    no_locale_env.setenv("LANG", "fr_BE.UTF-8")
    assert system_language() == "fr_CA"


# -- catalogs -----------------------------------------------------------------------------------

TEST_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>Test</name>
    <message>
        <source>Sign the session</source>
        <translation>Signer la séance</translation>
    </message>
    <message>
        <source>Sign</source>
        <comment>a sign of neuropathy</comment>
        <translation>Signe</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln needle(s)</source>
        <translation>
            <numerusform>%Ln aiguille</numerusform>
            <numerusform>%Ln aiguilles</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def test_catalog(tmp_path):
    ts = tmp_path / "imsmap_test_fr_CA.ts"
    ts.write_text(TEST_TS, encoding="utf-8")
    UPDATE["lrelease"](ts, ts.with_suffix(".qm"))
    return Catalog("fr_CA", folder=tmp_path)


def test_a_catalog_translates_a_string_and_its_disambiguation(test_catalog):
    assert test_catalog.language == "fr_CA"
    assert test_catalog.tr("Test", "Sign the session") == "Signer la séance"
    assert test_catalog.translate("Test", "Sign", "a sign of neuropathy") == "Signe"


def test_a_catalog_chooses_the_plural_form_and_fills_in_n(test_catalog):
    # French: 0 and 1 are singular.
    assert test_catalog.tr("Test", "%n site(s)", None, 0) == "0 site"
    assert test_catalog.tr("Test", "%n site(s)", None, 1) == "1 site"
    assert test_catalog.tr("Test", "%n site(s)", None, 3) == "3 sites"
    # %Ln: the number written the French way (a narrow no-break space between thousands).
    assert test_catalog.tr("Test", "%Ln needle(s)", None, 1200) == (
        QLocale("fr_CA").toString(1200) + " aiguilles")
    assert QLocale("fr_CA").toString(1200) != "1200"


def test_a_catalog_falls_back_to_the_source_text(test_catalog):
    assert test_catalog.tr("Test", "Not translated") == "Not translated"
    assert test_catalog.tr("Elsewhere", "Sign the session") == "Sign the session"
    assert test_catalog.tr("Test", "%n patient(s)", None, 4) == "4 patient(s)"


def test_english_says_the_source_with_its_plural_forms():
    english = Catalog("en")
    assert english.locale.language() == QLocale.Language.English
    assert english.tr("Test", "Not a real text") == "Not a real text"
    assert english.tr("Test", "%n site(s)", None, 2) == "2 site(s)"  # not in a catalog
    assert english.translate("PlanningWords", "copy forward (%n site(s))", None, 1) == (
        "copy forward (1 site)")
    assert english.translate("PlanningWords", "copy forward (%n site(s))", None, 3) == (
        "copy forward (3 sites)")


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_every_plural_of_every_catalog_has_its_forms(ts):
    """An English catalog holds only plurals ("%n visit(s)" -> "1 visit", "3 visits"): one left
    unfinished printed "visit(s)" in the English progress report, which no French check sees."""
    import xml.etree.ElementTree as ET

    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")]
        if translation.get("type") == "unfinished" or not forms or not all(forms):
            missing.append(message.find("source").text)
    assert not missing, f"{ts.name}: plurals without their forms: {missing}"


def test_an_unknown_language_is_refused_in_a_sentence():
    with pytest.raises(ValueError, match="imsmap has no language 'de'; it has en, fr_CA"):
        Catalog("de")


def test_every_supported_language_but_english_has_its_catalogs():
    for language in SUPPORTED:
        assert i18n.catalog_names(language) == sorted(
            f"imsmap_{area}_{language}.qm" for area in UPDATE["CATALOGS"])
        assert Catalog(language).locale.name() == ("en_US" if language == "en" else language)


def test_install_puts_the_language_on_the_application(qapp):
    before = QLocale()
    try:
        catalog = install(qapp, "fr_CA")
        assert catalog.language == "fr_CA"
        assert QLocale().name() == "fr_CA"
        # Qt's own words: standard buttons and dialogs.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        installed = qapp.findChildren(QTranslator, "imsmap-i18n")
        assert len(installed) == len(i18n.catalog_names("fr_CA")) + 1
        # A second install replaces the first's translators; English has its plural forms.
        install(qapp, "en")
        assert len(qapp.findChildren(QTranslator, "imsmap-i18n")) == len(
            i18n.catalog_names("en"))
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QLocale().name() == "en_US"
    finally:
        install(qapp, "en")
        QLocale.setDefault(before)


# -- the shipped catalogs -----------------------------------------------------------------------


def test_every_catalog_of_the_update_script_has_its_sources():
    assert sorted(p.name for p in TRANSLATIONS.glob("*.ts")) == sorted(
        p.name for p in UPDATE["ts_files"]())
    folders = [f for fs in UPDATE["CATALOGS"].values() for f in fs]
    assert len(folders) == len(set(folders)), "a source folder is in two catalogs"
    for folder in folders:
        assert (ROOT / "src" / "imsmap" / folder).is_dir(), folder


# A word looked up by its catalog context: translate("Grasp", word), a painter's
# say("ChartLegend", text), the window's vocabulary("Side", label).
LOOKUP = re.compile(r"\b(?:translate|say|vocabulary)\(\s*[\"']([A-Za-z_]+)[\"']\s*,")


def test_every_context_the_code_looks_words_up_in_is_a_catalogs():
    """A word looked up in a context no catalog has stays English in every language: the
    Progress tab's legend said « strong » in the French window (its grasp words looked up in
    "Vocabulary", marked in "Grasp"), and the photo viewer a site's « (right) »."""
    contexts = set(re.findall(r"<name>([^<]+)</name>", "".join(
        ts.read_text("utf-8") for ts in TRANSLATIONS.glob("*_fr_CA.ts"))))
    looked_up = {(m.group(1), str(path.relative_to(ROOT)))
                 for path in sorted((ROOT / "src" / "imsmap").rglob("*.py"))
                 for m in LOOKUP.finditer(path.read_text("utf-8"))}
    assert len(looked_up) > 50
    assert sorted(found for found in looked_up if found[0] not in contexts) == []


def _catalog_messages(ts: Path) -> set[tuple[str, str]]:
    found = set()
    for context in re.finditer(r"<context>\s*<name>([^<]+)</name>(.*?)</context>",
                               ts.read_text("utf-8"), re.S):
        found |= {(context.group(1), html.unescape(source))
                  for source in re.findall(r"<source>(.*?)</source>", context.group(2), re.S)}
    return found


def test_every_message_the_code_translates_is_in_its_catalog():
    """lupdate skips a call it cannot read: translate("BackupCommand", "%n session(s) ...", "",
    len(losses.retractions), PLURAL) was never extracted (a plural counted by an expression,
    not a name), and `imsmap restore` printed its line in English under a French locale."""
    calls, missing = 0, []
    for catalog, folders in UPDATE["CATALOGS"].items():
        have = _catalog_messages(TRANSLATIONS / f"imsmap_{catalog}_fr_CA.ts")
        for folder in folders:
            for path in sorted((ROOT / "src" / "imsmap" / folder).rglob("*.py")):
                for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                    if not isinstance(node, ast.Call) or len(node.args) < 2:
                        continue
                    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                    context, source = node.args[:2]
                    if name == "translate" and isinstance(context, ast.Constant) \
                            and isinstance(source, ast.Constant) \
                            and isinstance(context.value, str) and isinstance(source.value, str):
                        calls += 1
                        if (context.value, source.value) not in have:
                            missing.append(f"{path.relative_to(ROOT)}:{node.lineno} "
                                           f"{source.value[:50]!r}")
    assert calls > 500
    assert missing == []


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_every_committed_qm_is_compiled_from_its_ts(tmp_path, ts):
    """The .qm shipped is what pyside6-lrelease makes of the .ts now: run tools/i18n/update
    (or `tools/i18n/update --release`) after editing a .ts, and commit both."""
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run tools/i18n/update --release"
    fresh = tmp_path / qm.name
    UPDATE["lrelease"](ts, fresh)
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"{qm.name} does not match {ts.name}: run tools/i18n/update --release and commit it")


def test_the_update_script_needs_the_pyside6_tools(tmp_path):
    """Run with a Python that has no PySide6 tools beside it (nor on PATH): one sentence."""
    out = subprocess.run(
        ["/usr/bin/env", "-i", f"PATH={tmp_path}", "/usr/bin/python3",
         str(ROOT / "tools" / "i18n" / "update"), "--release"],
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "pyside6-lrelease was not found" in out.stderr
    assert "Traceback" not in out.stderr
