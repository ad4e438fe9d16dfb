"""The languages imsmap speaks: which one the system asks for, and Qt translation catalogs.

The window's words go through Qt (``self.tr`` in widgets, ``QCoreApplication.translate`` elsewhere)
and come from the catalogs `install` puts on the application. Text whose language is chosen
explicitly (a French PDF written from an English window) goes through a `Catalog` of that
language: ``catalog.translate("Context", "text")`` (the same as ``catalog.tr``; pyside6-lupdate
extracts the ``translate(`` form only, so use that one in code).

Catalogs live in ``translations/`` as ``imsmap_<area>_<language>.ts`` (the sources, updated by
tools/i18n/update) and the ``.qm`` compiled from each, shipped in the wheel. English is the source
language: its catalogs hold plural forms only ("%n site(s)" -> "1 site", "3 sites"; lupdate
-pluralonly), every other text is its own English. docs/translating.md says how a language is
added.
"""

from __future__ import annotations

import os
import re
from contextlib import ExitStack
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

SUPPORTED: tuple[str, ...] = ("en", "fr_CA")
SOURCE_LANGUAGE = "en"
# What a translator installed by `install` is called among the application's children, so that
# a second `install` (the language changed) replaces the first one's.
_INSTALLED = "imsmap-i18n"
_PERCENT_N = re.compile(r"%L?n")


_DAY_OF_MONTH = re.compile(r"(?<![d'])d(?![d'])")


def first_of_month(pattern: str, day: int, language: str) -> str:
    """A QLocale date pattern for `day` in `language`: French writes the first of the month as an
    ordinal, « 1er décembre 2026 », « mardi 1er décembre 2026 » (the pattern's day ``d`` gets
    ``'er'``); any other day, or language, keeps `pattern`. The window (ui.wording) and the
    records (i18n.records) write dates through this, so both say « 1er »."""
    if day == 1 and language.startswith("fr"):
        return _DAY_OF_MONTH.sub("d'er'", pattern, count=1)
    return pattern


def system_language() -> str:
    """The supported language the system asks for: POSIX precedence (LC_ALL, then LC_MESSAGES,
    then LANG; the first one set and not empty decides), then Qt's idea of the system locale.
    Any French (fr, fr_FR, fr_BE, fr_CH, fr_CA...) is "fr_CA", the French imsmap has; anything
    else, C and POSIX included, is English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return _supported(value)
    return _supported(QLocale.system().name())


def _supported(locale_name: str) -> str:
    language = re.split(r"[_.@-]", locale_name, maxsplit=1)[0].lower()
    return "fr_CA" if language == "fr" else SOURCE_LANGUAGE


def _check(language: str) -> str:
    if language not in SUPPORTED:
        raise ValueError(f"imsmap has no language {language!r}; it has {', '.join(SUPPORTED)}.")
    return language


def _folder(folder: Path | None) -> Traversable:
    return resources.files(__name__) / "translations" if folder is None else folder


def catalog_names(language: str, folder: Path | None = None) -> list[str]:
    """The file names of every imsmap catalog (.qm) of `language` (in the shipped translations,
    or in `folder`), sorted (English's: its plural forms)."""
    _check(language)
    return sorted(entry.name for entry in _folder(folder).iterdir()
                  if entry.name.startswith("imsmap_") and entry.name.endswith(f"_{language}.qm"))


def _load_catalogs(language: str, folder: Path | None = None,
                   parent: QObject | None = None) -> list[QTranslator]:
    translators = []
    with ExitStack() as stack:
        for name in catalog_names(language, folder):
            path = stack.enter_context(resources.as_file(_folder(folder) / name))
            translator = QTranslator(parent)
            if not translator.load(str(path)):
                raise RuntimeError(f"The translation catalog {name} could not be loaded.")
            translators.append(translator)
    return translators


class Catalog:
    """Every imsmap catalog of one language, usable whatever language the window speaks (a PDF
    in French from an English window)."""

    def __init__(self, language: str, folder: Path | None = None) -> None:
        """`folder`: where the .qm files are, when not the shipped ones (a test's)."""
        self.language = _check(language)
        self.locale = QLocale(language)
        self._translators = _load_catalogs(language, folder)

    def tr(self, context: str, text: str, disambiguation: str | None = None,
           n: int = -1) -> str:
        """`text` in this catalog's language; `text` itself when untranslated. ``%n`` becomes
        `n` (``%Ln``: `n` written the language's way), as QCoreApplication.translate does."""
        for translator in self._translators:
            found = translator.translate(context, text, disambiguation, n)
            if found:
                return self._with_n(found, n)
        return self._with_n(text, n)

    # The form pyside6-lupdate extracts (``catalog.tr("Context", ...)`` it reads as a
    # QObject.tr whose text is the context).
    translate = tr

    def _with_n(self, text: str, n: int) -> str:
        if n < 0:
            return text
        return _PERCENT_N.sub(lambda m: self.locale.toString(n) if m.group() == "%Ln"
                              else str(n), text)


def install(app: QCoreApplication, language: str) -> Catalog:
    """Make `language` the application's: every imsmap catalog of it and Qt's own qtbase catalog
    (standard dialogs, context menus) as translators on `app`, replacing those an earlier call
    installed, and its QLocale the default (dates, times, numbers). Returns the Catalog."""
    catalog = Catalog(language)
    for old in app.findChildren(QTranslator, _INSTALLED):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    translators = _load_catalogs(language, parent=app)
    if language != SOURCE_LANGUAGE:
        qt = QTranslator(app)
        # qtbase_fr.qm for fr_CA: QTranslator falls back from fr_CA to fr by itself.
        if qt.load(QLocale(language), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        else:
            qt.setParent(None)
    for translator in translators:
        translator.setObjectName(_INSTALLED)
        app.installTranslator(translator)
    QLocale.setDefault(catalog.locale)
    return catalog
