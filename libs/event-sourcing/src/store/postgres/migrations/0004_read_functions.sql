-- Readers of the whole log pass only rows written by transactions older than every append still in
-- flight (see append_events). The horizon is read before the rows, in its own statement, so the rows'
-- snapshot is newer than the list of appends in flight: an append missing from the list had either
-- committed (its rows are visible) or not yet taken its id (its positions will be higher than any seen).

-- The transaction id below which every append has ended: the oldest in-flight append's id, or the
-- snapshot's xmax (one past the newest completed id) when none is in flight.
CREATE FUNCTION read_horizon() RETURNS xid8
LANGUAGE sql VOLATILE
SET search_path FROM CURRENT
AS $$
  WITH snapshot AS (
    SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax
  ), in_flight AS (
    -- Each marker holds the low 32 bits of an id within 2^31 of xmax (either side: xmax is one past the
    -- newest *completed* id, so a running append's id may be above it). Restore the high bits.
    SELECT s.xmax + CASE WHEN d.delta >= 2147483648 THEN d.delta - 4294967296 ELSE d.delta END AS xid
      FROM pg_locks l, snapshot s,
           LATERAL (SELECT ((l.objid::text::bigint - s.xmax) % 4294967296 + 4294967296) % 4294967296 AS delta) d
     WHERE l.locktype = 'advisory'
       AND l.objsubid = 2
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid::text::bigint = (hashtext(current_schema() || '.events.in_flight')::bigint + 4294967296) % 4294967296
  )
  SELECT least((SELECT min(xid) FROM in_flight), (SELECT xmax FROM snapshot))::text::xid8
$$;

-- One page of the log after p_after; `visible` is false from the first row readers must not pass yet.
CREATE FUNCTION read_events(p_after bigint, p_limit integer, p_types text[], p_stream_patterns text[])
RETURNS TABLE (
  "position" bigint, event_id uuid, stream_id text, revision bigint, type text, schema_version integer,
  data jsonb, metadata jsonb, previous_hash text, hash text, visible boolean
)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
DECLARE
  v_horizon xid8 := read_horizon();
BEGIN
  RETURN QUERY
    SELECT e.position, e.event_id, e.stream_id, e.revision, e.type, e.schema_version, e.data, e.metadata,
           e.previous_hash, e.hash, e.tx_id < v_horizon
      FROM events e
     WHERE e.position > p_after
       AND (p_types IS NULL OR e.type = ANY (p_types))
       AND (p_stream_patterns IS NULL OR e.stream_id LIKE ANY (p_stream_patterns))
     ORDER BY e.position
     LIMIT p_limit;
END
$$;

-- The last position readers may pass now.
CREATE FUNCTION head_position() RETURNS bigint
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
DECLARE
  v_horizon xid8 := read_horizon();
BEGIN
  RETURN coalesce((SELECT max(e.position) FROM events e WHERE e.tx_id < v_horizon), 0);
END
$$;
