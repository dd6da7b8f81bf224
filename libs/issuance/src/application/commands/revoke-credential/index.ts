export * from './revoke-credential.command';
export * from './revoke-credential.handler';
