"""Schema 15, as shipped: an index of each patient's chart number folded (lower(), ASCII letters
on a file), so that a number in other capitals ("c-1001" beside C-1001) is found by the index:
the new-patient form, a changed chart number and an import ask it at each patient
(Repository.patients_by_chart_number_folded), and without it read every patient (60 ms at
100,000 patients). The server has had its own since server schema 11 (13:
patients_chart_folded_number). Only an index: no record changes. Never edit it: a file upgraded
by it must stay what it was.
"""

from __future__ import annotations

V15 = """
CREATE INDEX patients_chart_folded ON patients (lower(chart_number));
"""
