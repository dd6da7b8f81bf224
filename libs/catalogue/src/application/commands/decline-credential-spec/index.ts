export * from './decline-credential-spec.command';
export * from './decline-credential-spec.handler';
