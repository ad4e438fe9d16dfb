-- The folded parts of each patient's names (SQLite schema 11, store/migrations.py), which search
-- finds a typed word at the start of (store/name_parts.py). Derived from the patient row and
-- rewritten with every write of a name, in its transaction, by whoever may write the names
-- (practitioners and reception); filled from every patient by the migration (schema.py). Binary
-- order (COLLATE "C"): a prefix is a range the index walks.

CREATE TABLE patient_name_parts (
    part text COLLATE "C" NOT NULL,
    patient_id bigint NOT NULL REFERENCES patients (id),
    PRIMARY KEY (part, patient_id)
);
CREATE INDEX patient_name_parts_patient ON patient_name_parts (patient_id, part);

REVOKE ALL ON patient_name_parts FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON patient_name_parts TO imsmap_practitioner, imsmap_reception;
