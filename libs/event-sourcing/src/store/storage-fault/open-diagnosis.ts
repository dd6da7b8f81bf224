import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { asStorageFault, describeStorageFault, StorageFaultError } from './storage-fault.error';

/**
 * Why `file` could not be opened for writing, as an error that names the file and the cause. SQLite only says
 * "unable to open database file"; asking the file system which of the folder or the file refuses writes turns
 * that into "the storage is read-only (EROFS: read-only file system)" or "permission denied".
 */
export function openFailure(what: string, file: string, error: unknown): Error {
  const doing = `cannot open ${what} ${file}`;
  const cause = writeRefusal(nearestExisting(file)) ?? describeStorageFault(error);
  if (cause) return new StorageFaultError(cause.kind, cause.reason, file, { cause: error, doing });
  return asStorageFault(error, file, doing) ?? new Error(`${doing}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** `path` or its closest existing ancestor: a folder that could not be created is judged by the one that exists. */
function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

function writeRefusal(path: string): ReturnType<typeof describeStorageFault> {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return describeStorageFault(error) ?? { kind: 'io-error', reason: String((error as Error).message).split(',')[0] };
  }
}
