"""The clinical vocabulary has one home (issue 14 item 7): domain/vocabulary.py. Two lists of
grasp labels had drifted apart before (render/style.py and domain/models.py); this keeps any
module from growing its own list again, and checks that the window, the legend and the PDF's
words are the vocabulary's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import imsmap
from imsmap.domain import vocabulary
from imsmap.domain.errors import ValidationError
from imsmap.domain.vocabulary import (
    ADVERSE_EVENT_KINDS,
    ADVERSE_SEVERITIES,
    FINDING_SIGNS,
    GRASP_LABELS,
    NERVE_SENSATION,
    RELEASE,
    SENSATION,
    TISSUE_FEEL,
    grasp_label,
)
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

SRC = Path(imsmap.__file__).parent
LISTS = {"grasp labels": GRASP_LABELS, "tissue feel": TISSUE_FEEL, "release": RELEASE,
         "sensation": SENSATION, "finding signs": tuple(FINDING_SIGNS),
         "adverse event kinds": tuple(ADVERSE_EVENT_KINDS),
         "adverse severities": ADVERSE_SEVERITIES}


def _literal_words(node: ast.AST) -> list[str]:
    items = [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def test_no_module_but_the_vocabulary_lists_its_words():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == Path(vocabulary.__file__):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
                continue
            words = _literal_words(node)
            for name, listed in LISTS.items():
                if len(set(words) & set(listed)) >= 2:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} lists {name}")
    assert not found, found


def test_grasp_labels():
    assert [grasp_label(g) for g in (None, 0, 1, 2, 3)] == \
        ["ungraded", "none", "mild", "moderate", "strong"]
    assert grasp_label(2, ("nil", "light", "clear", "marked")) == "clear"
    assert grasp_label(7) == "7"
    assert NERVE_SENSATION == "electric/paraesthetic" and NERVE_SENSATION in SENSATION


def test_the_record_accepts_exactly_the_vocabulary(records, session, atlas):
    from support import spot

    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
    for field, words in (("tissue_feel", TISSUE_FEEL), ("release", RELEASE),
                         ("sensation", SENSATION)):
        for word in words:
            assert getattr(records.update_site(site.id, **{field: word}), field) == word
        before = records.repo.site(site.id)
        with pytest.raises(ValidationError, match="is not one of"):
            records.update_site(site.id, **{field: "tingly"})
        assert records.repo.site(site.id) == before


def test_the_window_and_the_pdf_say_the_same_words(window):
    from imsmap.report.site_text import grasp_text

    menu = [a.text().split("\t")[0] for a in window.menus.act_grades]
    assert menu == [f"Grasp {g} – {label}" for g, label in enumerate(GRASP_LABELS)]
    for g, label in enumerate(GRASP_LABELS):
        assert label in grasp_text(g)
