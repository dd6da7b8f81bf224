export * from './kafka-broker';
export * from './pg-test-database';
export * from './eventually';
export * from './integration-facts';
export * from './institution-keys';
export * from './tiny-disk';
export * from './distributed-mode';
export * from './published-definition';
