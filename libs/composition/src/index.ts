export * from './audit-knowledge';
export * from './services';
export * from './demo';
