-- Importing an existing customer base (issue 22, part 2; server/import-customers.ts, `npm run import`).
-- A customer's reference in the company's own systems (its CRM) is kept on the person, their account
-- and each line, so a second import of the same file finds them again (upsert by ref) instead of
-- adding copies. The demo people have none: NULL, which a unique index lets many rows share.
ALTER TABLE people ADD COLUMN ref text;
CREATE UNIQUE INDEX people_ref ON people (ref);
ALTER TABLE accounts ADD COLUMN ref text;
CREATE UNIQUE INDEX accounts_ref ON accounts (ref);
ALTER TABLE lines ADD COLUMN ref text;
CREATE UNIQUE INDEX lines_ref ON lines (ref);
CREATE INDEX lines_account ON lines (account_id);

-- Contacts the company recorded before this service (the CRM's contact history): shown in the
-- customer's contact history beside the seeded, send-check and call records, and checked against
-- the choices in force at the time like every other contact.
CREATE TABLE contacts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'post', 'app')),
  topic text NOT NULL
    CHECK (topic IN ('offers', 'new-products', 'newsletter', 'surveys', 'bills', 'outages', 'security', 'account', 'orders')),
  sender text NOT NULL CHECK (sender IN ('company', 'agents', 'partners')),
  sender_name text NOT NULL,
  summary text NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX contacts_account_at ON contacts (account_id, at, id);
