export * from './unstorable-text';
