export * from './causal-order';
export * from './credential-provenance';
export * from './credential-trail';
export * from './credential-validity';
export * from './history-reader';
export * from './stored-events';
