-- Each patient's order keys (SQLite schema 12; store/name_order.py): the order the patient list
-- and every plan of patient search put the patients in, the same on a file and on the server
-- whatever the database's locale. Before, the search ordered by lower() in the database's
-- collation: a C-locale server listed « Émilie » and « Ève » after « Zoé », an ICU fr-CA one
-- otherwise than a file. The keys are made in Python (the folding of the name parts), filled by
-- the migration (schema.py, FILL_AFTER), then copied to each name part (v12's columns, now these
-- keys) by the trigger of v12, which reads them here. Binary order (COLLATE "C"), as a file's
-- BINARY. Derived data only: every patient, part and record is kept.

CREATE TABLE patient_order (
    patient_id bigint PRIMARY KEY REFERENCES patients (id),
    family_key text COLLATE "C" NOT NULL,
    given_key text COLLATE "C" NOT NULL,
    tie_key text COLLATE "C" NOT NULL
);

REVOKE ALL ON patient_order FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON patient_order TO imsmap_practitioner, imsmap_reception;

-- The parts' keys become the patients' order keys (filled after the table, schema.py): v12's
-- columns and their indexes are made again, binary, with the tie-breaker.
DROP INDEX patient_name_parts_ordered;
DROP INDEX patient_name_parts_in_order;
ALTER TABLE patient_name_parts DROP COLUMN family_key, DROP COLUMN given_key;
ALTER TABLE patient_name_parts ADD COLUMN family_key text COLLATE "C",
    ADD COLUMN given_key text COLLATE "C", ADD COLUMN tie_key text COLLATE "C";

CREATE OR REPLACE FUNCTION patient_name_part_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT family_key, given_key, tie_key INTO NEW.family_key, NEW.given_key, NEW.tie_key
        FROM patient_order WHERE patient_id = NEW.patient_id;
    RETURN NEW;
END $$;
