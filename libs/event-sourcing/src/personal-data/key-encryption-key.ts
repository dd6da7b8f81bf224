import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ReadModelOrm } from '../read-model';
import { readOrCreateSecretFile } from '../store/secret-file/generated-secret-file';

/** The settings the personal-data keys depend on (a subset of every service's configuration). */
export interface PersonalDataSettings {
  EVENT_STORE: string;
  READ_MODEL?: string;
  DATA_DIR: string;
  /** 32 bytes as 64 hex characters, from a secret store. */
  PERSONAL_DATA_KEY?: string;
  /** Former name of PERSONAL_DATA_KEY, still accepted. */
  ENROLMENT_PERSONAL_DATA_KEY?: string;
  /** Distributed only: allows a key-encryption key generated into the service's database when none is set. */
  PERSONAL_DATA_KEY_IN_DATABASE?: boolean;
}

export interface KekOptions {
  service: string;
  /** The service's database, for the opted-in fallback. */
  orm: ReadModelOrm;
  warn: (message: string) => void;
}

/** Thrown at start-up when a distributed service has no key-encryption key and did not opt in to the fallback. */
export class MissingPersonalDataKeyError extends Error {
  constructor(service: string) {
    super(
      `${service}: PERSONAL_DATA_KEY is not set. Set PERSONAL_DATA_KEY to 32 random bytes in hex (64 characters, e.g. \`openssl rand -hex 32\`) from a secret store, ` +
        'or set PERSONAL_DATA_KEY_IN_DATABASE=true to accept a key kept in the service database (then a database dump alone opens personal data).',
    );
    this.name = 'MissingPersonalDataKeyError';
  }
}

/** Embedded: every store and read model in local files under DATA_DIR (development, a single machine). */
export const isEmbedded = (settings: PersonalDataSettings): boolean =>
  settings.EVENT_STORE === 'embedded' && settings.READ_MODEL !== 'postgres';

/**
 * The key that wraps every learner key of a service. Production sets PERSONAL_DATA_KEY (ENROLMENT_PERSONAL_DATA_KEY
 * is accepted too). Embedded, one is generated once beside the service's data, with a loud warning.
 * Distributed without one the service refuses to start, unless PERSONAL_DATA_KEY_IN_DATABASE opts in to a key
 * generated once into the service's database and shared by its replicas (erasure still works: it deletes the
 * learner's own key).
 */
export async function loadKeyEncryptionKey(settings: PersonalDataSettings, options: KekOptions): Promise<Buffer> {
  const configured = settings.PERSONAL_DATA_KEY ?? settings.ENROLMENT_PERSONAL_DATA_KEY;
  if (configured) return Buffer.from(configured, 'hex');
  if (isEmbedded(settings)) {
    const file = join(settings.DATA_DIR, options.service, 'personal-data-kek.hex');
    const secret = readOrCreateSecretFile(file);
    options.warn(
      `DEVELOPMENT ONLY: the personal-data key-encryption key is ${file}, beside the data it protects. Anyone who can read DATA_DIR can open learners' personal data. Set PERSONAL_DATA_KEY (64 hex characters, from a secret store) in production.`,
    );
    return Buffer.from(secret, 'hex');
  }
  if (!settings.PERSONAL_DATA_KEY_IN_DATABASE) throw new MissingPersonalDataKeyError(options.service);
  options.warn(
    'PERSONAL_DATA_KEY is not set and PERSONAL_DATA_KEY_IN_DATABASE=true: using a key-encryption key kept in the service database. Set PERSONAL_DATA_KEY (64 hex characters) in production.',
  );
  const table = `${options.service}_key_encryption_key`;
  const em = options.orm.em.fork();
  await em.execute(`create table if not exists ${table} (id int primary key, key_hex text not null)`, [], 'run');
  await em.execute(
    `insert into ${table} (id, key_hex) values (1, ?) on conflict (id) do nothing`,
    [randomBytes(32).toString('hex')],
    'run',
  );
  const rows = await em.execute<{ key_hex: string }[]>(`select key_hex from ${table} where id = 1`);
  return Buffer.from(rows[0].key_hex, 'hex');
}
