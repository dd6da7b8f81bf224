import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ContextIntegrityError } from './document-loader';
import type { ServedContext } from './served-contexts';

/** The exact bytes of a served context, checked against its pinned SHA-256 (a mismatch throws ContextIntegrityError). */
export function servedContextBytes(context: ServedContext): Buffer {
  const bytes = readFileSync(context.file);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== context.sha256) throw new ContextIntegrityError(`contexts/${context.path}`, context.sha256, actual);
  return bytes;
}
