export * from './revoke-signing-key.command';
export * from './revoke-signing-key.handler';
