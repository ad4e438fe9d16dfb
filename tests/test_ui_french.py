"""The window in French (issue 19): the real window, its menus and the dialogs they open, walked
widget by widget with the French catalog installed, fail on English left over; and the French
layout does not clip (longer words than English)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap import i18n
from support import site_on

# Words of the window's English that are not French words too (so that a French sentence never
# matches): one of them in a visible text is English left over.
ENGLISH = set("""
about add added after all amend amendment amendments and apply are audit back backup backups
before both by cancel charts choose clear click clinic close compare complaint confirm
consent copy cramp current delete depth discussed draft earlier edit electric enter
events export feel fewer file find first fit flags for from grade graded grasp grasped grasping
heat help hidden hide how informed keys last later latest layer left level lock locked map
mean midline mild moderate needle needled needles new next none not number of
off open or other pain patient's picked pin planned please practitioner preview previous
print privacy progress protocol quit read record recorded redo refresh remove removed repeat
replay right save saved screen search select selected set settings shortcuts
show side sign signed site sites strong summed switch tap the this time to today toggle trail
trend twitch type undo unchanged unlock view visit visits weaker what when where which who with
without you your
""".split())
# Words that stay as they are in a French window: names, units, keys, formats.
ALLOWED = {"imsmap", "IMS", "PDF", "Qt", "PySide6", "Python", "sha256", "GPS", "USB", "Ctrl",
           "Alt", "F1", "F12", "PgUp", "PgDown", "Jaccard"}


def english_words(text: str) -> list[str]:
    """The English words of `text` (a widget's text, tooltip, title...)."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    # Paths and the command lines a sentence quotes ("imsmap backup --help") are not words.
    text = re.sub(r"\S*/\S*|\S+\.(?:sqlite3|pdf|png|jpe?g)\b", " ", text)
    text = re.sub(r"imsmap [a-z]+(?: --?[\w-]+| [A-Z][A-Z-]+)*", " ", text)
    words = re.findall(r"[^\W\d_][^\W\d_']*", text)
    return [w for w in words if w not in ALLOWED and w.lower() in ENGLISH]


def test_the_detector_finds_english_and_passes_french():
    assert {"Choose", "first"} <= set(english_words(
        "Choose a patient first, then start a session."))
    assert english_words("Choisissez d'abord un patient, puis commencez une séance.") == []
    assert english_words("&Fichier") == [] and english_words("<b>Sign</b>") == ["Sign"]


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a user can read on `root` and its children: (where, text)."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, text))

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        add(f"{name}.windowTitle", w.windowTitle() if w.isWindow() else "")
        add(f"{name}.toolTip", w.toolTip())
        add(f"{name}.statusTip", w.statusTip())
        add(f"{name}.accessibleName", w.accessibleName())
        if isinstance(w, QLabel):
            add(f"{name}.text", w.text())
        elif isinstance(w, QAbstractButton):
            add(f"{name}.text", w.text())
        elif isinstance(w, QGroupBox):
            add(f"{name}.title", w.title())
        elif isinstance(w, QMenu):
            add(f"{name}.title", w.title())
        elif isinstance(w, QLineEdit):
            add(f"{name}.placeholder", w.placeholderText())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            add(f"{name}.placeholder", w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            add(f"{name}.specialValueText", w.specialValueText())
            add(f"{name}.suffix", getattr(w, "suffix", lambda: "")())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name}.item{i}", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name}.tab{i}", w.tabText(i))
                add(f"{name}.tabToolTip{i}", w.tabToolTip(i))
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
                count = model.columnCount(QModelIndex()) \
                    if orientation == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
                for section in range(min(count, 40)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(section, orientation, role)
                        add(f"{name}.header{section}", value if isinstance(value, str) else "")
    for action in root.findChildren(QAction):
        add(f"QAction.text({action.objectName()})", action.text())
        add(f"QAction.toolTip({action.text()})", action.toolTip())
        add(f"QAction.statusTip({action.text()})", action.statusTip())
    return found


# Sentences the services write (issue 19's other half, services/ and domain/: the records'
# catalog): the sign dialog's open items. Until they are translated there, the walk skips them.
SERVICES_TEXTS = {"QLabel(signingChecks).text"}


def leftovers(texts: list[tuple[str, str]]) -> list[str]:
    return sorted({f"{where}: {text!r} ({', '.join(words)})" for where, text in texts
                   if where not in SERVICES_TEXTS and (words := english_words(text))})


@pytest.fixture
def french(qapp):
    """The French catalog installed, as imsmap.ui.app installs it for a French window."""
    catalog = i18n.install(qapp, "fr_CA")
    yield catalog
    i18n.install(qapp, "en")


@pytest.fixture
def clinic_data(records, patient):
    """A patient with two sessions, one signed, sites on real regions, a thoracic one."""
    first = records.start_session(patient.id, started_at=datetime(2026, 11, 6, 9, 0),
                                  practitioner="J. Tremblay, pht", complaint="Lombalgie L5")
    for muscle in ("gluteus_medius", "rhomboid_major"):
        site_on(records, first, muscle)
    records.update_session(first.id, pain_before=7, pain_after=4, consent=True)
    records.sign_session(first.id)
    second = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                   practitioner="J. Tremblay, pht", complaint="Lombalgie L5")
    site = site_on(records, second, "gluteus_medius")
    records.update_site(site.id, grasp=2, cramp=True)
    site_on(records, second, "multifidus")
    return first, second


