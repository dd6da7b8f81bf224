import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEd25519KeyPair } from '@alliance/credentials';
import { loadConfig, maskSecrets } from '@alliance/nest-kit';
import { CatalogueConfig } from '../../catalogue.config';
import { loadAllianceKey } from './alliance-key';

describe('the alliance trust list key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'alliance-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = (env: Record<string, string> = {}) => loadConfig('catalogue', CatalogueConfig, { DATA_DIR: dataDir, ...env });

  it('reads a 32-byte seed in hex or a z… Multikey secret, and masks it when the configuration is logged', () => {
    const pair = generateEd25519KeyPair();
    const hex = Buffer.from(pair.secretKey).toString('hex');
    expect(loadAllianceKey(config({ CATALOGUE_TRUST_LIST_KEY: hex }))).toMatchObject({
      publicKeyMultibase: pair.publicKeyMultibase,
      generated: false,
    });
    expect(loadAllianceKey(config({ CATALOGUE_TRUST_LIST_KEY: pair.secretKeyMultibase }))).toMatchObject({
      publicKeyMultibase: pair.publicKeyMultibase,
      generated: false,
    });
    expect(maskSecrets(config({ CATALOGUE_TRUST_LIST_KEY: hex }))['CATALOGUE_TRUST_LIST_KEY']).toBe('***');
  });

  it('refuses at start a value that is not an Ed25519 private key', () => {
    expect(() => config({ CATALOGUE_TRUST_LIST_KEY: 'not-a-key' })).toThrow(/CATALOGUE_TRUST_LIST_KEY/);
    expect(() => config({ CATALOGUE_TRUST_LIST_KEY: generateEd25519KeyPair().publicKeyMultibase })).not.toThrow();
    expect(() => loadAllianceKey(config({ CATALOGUE_TRUST_LIST_KEY: generateEd25519KeyPair().publicKeyMultibase }))).toThrow(
      /CATALOGUE_TRUST_LIST_KEY is not an Ed25519 private key/,
    );
  });

  it('without a configured key generates a development key once under DATA_DIR/catalogue and reuses it', () => {
    const first = loadAllianceKey(config());
    expect(first).toMatchObject({ generated: true, file: join(dataDir, 'catalogue', 'development-trust-list-key.hex') });
    expect(readFileSync(first.file!, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(first.file!).mode & 0o077).toBe(0);
    expect(loadAllianceKey(config()).publicKeyMultibase).toBe(first.publicKeyMultibase);
  });
});
