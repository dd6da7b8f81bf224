export * from './credential-verified';
