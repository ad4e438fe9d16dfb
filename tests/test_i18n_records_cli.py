"""The command line in French (issue 19): every command's help and what it prints, and a sample
of the refusals of each family (output files, photos, import, backups and restore, the clinic
server's settings, check), said in French under LC_ALL=fr_CA.UTF-8, with no English word of the
records catalog's sources left over. Run in-process through imsmap.cli.main."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from imsmap.atlas import load_atlas
from imsmap.cli import main
from imsmap.services.demo import create_demo
from imsmap.services.demo_data import CLINIC_NAME

ROOT = Path(__file__).resolve().parents[1]
RECORDS_TS = ROOT / "src" / "imsmap" / "i18n" / "translations" / "imsmap_records_fr_CA.ts"

# What stays as it is in French: names of programs and formats, and the options' names
# (--out-dir, --caption). The place holders (metavars) are French: --out FICHIER, COMMANDE.
ALLOWED = {"imsmap", "sqlite", "pdf", "json", "csv", "fhir", "dsn", "sha", "png", "jpeg", "gif",
           "bmp", "tiff", "webp", "exif", "xmp", "icc", "utf", "postgresql", "psycopg", "libpq",
           "action", "login", "role", "name",
           "format", "help", "version", "demo", "server", "backup", "restore", "check",
           "atlas", "export", "import", "photo", "add", "user", "init", "migrate", "preview",
           "quick", "force", "session", "patient", "progress", "last", "paper", "letter",
           "language", "caption", "site", "out", "from", "full", "every", "days", "keep",
           "fulls", "patients", "sessions", "sites", "practitioner", "reception", "admin",
           "new"}


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z]+", folded) if len(w) >= 3}


@pytest.fixture(scope="module")
def english() -> set[str]:
    """Every word of the records catalog's English sources that no French translation uses."""
    english, french = set(), set()
    for message in ET.parse(RECORDS_TS).getroot().iter("message"):
        english |= _words(message.findtext("source") or "")
        french |= _words("".join(message.find("translation").itertext()))
    atlas = load_atlas()
    for m in atlas.catalogue:  # French anatomy shares words with English ("médial", "long")
        french |= _words(" ".join((m.display_name("fr_CA"), m.nerve_in("fr_CA"),
                                   *m.synonyms_in("fr_CA"))))
    return english - french - ALLOWED


