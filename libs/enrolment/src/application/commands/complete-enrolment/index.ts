export * from './complete-enrolment.command';
export * from './complete-enrolment.handler';
