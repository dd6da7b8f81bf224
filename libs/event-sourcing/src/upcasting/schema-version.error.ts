/**
 * An event carries a schema version this code cannot bring to the current shape: either it was written by
 * newer code (a rolling deploy read it too early) or an upcaster step is missing.
 */
export class SchemaVersionError extends Error {
  readonly code = 'SCHEMA_VERSION_UNSUPPORTED';

  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
    reason: string,
  ) {
    super(`Event ${eventType} v${schemaVersion} cannot be read (current v${currentVersion}): ${reason}`);
    this.name = 'SchemaVersionError';
  }
}

export function isSchemaVersionError(e: unknown): e is SchemaVersionError {
  return e instanceof SchemaVersionError;
}
