export * from './in-memory-event-store';
export * from './error-expectation';
export * from './partial-match';
export * from './decider-specification';
export * from './projection-specification';
export * from './process-manager-specification';
export * from './pglite-for-specs';
