export * from './get-enrolment.query';
export * from './get-enrolment.handler';
