import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import { Logger } from '@nestjs/common';

export interface KekSettings {
  EVENT_STORE: string;
  DATA_DIR: string;
  ENROLMENT_PERSONAL_DATA_KEY?: string;
}

const KEK_TABLE = 'enrolment_key_encryption_key';

/**
 * The key that wraps every learner key. Production sets ENROLMENT_PERSONAL_DATA_KEY (from a secret store).
 * Embedded, one is generated once beside the service's data. Distributed without one, a key is generated
 * once into the service's database so every replica shares it (erasure still works: it deletes the
 * learner's own key), with a warning, because then a database dump alone could open personal data.
 */
export async function loadKeyEncryptionKey(settings: KekSettings, orm: ReadModelOrm, service = 'enrolment'): Promise<Buffer> {
  if (settings.ENROLMENT_PERSONAL_DATA_KEY) return Buffer.from(settings.ENROLMENT_PERSONAL_DATA_KEY, 'hex');
  if (settings.EVENT_STORE === 'embedded') {
    const file = join(settings.DATA_DIR, service, 'personal-data-kek.hex');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    // Beside the data it protects, this key lets whoever reads DATA_DIR open personal data: fine on a laptop only.
    new Logger('PersonalData').warn(
      `DEVELOPMENT ONLY: the personal-data key-encryption key is ${file}, beside the data it protects. Anyone who can read DATA_DIR can open learners' personal data. Set ENROLMENT_PERSONAL_DATA_KEY (64 hex characters, from a secret store) in production.`,
    );
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  new Logger('PersonalData').warn(
    'ENROLMENT_PERSONAL_DATA_KEY is not set: using a key-encryption key kept in the service database. Set ENROLMENT_PERSONAL_DATA_KEY (64 hex characters) in production.',
  );
  const em = orm.em.fork();
  await em.execute(`create table if not exists ${KEK_TABLE} (id int primary key, key_hex text not null)`, [], 'run');
  await em.execute(`insert into ${KEK_TABLE} (id, key_hex) values (1, ?) on conflict (id) do nothing`, [randomBytes(32).toString('hex')], 'run');
  const rows = await em.execute<{ key_hex: string }[]>(`select key_hex from ${KEK_TABLE} where id = 1`);
  return Buffer.from(rows[0].key_hex, 'hex');
}
