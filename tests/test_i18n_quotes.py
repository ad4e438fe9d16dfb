"""What someone typed, quoted back in a refusal, in the quotes of the language that refuses it:
English '1990-13-01', French « 1990-13-01 » (no-break spaces inside). One helper chooses them
(imsmap.domain.text.quoted for a sentence's argument, imsmap.i18n.records.quote where the text is
said at once), never quotes written by hand or Python's repr(): the window's new patient dialog,
the command line's refusals and the services' sentences, and a rule over the sources."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from imsmap import i18n
from imsmap.cli import main
from imsmap.domain import validation
from imsmap.domain.errors import ValidationError
from imsmap.i18n.records import sentence_text, speaking
from imsmap.ui.dialogs import PatientDialog

SRC = Path(__file__).resolve().parents[1] / "src" / "imsmap"
NBSP = "\u00a0"


def test_a_refused_date_of_birth_is_quoted_the_french_way_in_the_records_language():
    with pytest.raises(ValidationError) as caught:
        validation.birth_date("1990-13-01")
    message = caught.value.message
    # English, as before: the str every existing reader sees
    assert str(message) == "The date of birth '1990-13-01' is not a date; write it as YYYY-MM-DD."
    with speaking("fr_CA"):
        french = sentence_text(message)
    assert f"«{NBSP}1990-13-01{NBSP}»" in french, french
    assert "'" not in french.replace("n'est", ""), french
    # a sentence sent to another process (multiprocessing) keeps its quotes to say
    again = pickle.loads(pickle.dumps(message))
    with speaking("fr_CA"):
        assert sentence_text(again) == french
    assert str(again) == str(message)


def test_the_one_helper_quotes_in_each_language():
    from imsmap.domain.text import Quoted, quoted
    from imsmap.i18n.records import quote

    assert quote("B5") == "'B5'" and quoted("B5") == "'B5'"
    with speaking("fr_CA"):
        assert quote("B5") == f"«{NBSP}B5{NBSP}»"
        assert quote(quoted("B5")) == f"«{NBSP}B5{NBSP}»"  # never quoted twice
    assert isinstance(pickle.loads(pickle.dumps(quoted("x"))), Quoted)


def test_the_french_new_patient_dialog_quotes_the_impossible_date_in_guillemets(
        qapp, records, qtbot):
    i18n.install(qapp, "fr_CA")
    try:
        dialog = PatientDialog(records)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.chart_number.setText("Q-1")
        dialog.family_name.setText("Tremblay")
        dialog.birth_date.setText("1990-13-01")
        dialog.save()
        said = dialog.errors["birth_date"].text()
    finally:
        i18n.install(qapp, "en")
    assert said == (f"La date de naissance «{NBSP}1990-13-01{NBSP}» n'est pas une date; "
                    "écrivez-la AAAA-MM-JJ."), said
    assert records.read.search_patients("") == []


def _imsmap(capsys, *args: str) -> str:
    try:
        main(list(args))
    except SystemExit:
        pass
    out, err = capsys.readouterr()
    return out + err


@pytest.mark.parametrize(("args", "typed"), [
    (("pdf", "--session", "abc"), "abc"),
    (("pdf", "--session", "1", "--out", "x.pdf", "--paper", "B5"), "B5"),
    (("pdf", "--patient", "1", "--progress", "--last", "0", "--out", "x.pdf"), "0"),
    (("pdf", "--from", "2026-13-01", "--to", "2026-12-01", "--out-dir", "out"), "2026-13-01"),
    (("pdf", "--session", "1", "--out", "x.pdf", "--language", "de"), "de"),
    (("atlas", "xyz"), "xyz"),  # argparse's own refusal of a choice
])
def test_the_command_lines_refusals_quote_what_was_typed_in_its_language(
        capsys, monkeypatch, tmp_path, qapp, args, typed):
    monkeypatch.chdir(tmp_path)
    for name in ("LANG", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    db = ("--db", str(tmp_path / "none.sqlite3")) if args[0] == "pdf" else ()
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    french = _imsmap(capsys, *args[:1], *db, *args[1:])
    assert f"«{NBSP}{typed}{NBSP}»" in french and f"'{typed}'" not in french, french
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    english = _imsmap(capsys, *args[:1], *db, *args[1:])
    assert f"'{typed}'" in english and "«" not in english, english


# The calls whose arguments end up in a sentence said in some language.
SAYING = {"sentence", "counted", "fill", "format", "ValidationError", "UserFacingError"}


def _repr_arguments(tree: ast.AST) -> list[int]:
    """Lines where a value is passed to a sentence as repr(value) or f'{value!r}': English's
    quotes whatever the language."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        if name not in SAYING:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            for inner in ast.walk(arg):
                if (isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "repr") or (
                        isinstance(inner, ast.FormattedValue) and inner.conversion == ord("r")):
                    lines.add(inner.lineno)
    return sorted(lines)


def test_no_sentence_quotes_a_value_with_repr():
    """The records' sources and the window: a sentence quotes with the one helper."""
    found = {}
    for folder in ("cli", "report", "domain", "services", "store", "ui"):
        for path in sorted((SRC / folder).rglob("*.py")):
            lines = _repr_arguments(ast.parse(path.read_text(encoding="utf-8")))
            if lines:
                found[str(path.relative_to(SRC))] = lines
    assert found == {}


def test_the_rule_finds_repr_in_a_sentence():
    assert _repr_arguments(ast.parse(
        "raise ValidationError(sentence('V', 'Side %1 is bad.', repr(value)), 'side')")) == [1]
    assert _repr_arguments(ast.parse("fill(t, [f'{value!r}'])")) == [1]
    assert _repr_arguments(ast.parse("fill(t, [quote(value)])")) == []
