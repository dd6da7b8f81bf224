export * from './list-enrolments.query';
export * from './list-enrolments.handler';
