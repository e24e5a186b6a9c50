-- Who was in a meeting, as the system that recorded it listed them (Jibri's metadata.json), whether
-- or not they spoke: a JSON array of full names, which the minutes use to name action items' owners.
ALTER TABLE meeting ADD COLUMN roster_json TEXT;
