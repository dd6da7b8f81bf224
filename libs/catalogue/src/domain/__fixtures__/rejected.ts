import type { CatalogueException } from '../catalogue.exception';

/** An error expectation for the kernel's decider specification: code, HTTP status and (optionally) a named field. */
export function rejected(code: string, status: number, field?: string): (error: unknown) => boolean {
  return (error) => {
    const e = error as CatalogueException;
    const fields = [e.field, ...(e.violations ?? []).map((v) => v.field)];
    const ok = e.code === `catalogue.${code}` && e.status === status && (field === undefined || fields.includes(field));
    if (!ok)
      throw new Error(
        `expected catalogue.${code} (${status}${field ? `, ${field}` : ''}), got ${e.code} (${e.status}): ${e.message} [${fields.join(', ')}]`,
      );
    return ok;
  };
}
