const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Refuses a PostgreSQL schema name that SQL text could not carry unquoted: every schema this platform
 * creates (event stores, read models, relay checkpoints) is lower case letters, digits and _.
 */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema))
    throw new TypeError(`Invalid schema name ${JSON.stringify(schema)} (lower case letters, digits, _; at most 63)`);
}
