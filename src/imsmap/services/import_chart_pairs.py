"""Two patients of one import file whose chart numbers differ only in capitals ("c-1001" beside
C-1001).

On paper that is one number, and the search lists both patients under either: the new-patient
form refuses the second (RecordQueries.check_chart_number_free), and an import refuses a
patient whose number is one here in other capitals (import_checks.chart_number_taken). Two such
patients in the file itself would come in as that same pair, so they are refused too, the later
one named with the earlier, and nothing is imported.

Except a pair that a database held from before imsmap refused it: each of its patients keeps
their own number there, and its export must go into an empty database whole (a round trip, a
move to the clinic server). Like merges of records (services.import_merges), such a pair is
told from one made in the file by the file's own complete, unbroken audit trail: the last
chart number the trail wrote for each patient of the pair (their ``create``, ``update`` or
``import`` entry, by the patient's ``id`` in the file) is the number the file gives them.

Letters are folded by the target database's own lower() (ASCII ones on a file; on the server
as its database's LC_CTYPE says: every one in a UTF-8 locale, ASCII ones in C), so the file is
refused exactly where the database would refuse the same numbers typed one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.import_trail import FileTrail
from imsmap.services.records import Records


def recorded_numbers(trail: FileTrail) -> dict[int, str]:
    """Each patient's chart number as the file's trail last wrote it, by the file's id."""
    numbers: dict[int, str] = {}
    for e in trail.entries:
        if e["entity"] != "patient" or e["entity_id"] is None or \
                e["action"] not in ("create", "update", "import"):
            continue
        change = e["changes"].get("chart_number")
        if isinstance(change, list) and len(change) == 2 and isinstance(change[1], str):
            numbers[e["entity_id"]] = change[1]
    return numbers


def check(records: Records, patients: Sequence[Any], file_ids: dict[str, int],
          trail: FileTrail, problem: Callable[[str, str], None]) -> None:
    """Each patient (import_checks.FilePatient) whose chart number is another's of the file in
    other capitals, unless the file's trail recorded both as they are: a problem at its chart
    number naming the other (the first the trail recorded, else the first in the file).
    ``file_ids``: each patient's place -> its ``id`` in the file."""
    # Python's fold finds the candidates without asking the database; the database's own
    # lower() decides (a file folds only ASCII letters).
    candidates: dict[str, list[Any]] = {}
    for patient in patients:
        chart = patient.values.get("chart_number")
        if isinstance(chart, str):
            candidates.setdefault(chart.casefold(), []).append(patient)
    groups: dict[str, list[Any]] = {}
    for group in candidates.values():
        if len({p.values["chart_number"] for p in group}) > 1:
            for patient in group:
                key = records.repo.fold_chart_number(patient.values["chart_number"])
                groups.setdefault(key, []).append(patient)
    recorded = recorded_numbers(trail) if trail.verified else {}
    for group in groups.values():
        kept = [p.place for p in group
                if recorded.get(file_ids.get(p.place, -1)) == p.values["chart_number"]]
        earlier = next((p for p in group if p.place in kept), group[0])  # named beside
        for patient in group:
            chart = patient.values["chart_number"]
            if patient.place in kept or chart == earlier.values["chart_number"]:  # or "used twice"
                continue
            problem(f"{patient.place}.chart_number", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "Chart number %1 is chart number %2 of the file (at %3) in other "
                "capitals: one number on paper for two patients. Change one of them in the "
                "file. A pair kept from before imsmap refused it is imported only with the "
                "complete audit trail of the database it was exported from."),
                chart, earlier.values["chart_number"], earlier.place))
