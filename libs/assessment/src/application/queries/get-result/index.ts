export * from './get-result.query';
export * from './get-result.handler';
