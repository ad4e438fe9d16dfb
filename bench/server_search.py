"""Patient search on the clinic server (bench/server.py's `server_patient_search_ms_p95`): the
search the patient panel makes at each keystroke (Repository.search_patients, signed in as a
practitioner on store.postgres.database.ServerDatabase), over a clinic of 100,000 patients
(--quick: 20,000), the same keystrokes as a file's `patient_search_ms_p95`
(measure_store.typing_queries: a family name letter by letter then a given name's first
letters, or a chart number) and some more: single letters, accented and apostrophed names.

The patients are the generator's names (bench/datagen.py, by their weights) with one in twelve
given an accented or compound name (Côté-Roy, Lévesque, O'Neil, Hélène, ...), written as stored
data (COPY, with their name parts as the app writes them), then vacuumed and analyzed as
autovacuum leaves a clinic's tables (before 6 December only ANALYZEd: an index-only scan then
read each row's page too, as on a table just filled and not yet vacuumed; and on the tests'
server, which does not commit synchronously, vacuumed only after a CHECKPOINT since srvchart).
"""

from __future__ import annotations

import random
import time
from time import perf_counter as perf

from common import Result, failed, median, ms, p95

KEY = "server_patient_search_ms_p95"
TARGET_MS = 30.0  # issue 8/16, as a file's patient_search_ms_p95
PATIENTS_FULL, PATIENTS_QUICK = 100_000, 20_000
ACCENTED_FAMILY = ("Côté", "Bélanger", "Gagné", "Lévesque", "Tremblay-Lévesque", "Côté-Roy",
                   "O'Neil", "D'Amour", "St-Pierre", "Ouellet-Bérubé", "Pérez", "Müller",
                   "Nguyễn", "Østergaard")
ACCENTED_GIVEN = ("Hélène", "Émilie", "François", "Zoë", "Geneviève", "Jérôme", "Andrée",
                  "Noémie", "Mélanie", "Benoît")
MORE_QUERIES = ("q", "x", "z", "é", "cô", "côté", "lév", "LÉVESQUE", "o'n", "oneil", "hél",
                "zoë", "tremblay-lév", "st-p", "c-1", "c-15", "nguy", "ø", "yama", "zh")


def add_patients(dsn: str, n: int, seed: int = 7) -> None:
    """``n`` patients in the clinic at ``dsn`` (the superuser's), with their order keys and
    name parts."""
    import numpy as np
    import psycopg
    from datagen import FAMILY_NAMES, GIVEN_F, GIVEN_M, _weighted

    from imsmap.store import chart_digits, name_order, name_parts

    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    fam, fam_w = _weighted(FAMILY_NAMES)
    given, given_w = _weighted(GIVEN_F + GIVEN_M)
    fi, gi = rng.choice(len(fam), n, p=fam_w), rng.choice(len(given), n, p=given_w)
    at = "2026-01-01T09:00:00+00:00"
    with psycopg.connect(dsn) as conn:
        conn.execute("SET search_path TO imsmap, public")
        first = conn.execute("SELECT coalesce(max(id), 0) FROM patients").fetchone()[0] + 1
        rows = []
        for k in range(n):
            family, given_name = fam[fi[k]], given[gi[k]]
            if pick.random() < 1 / 12:
                family = pick.choice(ACCENTED_FAMILY)
            if pick.random() < 1 / 12:
                given_name = pick.choice(ACCENTED_GIVEN)
            rows.append((first + k, f"C-{100000 + first + k}", family, given_name))
        with conn.cursor().copy("COPY patients (id, chart_number, family_name, given_name,"
                                " created_at, created_by, updated_at, updated_by) FROM STDIN"
                                ) as copy:
            for pid, chart, family, given_name in rows:
                copy.write_row((pid, chart, family, given_name, at, "bench", at, "bench"))
        conn.execute("SELECT setval(pg_get_serial_sequence('patients', 'id'), %s)",
                     (first + n - 1,))
        with conn.cursor().copy("COPY patient_order (patient_id, family_key, given_key,"
                                " tie_key) FROM STDIN") as copy:
            for pid, _chart, family, given_name in rows:
                copy.write_row((pid, *name_order.order_keys(family, given_name)))
        # (the keys first: the server gives each part its patient's as it is written)
        with conn.cursor().copy("COPY patient_name_parts (patient_id, part) FROM STDIN") as copy:
            for pid, _chart, family, given_name in rows:
                for part in sorted(name_parts.name_parts(family, given_name)):
                    copy.write_row((pid, part))
        with conn.cursor().copy("COPY patient_chart_digits (patient_id, digits) FROM STDIN"
                                ) as copy:
            for pid, chart, _family, _given_name in rows:
                for digits in sorted(chart_digits.chart_digits(chart)):
                    copy.write_row((pid, digits))
        conn.commit()
    with psycopg.connect(dsn, autocommit=True) as conn:  # as autovacuum leaves a clinic's
        # tables: its statistics, and the pages marked all-visible. The commit's WAL flushed
        # first: a server not committing synchronously (the tests') sets no row's hint bits
        # before, and a VACUUM then marks no page, every index-only scan reading the rows.
        # A VACUUM marks no page while another connection of the server holds the oldest
        # transaction back (the tests' server serves every test): asked again, a few times,
        # until every page of the four tables is all-visible (else the plans measured are
        # those of a table just filled).
        tables = ("patients", "patient_name_parts", "patient_order", "patient_chart_digits")
        for attempt in range(5):
            conn.execute("CHECKPOINT")
            for table in tables:
                conn.execute(f"VACUUM ANALYZE imsmap.{table}")
            unmarked = conn.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'imsmap' AND c.relname = ANY(%s)"
                " AND c.relallvisible < c.relpages", (list(tables),)).fetchone()[0]
            if not unmarked:
                break
            time.sleep(0.2 * (attempt + 1))


def measure_search(dsn: str, patients: int, quick: bool, typed_patients: int | None = None
                   ) -> Result:
    """The p95 of Repository.search_patients over the keystrokes, signed in with ``dsn`` (a
    practitioner's login) on a clinic holding ``patients`` patients."""
    from measure_store import typing_queries

    from imsmap.services.context import open_server_context

    try:
        context = open_server_context(dsn)
        try:
            records = context.records
            typed = typed_patients or (12 if quick else 40)
            queries = typing_queries(records, typed) + list(MORE_QUERIES)
            search = records.repo.search_patients  # what PatientPanel.refresh_patients calls
            for q in queries[:20]:
                search(q)
            times = []
            for q in queries:
                t0 = perf()
                search(q)
                times.append(perf() - t0)
        finally:
            context.close()
    except Exception as exc:  # noqa: BLE001
        return failed(KEY, TARGET_MS, exc)
    worst = sorted(zip(times, queries, strict=True), reverse=True)[:5]
    return Result(KEY, round(ms(p95(times)), 2), TARGET_MS,
                  note=f"Repository.search_patients on the server, once per keystroke over "
                       f"{len(queries)} keystrokes, {patients} patients",
                  extra={"median_ms": round(ms(median(times)), 2), "keystrokes": len(queries),
                         "patients": patients,
                         "worst": [[round(ms(t), 1), q] for t, q in worst]})
