-- Every change, to every sending system, with proof (issue 23, part 5; docs/decisions/0016-change-events.md).

-- The outbox: one row per change of a customer's choices, written in the same transaction as its
-- consent event. `position` is the feed's order. It is given under one transaction-scoped advisory
-- lock, held to COMMIT, so positions are handed out in commit order: a reader that has seen position
-- N will never later find a smaller one appear (a plain sequence can commit out of order and be
-- skipped). Writers of change events queue only for the last moments of their transaction.
CREATE SEQUENCE change_positions;
CREATE TABLE change_events (
  event_id text PRIMARY KEY REFERENCES consent_events (id),
  position bigint NOT NULL UNIQUE,
  account_id text NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  data json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX change_events_account ON change_events (account_id);

CREATE FUNCTION place_change_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20231115);
  NEW.position := nextval('change_positions');
  RETURN NEW;
END;
$$;
CREATE TRIGGER change_events_place BEFORE INSERT ON change_events
  FOR EACH ROW EXECUTE FUNCTION place_change_event();

-- What a system was sent is evidence: append-only, like the consent record (the demo reset TRUNCATEs).
CREATE TRIGGER change_events_append_only BEFORE UPDATE OR DELETE ON change_events
  FOR EACH ROW EXECUTE FUNCTION refuse_consent_event_change();

-- How far each sending system has acknowledged, and where its webhook delivery stands. The lease
-- columns belong to the delivery worker (server/webhook-worker.ts): one process delivers to a
-- system at a time, and a lease left by a killed process runs out.
CREATE TABLE sender_cursors (
  sender_id text PRIMARY KEY REFERENCES senders (id),
  acked_up_to bigint NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  lease_until timestamptz,
  lease_token text,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- Each acknowledgement that moved a cursor forward: the first covering a change is when that system
-- confirmed it to the customer. Append-only, and only forward (one row per system and position).
CREATE TABLE sender_acks (
  sender_id text NOT NULL REFERENCES senders (id),
  up_to bigint NOT NULL,
  at timestamptz NOT NULL,
  via text NOT NULL CHECK (via IN ('webhook', 'feed')),
  seq bigserial, row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (sender_id, up_to)
);
CREATE FUNCTION refuse_ack_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'acknowledgements are append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER sender_acks_append_only BEFORE UPDATE OR DELETE ON sender_acks
  FOR EACH ROW EXECUTE FUNCTION refuse_ack_change();

-- Every sender has a cursor from the start (registered before this migration: from the beginning).
INSERT INTO sender_cursors (sender_id) SELECT id FROM senders;
