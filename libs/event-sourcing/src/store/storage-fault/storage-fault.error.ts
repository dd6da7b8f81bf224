import { DomainError } from '../../domain-error';

/** What went wrong under a store: the disk, not the request. */
export type StorageFaultKind = 'disk-full' | 'read-only' | 'permission-denied' | 'io-error';

const STATUS: Record<StorageFaultKind, number> = { 'disk-full': 507, 'read-only': 503, 'permission-denied': 503, 'io-error': 503 };

const SAYS: Record<StorageFaultKind, string> = {
  'disk-full': 'the disk is full',
  'read-only': 'the storage is read-only',
  'permission-denied': 'the process may not write there',
  'io-error': 'the storage failed to read or write',
};

/**
 * A write (or an open) failed because of the storage under it: a full disk, a read-only or forbidden folder, an I/O
 * error. The HTTP edge answers 507 for a full disk and 503 otherwise; `reason` keeps the original cause (e.g.
 * `SQLITE_FULL: database or disk is full`, `ENOSPC: no space left on device`) so nothing later can mask it.
 * `file` is for logs only: the message and details a client sees never name a path.
 */
export class StorageFaultError extends DomainError {
  constructor(
    readonly kind: StorageFaultKind,
    readonly reason: string,
    readonly file?: string,
    options: { cause?: unknown; doing?: string } = {},
  ) {
    super(`storage.${kind}`, `${options.doing ? `${options.doing}: ` : ''}${SAYS[kind]} (${reason})`, STATUS[kind], undefined, {
      storage: { kind, reason },
    });
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isStorageFault(e: unknown): e is StorageFaultError {
  return e instanceof StorageFaultError;
}

/** SQLite primary result codes (the low byte of an extended code) that name a storage fault. */
const SQLITE: Record<number, { kind: StorageFaultKind; name: string }> = {
  3: { kind: 'permission-denied', name: 'SQLITE_PERM' },
  8: { kind: 'read-only', name: 'SQLITE_READONLY' },
  10: { kind: 'io-error', name: 'SQLITE_IOERR' },
  13: { kind: 'disk-full', name: 'SQLITE_FULL' },
  14: { kind: 'io-error', name: 'SQLITE_CANTOPEN' },
};

const ERRNO: Record<string, StorageFaultKind> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EIO: 'io-error',
};

/** PostgreSQL SQLSTATEs (PGlite's too) of a storage fault: disk_full, read_only_sql_transaction, io_error. */
const SQLSTATE: Record<string, StorageFaultKind> = { '53100': 'disk-full', '25006': 'read-only', '58030': 'io-error' };

/**
 * Recognises a storage fault in anything thrown by `node:sqlite`, `node:fs`, PostgreSQL, PGlite or MikroORM
 * (following `cause`), or returns undefined for every other error.
 */
export function describeStorageFault(error: unknown): { kind: StorageFaultKind; reason: string } | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StorageFaultError) return { kind: e.kind, reason: e.reason };
    const candidate = e as { code?: unknown; errcode?: unknown; errstr?: unknown; sqlState?: unknown; message?: unknown };
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (candidate.code === 'ERR_SQLITE_ERROR' && typeof candidate.errcode === 'number') {
      const known = SQLITE[candidate.errcode & 0xff];
      if (known) return { kind: known.kind, reason: `${known.name}: ${typeof candidate.errstr === 'string' ? candidate.errstr : message}` };
      continue;
    }
    // Node's message goes on with the syscall and the path (`ENOSPC: no space left on device, write`): keep the cause only.
    if (typeof candidate.code === 'string' && ERRNO[candidate.code])
      return { kind: ERRNO[candidate.code], reason: message.split(',')[0] || candidate.code };
    const state = typeof candidate.sqlState === 'string' ? candidate.sqlState : candidate.code;
    if (typeof state === 'string' && SQLSTATE[state]) return { kind: SQLSTATE[state], reason: `SQLSTATE ${state}: ${message}` };
    if (/no space left on device/i.test(message)) return { kind: 'disk-full', reason: message };
    if (/read-only file system/i.test(message)) return { kind: 'read-only', reason: message };
  }
  return undefined;
}

/** `error` as a StorageFaultError when it is a storage fault (kept as is when it already is one), else undefined. */
export function asStorageFault(error: unknown, file?: string, doing?: string): StorageFaultError | undefined {
  if (error instanceof StorageFaultError) return error;
  const fault = describeStorageFault(error);
  return fault && new StorageFaultError(fault.kind, fault.reason, file, { cause: error, doing });
}
