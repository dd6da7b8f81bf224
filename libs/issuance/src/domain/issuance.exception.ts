import { DomainError } from '@alliance/event-sourcing';

/** One broken rule, named by the field it is about and a stable rule code. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/**
 * The issuance context's only exception type. Codes are stable strings (`issuance.<rule>`) so clients and tests
 * can branch on them; the service kit maps the status and field to problem+json.
 */
export class IssuanceException extends DomainError {
  constructor(code: string, message: string, status = 422, field?: string, readonly violations: Violation[] = [], extra: Record<string, unknown> = {}) {
    super(
      `issuance.${code}`,
      message,
      status,
      field ?? violations[0]?.field,
      violations.length > 0 ? { errors: violations.map(({ field: f, rule, message: m }) => ({ field: f, rule, message: m })), ...extra } : { rule: code, ...extra },
    );
  }

  /** 422: well-formed, but breaks one or more issuance rules. */
  static invalid(violations: Violation[]): IssuanceException {
    const summary = violations.map((v) => `${v.field}: ${v.message}`).join('; ');
    return new IssuanceException(violations.length === 1 ? violations[0].rule : 'rules-violated', summary, 422, undefined, violations);
  }

  static rule(rule: string, message: string, field?: string): IssuanceException {
    return new IssuanceException(rule, message, 422, field);
  }

  static notFound(what: string, id: string, field?: string): IssuanceException {
    return new IssuanceException(`${what}-not-found`, `No ${what.replace(/-/g, ' ')} with id ${id}.`, 404, field);
  }

  /** 409: the request conflicts with the current lifecycle state. */
  static conflict(rule: string, message: string, field?: string): IssuanceException {
    return new IssuanceException(rule, message, 409, field);
  }

  /** 403: the caller may not act for this institution or credential. */
  static forbidden(rule: string, message: string, field?: string): IssuanceException {
    return new IssuanceException(rule, message, 403, field);
  }
}

export const violation = (field: string, rule: string, message: string): Violation => ({ field, rule, message });
