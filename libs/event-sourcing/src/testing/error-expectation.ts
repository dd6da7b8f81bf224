/** What an expected error may be stated as: its class, its `code`, a message pattern or a predicate. */
export type ErrorExpectation = (abstract new (...args: never[]) => Error) | string | RegExp | ((error: unknown) => boolean);

export function errorMatches(error: unknown, expected: ErrorExpectation): boolean {
  if (typeof expected === 'string') return (error as { code?: unknown })?.code === expected;
  if (expected instanceof RegExp) return expected.test(String((error as Error)?.message ?? error));
  if (expected.prototype instanceof Error || expected === Error) return error instanceof expected;
  return (expected as (e: unknown) => boolean)(error);
}

export function describeErrorExpectation(expected: ErrorExpectation): string {
  if (typeof expected === 'string') return `code ${expected}`;
  if (expected instanceof RegExp) return String(expected);
  return expected.name || 'predicate';
}