@pytest.fixture(scope="module")
def clinic(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clinic") / "clinic.sqlite3"
    create_demo(path, anchor=date(2026, 11, 23))
    return path


@pytest.fixture
def db(clinic, tmp_path) -> Path:
    path = tmp_path / "records" / "clinic.sqlite3"
    path.parent.mkdir()
    shutil.copy(clinic, path)
    return path


class French:
    """`imsmap ARGS` under LC_ALL=fr_CA.UTF-8: exit status, stdout and stderr, and the English
    words left in them (paths, hexadecimal digests and the clinic's own words taken out)."""

    def __init__(self, capsys, monkeypatch, tmp_path, english):
        self.capsys, self.tmp_path, self.english = capsys, tmp_path, english
        for name in ("LANG", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")

    def __call__(self, *args: object, status: int | None = 0) -> str:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # --help, argparse's refusals
            code = exc.code
        out, err = self.capsys.readouterr()
        text = out + err
        if status is not None:
            assert code == status, text
        assert "Traceback" not in text
        return text

    def leftovers(self, text: str, *own: str) -> set[str]:
        text = text.replace(str(self.tmp_path), " ")
        text = re.sub(r"\S*/\S*", " ", text)  # paths, DSNs
        text = re.sub(r"\S*[._\[]\S*", " ", text)  # identifiers, the file's fields
        text = re.sub(r"\b[0-9a-f]{8,}\b", " ", text)
        return _words(text) & self.english - _words(" ".join(own))


@pytest.fixture
def french(capsys, monkeypatch, tmp_path, english, qapp):
    return French(capsys, monkeypatch, tmp_path, english)


HELPS = [[], ["demo"], ["pdf"], ["export"], ["import"], ["photo"], ["photo", "add"], ["backup"],
         ["restore"], ["check"], ["atlas"], ["server"], ["server", "init"],
         ["server", "add-user"], ["server", "migrate"]]


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "imsmap")
def test_every_commands_help_is_french(french, command):
    text = french(*command, "--help")
    assert text.startswith("utilisation\u00a0: imsmap")
    assert "show this help" not in text
    # argparse's headings with the colon French writes (a no-break space before it)
    assert "\noptions\u00a0:\n" in text and "options:" not in text
    assert "positional arguments" not in text and "arguments positionnels:" not in text
    assert not re.search(r"\b(COMMAND|PATH|FILE|DIR|ID|TEXT|STEP)\b", text), text
    assert french.leftovers(text) == set()


def test_what_the_commands_print_is_french(french, db, tmp_path):
    from imsmap.store.migrations import SCHEMA_VERSION

    said = []
    said.append(french("check", "--db", db))
    assert "Tout va bien." in said[-1] and "Séances signées inchangées" in said[-1]
    # Which numbering: a file's schema, never to be taken for a clinic server's.
    assert f"\n  schéma de fichier {SCHEMA_VERSION}\u00a0: patients" in said[-1], said[-1]
    said.append(french("check", "--quick", "--db", db))
    assert "Structure du fichier (vérification rapide)" in said[-1]
    atlas = french("atlas")
    assert "Catalogue des muscles" in atlas and "Moyen fessier" in atlas
    said.append(re.sub(r"(?m)^\S+", "", atlas))  # less the id column (the ids are English)
    export = tmp_path / "export.json"
    said.append(french("export", "--db", db, "--out", export))
    assert "Exporté dans" in said[-1]
    said.append(french("export", "--db", db, "--csv", "--out", tmp_path / "sites.csv"))
    said.append(french("import", "--db", tmp_path / "other.sqlite3", export))
    said.append(french("pdf", "--db", db, "--session", 1, "--out", tmp_path / "s1.pdf"))
    said.append(french("backup", "--db", db, "--out", tmp_path / "copy.sqlite3"))
    assert "sauvegard" in said[-1].lower()
    said.append(french("backup", "--db", db, "--full-every-days", 3, "--keep-fulls", 1))
    assert "Sauvegardes automatiques de" in said[-1] and "tous les 3 jours" in said[-1]
    assert "sauvegardes complètes gardées avec leurs journaux\u00a0: 1" in said[-1]
    said.append(french("restore", "--db", tmp_path / "restored.sqlite3",
                       tmp_path / "copy.sqlite3"))
    photo = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), (200, 120, 90)).save(photo)
    said.append(french("photo", "add", "--db", db, "--session", _draft(db), photo))
    assert "ajoutée à la séance" in said[-1]
    # the demo clinic's name is the clinic's own words (the restore names whose records)
    assert {text: french.leftovers(text, CLINIC_NAME) for text in said
            if french.leftovers(text, CLINIC_NAME)} == {}


