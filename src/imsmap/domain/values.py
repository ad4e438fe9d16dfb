"""Names for the loosely shaped values that cross the layers, so a signature says which it is.

- `FieldValues`: a record's fields by name, as a use case receives an edit and the store writes
  it ({"grasp": 2, "planned": False}). Each value's type depends on its field; the services
  check it (`Records.clean_site_fields` and the like) before the store sees it.
- `JsonObject`: a JSON object as `json.loads` gives it, or as an export builds it before
  `json.dumps`. What is read is checked where it is read (services.importer, services.fhir).
- `AuditChanges`: an audit entry's {field: [before, after]}.
"""

from __future__ import annotations

from typing import Any, TypeAlias

FieldValues: TypeAlias = dict[str, Any]
JsonObject: TypeAlias = dict[str, Any]
AuditChanges: TypeAlias = dict[str, Any]
