export * from './revoke-credential-share.command';
export * from './revoke-credential-share.handler';
