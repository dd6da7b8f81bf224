export * from './issue-key-challenge.command';
export * from './issue-key-challenge.handler';
