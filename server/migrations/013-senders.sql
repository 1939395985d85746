-- The door for the company's sending systems (issue 23, parts 1–4; docs/decisions/0015-senders.md).
-- A sending system (the email platform, the dialler, …) has its own key: only its SHA-256 is kept,
-- the key itself is shown once when it is registered.
CREATE TABLE senders (
  id text PRIMARY KEY,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  webhook_url text,
  -- Kept so change events can be signed later (Standard Webhooks, `whsec_…`). A real deployment
  -- seals it with a KMS key (envelope encryption) and unseals it only in the delivery worker.
  webhook_secret text,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);

-- A marketing send check asked by a sending system names it (NULL: the product's own test campaign).
-- The guarantee of 002 (no allowed row against the choices) holds for these rows as for any other.
ALTER TABLE send_attempts ADD COLUMN system_id text REFERENCES senders (id);

-- A service message (bills, outages, security) checked by a sending system: only its channel is
-- checked, so it is kept apart from send_attempts (whose guarantee is about marketing).
CREATE TABLE service_checks (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  system_id text NOT NULL REFERENCES senders (id),
  at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'post', 'app')),
  topic text NOT NULL CHECK (topic IN ('bills', 'outages', 'security')),
  line_id text,
  allowed boolean NOT NULL,
  reason text NOT NULL CHECK (reason IN ('allowed', 'service-channel-off')),
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX service_checks_account ON service_checks (account_id, seq);

-- Per-key rate limit: one counter per sender and minute, raised atomically (INSERT … ON CONFLICT),
-- outside the rules' row_version writes so a sender's concurrent requests never conflict over it.
CREATE TABLE sender_request_counts (
  sender_id text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (sender_id, window_start)
);

-- Contacts a sending system reported: which one (NULL: imported from the CRM).
ALTER TABLE contacts ADD COLUMN system_id text REFERENCES senders (id);
