-- Read-only links to one meeting for people without an account. Portable across H2 and PostgreSQL.
-- Only the SHA-256 of a link's token is kept, as for API tokens: a copy of the database opens no
-- meeting. A revoked link keeps its row, so its page can say it was revoked rather than unknown.
CREATE TABLE share_link (
  id              VARCHAR(40)  PRIMARY KEY,
  meeting_id      VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  name            VARCHAR(100) NOT NULL,
  token_hash      VARCHAR(64)  NOT NULL,
  -- The transcript and the recording too, or the minutes only.
  transcript      BOOLEAN      NOT NULL,
  -- Whether the documents (PDF, Word, ...) may be downloaded.
  exports         BOOLEAN      NOT NULL,
  created_by      VARCHAR(40)  REFERENCES app_user (id) ON DELETE SET NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  -- Null: until revoked.
  expires_at      TIMESTAMP WITH TIME ZONE,
  revoked_at      TIMESTAMP WITH TIME ZONE,
  last_viewed_at  TIMESTAMP WITH TIME ZONE,
  views           BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX share_link_token ON share_link (token_hash);
CREATE INDEX share_link_meeting ON share_link (meeting_id, created_at);
