"""The roles of a clinic server (docs/clinic-server.md, "Roles"), as the server's group roles
imsmap_<role> name them: the clinical record; patients' demographics; the clinic's settings and
its practitioners. On one PC the file's user holds all three."""

from __future__ import annotations

PRACTITIONER, RECEPTION, ADMIN = "practitioner", "reception", "admin"
ROLES = (PRACTITIONER, RECEPTION, ADMIN)
