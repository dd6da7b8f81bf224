export * from './amend-result.command';
export * from './amend-result.handler';
