"""The clinic server's triggers refuse a forbidden write in the schema's English (RAISE
EXCEPTION '...'); the sentence the room shows says it in the user's language
(store.trigger_words), as the SQLite file's do."""

from __future__ import annotations

import pytest
from live_support import NOW, patient

from imsmap.domain.errors import ReadOnlyError
from imsmap.i18n.records import sentence_text, speaking
from imsmap.store.postgres.faults import Connector, run_unit


def test_a_session_written_signed_is_refused_in_french(people):
    _name, dsn = people["practitioner"]
    pid = patient(dsn, "F-7")
    room = Connector(dsn)
    try:
        with pytest.raises(ReadOnlyError) as refused:
            run_unit(room, lambda conn: conn.execute(
                "INSERT INTO sessions (patient_id, started_at, atlas_version, status, created_at,"
                " created_by, updated_at, updated_by) VALUES (%s, %s, '2026.1', 'signed', %s,"
                " 'x', %s, 'x')", (pid, NOW, NOW, NOW)))
    finally:
        room.close()
    with speaking("fr_CA"):
        said = sentence_text(refused.value.message)
    assert said == ("Le serveur a refusé la modification (une séance commence comme brouillon; "
                    "elle est signée une fois son contenu consigné); rien n'a été modifié."), said
    with speaking("en"):
        assert sentence_text(refused.value.message) == (
            "The server refused the change (a session starts as a draft; it is signed once its "
            "content is there); nothing was changed.")
