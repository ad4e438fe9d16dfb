-- Patient search counts the patients whose chart number starts with a typed word, up to the
-- common number (store/patient_search.py, _server_counts), in the order of the folded chart
-- number's index (v11). PostgreSQL answers from an index alone (an index-only scan) only when
-- the index holds every column the statement names, and an expression index holds lower(...),
-- not chart_number: each of those entries read its patient's row too ("C-11" at 100,000
-- patients: 10,000 rows for one keystroke). The same index carrying chart_number answers the
-- count from its entries (the table vacuumed: autovacuum keeps the visibility map set) and
-- serves every range the v11 index did, which it replaces. Only an index: no record changes.

CREATE INDEX patients_chart_folded_number ON patients (lower(chart_number) text_pattern_ops)
    INCLUDE (chart_number);
DROP INDEX patients_chart_folded;
