-- The role the application runs as: it may read and append, never change or remove an event.
-- Deployments grant it to their login user; creating it needs CREATEROLE once, or a DBA creates it first.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'event_store_app') THEN
    CREATE ROLE event_store_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the cluster created it at the same moment
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO event_store_app', current_schema());
END
$$;

REVOKE ALL ON events FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON events FROM event_store_app;
GRANT SELECT, INSERT ON events TO event_store_app;
GRANT USAGE ON SEQUENCE events_position_seq TO event_store_app;
GRANT SELECT ON schema_migrations TO event_store_app;
GRANT EXECUTE ON FUNCTION append_events(text, bigint, text, uuid[], jsonb, boolean) TO event_store_app;
