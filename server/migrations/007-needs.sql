-- Needs register (issue 14, part 3): how to contact the customer so it works for them. One row per
-- account that has saved its needs; no row reads as "no needs". Private to the holder and helpers
-- with the "needs" permission (checked by the shared authorisation, not here).
CREATE TABLE needs (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  version integer NOT NULL CHECK (version >= 1),
  letters text NOT NULL CHECK (letters IN ('standard', 'large-print', 'braille', 'audio')),
  relay_uk boolean NOT NULL,
  write_dont_phone boolean NOT NULL,
  more_time boolean NOT NULL,
  contact_person_id json,
  own_words text NOT NULL CHECK (char_length(own_words) <= 500),
  updated_at timestamptz NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- The database's own suppression, one more rule beside 002/005: no marketing call recorded as made
-- to someone who asked us to write instead of phoning.
CREATE FUNCTION refuse_call_against_needs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.allowed AND NEW.channel = 'phone'
     AND EXISTS (SELECT 1 FROM needs WHERE account_id = NEW.account_id AND write_dont_phone) THEN
    RAISE EXCEPTION 'marketing call to % who asked us to write instead', NEW.account_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER send_attempts_respect_needs BEFORE INSERT OR UPDATE ON send_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_call_against_needs();
