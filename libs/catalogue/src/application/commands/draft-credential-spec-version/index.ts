export * from './draft-credential-spec-version.command';
export * from './draft-credential-spec-version.handler';
