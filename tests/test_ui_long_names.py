"""A long double name ("Marie-Ève Tremblay-Bérubé-Castonguay de la Fontaine") in the window at
1366 x 768, in English and in French: the patient list cut it in the middle of a word
("Tremblay-Bérubé-Casto…e  ·  C-7781"), and the Separate records dialog's choice cut the
second name anywhere ("… fusionné dans Trem"). Each now cuts a name after a whole word, with
"…", keeps the chart numbers whole, and holds the whole line in a tooltip."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from imsmap import i18n
from imsmap.services import merging
from imsmap.ui.record.merge_dialog import SeparateDialog
from support import site_on
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

GIVEN, FAMILY = "Marie-Ève", "Tremblay-Bérubé-Castonguay de la Fontaine"
NAME = f"{FAMILY}, {GIVEN}"


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _cut_at_a_word_end(shown: str) -> bool:
    """``shown`` is the start of NAME up to the end of a whole word, then "…"."""
    head = shown.removesuffix("…")
    return (shown.endswith("…") and NAME.startswith(head) and len(head) < len(NAME)
            and re.match(r"[\s,\-]", NAME[len(head)]) is not None)


def _twins(records):
    first = records.create_patient(chart_number="C-7781", family_name=FAMILY, given_name=GIVEN,
                                   birth_date="1958-02-11", sex="F")
    second = records.create_patient(chart_number="C-7782", family_name=FAMILY,
                                    given_name=GIVEN, birth_date="1958-02-11", sex="F")
    session = records.start_session(first.id, started_at=datetime(2026, 11, 20, 9, 30))
    site_on(records, session, "gluteus_medius")
    return first, second, session


def test_the_patient_list_cuts_a_long_name_after_a_whole_word(language, make_window, records,
                                                              qtbot):
    first, _second, session = _twins(records)
    w = make_window(patient_id=first.id, session_id=session.id)
    w.resize(1366, 768)
    qtbot.wait(20)
    rows = w.patients.patients
    item = rows.currentItem()
    option = QStyleOptionViewItem()
    option.rect = rows.visualItemRect(item)
    option.widget = rows
    rows.itemDelegate().initStyleOption(option, rows.indexFromItem(item))
    name, tail = option.text.split("  ·  ", 1)
    assert tail == "C-7781  ·  1958", option.text  # what tells namesakes apart, whole
    assert _cut_at_a_word_end(name), option.text
    assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width()
    assert NAME in item.toolTip()  # the whole name where the row is pointed at
    # With room for it, the whole name.
    option.rect.setWidth(2000)
    rows.itemDelegate().initStyleOption(option, rows.indexFromItem(item))
    assert option.text.startswith(NAME + "  ·  ")


def test_the_separate_dialog_cuts_the_long_names_after_whole_words(language, records, qtbot):
    first, second, _session = _twins(records)
    merge = merging.merge_records(records, first.id, second.id, "Registered twice")
    dialog = SeparateDialog(records, [merge])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.choice.currentText()
    names = re.findall(r"(Tremblay[^()]*?) \((C-778[12])\)", shown)
    assert [chart for _n, chart in names] == ["C-7782", "C-7781"], shown
    for name, _chart in names:
        assert _cut_at_a_word_end(name.strip()), shown
    assert dialog.choice.fontMetrics().horizontalAdvance(shown) < dialog.choice.width() - 20
    whole = dialog.choice.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert whole.count(NAME) == 2 and dialog.choice.toolTip() == whole
