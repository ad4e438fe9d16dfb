"""Schema 13, as shipped: the patients' name parts made again (store.name_parts): « œ » and
« æ » read as « oe » and « ae » (« oe » typed found no « Œuvre »), and each ending of each run
of digits of the chart number a part too (« 0006 » typed found no « DEMO-0006 », the chart
number matching from its start only). Derived rows only (not records: no audit entry,
not in exports or journals): migrations.FILL_AFTER deletes them and makes every patient's
again (store.name_parts.refill), in this migration's transaction; no record is changed, and
the schema neither (the SQL below is none). Never edit it: a file upgraded by it must stay what it was.
"""

from __future__ import annotations

V13 = """
-- the name parts made again in Python (name_parts.refill): no table or column changes
"""
