export * from './enrol-learner.command';
export * from './enrol-learner.handler';
