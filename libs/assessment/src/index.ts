export * from './assessment.module';
export * from './assessment.service-descriptor';
