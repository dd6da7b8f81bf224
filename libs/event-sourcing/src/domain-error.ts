/**
 * Base of every bounded context's exception: a stable string code, the HTTP status it maps to,
 * and optionally the field it is about. Each context declares its codes and their statuses in one table and
 * builds its exception class from it with `contextException` (e.g. `CatalogueException`), taking
 * `(code, message, field?, details?)`. A write lost to a concurrent one is not a domain error: see `isConcurrencyConflict`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 422,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** One broken rule, named by the field it is about (a JSON path into the request) and a stable rule code. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}

export const violation = (field: string, rule: string, message: string): Violation => ({ field, rule, message });

/** What a context's exception may carry: free details, among them a list of field errors (`errors`), each a violation or not. */
export type ContextErrorDetails = Record<string, unknown> & { errors?: ReadonlyArray<{ field: string; message: string; rule?: string }> };

/** A non-empty list in which every error names its own rule. */
const listsViolations = (details?: ContextErrorDetails): boolean =>
  !!details?.errors?.length && details.errors.every((e) => typeof e.rule === 'string');

export interface ContextExceptionOptions {
  /** Whether the problem's details name the rule (the code without the context's prefix); audit's do not. Default true. */
  readonly ruleInDetails?: boolean;
}

/**
 * A context's exception class from its table of codes and HTTP statuses. Every code starts with the context's
 * name (`<context>.<rule>`), checked when the table is compiled; the class's `code` parameter is typed as the
 * table's codes, so `ConstructorParameters<typeof XException>[0]` names them.
 * - Details name the rule, unless they list violations (`errors`), which name their own.
 * - A code not in the table (one violation's rule as a code) answers 422.
 * - `invalid(violations)` is the 422 for a request that breaks rules: one broken rule names the error,
 *   several answer `<context>.rules-violated`; each is listed in `errors` with its field.
 */
export function contextException<X extends string, C extends `${X}.${string}`>(
  context: X,
  statuses: Record<C, number>,
  options: ContextExceptionOptions = {},
) {
  const ruleInDetails = options.ruleInDetails ?? true;
  return class ContextException extends DomainError {
    constructor(code: C, message: string, field?: string, details?: ContextErrorDetails) {
      const named = listsViolations(details) || !ruleInDetails ? details : { rule: code.slice(context.length + 1), ...details };
      super(code, message, statuses[code] ?? 422, field ?? details?.errors?.[0]?.field, named);
    }

    /** The broken rules the details list, each with its field and rule. */
    get violations(): Violation[] {
      return (this.details?.errors as Violation[] | undefined) ?? [];
    }

    static invalid<E>(
      this: new (code: C, message: string, field?: string, details?: ContextErrorDetails) => E,
      violations: Violation[],
    ): E {
      const summary = violations.map((v) => `${v.field}: ${v.message}`).join('; ');
      // A violation's rule is free text of its list; alone, it names the error and keeps the list's 422.
      const code = (violations.length === 1 ? `${context}.${violations[0].rule}` : `${context}.rules-violated`) as C;
      const errors = violations.map(({ field, rule, message }) => ({ field, rule, message }));
      return new this(code, summary, undefined, errors.length > 0 ? { errors } : undefined);
    }
  };
}
