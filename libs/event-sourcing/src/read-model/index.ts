export * from './create-read-model-orm';
export * from './versioned-read-model';
export * from './read-model-tables';
export * from './compare-tables';
export * from './any-entity-schema';
export * from './fork-entity-manager';
export * from './insert-ignore';
export * from './schema-pinned-location';
