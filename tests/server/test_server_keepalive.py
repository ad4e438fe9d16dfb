"""A room or a server that vanishes without closing its connection (switched off, cable pulled)
is noticed by TCP keepalives from both ends (store.postgres.connection): the room's libpq asks
for them, and the room's backend on the server probes the room, so a dead room's backend ends
and its hold with it."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict

from imsmap.store.postgres.connection import (
    KEEPALIVE_COUNT,
    KEEPALIVE_IDLE_S,
    KEEPALIVE_INTERVAL_S,
    connect,
)


def _server_side(conn) -> tuple[str, str, str]:
    return conn.execute("SELECT current_setting('tcp_keepalives_idle'),"
                        " current_setting('tcp_keepalives_interval'),"
                        " current_setting('tcp_keepalives_count')").fetchone()


def test_both_ends_probe_a_silent_peer(clinic_dsn):
    with connect(clinic_dsn) as conn:
        # The server probes this connection (over TCP: the test server listens on loopback).
        assert _server_side(conn) == (str(KEEPALIVE_IDLE_S), str(KEEPALIVE_INTERVAL_S),
                                      str(KEEPALIVE_COUNT))
        client = conninfo_to_dict(conn.info.dsn)
        assert client["keepalives"] == "1"
        assert client["keepalives_idle"] == str(KEEPALIVE_IDLE_S)
        assert client["keepalives_count"] == str(KEEPALIVE_COUNT)
        # The settings are committed with the connection's set-up: a rollback keeps them.
        conn.rollback()
        assert _server_side(conn)[0] == str(KEEPALIVE_IDLE_S)


def test_a_dsns_own_keepalive_words_win(clinic_dsn):
    with connect(f"{clinic_dsn} keepalives_idle=60") as conn:
        assert conninfo_to_dict(conn.info.dsn)["keepalives_idle"] == "60"
