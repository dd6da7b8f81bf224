export * from './withdraw-enrolment.command';
export * from './withdraw-enrolment.handler';
