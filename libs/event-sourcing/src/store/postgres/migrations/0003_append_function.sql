-- One round trip per append. The caller computed the hash chain against the stream tip it believes
-- (p_tip_revision, p_tip_hash); if the tip moved, nothing is written and the real tip comes back.
--
-- Gap-free reading: positions come from a sequence while a session advisory lock is held, and that
-- lock also covers the moment the transaction gets its id (its first write is this INSERT). So among
-- appends, position order equals transaction id order, and a reader that only passes rows whose
-- tx_id is below the oldest running transaction (pg_snapshot_xmin) can never pass a lower position
-- that commits later. The lock is released before COMMIT, so commits (and their fsyncs) still overlap.
CREATE FUNCTION append_events(
  p_stream_id       text,
  p_tip_revision    bigint,
  p_tip_hash        text,
  p_event_ids       uuid[],
  p_types           text[],
  p_schema_versions integer[],
  p_data            jsonb[],
  p_metadata        jsonb[],
  p_hashes          text[],
  p_check_ids       boolean
) RETURNS TABLE (status text, tip_revision bigint, tip_hash text, last_position bigint, existing jsonb)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
DECLARE
  v_space    integer := hashtext(current_schema() || '.events');
  v_revision bigint;
  v_hash     text;
  v_existing jsonb;
  v_count    integer := cardinality(p_event_ids);
BEGIN
  -- Writers of one stream queue here until the previous one commits, so the tip read below is final.
  PERFORM pg_advisory_xact_lock(v_space, hashtext(p_stream_id));

  SELECT e.revision, e.hash INTO v_revision, v_hash
    FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  v_revision := coalesce(v_revision, -1);

  IF p_check_ids THEN
    SELECT jsonb_agg(jsonb_build_object('eventId', e.event_id, 'streamId', e.stream_id, 'revision', e.revision, 'position', e.position))
      INTO v_existing
      FROM events e WHERE e.event_id = ANY (p_event_ids);
    IF v_existing IS NOT NULL THEN
      RETURN QUERY SELECT 'existing'::text, v_revision, v_hash, NULL::bigint, v_existing;
      RETURN;
    END IF;
  END IF;

  IF v_revision <> p_tip_revision OR v_hash IS DISTINCT FROM p_tip_hash THEN
    RETURN QUERY SELECT 'stale'::text, v_revision, v_hash, NULL::bigint, NULL::jsonb;
    RETURN;
  END IF;

  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'append_events must be the first write of its transaction (its transaction id orders its positions)';
  END IF;

  PERFORM pg_advisory_lock(v_space::bigint);
  INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash)
  SELECT u.event_id, p_stream_id, p_tip_revision + u.n, u.type, u.schema_version, u.data, u.metadata,
         CASE WHEN u.n = 1 THEN p_tip_hash ELSE p_hashes[u.n - 1] END, u.hash
    FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_hashes)
         WITH ORDINALITY AS u(event_id, type, schema_version, data, metadata, hash, n)
   ORDER BY u.n;
  PERFORM pg_advisory_unlock(v_space::bigint);

  RETURN QUERY SELECT 'appended'::text, p_tip_revision + v_count, p_hashes[v_count], currval('events_position_seq'), NULL::jsonb;
END
$$;
