-- One throttle for every limit (issue 11, item 2): the attempts that count towards a limit, per bucket
-- (what is limited) and key (who or what is trying), replace four tables of four shapes. Attempts
-- still inside their window are carried over; the old lock counts had no times, so they are dropped
-- (at worst someone locked out may try again a little early).
CREATE TABLE throttle_attempts (
  bucket text NOT NULL,
  key text NOT NULL,
  position integer NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (bucket, key, position),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

INSERT INTO throttle_attempts (bucket, key, position, at)
  SELECT 'age-checks', person_id, position, at FROM verification_failures;
INSERT INTO throttle_attempts (bucket, key, position, at)
  SELECT 'preferences-links', email, (row_number() OVER (PARTITION BY email ORDER BY position)) - 1, at
  FROM link_requests;

DROP TABLE verification_failures;
DROP TABLE link_requests;
DROP TABLE call_code_attempts;
DROP TABLE reveal_failures;
