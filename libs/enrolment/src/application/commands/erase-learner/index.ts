export * from './erase-learner.command';
export * from './erase-learner.handler';
