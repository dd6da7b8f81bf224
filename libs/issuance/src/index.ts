export * from './issuance.config';
export * from './issuance.module';
export * from './issuance.service-descriptor';
