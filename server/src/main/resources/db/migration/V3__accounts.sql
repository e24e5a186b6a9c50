-- Accounts and who may see which meeting. Portable across H2 and PostgreSQL, like V1.

-- People who sign in. Emails are stored lower-cased, so the unique index makes them unique
-- whatever their case. An account without a password (none yet) cannot sign in with a form.
CREATE TABLE app_user (
  id            VARCHAR(40)  PRIMARY KEY,
  email         VARCHAR(320) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  password_hash VARCHAR(200),
  role          VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'member')),
  disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_email ON app_user (email);

-- API tokens: only the SHA-256 of a token is kept, so a copy of the database reveals none.
CREATE TABLE api_token (
  id            VARCHAR(40)  PRIMARY KEY,
  user_id       VARCHAR(40)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name          VARCHAR(100) NOT NULL,
  -- Space-separated, e.g. "meetings:read action-items:write".
  scopes        VARCHAR(200) NOT NULL,
  token_hash    VARCHAR(64)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_token_hash ON api_token (token_hash);
CREATE INDEX api_token_user ON api_token (user_id);

-- The uploader owns a meeting. Meetings from before accounts have none: only admins see them.
ALTER TABLE meeting ADD COLUMN owner_id VARCHAR(40);
ALTER TABLE meeting ADD CONSTRAINT meeting_owner_fk FOREIGN KEY (owner_id) REFERENCES app_user (id);
-- Everyone in the organisation may view it.
ALTER TABLE meeting ADD COLUMN org_visible BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX meeting_owner ON meeting (owner_id, created_at);

-- The same recordings make one meeting per owner: someone who uploads a recording that a
-- colleague already has gets a meeting of their own, and learns nothing of the colleague's.
DROP INDEX meeting_content_key;
CREATE UNIQUE INDEX meeting_owner_content_key ON meeting (owner_id, content_key);

-- People a meeting is shared with, and whether they may only view it or also edit it.
CREATE TABLE meeting_share (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  user_id       VARCHAR(40)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  permission    VARCHAR(10)  NOT NULL CHECK (permission IN ('view', 'edit')),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_share_user ON meeting_share (user_id);
