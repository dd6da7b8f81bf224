/** Why a PostgreSQL database could not be opened: the reasons an operator fixes in the URL or the server. */
export type DatabaseFaultKind = 'connection-refused' | 'host-unknown' | 'timeout' | 'authentication-failed' | 'database-missing';

const ERRNO: Record<string, DatabaseFaultKind> = {
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'host-unknown',
  EAI_AGAIN: 'host-unknown',
  ETIMEDOUT: 'timeout',
};
/** SQLSTATEs: invalid_authorization_specification, invalid_password, invalid_catalog_name. */
const SQLSTATE: Record<string, DatabaseFaultKind> = {
  '28000': 'authentication-failed',
  '28P01': 'authentication-failed',
  '3D000': 'database-missing',
};

/**
 * A database the process needs at start-up cannot be used. `database` is its URL without the password, for logs;
 * `reason` keeps the driver's own words (`connect ECONNREFUSED 127.0.0.1:5499`, `database "x" does not exist`).
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly kind: DatabaseFaultKind,
    readonly reason: string,
    readonly database: string,
    options: { cause?: unknown; doing: string },
  ) {
    super(`${options.doing} ${database}: ${reason}`, { cause: options.cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Recognises why `pg` (or MikroORM over it) could not open a database, following `cause` and `AggregateError`s. */
export function describeDatabaseFault(error: unknown): { kind: DatabaseFaultKind; reason: string } | undefined {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e instanceof DatabaseUnavailableError) return { kind: e.kind, reason: e.reason };
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (typeof candidate.code === 'string') {
      const kind = ERRNO[candidate.code] ?? SQLSTATE[candidate.code];
      if (kind) return { kind, reason: message || candidate.code };
    }
    queue.push(candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : []));
  }
  return undefined;
}

/** `url` without its password, to name a database in logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(an unparsable DATABASE_URL)';
  }
}

/** `error` as a DatabaseUnavailableError naming the database when it says why the database cannot be used, else unchanged. */
export function databaseOpenFailure(what: string, url: string, error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const fault = describeDatabaseFault(error);
  return fault
    ? new DatabaseUnavailableError(fault.kind, fault.reason, redactDatabaseUrl(url), { cause: error, doing: `cannot open ${what}` })
    : error;
}
