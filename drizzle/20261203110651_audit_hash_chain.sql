ALTER TABLE "audit_log" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Tamper evidence: each audit row's hash covers the previous row's hash and the row itself, as canonical text
-- (a jsonb array: jsonb's text form is normalised; the instant in UTC). The verifier recomputes the same text.
CREATE OR REPLACE FUNCTION audit_log_row_hash(previous_hash text, r audit_log) RETURNS text AS $$
  SELECT encode(sha256(convert_to(coalesce(previous_hash, '') || jsonb_build_array(
    r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.actor_user_id, r.actor_username,
    r.action, r.entity_type, r.entity_id, r.summary, r.before, r.after)::text, 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Appends are serialised: the advisory lock is held to commit, so the next writer waits, then reads this row
-- as the newest (READ COMMITTED takes a new snapshot per statement) and takes its id after it.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  last_hash text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_log is appended to in READ COMMITTED transactions only (the hash chain reads the newest row)';
  END IF;
  PERFORM pg_advisory_xact_lock(7358201446);
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.previous_hash := last_hash;
  NEW.hash := audit_log_row_hash(last_hash, NEW);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The trigger gives each row its id (under the lock), so the column's own default would only burn numbers.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- The rows written before the chain existed get their links now, oldest first.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  previous text := NULL;
  current_hash text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    current_hash := audit_log_row_hash(previous, r);
    UPDATE audit_log SET previous_hash = previous, hash = current_hash WHERE id = r.id;
    previous := current_hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
