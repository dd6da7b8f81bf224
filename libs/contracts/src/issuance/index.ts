export * from './credential-events';
