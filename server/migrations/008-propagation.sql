-- Proof that every system stopped (issue 14, part 4): after an opt-out, one request per system
-- that sends for us (src/backend/seed/propagation.ts), and the demo setting that makes one lag.

CREATE TABLE propagation_requests (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  event_id text NOT NULL REFERENCES consent_events (id),
  system text NOT NULL CHECK (system IN ('email-platform', 'sms-gateway', 'dialler', 'print-house', 'app-notifications')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'post', 'app')),
  requested_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  confirms_at timestamptz NOT NULL,
  escalated_at timestamptz,
  UNIQUE (event_id, system),
  CHECK (deadline = requested_at + interval '48 hours'),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX propagation_requests_account ON propagation_requests (account_id);

-- A request is evidence: nothing may delete it, and the only change is raising a missed deadline,
-- once (escalated_at from NULL to a time). The demo reset empties the table with TRUNCATE.
CREATE FUNCTION refuse_propagation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.escalated_at IS NULL AND NEW.escalated_at IS NOT NULL
     AND (to_jsonb(NEW) - 'escalated_at' - 'row_version') = (to_jsonb(OLD) - 'escalated_at' - 'row_version') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'propagation requests are kept as they were asked: % refused', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER propagation_requests_kept BEFORE UPDATE OR DELETE ON propagation_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_propagation_change();

-- The demo setting: a row names the system that lags; no row, none does.
CREATE TABLE propagation_lag (
  system text PRIMARY KEY CHECK (system IN ('email-platform', 'sms-gateway', 'dialler', 'print-house', 'app-notifications')),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
