export * from './pg-test-database';
