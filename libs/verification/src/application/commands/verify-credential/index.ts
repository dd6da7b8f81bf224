export * from './verify-credential.command';
export * from './verify-credential.handler';
