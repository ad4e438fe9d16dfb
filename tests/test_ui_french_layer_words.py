"""The French window's words for a layer named by a noun and for an amended grade (the PDF walk
of 6 December): « couche paroi postérieure » reads « couche de la paroi postérieure », and a
corrected grade is a « préhension », as the glossary names the grasp everywhere else."""

from __future__ import annotations

import pytest
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap import i18n
from imsmap.ui.record.amend_dialog import corrections_in_words
from support import site_on


@pytest.fixture
def french(qapp):
    catalog = i18n.install(qapp, "fr_CA")
    yield catalog
    i18n.install(qapp, "en")


def test_the_posterior_wall_button_says_de_la_paroi(french, make_window, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("anterior")
    tips = [b.toolTip() for b in w.chart.layer_group.buttons()]
    assert "Afficher les muscles de la couche de la paroi postérieure (Ctrl+L change de " \
        "couche)" in tips, tips
    assert "Afficher les muscles de la couche profonde (Ctrl+L change de couche)" in tips, tips
    assert not any("couche paroi" in t for t in tips), tips


def test_an_amended_grade_is_a_prehension_in_the_window(french, records, session):
    site = site_on(records, session, "gluteus_medius")
    records.update_site(site.id, grasp=1)
    records.sign_session(session.id)
    records.amend_session(session.id, "Cote mal lue", "", [(site.id, "grasp", 3)])
    (said,) = corrections_in_words(records, session.id).values()
    assert "préhension 1 → 3" in said, said
    assert "cote" not in said, said
