-- Jitsi conferences transcribed live (package jitsi). Portable across H2 and PostgreSQL, like V1.

-- A conference and the meeting it becomes. ended_at is null while it goes on; one room has at
-- most one conference going on at a time (kept so by the application: H2 has no partial index).
CREATE TABLE jitsi_conference (
  meeting_id        VARCHAR(40)  PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
  room_key          VARCHAR(200) NOT NULL,
  room_name         VARCHAR(500),
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  last_activity_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX jitsi_conference_room ON jitsi_conference (room_key, ended_at);

-- Who took part, as Jigasi names them: the Jitsi endpoint id, display name and JWT identity.
CREATE TABLE jitsi_participant (
  meeting_id        VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  participant_id    VARCHAR(100) NOT NULL,
  ordinal           INT          NOT NULL,
  name              VARCHAR(200),
  email             VARCHAR(320),
  identity_id       VARCHAR(200),
  identity_name     VARCHAR(200),
  joined_at         TIMESTAMP WITH TIME ZONE,
  left_at           TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (meeting_id, participant_id)
);

-- What was said, utterance by utterance, with absolute times (epoch milliseconds) and words.
-- participant_id is null until Jigasi's events say whose stream it came from.
CREATE TABLE jitsi_utterance (
  meeting_id        VARCHAR(40)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  id                VARCHAR(40)  NOT NULL,
  stream_id         VARCHAR(40),
  participant_id    VARCHAR(100),
  start_at_ms       BIGINT       NOT NULL,
  end_at_ms         BIGINT       NOT NULL,
  text              TEXT         NOT NULL,
  words_json        TEXT         NOT NULL,
  PRIMARY KEY (meeting_id, id)
);
CREATE INDEX jitsi_utterance_stream ON jitsi_utterance (stream_id);
