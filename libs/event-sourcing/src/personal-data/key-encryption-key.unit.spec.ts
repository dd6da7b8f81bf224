import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModelOrm } from '../read-model';
import { loadKeyEncryptionKey, MissingPersonalDataKeyError } from './key-encryption-key';

// The database fallback is not reached in these cases: an ORM that fails when touched proves it.
const untouchedOrm = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the database was used');
    },
  },
) as ReadModelOrm;

describe('personal data key-encryption key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kek-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const key = 'ab'.repeat(32);
  const warnings: string[] = [];
  const options = { service: 'issuance', orm: untouchedOrm, warn: (m: string) => void warnings.push(m) };

  it('takes PERSONAL_DATA_KEY, and ENROLMENT_PERSONAL_DATA_KEY as its former name', async () => {
    expect(
      (
        await loadKeyEncryptionKey({ EVENT_STORE: 'postgres', READ_MODEL: 'postgres', DATA_DIR: dir, PERSONAL_DATA_KEY: key }, options)
      ).toString('hex'),
    ).toBe(key);
    expect(
      (await loadKeyEncryptionKey({ EVENT_STORE: 'postgres', DATA_DIR: dir, ENROLMENT_PERSONAL_DATA_KEY: key }, options)).toString('hex'),
    ).toBe(key);
  });

  it('refuses to start distributed without a key, naming what to set', async () => {
    const settings = { EVENT_STORE: 'postgres', READ_MODEL: 'postgres', DATA_DIR: dir };
    await expect(loadKeyEncryptionKey(settings, options)).rejects.toThrow(MissingPersonalDataKeyError);
    await expect(loadKeyEncryptionKey(settings, options)).rejects.toThrow(/PERSONAL_DATA_KEY .*PERSONAL_DATA_KEY_IN_DATABASE=true/s);
    await expect(loadKeyEncryptionKey({ EVENT_STORE: 'embedded', READ_MODEL: 'postgres', DATA_DIR: dir }, options)).rejects.toThrow(
      MissingPersonalDataKeyError,
    );
  });

  it('generates one embedded, once, with a warning', async () => {
    const settings = { EVENT_STORE: 'embedded', READ_MODEL: 'pglite', DATA_DIR: dir };
    const first = await loadKeyEncryptionKey(settings, options);
    expect(first).toHaveLength(32);
    expect((await loadKeyEncryptionKey(settings, options)).equals(first)).toBe(true);
    expect(warnings.at(-1)).toMatch(/DEVELOPMENT ONLY.*PERSONAL_DATA_KEY/);
  });
});