def muscle_words(atlas) -> set[str]:
    """The atlas's English names (muscles, nerves, views, layers): allowed until the atlas's
    French names (names.fr_CA.json, issue 19's other half) are shown by the window."""
    words: set[str] = set()
    for muscle in atlas.catalogue:
        words.update([muscle.name, muscle.nerve, *muscle.synonyms])
    for view_id, view in atlas.views.items():
        words.update([view.name, atlas.views.name(view_id), view.name.split(" (")[0]])
        words.update(layer.name for layer in view.layers)
    return words


@pytest.fixture
def french_window(french, make_window, clinic_data, qtbot):
    first, second = clinic_data
    w = make_window()
    w.resize(1366, 768)
    w.patients.select_patient(second.patient_id)
    w.patients.select_session(second.id)
    qtbot.wait(20)
    return w


def _without_names(texts, atlas) -> list[tuple[str, str]]:
    """Texts with the atlas's English names and the test's own data taken out."""
    names = sorted((n for n in muscle_words(atlas) if n), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)",
                         re.IGNORECASE)
    return [(where, pattern.sub("", text)) for where, text in texts]


def test_the_window_in_french_has_no_english_left(french_window, records, qtbot):
    w = french_window
    assert QLocale().name() == "fr_CA"
    texts = widget_texts(w)
    # The menus as they open (filled once the window is built).
    for menu in w.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        texts += [(f"QMenu({menu.title()})", a.text()) for a in menu.actions()]
    # The chart's markers and regions say what they are in their tooltips.
    scene = w.chart.scene
    texts += [("chart item tooltip", item.toolTip()) for item in scene.items()
              if item.toolTip()]
    # Every right-hand tab, the progress tab included.
    for i in range(w.right_tabs.count()):
        w.right_tabs.setCurrentIndex(i)
        qtbot.wait(5)
        texts += widget_texts(w.right_tabs.widget(i))
    found = leftovers(_without_names(texts, records.atlas))
    assert not found, "English left in the French window:\n" + "\n".join(found)
    assert any(text == "&Fichier" for _, text in texts)
    assert any("Séance" in text for _, text in texts)


