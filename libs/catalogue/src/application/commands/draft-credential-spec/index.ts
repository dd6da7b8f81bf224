export * from './draft-credential-spec.command';
export * from './draft-credential-spec.handler';
