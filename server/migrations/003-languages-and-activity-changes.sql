-- Emails in the language the person last used (issue 13, item 6), and the activity log's structured
-- changes, worded by the reader's app (issue 13, item 5).
ALTER TABLE people ADD COLUMN language text;
ALTER TABLE outbox ADD COLUMN language text NOT NULL DEFAULT 'en';
ALTER TABLE activity ADD COLUMN changes json;
