import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DatabaseUnavailableError,
  type DatabaseFaultKind,
  isStorageFault,
  type StorageFaultError,
  type StorageFaultKind,
} from '@alliance/event-sourcing';

/** Exit codes of a service that could not start, beside 2 (configuration) and 1 (anything else). */
export const EXIT_STORAGE_UNUSABLE = 3;
export const EXIT_DATABASE_UNAVAILABLE = 4;

/** The single log line a failed start-up prints, and the exit code. */
export interface StartupFailure {
  exitCode: number;
  line: { level: 'fatal'; msg: string; next: string; exitCode: number; [detail: string]: unknown };
}

const STORAGE_NEXT: Record<StorageFaultKind, (folder: string) => string> = {
  'read-only': (f) =>
    `make ${f} writable (remount its volume read-write) or set DATA_DIR to a writable folder, then start the service again`,
  'permission-denied': (f) =>
    `give the service's user write access to ${f} (chown/chmod) or set DATA_DIR to a folder that user owns, then start the service again`,
  'disk-full': (f) => `free space on the disk that holds ${f}, then start the service again`,
  'io-error': (f) => `check the disk and file system that hold ${f} (kernel log, fsck), then start the service again`,
};

const DATABASE_NEXT: Record<DatabaseFaultKind, (database: string) => string> = {
  'connection-refused': (d) => `start PostgreSQL, or correct the host and port of DATABASE_URL (${d}), then start the service again`,
  'host-unknown': (d) => `correct the host name of DATABASE_URL (${d}), then start the service again`,
  timeout: (d) => `check that PostgreSQL at ${d} is reachable from here (network, firewall), then start the service again`,
  'authentication-failed': (d) =>
    `check the user and password of DATABASE_URL (${d}) and the server's pg_hba.conf, then start the service again`,
  'database-missing': (d) =>
    `create the database (createdb ${databaseName(d)}) or correct its name in DATABASE_URL (${d}), then start the service again`,
};

/**
 * What to print when start-up failed on storage the service needs: its data folder (SQLite event store, PGlite
 * read models) or its PostgreSQL database. Undefined for every other error (printed with its stack).
 */
export function describeStartupFailure(error: unknown): StartupFailure | undefined {
  const storage = find(error, isStorageFault);
  if (storage) {
    const folder = folderOf(storage.file);
    return failure(EXIT_STORAGE_UNUSABLE, storage.message, STORAGE_NEXT[storage.kind](folder), {
      file: storage.file,
      cause: { kind: storage.kind, reason: storage.reason },
    });
  }
  const database = find(error, (e): e is DatabaseUnavailableError => e instanceof DatabaseUnavailableError);
  if (database) {
    return failure(EXIT_DATABASE_UNAVAILABLE, database.message, DATABASE_NEXT[database.kind](database.database), {
      database: database.database,
      cause: { kind: database.kind, reason: database.reason },
    });
  }
  return undefined;
}

function failure(exitCode: number, msg: string, next: string, details: Record<string, unknown>): StartupFailure {
  return { exitCode, line: { level: 'fatal', msg: `start-up failed: ${msg}`, ...details, next, exitCode } };
}

function find<T>(error: unknown, is: (e: unknown) => e is T): T | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) if (is(e)) return e;
  return undefined;
}

/** The folder to fix: the file's, or the closest one that exists when it could not even be created. */
function folderOf(file: StorageFaultError['file']): string {
  if (!file) return 'DATA_DIR';
  for (let at = file; ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) return at;
    } catch {
      // Not there (yet): its parent is where the service failed to create it.
    }
    if (dirname(at) === at) return dirname(file);
  }
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || '<name>';
  } catch {
    return '<name>';
  }
}
