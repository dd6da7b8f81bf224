-- One round trip per append. The caller computed the hash chain against the stream tip it believes
-- (p_tip_revision, p_tip_hash); if the tip moved, nothing is written and the real tip comes back.
--
-- Gap-free reading: under a session advisory lock held for microseconds, the transaction takes its id
-- and its block of positions, and announces itself as in flight (a shared advisory lock keyed by its
-- id, held until it ends). So among appends, position order equals transaction id order, and readers
-- (0004) pass only rows older than the oldest append still in flight: never a lower position that
-- commits later. The rows are written after the lock is released, and commits (with their fsyncs)
-- overlap freely. Other transactions of the cluster, however long, never hold readers back.
--
-- p_events is one JSON array of {"id", "type", "schemaVersion", "data", "metadata", "previousHash",
-- "hash"} in revision order; p_event_ids repeats the ids for the idempotency lookup.
CREATE FUNCTION append_events(
  p_stream_id    text,
  p_tip_revision bigint,
  p_tip_hash     text,
  p_event_ids    uuid[],
  p_events       jsonb,
  p_check_ids    boolean,
  OUT status        text,
  OUT tip_revision  bigint,
  OUT tip_hash      text,
  OUT last_position bigint,
  OUT existing      jsonb
)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
DECLARE
  v_space    integer := hashtext(current_schema() || '.events');
  v_count    integer := jsonb_array_length(p_events);
  v_first    bigint;
  v_xid      xid8;
BEGIN
  -- Writers of one stream queue here until the previous one commits, so the tip read below is final.
  PERFORM pg_advisory_xact_lock(v_space, hashtext(p_stream_id));

  SELECT e.revision, e.hash INTO tip_revision, tip_hash
    FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  tip_revision := coalesce(tip_revision, -1);

  IF p_check_ids THEN
    SELECT jsonb_agg(jsonb_build_object('eventId', e.event_id, 'streamId', e.stream_id, 'revision', e.revision, 'position', e.position))
      INTO existing
      FROM events e WHERE e.event_id = ANY (p_event_ids);
    IF existing IS NOT NULL THEN
      status := 'existing';
      RETURN;
    END IF;
  END IF;

  IF tip_revision <> p_tip_revision OR tip_hash IS DISTINCT FROM p_tip_hash THEN
    status := 'stale';
    RETURN;
  END IF;

  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'append_events must be the first write of its transaction (its transaction id orders its positions)';
  END IF;

  PERFORM pg_advisory_lock(v_space::bigint);
  v_xid := pg_current_xact_id(); -- takes the transaction id now, inside the lock
  v_first := nextval('events_position_seq');
  IF v_count > 1 THEN
    PERFORM nextval('events_position_seq') FROM generate_series(2, v_count);
  END IF;
  -- Advisory keys are 32-bit: the low half of the id; readers restore the rest (see read_horizon).
  PERFORM pg_advisory_xact_lock_shared(hashtext(current_schema() || '.events.in_flight'), (v_xid::text::bigint)::bit(32)::integer);
  PERFORM pg_advisory_unlock(v_space::bigint);

  INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash)
  SELECT v_first + u.n - 1, u.id, p_stream_id, p_tip_revision + u.n, u.type, u."schemaVersion", u.data, u.metadata, u."previousHash", u.hash
    FROM ROWS FROM (jsonb_to_recordset(p_events) AS (id uuid, type text, "schemaVersion" integer, data jsonb, metadata jsonb, "previousHash" text, hash text))
         WITH ORDINALITY AS u(id, type, "schemaVersion", data, metadata, "previousHash", hash, n);

  status := 'appended';
  tip_revision := p_tip_revision + v_count;
  tip_hash := p_events->(v_count - 1)->>'hash';
  last_position := v_first + v_count - 1;
END
$$;
