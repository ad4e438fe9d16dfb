-- Photos added to a signed session by amendment (SQLite schema 10, store/migrations.py): the
-- photo row names its amendment (amendment_id), which says who, when and why; it is written with
-- that amendment, in its transaction (the same session, time and author), and is as final as
-- the amendment. The same guarantees as the SQLite triggers: a signed session's own photos stay
-- locked with it (23L01), a photo's amendment never changes, and a photo's bytes come in only
-- with a photo of a draft or a photo added by amendment. No row is rewritten. The reference is
-- checked at COMMIT: a migrate's copy brings the photos in before the amendments (its copy of
-- the file is then compared row for row, and the file's own triggers checked every row).

ALTER TABLE photos ADD COLUMN amendment_id bigint
    REFERENCES amendments (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX photos_amendment ON photos (amendment_id) WHERE amendment_id IS NOT NULL;

CREATE FUNCTION photo_locked() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
DECLARE
    state text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.amendment_id IS DISTINCT FROM OLD.amendment_id THEN
            RAISE EXCEPTION 'a photo is never changed; only its caption and chart site are'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        SELECT status INTO state FROM sessions WHERE id = OLD.session_id FOR SHARE;
        IF state = 'signed' THEN
            RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
                USING ERRCODE = '23L01';
        END IF;
    END IF;
    SELECT status INTO state FROM sessions WHERE id = NEW.session_id FOR SHARE;
    IF TG_OP = 'INSERT' AND NEW.amendment_id IS NOT NULL THEN
        IF NOT copying() AND NOT EXISTS (
                SELECT 1 FROM amendments a WHERE a.id = NEW.amendment_id
                AND a.session_id = NEW.session_id AND a.created_at = NEW.created_at
                AND a.created_by = NEW.created_by) THEN
            RAISE EXCEPTION 'a photo added by amendment is written with its amendment, of the '
                'same session' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF state = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = '23L01';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER signed_photo_locked ON photos;
CREATE TRIGGER signed_photo_locked BEFORE INSERT OR UPDATE ON photos
FOR EACH ROW EXECUTE FUNCTION photo_locked();

CREATE OR REPLACE FUNCTION photo_blob_locked() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = imsmap, pg_temp AS $$
BEGIN
    IF (SELECT s.status FROM photos p JOIN sessions s ON s.id = p.session_id
        WHERE p.id = NEW.photo_id AND p.amendment_id IS NULL FOR SHARE OF s) = 'signed' THEN
        RAISE EXCEPTION 'a signed session is locked; add an amendment instead'
            USING ERRCODE = '23L01';
    END IF;
    RETURN NEW;
END $$;

REVOKE ALL ON FUNCTION photo_locked() FROM PUBLIC;
