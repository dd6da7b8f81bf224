import { DomainError } from '@alliance/event-sourcing';

/**
 * The assessment context's only exception type. Codes are stable strings (`assessment.<rule>`) so clients,
 * row reports of a bulk upload and tests can branch on them.
 */
export class AssessmentException extends DomainError {
  constructor(
    readonly rule: string,
    message: string,
    status = 422,
    field?: string,
    details?: Record<string, unknown>,
  ) {
    super(`assessment.${rule}`, message, status, field, { rule, ...(details ?? {}) });
  }

  static invalid(rule: string, message: string, field?: string, details?: Record<string, unknown>): AssessmentException {
    return new AssessmentException(rule, message, 422, field, details);
  }

  /** 400: the request cannot be read (a malformed file, a wrong header). */
  static malformed(rule: string, message: string, field?: string, details?: Record<string, unknown>): AssessmentException {
    return new AssessmentException(rule, message, 400, field, details);
  }

  static notFound(what: string, id: string, field?: string): AssessmentException {
    return new AssessmentException(`${what}-not-found`, `No ${what.replace(/-/g, ' ')} ${id}.`, 404, field);
  }

  static conflict(rule: string, message: string, field?: string, details?: Record<string, unknown>): AssessmentException {
    return new AssessmentException(rule, message, 409, field, details);
  }

  /** 403: the component belongs to another institution. */
  static forbidden(rule: string, message: string, field?: string): AssessmentException {
    return new AssessmentException(rule, message, 403, field);
  }
}
