export * from './verification.config';
export * from './verification.module';
export * from './verification.service-descriptor';
