"""Schema 13, as shipped: the patients' name parts made again (store.name_parts): « œ » and
« æ » read as « oe » and « ae » (« oe » typed found no « Œuvre »). Derived rows only (not records: no audit entry,
not in exports or journals): migrations.FILL_AFTER deletes them and makes every patient's
again (store.name_parts.refill), in this migration's transaction; no record is changed, and
the schema neither (the SQL below is none). Never edit it: a file upgraded by it must stay what it was.
"""

from __future__ import annotations

V13 = """
-- the name parts made again in Python (name_parts.refill): no table or column changes
"""
