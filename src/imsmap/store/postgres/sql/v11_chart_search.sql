-- Patient search on the server collects the patients a rare word finds from index ranges, as a
-- file does (store/patient_search.py), instead of probing every patient in name order (about
-- 0.1-0.25 s at 100,000 patients). The name parts have their range (v10); this is the chart
-- number's: the way a word matches it, chart_number ILIKE 'word%', is in a UTF8 database
-- lower(chart_number) LIKE lower('word%'), and a prefix LIKE is a range on this index whatever
-- the database's collation (text_pattern_ops: byte order). Only an index: no record changes.

CREATE INDEX patients_chart_folded ON patients (lower(chart_number) text_pattern_ops);