def _draft(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM sessions WHERE status = 'draft'").fetchone()[0]


def _signed(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM sessions WHERE status = 'signed'").fetchone()[0]


def test_refusals_of_every_family_are_french(french, db, tmp_path):
    """One sentence on stderr, exit status 2, nothing written; in French."""
    (tmp_path / "exists.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.txt").write_text("not a photo")
    (tmp_path / "bad.json").write_text(json.dumps({"format": "imsmap-export", "version": 1,
                                                   "patients": [{"chart_number": 5}]}))
    (tmp_path / "garbage.sqlite3").write_bytes(b"x" * 4096)
    # One signed visit exported alone (its file's audit trail incomplete), imported elsewhere:
    # the reason was said in English inside the French sentence (the French walk of 5 December).
    french("export", "--db", db, "--session", _signed(db), "--out", tmp_path / "one.json")
    cases = [
        (("pdf", "--db", db, "--session", 1, "--out", tmp_path / "exists.pdf"),
         "existe déjà; ajoutez --force pour le remplacer."),
        (("pdf", "--db", db, "--session", 1, "--out", db),
         "est la base de données elle-même"),
        (("export", "--db", db, "--csv", "--fhir"), "Choisissez une seule option"),
        (("photo", "add", "--db", db, "--session", _draft(db), tmp_path / "notes.txt"),
         "n'est pas une photo qu'imsmap peut lire"),
        (("photo", "add", "--db", db, "--session", _draft(db), tmp_path / "none.png"),
         "n'existe pas"),
        (("import", "--db", tmp_path / "new.sqlite3", tmp_path / "bad.json"),
         "Le fichier ne peut pas être importé; rien n'a été modifié."),
        (("restore", "--db", tmp_path / "r.sqlite3", tmp_path / "garbage.sqlite3"),
         "n'est pas une sauvegarde imsmap"),
        (("restore", "--db", db, tmp_path / "missing.sqlite3"),
         "Il n'y a aucun fichier de sauvegarde"),
        (("backup", "--db", db, "--full-every-days", 400), "tous les 1 à 90 jours"),
        (("check", "--db", tmp_path / "garbage.sqlite3"),
         "n'est pas une base de données imsmap"),
        (("server", "init", "--dsn", "host=db port=x ="),
         "n'est pas un DSN PostgreSQL valide"),
        (("server", "add-user", "--dsn", "postgresql://admin@localhost:1/clinic",
          "--name", "Anna Nguyen!", "--role", "practitioner"),
         "ne peut pas être utilisé"),
        (("export", "--db", db, "--fhir", "--from", "2026-12-01"),
         "Une période demande à la fois --from DATE et --to DATE."),
        (("import", "--db", tmp_path / "new.sqlite3", tmp_path / "one.json"),
         "et le journal d'audit du fichier n'indique pas où il se termine."),
    ]
    for args, french_words in cases:
        text = french(*args, status=2)
        assert text.startswith("imsmap\u00a0: "), text
        assert french_words in text, text
        # libpq's own words about a DSN it cannot parse are quoted as it says them
        assert french.leftovers(text, "Anna Nguyen", "invalid connection option") == set(), text
    assert not (tmp_path / "new.sqlite3").exists() or _empty(tmp_path / "new.sqlite3")
    assert (tmp_path / "exists.pdf").read_bytes() == b"%PDF"


def _empty(path: Path) -> bool:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 0


def test_the_leftover_check_finds_english(capsys, monkeypatch, tmp_path, english, qapp, db):
    """The check can fail: the same commands in English leave English words."""
    check = French(capsys, monkeypatch, tmp_path, english)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert {"unchanged", "amendments"} <= check.leftovers(check("check", "--db", db))
    assert "itself" in check.leftovers(check("pdf", "--db", db, "--session", 1, "--out", db,
                                             status=2))


def test_argparse_headings_take_the_french_colon_on_every_python(monkeypatch):
    """Python 3.11-3.13 write heading + ":" themselves; 3.14 asks for '%(heading)s:'. Either
    way the French help reads « options : »."""
    import argparse

    from imsmap.cli import argparse_words as words
    from imsmap.i18n.records import speaking

    with speaking("fr_CA"):
        monkeypatch.setattr(words, "argparse_says_the_heading_colon", lambda: False)
        assert words.argparse_word("options") + ":" == "options\u00a0:"
        assert words.argparse_word("positional arguments") + ":" == \
            "arguments positionnels\u00a0:"
        monkeypatch.setattr(words, "argparse_says_the_heading_colon", lambda: True)
        assert words.argparse_word("options") == "options"
        assert words.argparse_word("%(heading)s:") % {"heading": "options"} == "options\u00a0:"
    with speaking("en"):
        monkeypatch.setattr(words, "argparse_says_the_heading_colon", lambda: False)
        assert words.argparse_word("options") == "options"
    monkeypatch.undo()
    # this Python's argparse, probed: what it does is what the probe says
    asks = words.argparse_says_the_heading_colon()
    with speaking("fr_CA"), words.argparse_speaking_records_language():
        parser = argparse.ArgumentParser(prog="p")
        assert "options\u00a0:" in parser.format_help()
    assert isinstance(asks, bool)
