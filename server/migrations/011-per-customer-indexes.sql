-- Every read a request makes is by key or by one of these indexes (server/sql-loads.ts), so its
-- cost follows the size of the customer's account, not of the customer base.

-- Who may act on an account, and which accounts a person may act on.
CREATE INDEX accounts_holder ON accounts (holder_id);
CREATE INDEX lines_user ON lines (user_person_id) WHERE user_person_id IS NOT NULL;
CREATE INDEX grants_account ON grants (account_id);
CREATE INDEX grants_person ON grants (person_id);

-- Finding a person by what they type: an email in any case, a mobile written any way.
CREATE INDEX people_email_lower ON people (lower(email));
ALTER TABLE people ADD COLUMN mobile_key text
  GENERATED ALWAYS AS (regexp_replace(regexp_replace(mobile, '[[:space:]()-]', '', 'g'), '^(\+44|0044)', '0')) STORED;
CREATE INDEX people_mobile_key ON people (mobile_key);
CREATE INDEX people_personas ON people (id) WHERE persona_description <> '';

-- Each account's records.
CREATE INDEX activity_account ON activity (account_id, seq);
CREATE INDEX send_attempts_account ON send_attempts (account_id, seq);
CREATE INDEX opt_outs_account ON opt_outs (account_id);
CREATE INDEX unsubscribe_reasons_account ON unsubscribe_reasons (account_id);
CREATE INDEX contact_reports_account ON contact_reports (account_id);
CREATE INDEX contact_calls_account ON contact_calls (account_id);
CREATE INDEX site_reports_account ON site_reports (account_id);
CREATE INDEX phone_passwords_account ON phone_passwords (account_id);
CREATE INDEX throttle_attempts_key ON throttle_attempts (key);
