export * from './upcaster';
export * from './upcaster-registry';
export * from './schema-version.error';
export * from './repair-unstorable-text';
