export * from './get-result-batch.query';
export * from './get-result-batch.handler';
