-- The unsubscribe link's page without JavaScript (issue 12, part 1). Opening an email's link keeps its
-- token here, under the SHA-256 of a random page id, and redirects to /u/<id>: the token leaves the
-- address bar, and the id (known only to that browser) is what lets a press act. What the page shows
-- after each press is kept too (POST, then 303 to the GET). A row lasts the undo window: 15 minutes
-- from opening or from the last opt-out; expired rows are dropped when the next link is opened.
CREATE TABLE unsubscribe_pages (
  id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  stage text NOT NULL CHECK (stage IN ('ready', 'done', 'all')),
  undo json NOT NULL,
  before_undo json NOT NULL,
  message json NOT NULL,
  reason json NOT NULL,
  seq bigserial, row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX unsubscribe_pages_expires_at ON unsubscribe_pages (expires_at);
