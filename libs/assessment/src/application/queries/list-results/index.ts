export * from './list-results.query';
export * from './list-results.handler';
