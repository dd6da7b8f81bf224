export * from './approve-credential-spec.command';
export * from './approve-credential-spec.handler';
