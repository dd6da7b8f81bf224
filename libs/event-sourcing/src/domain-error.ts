/**
 * Base of every bounded context's exception: a stable string code, the HTTP status it maps to,
 * and optionally the field it is about. Each context subclasses it once (e.g. `CatalogueException`), declares
 * its codes and their statuses in one table beside it, and takes `(code, message, field?, details?)`.
 * A write lost to a concurrent one is not a domain error: see `isConcurrencyConflict`.
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
