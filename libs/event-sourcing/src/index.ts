export * from './domain-error';
export * from './envelope';
export * from './event-store.port';
export * from './expected-revision';
export * from './decider';
export * from './upcasting';
export * from './snapshot';
export * from './testing';
