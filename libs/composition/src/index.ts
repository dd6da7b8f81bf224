export * from './audit-knowledge';
export * from './services';
