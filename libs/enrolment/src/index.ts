export * from './enrolment.module';
export * from './enrolment.service-descriptor';
