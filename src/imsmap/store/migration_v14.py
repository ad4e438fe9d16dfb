"""Schema 14, as shipped: the digit runs of each patient's chart number (store.chart_digits), so
that "0006" or "6" typed finds DEMO-0006 (server schema 17). A table of its own beside the name
parts: derived from the patient row, filled from every patient by migrations.FILL_AFTER in this
migration's transaction, kept with every write of a chart number; no record is changed. Never
edit it: a file upgraded by it must stay what it was.
"""

from __future__ import annotations

# A word of digits reads its range of ``digits`` (the primary key, binary order); a patient is
# tested for one, or its rows rewritten, by its id (the second index).
V14 = """
CREATE TABLE patient_chart_digits (
    digits TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    PRIMARY KEY (digits, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_chart_digits_patient ON patient_chart_digits (patient_id, digits);
"""
