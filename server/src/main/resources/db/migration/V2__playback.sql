-- A meeting recorded as one file per participant gets a mixed recording to play; its storage key.
ALTER TABLE meeting ADD COLUMN playback_key VARCHAR(200);
