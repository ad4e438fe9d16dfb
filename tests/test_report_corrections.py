"""The session PDF of a signed session whose amendment corrected sites: the site table prints the
sites as signed, each correction beside its site; the first page says how many were recorded in
error; the seal still holds (the signed content and its hash never changed)."""

from __future__ import annotations

from test_report import filled, squash, text_of, write  # noqa: F401 - fixture


def test_the_site_table_prints_the_signed_values_and_each_correction(qapp, records, session,
                                                                    filled, tmp_path):
    first, _, third = filled[:3]
    assert (first.grasp, third.cramp) == (0, True)
    signed = records.sign_session(session.id)
    records.amend_session(session.id, "Grade entered 0 for 3", "", [(first.id, "grasp", 3)])
    records.amend_session(session.id, "Tapped by mistake", "", [(third.id, "in_error", True)])
    reader, text = text_of(write(records, session.id, tmp_path))
    flat = squash(text)
    assert f"grade 0 → 3, amended {records.clock():%Y-%m-%d} by test.physio: Grade entered 0 " \
           "for 3" in flat
    assert "recorded in error, amended" in flat and "Tapped by mistake" in flat
    assert "A number in red: the site as signed, corrected by an amendment" in flat
    assert "of which 1 recorded in error" in squash(reader.pages[0].extract_text())
    assert "match the signed hash and the audit trail" in flat
    assert records.read.session(session.id).content_hash == signed.content_hash
