export * from './generate-signing-key.command';
export * from './generate-signing-key.handler';
