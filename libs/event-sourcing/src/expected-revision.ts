/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** The stream must exist, whatever its revision. */
export const STREAM_EXISTS = 'stream_exists' as const;
/** No check at all: only for migrations and imports. */
export const ANY_REVISION = 'any' as const;

export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY_REVISION | number;
