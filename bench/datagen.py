"""Generate a large, realistic imsmap database for the benchmarks (never used by the app or tests).

The schema is the app's own (``Database.open`` runs the migrations); rows are written with
``executemany`` in big transactions with ``synchronous=OFF`` and the journal off, and the file is
put back into WAL mode afterwards (the app opens it with ``synchronous=FULL`` as always).

What is realistic about it:
- names drawn from a weighted list of common family and given names (so "s", "ng", "wo" match
  many patients, as in a real clinic), chart numbers, birth dates, sexes;
- sessions weekly-ish per patient, spread over six years, ids in chronological order (so the sites
  of one patient's sessions are scattered through the file, as they would be in real use);
- sites on muscles of the atlas catalogue, at points inside the muscle's region on the atlas views
  (sampled with the atlas' own point-in-polygon test), each patient treated on a stable set of
  targets with grasps that ease over the course;
- rows and audit entries in schema 4's compact form (``store.terms``, ``store.site_rows``): one
  audit entry per patient, session and site creation and per signature, hash-chained exactly as
  ``imsmap.store.audit.append`` does (``verify_chain`` passes), with the same ``changes`` the
  services write (JSON; for a site, the digest of its content as created). Grading a site later
  (``update_site``) would add one more, small entry per site; the generator leaves those out
  (the brief asks for one entry per site creation).
- Not realistic: the content hash of a signed session is a stand-in (sha256 of its id), not the
  hash of its content.

A database is cached in the work folder under a name derived from its parameters, the generator
version, the schema version and the atlas fingerprint; a run whose parameters match reuses it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np

# 6: schema 4 (terms, compact sites and audit entries); 7: the long course's newest visit a
# draft, its pneumothorax discussion not recorded
GENERATOR_VERSION = 7
UTC = UTC

FAMILY_NAMES = """
Smith 40 Lee 38 Wong 36 Nguyen 34 Chen 34 Singh 33 Brown 30 Wilson 26 Martin 25 Taylor 25
Anderson 22 Thompson 22 Li 22 Kim 21 Patel 20 Johnson 20 Campbell 18 Clark 18 Roy 17 Gill 17
Macdonald 16 Tremblay 16 White 16 Chan 16 Young 15 Walker 15 Scott 15 Miller 15 Robinson 14
Stewart 14 Ross 14 Murray 14 Mitchell 13 Reid 13 Fraser 13 Harris 13 Wang 13 Zhang 13 Liu 12
Sandhu 12 Dhillon 12 Grewal 11 Sidhu 11 Lam 11 Ho 11 Tran 11 Park 10 Choi 10 Yamamoto 9
Tanaka 9 Sato 8 Garcia 10 Rodriguez 9 Martinez 9 Hernandez 8 Lopez 8 Gonzalez 8 Silva 7
Santos 7 Ferreira 6 Rossi 7 Russo 6 Bianchi 6 Romano 6 Marchetti 5 Muller 7 Schmidt 7
Schneider 6 Fischer 6 Weber 6 Wagner 6 Becker 5 Hoffmann 5 Kowalski 6 Nowak 6 Wisniewski 5
Kovacs 5 Novak 5 Horvat 4 Petrov 5 Ivanov 5 Popescu 4 Jensen 6 Hansen 6 Nielsen 6 Larsen 5
Andersen 5 Johansson 5 Karlsson 5 Nilsson 5 Olsen 5 Berg 4 Dubois 6 Gagnon 7 Bouchard 6
Cote 6 Gauthier 5 Morin 5 Lavoie 5 Fortin 5 Gagne 4 Ouellet 4 Pelletier 4 Belanger 4 Leblanc 5
OBrien 6 Murphy 8 Kelly 7 Sullivan 6 Walsh 6 Byrne 5 Ryan 6 Oconnor 5 McKenzie 6 McLean 6
Morrison 6 Hughes 6 Evans 6 Davies 6 Jones 9 Williams 9 Roberts 7 Lewis 7 Edwards 5 Morgan 5
Hall 6 Allen 6 Wright 6 King 6 Green 6 Baker 6 Adams 6 Nelson 6 Hill 6 Moore 7 Jackson 7
Cohen 5 Levy 4 Friedman 4 Katz 4 Shapiro 3 Ahmed 6 Khan 7 Ali 6 Hussain 5 Rahman 4 Hassan 4
Mohammadi 5 Hosseini 5 Rezaei 4 Karimi 4 Ahmadi 4 Yilmaz 4 Kaya 3 Demir 3 Sharma 6 Kumar 6
Gupta 5 Reddy 4 Rao 4 Das 4 Mehta 4 Shah 5 Joshi 4 Nair 4 Menon 3 Pillai 3 Okafor 3 Mensah 3
Adeyemi 3 Osei 3 Diallo 3 Haddad 3 Khoury 3 Nasser 3 Papadopoulos 4 Georgiou 3 Nikolaidis 3
Santiago 3 Reyes 5 Cruz 5 Ramos 4 Mendoza 4 Castillo 4 Flores 4 Torres 4 Rivera 4 Dela-Cruz 3
""".split()
GIVEN_F = """
Mary 10 Jennifer 9 Linda 7 Susan 8 Sarah 12 Emily 10 Jessica 10 Emma 9 Olivia 8 Sophie 8
Anna 9 Grace 7 Hannah 7 Chloe 6 Megan 6 Rachel 7 Laura 8 Julia 6 Karen 7 Lisa 8 Michelle 8
Nicole 7 Amanda 6 Stephanie 6 Heather 6 Catherine 6 Christine 6 Margaret 6 Patricia 6 Helen 6
Diane 5 Joanne 5 Wendy 5 Janet 5 Ruth 4 Alice 5 Claire 5 Natalie 5 Amy 6 Tiffany 4 Vivian 4
Mei 5 Ling 5 Yan 4 Xin 4 Hui 4 Jia 4 Min 4 Ji-woo 3 Seo-yeon 3 Yuki 3 Aiko 3 Priya 5 Anjali 4
Harpreet 5 Manpreet 5 Simran 4 Gurpreet 5 Navneet 4 Fatima 4 Aisha 4 Leila 3 Maryam 4 Zahra 4
Maria 8 Ana 6 Sofia 6 Isabella 5 Camila 4 Lucia 4 Giulia 4 Chiara 3 Francesca 3 Elena 4 Ingrid 3
Astrid 3 Freya 3 Marie 6 Isabelle 5 Genevieve 4 Nathalie 4 Sylvie 4 Chantal 4 Mireille 3
""".split()
GIVEN_M = """
James 10 John 10 Robert 9 Michael 11 David 12 William 8 Richard 7 Thomas 8 Daniel 9 Matthew 8
Andrew 8 Christopher 8 Joshua 6 Ryan 7 Kevin 7 Brian 7 Jason 7 Justin 6 Eric 6 Mark 8 Paul 8
Steven 7 Peter 7 Stephen 6 Gary 5 Ian 5 Colin 5 Graham 4 Douglas 4 Gordon 4 Bruce 4 Scott 5
Adam 6 Benjamin 6 Samuel 6 Nathan 6 Ethan 6 Liam 6 Noah 5 Lucas 5 Owen 5 Connor 5 Tyler 5
Wei 6 Jun 5 Hao 4 Ming 4 Jian 4 Tao 4 Min-jun 3 Ji-hoon 3 Hiroshi 3 Kenji 3 Takeshi 3 Raj 5
Arjun 4 Rohan 4 Vikram 4 Amrit 4 Gurdeep 5 Harjit 5 Jaspreet 4 Mohammed 6 Ahmed 4 Omar 4 Ali 4
Reza 4 Hamid 3 Jose 6 Luis 5 Carlos 5 Juan 5 Miguel 5 Diego 3 Marco 4 Luca 3 Giovanni 3
Pierre 4 Jean 5 Luc 4 Marc 4 Francois 4 Mathieu 3 Sebastien 3 Lars 3 Erik 3 Nils 3 Jakub 3
Piotr 3 Tomasz 3 Dmitri 3 Sergei 3 Ivan 3 Kwame 2 Kofi 2 Chidi 2 Tunde 2 Nikos 3 Yannis 2
""".split()
PRACTITIONERS = [
    ("a.nguyen", "Anna Nguyen, PT", "PT-10231"), ("b.sandhu", "Baljit Sandhu, PT", "PT-11873"),
    ("c.macdonald", "Colin Macdonald, PT", "PT-09544"), ("d.chen", "Diane Chen, PT", "PT-12402"),
    ("e.tremblay", "Emilie Tremblay, PT", "PT-13019"), ("f.khan", "Farah Khan, PT", "PT-13377"),
    ("g.rossi", "Giulia Rossi, PT", "PT-10988"), ("h.kim", "Hyun Kim, PT", "PT-12655"),
]
COMPLAINTS = [
    "Low back pain, L5 radiculopathy", "Chronic neck pain with headaches", "Lateral epicondylalgia",
    "Frozen shoulder", "Sciatica, S1", "Patellofemoral pain", "Plantar heel pain",
    "Thoracic outlet symptoms", "Whiplash-associated disorder", "Piriformis syndrome",
    "Achilles tendinopathy", "Rotator cuff tendinopathy", "Mechanical low back pain",
    "Cervical radiculopathy, C6", "Hip pain, greater trochanter", "Fibromyalgia flare",
]
TISSUE_FEEL = (None, None, None, "normal", "grasp", "gritty-fibrotic")
RELEASE = (None, None, "full", "partial", "none")
SENSATION = (None, None, "ache/cramp", "deep pressure", "referred")
NEEDLES = ((0.25, 30.0), (0.25, 40.0), (0.30, 50.0), (0.30, 60.0), (0.30, 75.0), (0.20, 25.0))


@dataclass(frozen=True)
class Params:
    patients: int
    sessions: int
    sites: int
    heavy_sessions: int = 200  # the patient opened by history_open / the progress report
    heavy_sites: int = 40  # sites per session of that patient (overlay: 100 x 40)
    progress_sessions: int = 50  # patient 2: the progress report's course
    progress_sites: int = 30
    seed: int = 8

    def key(self, fingerprint: str) -> str:
        blob = json.dumps([asdict(self), GENERATOR_VERSION, fingerprint], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]


QUICK = Params(patients=2_000, sessions=10_000, sites=200_000)
FULL = Params(patients=100_000, sessions=500_000, sites=10_000_000)


def _weighted(spec: list[str]) -> tuple[list[str], np.ndarray]:
    names = spec[0::2]
    w = np.array([float(x) for x in spec[1::2]])
    return [n.replace("-", " ") if n == "Dela-Cruz" else n for n in names], w / w.sum()


# -- the atlas: where sites can go ------------------------------------------------------------
def atlas_fingerprint() -> str:
    """Catalogue version + schema version: what the cache key depends on.

    The view files are left out on purpose (the charts are redrawn often and a full database
    takes minutes to build): a cached database is reused while every view its sites sit on still
    exists; ``--regenerate`` rebuilds it after a big change of the charts.
    """
    from imsmap.atlas import load_atlas
    from imsmap.store.migrations import SCHEMA_VERSION

    return f"{load_atlas().version}|schema{SCHEMA_VERSION}"


@dataclass
class Target:
    muscle_id: str
    side: str
    view_id: str
    layer: str
    level: str | None
    xs: list[float]
    ys: list[float]


def site_targets(per_region: int = 24, seed: int = 1) -> tuple[list[Target], bool]:
    """Points inside each region of each atlas view (where a click on the top layer hits that
    region). Falls back on boxes on a 1000 x 2000 'posterior' view if the atlas has no views yet.
    Returns (targets, from_atlas)."""
    from imsmap.atlas import load_atlas

    atlas = load_atlas()
    rng = np.random.default_rng(seed)
    targets: list[Target] = []
    for view in atlas.views.values():
        for region in view.regions:
            x0, y0, x1, y1 = region.bbox
            xs: list[float] = []
            ys: list[float] = []
            for _attempt in range(8):
                px = rng.uniform(x0, x1, 256)
                py = rng.uniform(y0, y1, 256)
                for x, y in zip(px.tolist(), py.tolist()):
                    hits = view.regions_at(x, y)
                    layer_hits = [r for r in hits if r.layer == region.layer]
                    if layer_hits and layer_hits[0].id == region.id:
                        xs.append(round(x, 2))
                        ys.append(round(y, 2))
                        if len(xs) >= per_region:
                            break
                if len(xs) >= per_region:
                    break
            if xs:
                targets.append(Target(region.muscle, region.side, view.id, region.layer,
                                      region.level, xs, ys))
    if targets:
        return targets, True
    # No views shipped yet: muscles of the catalogue on synthetic boxes (flagged in the metadata).
    for i, muscle in enumerate(atlas.catalogue):
        for side in ("L", "R"):
            cx = 250.0 + (500.0 if side == "L" else 0.0) + rng.uniform(-150, 150)
            cy = 150.0 + (i * 13.0) % 1700
            xs = np.round(rng.normal(cx, 20, per_region), 2).tolist()
            ys = np.round(rng.normal(cy, 20, per_region), 2).tolist()
            level = "L4" if muscle.id == "multifidus" else None
            targets.append(Target(muscle.id, side, "posterior", "superficial", level, xs, ys))
    return targets, False


# -- generation --------------------------------------------------------------------------------
def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def generate(path: Path, params: Params, log=print) -> dict:
    """Write a new database at `path` (which must not exist). Returns its metadata."""
    from imsmap.atlas import load_atlas
    from imsmap.store import audit, chart_digits, name_order, name_parts, site_rows
    from imsmap.store.db import Database

    t_start = time.perf_counter()
    atlas = load_atlas()
    targets, from_atlas = site_targets()
    rng = np.random.default_rng(params.seed)
    prng = random.Random(params.seed)
    P, S, N = params.patients, params.sessions, params.sites
    HS, HN = params.heavy_sessions, params.heavy_sites
    PS, PN = params.progress_sessions, params.progress_sites
    if S < HS + PS + (P - 2) or N < HS * HN + PS * PN + (S - HS - PS):
        raise ValueError("too few sessions or sites for the parameters")

    db = Database.open(path)  # schema, application id, WAL: exactly as the app makes it
    db.close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")  # generation only; the app opens with FULL
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("PRAGMA temp_store = MEMORY")
    # Schema 3 gave sessions a permanent uid, set by start_session (and in its audit entry).
    has_uid = any(r[1] == "uid" for r in conn.execute("PRAGMA table_info(sessions)"))

    # Sessions per patient: patient 1 is the long course; the rest heavy-tailed, at least one.
    weights = rng.gamma(0.8, 1.0, P - 2)
    counts = np.concatenate([[HS, PS], 1 + rng.multinomial(S - HS - PS - (P - 2),
                                                           weights / weights.sum())])
    now = datetime(2026, 11, 16, 17, 0, tzinfo=UTC).timestamp()
    day = 86400.0
    first_visit = now - rng.uniform(30, 6 * 365, P) * day
    first_visit[0] = now - (HS * 7.3 + 10) * day
    first_visit[1] = now - (PS * 7.3 + 10) * day
    pat_of = np.repeat(np.arange(P), counts)
    k_of = np.concatenate([np.arange(c) for c in counts])  # visit number within the course
    gaps = rng.choice([7.0, 7.0, 7.0, 14.0, 6.0, 8.0, 10.0, 21.0], S) + rng.uniform(-1, 1, S)
    gaps[np.r_[0, np.cumsum(counts)[:-1]]] = 0.0
    offs = np.concatenate([np.cumsum(g) for g in np.split(gaps, np.cumsum(counts)[:-1])])
    start = first_visit[pat_of] + offs * day
    start = np.minimum(start, now - rng.uniform(0.1, 3, S) * day)
    start = np.floor(start / day) * day + (8 + rng.integers(0, 40, S) * 0.25) * 3600.0
    order = np.lexsort((pat_of, start))  # chronological ids
    pat_of, k_of, start = pat_of[order], k_of[order], start[order]
    newest_heavy = int(np.flatnonzero(pat_of == 0)[-1])  # the window opens it (ties: the last id)

    # Sites per session: 40 for the long course, the rest around the mean, at least one.
    heavy, prog = pat_of == 0, pat_of == 1
    others = ~(heavy | prog)
    rest = int(others.sum())
    w2 = rng.gamma(4.0, 1.0, rest)
    n_rest = 1 + rng.multinomial(N - HS * HN - PS * PN - rest, w2 / w2.sum())
    n_sites = np.empty(S, dtype=np.int64)
    n_sites[heavy] = HN
    n_sites[prog] = PN
    n_sites[others] = n_rest

    # Patients.
    fam, fam_w = _weighted(FAMILY_NAMES)
    gf, gf_w = _weighted(GIVEN_F)
    gm, gm_w = _weighted(GIVEN_M)
    sexes = rng.choice(np.array(["F", "M", "X", "U"]), P, p=[0.55, 0.43, 0.01, 0.01])
    fam_i = rng.choice(len(fam), P, p=fam_w)
    gf_i = rng.choice(len(gf), P, p=gf_w)
    gm_i = rng.choice(len(gm), P, p=gm_w)
    births = rng.integers(date(1935, 1, 1).toordinal(), date(2008, 12, 31).toordinal(), P)
    actor_of_pat = rng.integers(0, len(PRACTITIONERS), P)
    pat_created = first_visit - 600.0
    patient_rows = []
    for i in range(P):
        pid = i + 1
        given = (gf[gf_i[i]] if sexes[i] == "F" else gm[gm_i[i]] if sexes[i] == "M"
                 else (gf[gf_i[i]] if i % 2 else gm[gm_i[i]]))
        if i == 0:
            family, given, sex = "Marchetti", "Giulia", "F"
        elif i == 1:
            family, given, sex = "Okafor", "Daniel", "M"
        else:
            family, sex = fam[fam_i[i]], str(sexes[i])
        at = _iso(pat_created[i])
        patient_rows.append((pid, f"C-{100000 + pid}", family, given,
                             date.fromordinal(int(births[i])).isoformat(), sex, "",
                             at, PRACTITIONERS[actor_of_pat[i]][0], at,
                             PRACTITIONERS[actor_of_pat[i]][0]))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO patients (id, chart_number, family_name, given_name, birth_date, sex, notes,"
        " created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        patient_rows)
    # Their order keys, name parts and chart digits, as the app writes them with every patient
    # (store.name_order, store.name_parts, store.chart_digits).
    name_order.insert(conn, [(row[0], row[2], row[3]) for row in patient_rows])
    name_parts.insert(conn, [(row[0], row[2], row[3]) for row in patient_rows])
    chart_digits.insert(conn, [(row[0], row[1]) for row in patient_rows])
    conn.execute("COMMIT")

    # Per patient: a stable set of targets (the presentation) and a course-long grasp trend.
    n_t = len(targets)
    pat_targets: list[list[int]] = []
    tw = rng.gamma(0.6, 1.0, n_t)
    tw /= tw.sum()
    # The long course stays on one view, so its overlay really holds 100 x 40 markers.
    from collections import Counter

    main_view = Counter(t.view_id for t in targets).most_common(1)[0][0]
    on_main = np.array([t.view_id == main_view for t in targets])
    for i in range(P):
        if i == 0:
            w0 = np.where(on_main, tw, 0.0) + np.where(on_main, 1e-3, 0.0)
            pat_targets.append(rng.choice(n_t, size=min(HN, int(on_main.sum())), replace=False,
                                          p=w0 / w0.sum()).tolist())
            continue
        k = int(rng.integers(6, 24))
        pat_targets.append(rng.choice(n_t, size=min(k, n_t), replace=False, p=tw).tolist())
    # Schema 4: words as terms ids (store.terms), as the services' term cache writes them.
    term_ids: dict[str | None, int | None] = {None: None}

    def term(text: str | None) -> int | None:
        found = term_ids.get(text)
        if text is None:
            return None
        if found is None:
            found = int(conn.execute("INSERT INTO terms (text) VALUES (?)", (text,)).lastrowid)
            term_ids[text] = found
        return found

    conn.execute("BEGIN")
    for word in ("create", "sign", "patient", "session", "site", *TISSUE_FEEL, *RELEASE,
                 *SENSATION, *(p[0] for p in PRACTITIONERS)):
        term(word)
    for t in targets:
        term(t.muscle_id), term(t.view_id), term(t.layer)
    conn.execute("COMMIT")
    tcreate, tsign, tpatient, tsession, tsite = (term_ids[w] for w in
                                                 ("create", "sign", "patient", "session", "site"))

    site_sql = ("INSERT INTO sites (id, session_id, seq, muscle_id, side, view_id, layer, x, y,"
                " level, needle_diameter_mm, needle_length_mm, depth_mm, grasp, cramp, twitch,"
                " tissue_feel, release, sensation, estim, notes, planned, created_at, created_by)"
                " VALUES (" + ",".join("?" * 24) + ")")
    sess_sql = ("INSERT INTO sessions (id, patient_id, started_at, practitioner, complaint,"
                " pain_before, pain_after, notes, status, atlas_version, signed_at, signed_by,"
                " content_hash, created_at, created_by, updated_at, updated_by,"
                " practitioner_registration, consent, pneumothorax_discussed, needle_count,"
                " needles_accounted, tolerance, plan, uid) VALUES (" + ",".join("?" * 25) + ")")
    audit_sql = ("INSERT INTO audit (id, at, actor, action, entity, entity_id, session_id,"
                 " changes, hash) VALUES (?,?,?,?,?,?,?,?,?)")
    link = audit.link
    content_digest = audit.content_digest
    every = audit.CHECKPOINT_EVERY

    def kept(entry_id: int, chain_link: bytes) -> bytes | None:  # as audit.append stores it
        return chain_link if entry_id % every == 0 else None

    prev_hash = audit.GENESIS
    audit_id = 0
    site_id = 0
    seen_patient = np.zeros(P, dtype=bool)
    complaint_of = rng.integers(0, len(COMPLAINTS), P)
    version = atlas.version
    sessions_batch, sites_batch, audit_batch = [], [], []
    pending_sites = 0
    last_log = time.perf_counter()
    conn.execute("BEGIN")
    for s in range(S):
        sid = s + 1
        p = int(pat_of[s])
        pid = p + 1
        k = int(k_of[s])
        actor, prac_name, reg = PRACTITIONERS[int(actor_of_pat[p] + (k % 5 == 4)) % len(PRACTITIONERS)]
        t0 = float(start[s])
        at = _iso(t0)
        if not seen_patient[p]:
            seen_patient[p] = True
            row = patient_rows[p]
            values = {"chart_number": row[1], "family_name": row[2], "given_name": row[3],
                      "birth_date": row[4], "sex": row[5]}
            changes = _dumps({kk: [None, vv] for kk, vv in values.items()})
            audit_id += 1
            pat_at = site_rows.instant(row[7])
            prev_hash = link(prev_hash, audit_id, pat_at, row[8], "create", "patient", pid,
                             None, changes)
            audit_batch.append((audit_id, pat_at, term_ids[row[8]], tcreate, tpatient, pid, None,
                                changes, kept(audit_id, prev_hash)))
        course = counts[p]
        progress_ = k / max(1, course - 1)
        pain_b = int(min(10, max(0, round(7 - 4 * progress_ + prng.uniform(-1.5, 1.5)))))
        pain_a = max(0, pain_b - prng.randint(0, 3))
        complaint = COMPLAINTS[int(complaint_of[p])]
        uid = prng.getrandbits(128).to_bytes(16, "big").hex() if has_uid else None
        svalues = {"patient_id": pid, "atlas_version": version, **({"uid": uid} if has_uid else {}),
                   "started_at": at,
                   "practitioner": prac_name, "practitioner_registration": reg,
                   "complaint": complaint, "pain_before": pain_b, "consent": 1}
        pneumo, accounted = int(prng.random() < 0.2), 1
        if s == newest_heavy:  # being treated now: the discussion not recorded yet (the prompt)
            pneumo = 0
        tolerance = "Tolerated well" if prng.random() < 0.5 else ""
        n = int(n_sites[s])
        # The creation entry holds the digest of the session as created (services.records).
        changes = content_digest({
            **svalues, "pain_after": pain_a, "notes": "", "pneumothorax_discussed": pneumo,
            "needle_count": n, "needles_accounted": accounted, "tolerance": tolerance,
            "plan": ""})
        audit_id += 1
        at_s = int(t0)
        prev_hash = link(prev_hash, audit_id, at_s, actor, "create", "session", sid, sid, changes)
        audit_batch.append((audit_id, at_s, term_ids[actor], tcreate, tsession, sid, sid, changes,
                            kept(audit_id, prev_hash)))
        # Sites.
        mine = pat_targets[p]
        base_grasp = 3.0 - 2.6 * progress_
        for seq in range(1, n + 1):
            t = mine[(seq - 1) % len(mine)] if (p == 0 or seq <= len(mine)) else \
                mine[prng.randrange(len(mine))]
            tg = targets[t]
            j = prng.randrange(len(tg.xs))
            x, y = tg.xs[j], tg.ys[j]
            nd, nl = NEEDLES[(p + t) % len(NEEDLES)]
            g = int(min(3, max(0, round(base_grasp + prng.uniform(-1.2, 1.2)))))
            grasp = None if prng.random() < 0.03 else g
            site_id += 1
            sat = int(t0) + 60 * (2 + seq)
            depth = None if prng.random() < 0.7 else float(prng.randint(10, 60))
            cramp, twitch = int(grasp == 3 and prng.random() < 0.4), int(prng.random() < 0.15)
            feel, release = TISSUE_FEEL[prng.randrange(6)], RELEASE[prng.randrange(5)]
            sensation, estim = SENSATION[prng.randrange(5)], int(prng.random() < 0.03)
            sites_batch.append((
                site_id, sid, seq, term_ids[tg.muscle_id], tg.side, term_ids[tg.view_id],
                term_ids[tg.layer], round(x * 100), round(y * 100), tg.level, nd, nl, depth,
                grasp, cramp, twitch, term_ids[feel], term_ids[release], term_ids[sensation],
                estim, "", 0, sat, term_ids[actor]))
            # The creation entry holds the digest of the site as created (services.records).
            changes = content_digest({
                "session_id": sid, "view_id": tg.view_id, "x": x, "y": y,
                "muscle_id": tg.muscle_id, "side": tg.side, "layer": tg.layer,
                "level": tg.level, "needle_diameter_mm": nd, "needle_length_mm": nl,
                "depth_mm": depth, "grasp": grasp, "cramp": cramp, "twitch": twitch,
                "tissue_feel": feel, "release": release, "sensation": sensation,
                "estim": estim, "notes": "", "planned": 0})
            audit_id += 1
            prev_hash = link(prev_hash, audit_id, sat, actor, "create", "site", site_id, sid,
                             changes)
            audit_batch.append((audit_id, sat, term_ids[actor], tcreate, tsite, site_id, sid,
                                changes, kept(audit_id, prev_hash)))
        # Signed after the visit, except this week's last few drafts; the long course's newest
        # visit is always one (the patient being treated now): history_open_ms opens it, on
        # every file (the draw is still made, so the other rows are what they were).
        draft = t0 > now - 2 * day and prng.random() < 0.5
        draft = draft or s == newest_heavy
        end_at = _iso(t0 + 60.0 * (5 + n))
        if draft:
            status, signed_at, signed_by, chash = "draft", None, "", ""
        else:
            status, signed_at, signed_by = "signed", end_at, actor
            chash = hashlib.sha256(f"session-{sid}".encode()).hexdigest()
            changes = _dumps({"status": ["draft", "signed"], "content_hash": [None, chash]})
            audit_id += 1
            end_s = int(t0) + 60 * (5 + n)
            prev_hash = link(prev_hash, audit_id, end_s, actor, "sign", "session", sid, sid,
                             changes)
            audit_batch.append((audit_id, end_s, term_ids[actor], tsign, tsession, sid, sid,
                                changes, kept(audit_id, prev_hash)))
        sessions_batch.append((
            sid, pid, at, prac_name, complaint, pain_b, pain_a, "", status, version, signed_at,
            signed_by, chash, at, actor, end_at, actor, reg, 1, pneumo, n, accounted, tolerance,
            "", uid))
        pending_sites += n
        if pending_sites >= 200_000 or s == S - 1:
            # Sites before their (signed) sessions: the insert trigger only refuses sites of a
            # session that is already signed.
            conn.executemany(site_sql, sites_batch)
            conn.executemany(sess_sql, sessions_batch)
            conn.executemany(audit_sql, audit_batch)
            sessions_batch, sites_batch, audit_batch = [], [], []
            pending_sites = 0
            if site_id % 1_000_000 < 200_000 or s == S - 1:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
            if time.perf_counter() - last_log > 10:
                last_log = time.perf_counter()
                rate = site_id / (last_log - t_start)
                log(f"  datagen: {site_id:,} / {N:,} sites ({rate:,.0f}/s)")
    conn.execute("INSERT INTO audit_head (one, entry_id, hash) VALUES (1, ?, ?)",
                 (audit_id, prev_hash))
    conn.execute("COMMIT")
    assert site_id == N, (site_id, N)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # restored (the app sets FULL on every open anyway)
    conn.close()
    meta = {
        "params": asdict(params),
        "generator_version": GENERATOR_VERSION,
        "atlas_views": from_atlas,
        "targets": len(targets),
        "views": sorted({t.view_id for t in targets}),
        "heavy_patient_id": 1,
        "progress_patient_id": 2,
        "counts": {"patients": P, "sessions": S, "sites": N, "audit": audit_id},
        "generate_s": round(time.perf_counter() - t_start, 1),
    }
    return meta


def ensure_database(workdir: Path, params: Params, log=print,
                    regenerate: bool = False) -> tuple[Path, dict]:
    """The cached database for `params` in `workdir`, generated (in a child process, so its
    memory does not count against the benchmark process) when missing or stale."""
    from imsmap.atlas import load_atlas

    workdir.mkdir(parents=True, exist_ok=True)
    fp = atlas_fingerprint()
    key = params.key(fp)
    path = workdir / f"bench-{params.patients}p-{params.sites}s-{key}.sqlite3"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists() and not regenerate:
        meta = json.loads(meta_path.read_text())
        if set(meta.get("views", ())) <= set(load_atlas().views):
            meta["reused"] = True
            return path, meta
        log("the cached database has sites on views the atlas no longer has: rebuilding")
    for stale in workdir.glob(f"bench-{params.patients}p-{params.sites}s-*"):
        # An older generator or atlas: the file is rebuilt. The app's window made the drafts'
        # holds folder beside it (store.file_holds): it goes with its file.
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    tmp = path.with_name(path.name + ".part")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        if p.exists():
            p.unlink()
    log(f"generating {path.name} ({params.patients:,} patients, {params.sessions:,} sessions,"
        f" {params.sites:,} sites)...")
    import subprocess

    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--out", str(tmp),
         "--params", json.dumps(asdict(params))],
        check=True, stdout=subprocess.PIPE, text=True)
    meta = json.loads(out.stdout.strip().splitlines()[-1])
    meta["fingerprint"] = fp
    os.replace(tmp, path)
    meta_path.write_text(json.dumps(meta, indent=1))
    meta["reused"] = False
    return path, meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--params", required=True, help="JSON of Params")
    args = ap.parse_args(argv)
    params = Params(**json.loads(args.params))
    meta = generate(Path(args.out), params, log=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
