export * from './endorse-credential.command';
export * from './endorse-credential.handler';
