export * from './add-signing-key.command';
export * from './add-signing-key.handler';
