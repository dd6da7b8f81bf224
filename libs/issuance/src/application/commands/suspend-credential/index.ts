export * from './suspend-credential.command';
export * from './suspend-credential.handler';
