export * from './issuance.module';
export * from './issuance.service-descriptor';
