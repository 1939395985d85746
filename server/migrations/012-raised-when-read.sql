-- A missed deadline is no longer written when someone reads the confirmations (a write on a GET,
-- which the demo dropped and the server kept): it is worked out from the request and the clock
-- (src/backend/domain/propagation-plan.ts, raisedAt). A request is now kept exactly as it was asked.
CREATE OR REPLACE FUNCTION refuse_propagation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'propagation requests are kept as they were asked: % refused', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
ALTER TABLE propagation_requests DISABLE TRIGGER propagation_requests_kept;
DELETE FROM activity WHERE action = 'propagation.overdue';
ALTER TABLE propagation_requests DROP COLUMN escalated_at;
ALTER TABLE propagation_requests ENABLE TRIGGER propagation_requests_kept;
