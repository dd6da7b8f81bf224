export * from './domain-error';
export * from './envelope';
export * from './event-store.port';
export * from './expected-revision';
