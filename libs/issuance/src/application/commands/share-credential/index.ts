export * from './share-credential.command';
export * from './share-credential.handler';
