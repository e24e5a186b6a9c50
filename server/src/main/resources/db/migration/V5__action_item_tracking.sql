-- Action items as tasks: the task a task system made of one, and a per-user calendar feed.

ALTER TABLE action_item ADD COLUMN external_id VARCHAR(200);
ALTER TABLE action_item ADD COLUMN external_url VARCHAR(2000);
-- The action-items API pages through items in the order they changed.
CREATE INDEX action_item_updated ON action_item (updated_at, meeting_id, id);

-- A calendar app cannot send a bearer token, so each user has one secret feed address. Only its
-- SHA-256 is kept; a new one replaces the old.
CREATE TABLE feed_token (
  user_id       VARCHAR(40)  PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  token_hash    VARCHAR(64)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX feed_token_hash ON feed_token (token_hash);
