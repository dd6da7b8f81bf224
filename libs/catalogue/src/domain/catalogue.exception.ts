import { DomainError } from '@alliance/event-sourcing';

/** One broken rule, named by the field it is about (a JSON path into the request) and a stable rule code. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/**
 * The catalogue's only exception type. Codes are stable strings (`catalogue.<rule>`), so clients and tests
 * can branch on them; the HTTP layer maps the status and lists every violation as problem+json `errors`.
 */
export class CatalogueException extends DomainError {
  constructor(code: string, message: string, status = 422, field?: string, readonly violations: Violation[] = []) {
    super(
      `catalogue.${code}`,
      message,
      status,
      field ?? violations[0]?.field,
      violations.length > 0 ? { errors: violations.map(({ field: f, rule, message: m }) => ({ field: f, rule, message: m })) } : { rule: code },
    );
  }

  /** 422: the request is well-formed but breaks one or more catalogue rules. */
  static invalid(violations: Violation[]): CatalogueException {
    const summary = violations.map((v) => `${v.field}: ${v.message}`).join('; ');
    return new CatalogueException(violations.length === 1 ? violations[0].rule : 'rules-violated', summary, 422, undefined, violations);
  }

  static notFound(what: string, id?: string, field?: string): CatalogueException {
    const noun = what.replace(/-/g, ' ');
    return new CatalogueException(`${what}-not-found`, id ? `No ${noun} ${id}.` : `No such ${noun}.`, 404, field);
  }

  /** 409: the request conflicts with the current state (lifecycle, duplicates). */
  static conflict(rule: string, message: string, field?: string): CatalogueException {
    return new CatalogueException(rule, message, 409, field);
  }

  /** 403: the caller may not do this for this institution. */
  static forbidden(rule: string, message: string, field?: string): CatalogueException {
    return new CatalogueException(rule, message, 403, field);
  }
}

export const violation = (field: string, rule: string, message: string): Violation => ({ field, rule, message });
