-- Runs on H2 (embedded default) and PostgreSQL alike: portable types only.
-- Long texts are TEXT (PostgreSQL) which H2 maps to a character large object.

CREATE TABLE meeting (
  id            VARCHAR(40)  PRIMARY KEY,
  title         VARCHAR(500) NOT NULL,
  meeting_date  DATE         NOT NULL,
  duration_ms   BIGINT       NOT NULL DEFAULT 0,
  language      VARCHAR(16)  NOT NULL,
  layout        VARCHAR(20)  NOT NULL,
  template      VARCHAR(64),
  status        VARCHAR(20)  NOT NULL,
  stage         VARCHAR(40),
  progress      DOUBLE PRECISION NOT NULL DEFAULT 0,
  error         TEXT,
  content_key   VARCHAR(64)  NOT NULL,
  source_json   TEXT,
  minutes_json  TEXT,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The same recordings never make a second meeting.
CREATE UNIQUE INDEX meeting_content_key ON meeting (content_key);
CREATE INDEX meeting_created ON meeting (created_at);

CREATE TABLE media_file (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  ordinal       INT          NOT NULL,
  name          VARCHAR(500) NOT NULL,
  storage_key   VARCHAR(200) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        VARCHAR(64)  NOT NULL,
  media_type    VARCHAR(100),
  PRIMARY KEY (meeting_id, ordinal)
);

CREATE TABLE speaker (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  id            VARCHAR(40)  NOT NULL,
  ordinal       INT          NOT NULL,
  name          VARCHAR(200),
  talk_time_ms  BIGINT       NOT NULL,
  PRIMARY KEY (meeting_id, id)
);

CREATE TABLE segment (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  id            VARCHAR(40)  NOT NULL,
  ordinal       INT          NOT NULL,
  speaker_id    VARCHAR(40)  NOT NULL,
  start_ms      BIGINT       NOT NULL,
  end_ms        BIGINT       NOT NULL,
  text          TEXT         NOT NULL,
  words_json    TEXT         NOT NULL,
  edited        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (meeting_id, id)
);

CREATE TABLE action_item (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  id            VARCHAR(40)  NOT NULL,
  ordinal       INT          NOT NULL,
  text          TEXT         NOT NULL,
  owner         VARCHAR(200),
  due           DATE,
  status        VARCHAR(20)  NOT NULL,
  start_ms      BIGINT       NOT NULL,
  segment_ids   TEXT         NOT NULL,
  confidence    DOUBLE PRECISION NOT NULL,
  quote         TEXT         NOT NULL,
  confirmed     BOOLEAN      NOT NULL DEFAULT FALSE,
  version       INT          NOT NULL DEFAULT 0,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (meeting_id, id)
);

CREATE TABLE decision (
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  id            VARCHAR(40)  NOT NULL,
  ordinal       INT          NOT NULL,
  text          TEXT         NOT NULL,
  start_ms      BIGINT       NOT NULL,
  segment_ids   TEXT         NOT NULL,
  confidence    DOUBLE PRECISION NOT NULL,
  quote         TEXT         NOT NULL,
  confirmed     BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (meeting_id, id)
);

-- A job is one run of the pipeline for one meeting. Workers hold a lease that they renew; a job
-- whose lease ran out (its worker died) is claimed again.
CREATE TABLE job (
  id            VARCHAR(40)  PRIMARY KEY,
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  status        VARCHAR(20)  NOT NULL,
  attempts      INT          NOT NULL DEFAULT 0,
  run_after     TIMESTAMP WITH TIME ZONE NOT NULL,
  worker        VARCHAR(100),
  lease_until   TIMESTAMP WITH TIME ZONE,
  stage         VARCHAR(40),
  progress      DOUBLE PRECISION NOT NULL DEFAULT 0,
  error         TEXT,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_runnable ON job (status, run_after);

CREATE TABLE glossary_term (
  id            VARCHAR(40)  PRIMARY KEY,
  -- NULL for the organisation's list; a meeting id for that meeting's own terms.
  meeting_id    VARCHAR(40)  REFERENCES meeting (id) ON DELETE CASCADE,
  text          VARCHAR(200) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every glossary correction, so it can be reviewed and undone.
CREATE TABLE glossary_replacement (
  id            VARCHAR(40)  PRIMARY KEY,
  meeting_id    VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  segment_id    VARCHAR(40)  NOT NULL,
  original      VARCHAR(500) NOT NULL,
  replacement   VARCHAR(500) NOT NULL,
  start_ms      BIGINT       NOT NULL,
  detail_json   TEXT         NOT NULL,
  reverted      BOOLEAN      NOT NULL DEFAULT FALSE
);
