export * from './enrolment-events';
