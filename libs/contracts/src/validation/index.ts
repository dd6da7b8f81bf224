export * from './grade';
export * from './instant';
