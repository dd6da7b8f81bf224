export * from './batch-report';
export * from './publish-result-batch.command';
export * from './publish-result-batch.handler';
