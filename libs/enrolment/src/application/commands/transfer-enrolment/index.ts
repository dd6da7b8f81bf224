export * from './transfer-enrolment.command';
export * from './transfer-enrolment.handler';
