export * from './propose-credential-spec.command';
export * from './propose-credential-spec.handler';
