export * from './issuance.config';
export * from './issuance.module';
export * from './issuance.service-descriptor';
export * from './issuance.audited-read-models';
export * from './issuance.stream-folders';
