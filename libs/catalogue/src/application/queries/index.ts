export * from './credential-spec.queries';
export * from './credential-spec.query-handlers';
export * from './credential-spec.views';
export * from './institution.queries';
export * from './institution.query-handlers';
export * from './institution.views';
export * from './page';
