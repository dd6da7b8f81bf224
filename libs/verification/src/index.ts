export * from './verification.config';
export * from './verification.context';
