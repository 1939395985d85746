-- The state the shared rules read and write (src/backend/store.ts `Db`), as real tables.
-- Every table has `seq` (keeps the order the rules expect) and `row_version` (no lost update:
-- each UPDATE and DELETE names the version it read; a 0-row answer means someone else won).

CREATE TABLE people (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  mobile text NOT NULL,
  date_of_birth text NOT NULL,
  date_of_birth_verified boolean NOT NULL,
  persona_description text NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('personal', 'business')),
  holder_id text NOT NULL REFERENCES people (id),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE lines (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  number text NOT NULL,
  label text NOT NULL,
  user_name text NOT NULL,
  user_person_id text REFERENCES people (id),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- Only a SHA-256 of each session token is kept.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  person_id text NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE outbox (
  id text PRIMARY KEY,
  "to" text NOT NULL,
  subject text NOT NULL,
  sent_at timestamptz NOT NULL,
  kind text NOT NULL,
  text text NOT NULL,
  headers json NOT NULL,
  links json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE activity (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  actor json NOT NULL,
  action text NOT NULL,
  detail json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE initial_preferences (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  version integer NOT NULL,
  marketing json NOT NULL,
  senders json NOT NULL,
  paused_until text,
  caps json NOT NULL,
  service json NOT NULL,
  updated_at timestamptz NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE current_preferences (LIKE initial_preferences INCLUDING ALL);
ALTER TABLE current_preferences ADD FOREIGN KEY (account_id) REFERENCES accounts (id);

CREATE TABLE consent_events (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  actor json NOT NULL,
  method text NOT NULL,
  note json,
  changes json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX consent_events_account ON consent_events (account_id, at);

CREATE TABLE send_attempts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  channel text NOT NULL,
  topic text NOT NULL,
  sender text NOT NULL,
  sender_name text NOT NULL,
  summary text NOT NULL,
  allowed boolean NOT NULL,
  reason text NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE demo_flags (
  name text PRIMARY KEY,
  value boolean NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- Suppressions made by unsubscribe links and one-click POSTs (undoable for a while).
CREATE TABLE opt_outs (
  id text PRIMARY KEY,
  token_nonce text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  event_id text NOT NULL REFERENCES consent_events (id),
  at timestamptz NOT NULL,
  undo_until timestamptz NOT NULL,
  undone_at timestamptz,
  changes json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE unsubscribe_reasons (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  at timestamptz NOT NULL,
  reason text NOT NULL,
  opt_out_token_nonce text NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- A single-use link's nonce, once redeemed. The primary key is what makes it single-use.
CREATE TABLE used_link_nonces (
  nonce text PRIMARY KEY,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- Throttles: "email me a link" requests, wrong call codes, failed age checks, wrong phone-password answers.
CREATE TABLE link_requests (
  position integer PRIMARY KEY,
  email text NOT NULL,
  at timestamptz NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE call_code_attempts (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until timestamptz,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE verification_failures (
  person_id text NOT NULL,
  position integer NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (person_id, position),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE reveal_failures (
  person_id text PRIMARY KEY,
  failures integer NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE contact_reports (
  reference text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  contact_id text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  description text NOT NULL,
  note text,
  reported_by text NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE contact_calls (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  agent_first_name text NOT NULL,
  team text NOT NULL,
  code text NOT NULL,
  started_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE line_filters (
  line_id text PRIMARY KEY,
  "on" boolean NOT NULL,
  reason text NOT NULL,
  history json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE age_verifications (
  person_id text PRIMARY KEY REFERENCES people (id),
  status text NOT NULL,
  method text NOT NULL,
  submitted_at timestamptz NOT NULL,
  verified_at timestamptz,
  approve_at timestamptz,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE shop_codes (
  code text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE filter_sites (
  host text PRIMARY KEY,
  category text NOT NULL,
  misclassified boolean,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE site_reports (
  id text PRIMARY KEY,
  reference text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  person_id text NOT NULL,
  url text NOT NULL,
  host text NOT NULL,
  kind text NOT NULL,
  details text NOT NULL,
  submitted_at timestamptz NOT NULL,
  outcome text,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE grants (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  person_id text REFERENCES people (id),
  name text NOT NULL,
  contact text NOT NULL,
  relationship text NOT NULL,
  scopes json NOT NULL,
  until text,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  token text UNIQUE,
  invitation_expires_at timestamptz,
  token_used_at json,
  accepted_at json,
  ended_at json,
  end_reason json,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE phone_passwords (
  account_id text NOT NULL REFERENCES accounts (id),
  person_id text NOT NULL REFERENCES people (id),
  password text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, person_id),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
