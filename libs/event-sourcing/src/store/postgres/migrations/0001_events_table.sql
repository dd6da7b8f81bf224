-- The log: one row per event. Rows are only ever inserted (see 0002 and 0004).
CREATE SEQUENCE events_position_seq AS bigint;

CREATE TABLE events (
  position       bigint  PRIMARY KEY DEFAULT nextval('events_position_seq'),
  event_id       uuid    NOT NULL,
  stream_id      text    NOT NULL,
  revision       bigint  NOT NULL CHECK (revision >= 0),
  type           text    NOT NULL,
  schema_version integer NOT NULL CHECK (schema_version >= 1),
  data           jsonb   NOT NULL,
  metadata       jsonb   NOT NULL,
  previous_hash  text,
  hash           text    NOT NULL,
  -- The writing transaction. Readers pass a row only once every transaction that could still commit
  -- a lower position has ended (see append_events and the read queries).
  tx_id          xid8    NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_event_id UNIQUE (event_id),
  CONSTRAINT events_stream_revision UNIQUE (stream_id, revision)
);

ALTER SEQUENCE events_position_seq OWNED BY events.position;
