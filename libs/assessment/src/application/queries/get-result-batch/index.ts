export * from './get-result-batch.handler';
