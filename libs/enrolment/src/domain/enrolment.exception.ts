import { DomainError } from '@alliance/event-sourcing';

/**
 * The enrolment context's only exception type. Codes are stable strings (`enrolment.<rule>`) so clients
 * and tests can branch on them; the HTTP layer maps the status and field to problem+json.
 */
export class EnrolmentException extends DomainError {
  constructor(rule: string, message: string, status = 422, field?: string, details?: Record<string, unknown>) {
    super(`enrolment.${rule}`, message, status, field, { rule, ...(details ?? {}) });
  }

  /** 422: the request is well-formed but breaks an enrolment rule. */
  static invalid(rule: string, message: string, field?: string, details?: Record<string, unknown>): EnrolmentException {
    return new EnrolmentException(rule, message, 422, field, details);
  }

  static notFound(what: string, id: string, field?: string): EnrolmentException {
    return new EnrolmentException(`${what}-not-found`, `No ${what.replace(/-/g, ' ')} ${id}.`, 404, field);
  }

  /** 409: the request conflicts with the current state (lifecycle, duplicates). */
  static conflict(rule: string, message: string, field?: string, details?: Record<string, unknown>): EnrolmentException {
    return new EnrolmentException(rule, message, 409, field, details);
  }

  /** 403: the caller may not act for this institution. */
  static forbidden(rule: string, message: string, field?: string): EnrolmentException {
    return new EnrolmentException(rule, message, 403, field);
  }

  /** 410: the learner's personal data was erased; nothing more can be recorded for them. */
  static gone(rule: string, message: string, field?: string): EnrolmentException {
    return new EnrolmentException(rule, message, 410, field);
  }
}
