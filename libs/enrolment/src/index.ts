export * from './enrolment.config';
export * from './enrolment.context';
export { learnerDecider } from './domain/learner/learner.decider';
export { evolveLearner, initialLearnerState } from './domain/learner/learner.state';
export type { LearnerEvent } from './domain/learner/learner.events';
export * from './enrolment.stream-folders';
export * from './enrolment.audited-read-models';
