"""The first of the month in the French window is an ordinal, as the French records write it
(docs/records-language.md): « né(e) le 1er décembre 1990 », « mardi 1er décembre 2026, 10 h 30 »;
never « 1 décembre ». Other days, and English, as before."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from imsmap import i18n
from imsmap.i18n import records as records_text
from imsmap.ui import wording
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr_CA")
    yield
    i18n.install(qapp, "en")


def test_the_french_window_says_a_birth_on_the_first_as_1er(french, records, make_window):
    patient = records.create_patient(chart_number="Q-1", family_name="Tremblay",
                                     given_name="Julie", birth_date="1990-12-01")
    w = make_window(patient_id=patient.id)
    header = w.progress_header.text()
    assert "le 1er décembre 1990" in header, header
    assert "1 décembre" not in header, header


def test_the_french_long_dates_of_the_window_and_the_records_say_1er(french):
    assert wording.long_date(date(2026, 12, 1)) == "1er décembre 2026"
    assert wording.long_date(date(2026, 12, 11)) == "11 décembre 2026"
    assert wording.long_datetime(datetime(2026, 12, 1, 10, 30)) == (
        "mardi 1er décembre 2026, 10\u00a0h\u00a030")
    with records_text.speaking("fr_CA"):
        assert records_text.long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert records_text.medium_date(date(2026, 9, 1)) == "1er sept. 2026"
        assert records_text.long_date(date(2026, 12, 21)) == "21 décembre 2026"


def test_english_keeps_its_day_numbers(qapp):
    assert wording.long_date(date(2026, 12, 1)) == "1 December 2026"
    assert wording.long_datetime(datetime(2026, 12, 1, 10, 30)) == (
        "Tuesday 1 December 2026, 10:30")
