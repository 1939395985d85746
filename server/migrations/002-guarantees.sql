-- Promises the database keeps itself, whatever the application code does.

-- 1. The consent record is append-only.
CREATE FUNCTION refuse_consent_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent events are append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION refuse_consent_event_change();

-- 2. No marketing recorded as sent to someone whose choices in force say no: the channel for the
-- topic, the sender, and any pause are checked against current_preferences.
CREATE FUNCTION refuse_send_against_choices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prefs current_preferences%ROWTYPE;
BEGIN
  IF NOT NEW.allowed THEN
    RETURN NEW;
  END IF;
  SELECT * INTO prefs FROM current_preferences WHERE account_id = NEW.account_id;
  IF NOT FOUND
     OR coalesce((prefs.marketing -> NEW.topic ->> NEW.channel)::boolean, false) IS NOT TRUE
     OR coalesce((prefs.senders ->> NEW.sender)::boolean, false) IS NOT TRUE
     OR (prefs.paused_until IS NOT NULL AND to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') <= prefs.paused_until) THEN
    RAISE EXCEPTION 'marketing to % on % about % is against their choices', NEW.account_id, NEW.channel, NEW.topic
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER send_attempts_respect_choices BEFORE INSERT OR UPDATE ON send_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_send_against_choices();

-- 3. A single-use link works once: used_link_nonces.nonce is the primary key (001).
-- 4. No lost update: every write names the row_version it read (server/sql-store.ts).
