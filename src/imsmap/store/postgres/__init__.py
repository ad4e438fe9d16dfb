"""The clinic server: imsmap's records on PostgreSQL (15 or newer), through psycopg 3.

The schema mirrors the SQLite one (store/migrations.py) and the record's guarantees are the
server's own: triggers, grants and row-level security in ``sql/*.sql``, applied by
``schema.apply_migrations`` as the role that owns the tables (imsmap_owner), which nobody logs in
as. docs/clinic-server.md says how a clinic sets a server up.

    connection  connecting (libpq's DSN passed through: TLS settings too), the sentences for
                what the network or the server refused, the saved settings (no password)
    schema      `server init`: roles, schema, migrations, on an empty database
    users       `server add-user`: a person's own login in a group role
    chain       the audit chain read back and verified with store/audit.py's rules
    transfer    `server migrate`: a single-PC SQLite file copied in, all or nothing, verified
    versions    updates guarded by the row's version (schema 3): a stale one is a conflict
    holds       who holds a session open, in which room, ending with its connection;
                take-over, audited by the server
    listen      the changes other rooms commit, heard on a connection of its own, ids only,
                read back after a reconnect
    dsn         a DSN read and named for sentences; psycopg, or how to install it
    refusals    failures told by SQLSTATE (never by the words of a message), one sentence each
    faults      a unit of work run again when that is safe (a deadlock, a lost connection)
    reconnect   a lost connection made again on a thread of its own (the window never waits)
"""
