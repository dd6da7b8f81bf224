export * from './snapshot-store.port';
export * from './snapshot-options';
export * from './in-memory-snapshot-store';
export * from './sql-snapshot-store';
