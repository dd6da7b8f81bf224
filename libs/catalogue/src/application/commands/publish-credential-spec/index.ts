export * from './publish-credential-spec.command';
export * from './publish-credential-spec.handler';
