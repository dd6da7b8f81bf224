export * from './signing-key';
export * from './institution-events';
export * from './credential-spec-parts';
export * from './credential-spec-events';
export * from './member-standing';
