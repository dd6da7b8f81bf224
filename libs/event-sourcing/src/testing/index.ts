export * from './in-memory-event-store';
export * from './decider-specification';
export * from './projection-specification';
