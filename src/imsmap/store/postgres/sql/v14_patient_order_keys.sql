-- After the order keys are filled (schema.py): each name part given its patient's keys, and
-- the indexes the search reads, in the order of the keys, the patient's id last.

UPDATE patient_name_parts n SET family_key = o.family_key, given_key = o.given_key,
    tie_key = o.tie_key FROM patient_order o WHERE o.patient_id = n.patient_id;

ALTER TABLE patient_name_parts ALTER COLUMN family_key SET NOT NULL,
    ALTER COLUMN given_key SET NOT NULL, ALTER COLUMN tie_key SET NOT NULL;

-- The patients walked in the search's order (every word common; the first patients walked
-- first), each one's row read by its id.
CREATE INDEX patient_order_keys ON patient_order (family_key, given_key, tie_key, patient_id);
-- A rare word: its parts' range, then its few patients sorted by their keys.
CREATE INDEX patient_name_parts_ordered
    ON patient_name_parts (part, family_key, given_key, tie_key, patient_id);
-- A common one: the parts walked in the search's order until the list is full.
CREATE INDEX patient_name_parts_in_order
    ON patient_name_parts (family_key, given_key, tie_key, patient_id, part);
