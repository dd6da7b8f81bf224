export * from './issuance.config';
export * from './issuance.context';
export * from './issuance.audited-read-models';
export * from './issuance.stream-folders';
