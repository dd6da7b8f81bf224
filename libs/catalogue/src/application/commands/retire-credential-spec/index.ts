export * from './retire-credential-spec.command';
export * from './retire-credential-spec.handler';
