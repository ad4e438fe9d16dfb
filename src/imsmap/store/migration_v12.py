"""Schema 12, as shipped: each patient's order keys (store.name_order), the order the patient
list and every plan of patient search put the patients in, the same on a file and on the
clinic server (server schema 14). Before, a file ordered the names by SQLite's NOCASE (ASCII
folded, then code points: « Émilie » and « Ève » after « Zoé »). Derived from the patient row:
filled from every patient by migrations.FILL_AFTER, kept with every write of a name; no record
is changed. Never edit it: a file upgraded by it must stay what it was.
"""

from __future__ import annotations

# One row a patient; the search walks the index in order (patient_id, the rowid, ends each
# entry) and reads each patient by its id, or sorts the few it collected by these keys.
V12 = """
CREATE TABLE patient_order (
    patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
    family_key TEXT NOT NULL,
    given_key TEXT NOT NULL,
    tie_key TEXT NOT NULL
);
CREATE INDEX patient_order_keys ON patient_order (family_key, given_key, tie_key);
"""
