"""The record's tables as the command line names them in its summaries ("patients: 3,
sessions: 12"), in the records language; a table without a word keeps its own name."""

from __future__ import annotations

from imsmap.domain.text import fill
from imsmap.i18n.records import translate


def table_word(table: str) -> str:
    words = {
        "terms": translate("Tables", "terms"),
        "practitioners": translate("Tables", "practitioners"),
        "settings": translate("Tables", "settings"),
        "patients": translate("Tables", "patients"),
        "patient_merges": translate("Tables", "duplicate records merged or separated"),
        "protocols": translate("Tables", "protocols"),
        "protocol_sites": translate("Tables", "protocol sites"),
        "sessions": translate("Tables", "sessions"),
        "sites": translate("Tables", "sites"),
        "findings": translate("Tables", "findings"),
        "adverse_events": translate("Tables", "adverse events"),
        "photos": translate("Tables", "photos"),
        "photo_blobs": translate("Tables", "photo files"),
        "amendments": translate("Tables", "amendments"),
        "site_corrections": translate("Tables", "site corrections"),
        "retractions": translate("Tables", "sessions withdrawn or entered in error"),
        "audit": translate("Tables", "audit entries"),
        "imported_audit": translate("Tables", "imported audit entries"),
        "record_writes": translate("Tables", "writes the server recorded"),
    }
    return words.get(table, table)


def counts_text(counts: dict[str, int]) -> str:
    """"patients: 3, sessions: 12" (tables with no rows left out); "no records" when every
    table is empty (a new clinic's first backup), not nothing at all."""
    return ", ".join(fill(translate("Tables", "%1: %2"), [table_word(t), n])
                     for t, n in counts.items() if n) or translate("Tables", "no records")
