export * from './credential-spec.queries';
export * from './credential-spec.views';
export * from './institution.queries';
export * from './institution.views';
export * from './page';
