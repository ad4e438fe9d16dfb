-- Who may do what. Three group roles; each person logs in with their own role, a member of one
-- (or more) of them (`imsmap server add-user`). Nobody is granted DELETE or TRUNCATE on a
-- table that keeps records; the triggers of v1_rules.sql refuse them even to the owner.
--   imsmap_practitioner: the clinical record (patients, sessions, sites, findings, adverse
--                        events, amendments, protocols) and the audit trail.
--   imsmap_reception:    patients' demographics only (not their notes); no session, no site.
--   imsmap_admin:        the clinic's settings and its list of practitioners.

REVOKE ALL ON ALL TABLES IN SCHEMA imsmap FROM PUBLIC;
GRANT USAGE ON SCHEMA imsmap TO imsmap_practitioner, imsmap_reception, imsmap_admin;
GRANT EXECUTE ON FUNCTION audit_breaks() TO imsmap_practitioner;
GRANT EXECUTE ON FUNCTION copying(), audit_canonical(bigint, bigint, text, text, text, text,
    bigint, bigint, text, bytea), audit_link(bytea, bigint, bigint, text, text, text, text,
    bigint, bigint, text, bytea)
    TO imsmap_practitioner, imsmap_reception, imsmap_admin;

GRANT SELECT ON schema_version, terms TO imsmap_practitioner, imsmap_reception, imsmap_admin;
GRANT INSERT ON terms TO imsmap_practitioner, imsmap_reception, imsmap_admin;
GRANT SELECT, INSERT ON audit TO imsmap_practitioner, imsmap_reception, imsmap_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON settings
    TO imsmap_practitioner, imsmap_reception, imsmap_admin;

-- practitioner
GRANT SELECT, INSERT, UPDATE ON patients, sessions, sites, findings, adverse_events, protocols,
    protocol_sites TO imsmap_practitioner;
GRANT SELECT, INSERT ON amendments, imported_audit TO imsmap_practitioner;
GRANT SELECT ON audit_head, practitioners TO imsmap_practitioner;

-- reception: demographics, column by column (a patient's notes are clinical)
GRANT SELECT (id, chart_number, family_name, given_name, birth_date, sex, created_at, created_by,
              updated_at, updated_by),
      INSERT (chart_number, family_name, given_name, birth_date, sex, created_at, created_by,
              updated_at, updated_by),
      UPDATE (chart_number, family_name, given_name, birth_date, sex, updated_at, updated_by)
    ON patients TO imsmap_reception;
GRANT SELECT ON practitioners TO imsmap_reception;

-- admin
GRANT SELECT, INSERT, UPDATE ON practitioners TO imsmap_admin;

-- Row-level security. The owner is not subject to it (an owner can switch everything off:
-- nobody logs in as imsmap_owner); the group roles are.

-- A session is created as a draft and signed in the signer's own name: the signer recorded is
-- the login that is connected.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_read ON sessions FOR SELECT TO imsmap_practitioner USING (true);
CREATE POLICY sessions_start ON sessions FOR INSERT TO imsmap_practitioner
    WITH CHECK (status = 'draft');
CREATE POLICY sessions_edit_or_sign ON sessions FOR UPDATE TO imsmap_practitioner
    USING (true) WITH CHECK (status = 'draft' OR signed_by = session_user);

-- The audit trail: practitioners read it all; reception and admin only their own entries
-- (the others' entries hold clinical content). Everyone appends, as themselves.
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read_all ON audit FOR SELECT TO imsmap_practitioner USING (true);
CREATE POLICY audit_read_own ON audit FOR SELECT TO imsmap_reception, imsmap_admin
    USING (actor = session_user);
CREATE POLICY audit_append ON audit FOR INSERT
    TO imsmap_practitioner, imsmap_reception, imsmap_admin WITH CHECK (actor = session_user);

-- Settings: the admin keeps the clinic's; each person keeps their own screen-lock PIN
-- (lock.pin.<login>, services/lock.py) and cannot read anyone else's.
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_read ON settings FOR SELECT TO imsmap_practitioner, imsmap_reception
    USING (left(key, 9) <> 'lock.pin.' OR key = 'lock.pin.' || session_user);
CREATE POLICY settings_own_pin ON settings FOR ALL TO imsmap_practitioner, imsmap_reception
    USING (key = 'lock.pin.' || session_user) WITH CHECK (key = 'lock.pin.' || session_user);
CREATE POLICY settings_admin ON settings FOR ALL TO imsmap_admin USING (true) WITH CHECK (true);
