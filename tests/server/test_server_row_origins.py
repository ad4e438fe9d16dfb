"""A practitioner's own login on the clinic server, with psql, changing a draft's row and a site
AND writing an audit entry of that session in the same transaction, one that says something
else: the server's record of writes (schema 15) sees a write with its entry and names nothing,
but the rows no longer say what their trail says, and `imsmap check --dsn` names each by its
content (services/row_origins.py, as on a file). An entry that tells the truth about the change
is an attributed change, not a forgery: named by nothing, in the trail under the login. Rows
written by imsmap itself are never named (docs/integrity.md)."""

from __future__ import annotations

from datetime import datetime

from live_support import audit

from imsmap.cli import main
from imsmap.services import checks
from imsmap.services.context import open_server_context
from imsmap.store.postgres.connection import connect
from support import spot
from test_i18n_records_cli import english, french  # noqa: F401 - fixtures

ORIGINS = "Drafts and sites as their audit trail recorded them"
AROUND = "written around imsmap"


def _section(report, title: str):
    return next(s for s in report.sections if title in str(s.title))


def _draft(records):
    """A draft with a site graded and regraded, its notes and complaint written through
    imsmap: (session, site)."""
    p = records.create_patient(chart_number="C-7", family_name="Tremblay")
    session = records.start_session(p.id, started_at=datetime(2026, 11, 27, 9, 30),
                                    complaint="Neck pain, C6")
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.update_site(site.id, grasp=3)
    records.update_session(session.id, notes="Stiff on waking")
    return session, site


def test_a_change_with_an_entry_about_something_else_is_named_by_its_content(people, capsys):
    anna_dsn = people["practitioner"][1]
    ben_login, ben_dsn = people["practitioner2"]
    anna = open_server_context(anna_dsn)
    try:
        records = anna.records
        session, site = _draft(records)
        report = checks.full_check(records, keep=None)
        assert report.ok, report.problems  # imsmap's own rows: nothing named
        assert _section(report, ORIGINS).problems == ()

        with connect(ben_dsn) as psql:  # Ben, by hand, in Anna's draft: one transaction
            psql.execute("UPDATE sites SET grasp = 0 WHERE id = %s", (site.id,))
            psql.execute("UPDATE sessions SET complaint = 'Low back pain', notes = 'Reviewed'"
                         " WHERE id = %s", (session.id,))
            entry = audit(psql, "update", "session", session.id, session.id,
                          '{"notes":["Stiff on waking","Reviewed"]}')
            psql.commit()

        report = checks.full_check(records, keep=None)
        assert not report.ok
        # The record of writes sees each write beside an entry of its session: silent.
        assert not [p for p in report.problems if AROUND in str(p)]
        named = [str(p) for p in _section(report, ORIGINS).problems]
        assert len(named) == 2, named
        where = f"session {session.id} (chart C-7, "
        on_site = next(p for p in named if f", site {site.seq} (" in p)
        assert on_site.startswith(where), on_site
        assert "grasp is '0' on the clinic server, but the newest change of it that its audit trail " \
            "records (audit entry" in on_site and "made it '3'" in on_site, on_site
        on_draft = next(p for p in named if ", site " not in p)
        assert on_draft.startswith(where) and "is not what audit entry" in on_draft and \
            "recorded when it was created" in on_draft, on_draft
        # The entry Ben wrote is in the trail under his login, telling only of the notes.
        shown = [e for e in records.audit_entries(session.id) if e.id == entry]
        assert shown and shown[0].actor == ben_login
    finally:
        anna.close()

    capsys.readouterr()
    assert main(["check", "--dsn", anna_dsn]) != 0
    out = capsys.readouterr().out
    assert ORIGINS in out
    assert f"session {session.id} (chart C-7, " in out and \
        "grasp is '0' on the clinic server" in out, out
    # Its advice is the server's (a scratch database to compare in), not a file's.
    assert "restore the latest good backup into a scratch database of its own" in out, out
    assert "NEW.sqlite3" not in out, out


def test_an_entry_of_the_same_field_with_a_false_value_before_is_named(people):
    """The login's entry tells of the very change, but says the field held something else
    before: the newest change agrees with the row, the one before it does not follow on."""
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        session, site = _draft(records)
        with connect(people["practitioner2"][1]) as psql:
            psql.execute("UPDATE sites SET grasp = 0 WHERE id = %s", (site.id,))
            lying = audit(psql, "update", "site", site.id, session.id, '{"grasp":[1,0]}')
            psql.commit()
        named = [str(p) for p in _section(checks.full_check(records, keep=None),
                                          ORIGINS).problems]
        assert len(named) == 1 and ", site 1 (" in named[0] and "the changes of grasp that " \
            "its audit trail records do not follow on: audit entry 4 made it '3', and audit " \
            f"entry {lying}, the next change of it, says it was '1' before" in named[0], named
    finally:
        anna.close()


def test_check_names_it_in_french_on_the_clinic_server(people, french):  # noqa: F811
    anna_dsn = people["practitioner"][1]
    anna = open_server_context(anna_dsn)
    try:
        session, site = _draft(anna.records)
    finally:
        anna.close()
    with connect(people["practitioner2"][1]) as psql:
        psql.execute("UPDATE sites SET grasp = 0 WHERE id = %s", (site.id,))
        audit(psql, "update", "session", session.id, session.id, '{"plan":["",""]}')
        psql.commit()
    text = french("check", "--dsn", anna_dsn, status=1)
    assert "grasp vaut «\u00a00\u00a0» sur le serveur de la clinique, mais la dernière " \
        "modification de ce champ" in text, text
    assert "dans une base de travail à part pour comparer" in text, text
    assert not french.leftovers(text), text


def test_a_change_whose_entry_tells_the_truth_is_attributed_not_named(people, capsys):
    """What stays open (docs/integrity.md): the login's entry says what it changed, so the
    change is in the trail under the login and the time, and the rows agree with it."""
    anna_dsn = people["practitioner"][1]
    ben_login, ben_dsn = people["practitioner2"]
    anna = open_server_context(anna_dsn)
    try:
        records = anna.records
        session, site = _draft(records)
        with connect(ben_dsn) as psql:
            psql.execute("UPDATE sites SET grasp = 1 WHERE id = %s", (site.id,))
            audit(psql, "update", "site", site.id, session.id, '{"grasp":[3,1]}')
            psql.execute("UPDATE sessions SET complaint = 'Neck and shoulder pain'"
                         " WHERE id = %s", (session.id,))
            entry = audit(psql, "update", "session", session.id, session.id,
                          '{"complaint":["Neck pain, C6","Neck and shoulder pain"]}')
            psql.commit()
        report = checks.full_check(records, keep=None)
        assert report.ok, report.problems
        shown = [e for e in records.audit_entries(session.id) if e.id == entry]
        assert shown and shown[0].actor == ben_login
        records.sign_session(session.id)  # signed as it stands, the change in its trail
        assert checks.full_check(records).ok
    finally:
        anna.close()
    assert main(["check", "--dsn", anna_dsn]) == 0
    assert "All is well." in capsys.readouterr().out
