/** Placeholder until the store adapters' conflict error lands; same shape (code + guard). */
export class WrongExpectedRevisionPlaceholder extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: unknown,
    readonly actualRevision: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expectedRevision)}, actual ${actualRevision}`);
  }
}

export function isRevisionConflict(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'WRONG_EXPECTED_REVISION';
}

export function revisionConflict(streamId: string, expected: unknown, actual: number): Error {
  return new WrongExpectedRevisionPlaceholder(streamId, expected, actual);
}
