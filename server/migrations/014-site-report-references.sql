-- A site report's reference was a count of the reports loaded; with one account loaded per request it
-- is random (src/backend/reference.ts) and the database keeps it unique.
CREATE UNIQUE INDEX site_reports_reference ON site_reports (reference);
