import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface KekSettings {
  EVENT_STORE: string;
  DATA_DIR: string;
  ENROLMENT_PERSONAL_DATA_KEY?: string;
}

/**
 * The key that wraps every learner key: from configuration in production; on the embedded defaults one
 * is generated once and kept beside the service's data, so learners stay readable across restarts.
 */
export function loadKeyEncryptionKey(settings: KekSettings, service = 'enrolment'): Buffer {
  if (settings.ENROLMENT_PERSONAL_DATA_KEY) return Buffer.from(settings.ENROLMENT_PERSONAL_DATA_KEY, 'hex');
  if (settings.EVENT_STORE !== 'embedded') {
    throw new Error('ENROLMENT_PERSONAL_DATA_KEY is required outside the embedded mode: set it to 64 hex characters (32 random bytes)');
  }
  const file = join(settings.DATA_DIR, service, 'personal-data-kek.hex');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
