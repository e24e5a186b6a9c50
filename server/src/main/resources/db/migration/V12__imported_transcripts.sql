-- An imported transcript waits here for its job, which writes the meeting's minutes from it: kept in
-- the same transaction as the meeting and the job, so a restart before the minutes loses nothing.
ALTER TABLE meeting ADD COLUMN imported_json TEXT;
