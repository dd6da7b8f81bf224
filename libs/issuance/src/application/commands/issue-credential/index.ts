export * from './issue-credential.command';
export * from './issue-credential.handler';
