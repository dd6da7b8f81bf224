export * from './rotate-signing-key.command';
export * from './rotate-signing-key.handler';
