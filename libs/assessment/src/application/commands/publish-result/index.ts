export * from './publish-result.command';
export * from './publish-result.handler';
