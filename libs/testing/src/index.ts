export * from './kafka-broker';
export * from './pg-test-database';
