-- Each name part carries its patient's place in the search's order (lower(family_name),
-- lower(given_name), then id: store/patient_search.py), so that the patients a word finds by
-- its name parts are collected and put in that order from these indexes alone, and only the
-- patients shown are read (at 100,000 patients a word found by 2,000 read each of them, then
-- sorted them: about 20 ms; a common word's walk of the patients tested each row walked). The keys are the patient row's, copied by a trigger at each
-- insert of a part; the parts are written again with every write of a name (store.name_parts),
-- so the keys follow the names. Derived data only: every part and every record is kept.

ALTER TABLE patient_name_parts ADD COLUMN family_key text, ADD COLUMN given_key text;

UPDATE patient_name_parts n SET family_key = lower(p.family_name), given_key = lower(p.given_name)
    FROM patients p WHERE p.id = n.patient_id;

ALTER TABLE patient_name_parts ALTER COLUMN family_key SET NOT NULL,
    ALTER COLUMN given_key SET NOT NULL;

CREATE FUNCTION patient_name_part_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT lower(family_name), lower(given_name) INTO NEW.family_key, NEW.given_key
        FROM patients WHERE id = NEW.patient_id;
    RETURN NEW;
END $$;

CREATE TRIGGER patient_name_part_keys BEFORE INSERT ON patient_name_parts
    FOR EACH ROW EXECUTE FUNCTION patient_name_part_keys();

-- A rare word: its parts' range, then its few patients sorted by their keys.
CREATE INDEX patient_name_parts_ordered
    ON patient_name_parts (part, family_key, given_key, patient_id);
-- A common one ("s"): the parts walked in the search's order until the list is full, each
-- entry's part tested as it is read; the planner, seeing the word's share of the parts, takes
-- one index or the other.
CREATE INDEX patient_name_parts_in_order
    ON patient_name_parts (family_key, given_key, patient_id, part);
