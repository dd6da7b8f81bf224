-- Log pages are now read by a plain SELECT that receives the horizon from an earlier statement of the
-- reader (see PostgresEventStore.readPage): the rows' snapshot is then always newer than the list of
-- appends in flight the horizon was computed from, whatever isolation level the caller's session uses.
-- An append missing from that list had either committed (its rows are visible) or not yet taken its id
-- (its positions are higher than any row below the horizon). A horizon stays safe to use later; it only lags.
DROP FUNCTION IF EXISTS read_events(bigint, integer, text[], text[]);
