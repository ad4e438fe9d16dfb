"""Qt's own words that Qt's French catalog lacks, in imsmap's window catalog.

imsmap.i18n.install puts Qt's qtbase catalog (PySide6/Qt/translations/qtbase_fr.qm, shipped in
the PySide6 wheel and kept in the frozen app) beside imsmap's: the standard buttons, the text
boxes' context menu, most of the file and print dialogs are French. A few labels Qt 6 rewrote
with a keyboard accelerator ("Look in:" became "&Look in:") are missing from that catalog, and
Qt showed them in English in a French window: the file dialog's "Look in:" and "Files of type:"
(attach photos, the clinic's logo, a PDF saved, a backup folder), the print dialog's "Page Set:",
"Pages per sheet:" and "Page order:", the type of a folder in the file dialog's detail view.

Marked here in the contexts Qt asks for them, lupdate puts them in imsmap_ui_<language>.ts; the
window's catalog, installed with Qt's, answers Qt's question where Qt's own catalog has no
answer. Qt translates them itself; `qt_own_words` is for the test that checks each has its
translation. tests/test_ui_french_qt_dialogs.py walks
the dialogs and fails on a word Qt's catalog and this one both leave in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_own_words() -> list[str]:
    """These words in the window's language, as Qt gets them (context, text, disambiguation as
    Qt 6 asks). The calls spell each one out for lupdate (it reads string literals only, and
    no QT_TRANSLATE_NOOP3)."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QPrintSettingsOutput", "Page &Set:"),
        translate("QPageSetupWidget", "Pages &per sheet:"),
        translate("QPageSetupWidget", "Page &order:"),
        translate("QProgressBar", "%p%"),
    ]
