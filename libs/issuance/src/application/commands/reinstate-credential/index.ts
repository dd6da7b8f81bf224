export * from './reinstate-credential.command';
export * from './reinstate-credential.handler';
