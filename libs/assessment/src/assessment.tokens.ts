/** The service's own database (read models, knowledge, inbox). */
export const ASSESSMENT_ORM = Symbol('ASSESSMENT_ORM');
export const ASSESSMENT_INTEGRATION = Symbol('ASSESSMENT_INTEGRATION');
