/** The service's own database (read models, learner keys, knowledge, inbox). */
export const ENROLMENT_ORM = Symbol('ENROLMENT_ORM');
export const ENROLMENT_INTEGRATION = Symbol('ENROLMENT_INTEGRATION');
