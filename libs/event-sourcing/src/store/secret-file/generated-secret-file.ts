import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret generated once on a developer's machine and kept in `file` (hex, mode 0600). The file is written
 * whole or not at all (temporary file, fsync, rename), so a full disk or a kill at that moment can never leave a
 * truncated key behind that a later start would read. An empty file (left by an older version that wrote in
 * place) never held a usable key, so nothing was protected with it: a new one is generated. Anything else that
 * is not `bytes` bytes of hex is refused with the file's name, since data may already be protected with it.
 */
export function readOrCreateSecretFile(file: string, bytes = 32): string {
  const existing = readIfPresent(file);
  if (existing !== undefined && existing.trim() !== '') {
    const text = existing.trim();
    if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(text)) {
      throw new Error(
        `${file} does not hold a key (${bytes * 2} hex characters expected): restore it from a backup, or remove it only if nothing was ever protected with it`,
      );
    }
    return text;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(bytes).toString('hex');
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, secret);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return secret;
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
