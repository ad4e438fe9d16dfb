"""The set-up wizard never follows a path with a period a user might copy with it (the French
walk of 6 December: « Par défaut : /…/backups/imsmap. » on the backup page): every label of
every page that shows the records' file or the default backup folder ends its line with the
path, in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from imsmap import i18n
from imsmap.services import first_run
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def test_no_path_in_the_wizard_is_followed_by_a_period(language, qtbot, records, make_window):
    w = make_window()
    wizard = w.offer_setup()
    paths = [str(records.read.path), str(first_run.default_backup_folder(records))]
    shown: dict[str, list[str]] = {p: [] for p in paths}
    for page in (wizard.clinic_page, wizard.practitioner_page, wizard.lock_page,
                 wizard.backup_page):
        for label in page.findChildren(QLabel):
            for line in label.text().splitlines():
                for path in paths:
                    if path in line:
                        shown[path].append(line)
    wizard.reject()
    assert all(shown.values()), shown  # both paths are shown
    for path, lines in shown.items():
        for line in lines:
            assert line.rstrip().endswith(path), line


def test_the_default_backup_folder_can_be_selected_to_be_copied(records, make_window):
    wizard = make_window().offer_setup()
    hint = wizard.backup_page.default_hint
    assert hint.text().endswith(str(first_run.default_backup_folder(records)))
    assert hint.textInteractionFlags() & hint.textInteractionFlags().TextSelectableByMouse
    wizard.reject()
