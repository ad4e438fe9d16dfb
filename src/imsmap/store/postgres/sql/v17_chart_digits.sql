-- The digit runs of each patient's chart number (SQLite schema 14, store/migration_v14.py), as
-- written and with their leading zeros dropped one by one, which search finds a typed number at
-- the start of (store/chart_digits.py: "0006" or "6" finds DEMO-0006). A table of its own, not
-- rows of patient_name_parts (there they made a one-letter search leave the parts' ordered
-- index). Derived from the patient row and rewritten with every write of a chart number, in its
-- transaction, by whoever may write patients (practitioners and reception); filled from every
-- patient by the migration (schema.py). Binary order (COLLATE "C"): a prefix is a range the
-- index walks. Derived data only: every record is kept.

CREATE TABLE patient_chart_digits (
    digits text COLLATE "C" NOT NULL,
    patient_id bigint NOT NULL REFERENCES patients (id),
    PRIMARY KEY (digits, patient_id)
);
CREATE INDEX patient_chart_digits_patient ON patient_chart_digits (patient_id, digits);

REVOKE ALL ON patient_chart_digits FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON patient_chart_digits TO imsmap_practitioner, imsmap_reception;
