"""The set-up wizard's refusal goes once an answer is typed (the walk of 6 December 2026): "Enter
the practitioner's name." stayed in red at the page's foot under the name typed in, as if it were
still refused, until the next press of Next; so on every page. As in the patient dialog, the
sentence goes when the user edits the page's answers, and comes back on Next if still wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWizard

from test_first_run import answer, page_error, press, type_into
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

Button = QWizard.WizardButton


def test_a_refusal_goes_when_the_answer_is_typed(qtbot, records, make_window):
    w = make_window()
    wizard = w.offer_setup()
    press(qtbot, wizard, Button.NextButton)  # no clinic name
    assert "clinic's name" in page_error(wizard)
    type_into(qtbot, wizard.clinic_page.name, "Riverside Physiotherapy")
    assert page_error(wizard) == ""
    press(qtbot, wizard, Button.NextButton)
    press(qtbot, wizard, Button.NextButton)  # no practitioner's name
    assert wizard.currentPage() is wizard.practitioner_page
    assert "name" in page_error(wizard)
    type_into(qtbot, wizard.practitioner_page.name, "Jane Smith, PT")
    assert page_error(wizard) == ""
    press(qtbot, wizard, Button.NextButton)  # the registration number still missing: said again
    assert "registration number" in page_error(wizard)
    type_into(qtbot, wizard.practitioner_page.registration, "PT-1")
    assert page_error(wizard) == ""
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.lock_page
    # Every answer of every page clears its page's sentence so.
    for page in (wizard.clinic_page, wizard.practitioner_page, wizard.lock_page,
                 wizard.backup_page):
        for edit in page.findChildren(QLineEdit):
            page.error.show_message("refused")
            edit.textEdited.emit("x")
            assert page.error.text() == "", (page, edit.accessibleName())


def test_the_french_summary_says_the_backups_are_lost_with_the_records(qtbot, records,
                                                                      make_window, french):
    """« Sauvegardes : … (sur le même disque que les dossiers : perdu avec eux …) »: the
    backups (les sauvegardes) are lost, « perdues ». The walk's first run in French."""
    w = make_window()
    wizard = w.offer_setup()
    answer(qtbot, wizard, name="Physio Riverside", practitioner="Julie Tremblay, pht",
           registration="PHT-1234", pin="2468")  # the default folder: the records' disk
    [backups] = [line for line in wizard.summary_lines() if line.startswith("Sauvegardes")]
    assert "perdues avec eux en cas de panne" in backups, backups
