import { assertSchemaName } from '../schema-name';
import type { ReadModelDatabaseConfig } from './create-read-model-orm';
import type { ProjectionDefinition } from '../projection/projection';

/**
 * The same read model database with every connection's search_path set to a service's own schema, for a
 * process that opens another service's read models (the auditor) without that service's connection hooks.
 */
export function schemaPinnedLocation(location: ReadModelDatabaseConfig, schema: string): ReadModelDatabaseConfig {
  if (location.kind !== 'postgres') return location;
  assertSchemaName(schema);
  const url = new URL(location.url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { ...location, url: url.toString() };
}

/** A projection a service runs and where its read model lives: what an auditor needs to rebuild and compare it. */
export interface LocatedProjection {
  /** The service whose event store feeds it. */
  store: string;
  projection: ProjectionDefinition;
  readModel: ReadModelDatabaseConfig;
}
