"""The rows of the protocols and protocol_sites tables: a clinic's named sets of sites, kept
from a session and applied to a new one as planned sites (services.planning). A protocol is
the clinic's, no patient's record: it is read and written here, beside the record's rows
(store.repository), through the same connection and in the same transactions.

A protocol's own row is written as any other (`Repository.insert_row("protocols", ...)`); a
retired one (``retired_at`` set) is neither listed nor found by its name.
"""

from __future__ import annotations

from typing import Any

from imsmap.domain.models import Site
from imsmap.store.damage import reads
from imsmap.store.repository import Repository


@reads
def named(repo: Repository, name: str) -> int | None:
    """The id of the protocol in use called ``name``, if any."""
    row = repo.db.conn.execute("SELECT id FROM protocols WHERE name = ? AND retired_at IS"
                               " NULL", (name,)).fetchone()
    return int(row[0]) if row else None


@reads
def ids(repo: Repository) -> list[int]:
    """The protocols in use, in the order of their names (in any capitals)."""
    rows = repo.db.conn.execute(
        f"SELECT id FROM protocols WHERE retired_at IS NULL ORDER BY {repo.dialect.nocase('name')}")
    return [int(r[0]) for r in rows.fetchall()]


@reads
def head(repo: Repository, protocol_id: int) -> tuple[int, str, str] | None:
    """(id, name, notes), None if there is no such protocol."""
    row = repo.db.conn.execute("SELECT id, name, notes FROM protocols WHERE id = ?",
                               (protocol_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


@reads
def sites(repo: Repository, protocol_id: int) -> list[tuple[Any, ...]]:
    """(seq, muscle_id, side, view_id, layer, x, y, level) of a protocol's sites."""
    return repo.db.conn.execute(
        "SELECT seq, muscle_id, side, view_id, layer, x, y, level FROM protocol_sites"
        " WHERE protocol_id = ? ORDER BY seq", (protocol_id,)).fetchall()


def insert_site(repo: Repository, protocol_id: int, site: Site) -> None:
    """One of a new protocol's sites: where it is and what, as ``site`` has it."""
    repo.db.conn.execute(
        "INSERT INTO protocol_sites (protocol_id, seq, muscle_id, side, view_id, layer,"
        " x, y, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (protocol_id, site.seq, site.muscle_id, site.side.value, site.view_id, site.layer,
         site.x, site.y, site.level))
