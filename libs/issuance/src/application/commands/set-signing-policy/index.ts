export * from './set-signing-policy.command';
export * from './set-signing-policy.handler';
