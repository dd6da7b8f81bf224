export * from './learner-audit-trail.query';
export * from './learner-audit-trail.handler';