def test_the_dialogs_the_menus_open_are_french(french, qt_settings, records, clinic_data,
                                                qtbot):
    from imsmap.ui.about import AboutDialog
    from imsmap.ui.dialogs import PatientDialog
    from imsmap.ui.first_run import ClinicSetupWizard
    from imsmap.ui.privacy import PinDialog
    from imsmap.ui.record.settings_dialog import SettingsDialog
    from imsmap.ui.record.sign_amend import AmendDialog, AuditDialog, SignDialog

    first, second = clinic_data
    dialogs = [PatientDialog(records), SettingsDialog(records), PinDialog(records),
               AboutDialog(records), SignDialog(records, second.id),
               AmendDialog(records, first.id), AuditDialog(records, first.id),
               ClinicSetupWizard(records, first=True)]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts = widget_texts(dialog)
        if isinstance(dialog, ClinicSetupWizard):
            for page_id in dialog.pageIds():
                page = dialog.page(page_id)
                texts += [("wizard page title", page.title()),
                          ("wizard page subtitle", page.subTitle())]
            texts += [("wizard summary", line) for line in dialog.summary_lines()]
        found += leftovers(_without_names(texts, records.atlas))
    assert not found, "English left in the French dialogs:\n" + "\n".join(found)


def test_every_message_of_the_window_has_its_french():
    """Sentences shown only now and then (message boxes, refusals) are checked here: each one
    of the window's catalog is translated, and keeps the placeholders of its English."""
    import xml.etree.ElementTree as ET

    from tests.test_i18n import TRANSLATIONS

    tree = ET.parse(TRANSLATIONS / "imsmap_ui_fr_CA.ts")
    problems = []
    for context in tree.getroot():
        for message in context.findall("message"):
            source = message.find("source").text
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")] or [
                translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                    forms):
                problems.append(f"untranslated: {source!r}")
                continue
            wanted = sorted(set(re.findall(r"\{\w+\}", source)))
            for form in forms:
                if sorted(set(re.findall(r"\{\w+\}", form))) != wanted:
                    problems.append(f"placeholders differ: {source!r} -> {form!r}")
            if message.get("numerus") and not all("%n" in f or "%Ln" in f for f in forms):
                problems.append(f"a plural form without %n: {source!r}")
    assert not problems, "\n".join(problems)


def test_qt_own_dialog_words_are_french(french):
    """qtbase_fr: the standard buttons of every dialog."""
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Enregistrer"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


# -- the French layout ------------------------------------------------------------------------
def _clipped(root: QWidget) -> list[str]:
    """Visible buttons and one-line labels narrower than their text needs."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 1:
            continue
        if isinstance(w, QAbstractButton) and w.text():
            # The text and a little room each side (a touch button's minimum is wider).
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", "")) + 8
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and \
                w.textFormat() != Qt.TextFormat.RichText and "<" not in w.text():
            need = w.fontMetrics().horizontalAdvance(w.text().split("\n")[0]) + \
                2 * w.margin() + 2 * w.frameWidth()
            if w.maximumWidth() < need:  # a label made to elide (the status bar's hover)
                continue
        else:
            continue
        if w.width() < need:
            out.append(f"{type(w).__name__} {w.text()!r}: {w.width()} px < {need} px")
    return out


def test_the_french_window_fits_1366_by_768_without_clipping(french_window, qapp, qtbot):
    w = french_window
    french = w.minimumSizeHint()
    # French words are longer: the window may grow wider than in English, never taller, and
    # stays within a 1366 x 768 screen's width. (With a site selected the session column needs
    # 814 px in English as in French: the site inspector's height, not its words.)
    i18n.install(qapp, "en")
    english = w.minimumSizeHint()
    i18n.install(qapp, "fr_CA")
    assert french.width() <= 1366, french
    assert french.height() <= english.height(), (french, english)
    w.resize(1366, 768)
    qtbot.wait(20)
    assert w.width() <= 1366
    clipped = _clipped(w)
    for i in range(w.right_tabs.count() - 1):  # the progress tab widens the column itself
        w.right_tabs.setCurrentIndex(i)
        qtbot.wait(5)
        page = w.right_tabs.widget(i)
        clipped += _clipped(page)
        # A scrolled panel (consent and safety, segments) fits the column's width: no
        # sideways scrolling for longer words.
        if isinstance(page, QScrollArea) and page.widget() is not None:
            need = page.widget().minimumSizeHint().width()
            if need > page.viewport().width():
                clipped.append(f"{w.right_tabs.tabText(i)}: {need} px wide in a column of "
                               f"{page.viewport().width()} px")
    assert not clipped, "\n".join(sorted(set(clipped)))


def test_french_dialogs_do_not_clip(french, qt_settings, records, clinic_data, qtbot):
    from imsmap.ui.dialogs import PatientDialog
    from imsmap.ui.first_run import ClinicSetupWizard
    from imsmap.ui.privacy import PinDialog
    from imsmap.ui.record.settings_dialog import SettingsDialog
    from imsmap.ui.record.sign_amend import SignDialog

    _, second = clinic_data
    clipped = []
    for dialog in (PatientDialog(records), SettingsDialog(records), PinDialog(records),
                   SignDialog(records, second.id), ClinicSetupWizard(records, first=True)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = QApplication.primaryScreen().availableGeometry()
        assert dialog.width() <= max(screen.width(), 1366), type(dialog).__name__
        clipped += [f"{type(dialog).__name__}: {c}" for c in _clipped(dialog)]
        dialog.close()
    assert not clipped, "\n".join(clipped)


def test_every_word_of_the_domain_the_window_shows_is_marked_for_translation():
    from imsmap.domain import vocabulary as v
    from imsmap.domain.models import Sex, Side
    from imsmap.ui.wording import VOCABULARY

    shown = {*(s.label for s in Side), *(s.label for s in Sex), *v.GRASP_LABELS, v.UNGRADED,
             *v.TISSUE_FEEL, *v.RELEASE, *v.SENSATION, *v.FINDING_SIGNS.values(),
             *v.ADVERSE_EVENT_KINDS.values(), *v.ADVERSE_SEVERITIES}
    assert shown - set(VOCABULARY) == set()


# -- choosing the window's language ----------------------------------------------------------
def test_the_window_language_is_chosen_in_the_settings_and_used_at_the_next_start(
        qapp, qt_settings, records, qtbot, monkeypatch):
    from imsmap.ui.app import make_application
    from imsmap.ui.record.settings_dialog import SettingsDialog
    from imsmap.ui.window_settings import LANGUAGE, window_language

    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")
    assert window_language() == "en"  # nothing chosen: the system's
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    box = dialog.languages.window_language
    assert box.itemText(0) == "Follow the system (English)"
    assert [box.itemText(i) for i in range(1, box.count())] == ["English", "Français"]
    box.setCurrentIndex(box.findData("fr_CA"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() and dialog.language_changed
    assert LANGUAGE.read() == "fr_CA" and window_language() == "fr_CA"
    try:
        # The next start: the application speaks French, Qt's own words too.
        assert make_application() is qapp
        assert QLocale().name() == "fr_CA"
        assert QCoreApplication.translate("WindowMenus", "&File") == "&Fichier"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        i18n.install(qapp, "en")
    # Back to following the system, which now says French.
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    dialog.languages.window_language.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert LANGUAGE.read() == ""
    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")
    assert window_language() == "fr_CA"


def test_the_records_language_is_chosen_in_the_settings_dialog(qt_settings, records, qtbot,
                                                                monkeypatch):
    from imsmap.services import clinic
    from imsmap.ui.record.settings_dialog import SettingsDialog

    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")
    before = clinic.load(records).records_language
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    box = dialog.languages.records_language
    assert box is not None
    assert box.currentData() == clinic.records_language(records)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result()
    # Saved untouched: nothing chosen for the clinic that it had not chosen before.
    assert clinic.load(records).records_language == before
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    box = dialog.languages.records_language
    assert box is not None
    box.setCurrentIndex(box.findData("fr_CA"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result()
    assert clinic.load(records).records_language == "fr_CA"
    assert clinic.records_language(records) == "fr_CA"
    reopened = SettingsDialog(records)
    qtbot.addWidget(reopened)
    assert reopened.languages.records_language is not None
    assert reopened.languages.records_language.currentData() == "fr_CA"


def test_a_language_the_window_does_not_speak_follows_the_system(qt_settings, monkeypatch):
    from imsmap.ui.window_settings import LANGUAGE, window_language

    monkeypatch.setenv("LC_ALL", "C")
    LANGUAGE.write("de")  # a hand-edited settings file, or a later version's language
    assert window_language() == "en"
