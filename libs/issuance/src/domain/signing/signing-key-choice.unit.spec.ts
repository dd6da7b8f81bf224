import type { InstitutionSnapshot, RegisteredKey } from '../knowledge/institution-snapshot';
import { chooseSigningKey } from './signing-key-choice';

const key = (keyId: string, pk: string, validFrom: string, validUntil?: string): RegisteredKey => ({
  keyId,
  verificationMethodId: `did:web:a.example#${keyId}`,
  publicKeyMultibase: pk,
  custody: 'issuance-service',
  validFrom,
  ...(validUntil ? { validUntil } : {}),
});
const institution = (
  keys: RegisteredKey[],
  statusHistory: InstitutionSnapshot['statusHistory'] = [{ status: 'active', from: '2025-01-01T00:00:00.000Z' }],
): InstitutionSnapshot => ({
  institutionId: 'a',
  name: 'A',
  countryCode: 'DK',
  did: 'did:web:a.example',
  status: statusHistory[statusHistory.length - 1].status,
  statusHistory,
  keys,
});
const held = [
  { keyRef: 'r1', publicKeyMultibase: 'z1', generatedAt: '2025-01-01T00:00:00.000Z' },
  { keyRef: 'r2', publicKeyMultibase: 'z2', generatedAt: '2025-06-01T00:00:00.000Z' },
];

describe('choosing the platform key to sign with', () => {
  it('takes a registered key the platform holds, valid at the instant', () => {
    const choice = chooseSigningKey(institution([key('key-1', 'z1', '2025-01-02T00:00:00.000Z')]), held, '2026-01-01T00:00:00.000Z');
    expect(choice).toMatchObject({ usable: true, keyRef: 'r1', key: { keyId: 'key-1' } });
  });

  it('after a rotation takes the new key, and the old one for instants before it', () => {
    const inst = institution([
      key('key-1', 'z1', '2025-01-02T00:00:00.000Z', '2025-07-01T00:00:00.000Z'),
      key('key-2', 'z2', '2025-07-01T00:00:00.000Z'),
    ]);
    expect(chooseSigningKey(inst, held, '2026-01-01T00:00:00.000Z')).toMatchObject({ keyRef: 'r2' });
    expect(chooseSigningKey(inst, held, '2025-03-01T00:00:00.000Z')).toMatchObject({ keyRef: 'r1' });
  });

  it('explains why it cannot sign', () => {
    expect(chooseSigningKey(undefined, held, '2026-01-01T00:00:00.000Z')).toEqual({ usable: false, reason: 'institution-unknown' });
    expect(chooseSigningKey(institution([key('key-1', 'z1', '2025-01-02T00:00:00.000Z')]), [], '2026-01-01T00:00:00.000Z')).toEqual({
      usable: false,
      reason: 'no-platform-key',
    });
    expect(chooseSigningKey(institution([key('key-9', 'z9', '2025-01-02T00:00:00.000Z')]), held, '2026-01-01T00:00:00.000Z')).toEqual({
      usable: false,
      reason: 'no-registered-platform-key',
    });
    expect(chooseSigningKey(institution([key('key-1', 'z1', '2026-02-01T00:00:00.000Z')]), held, '2026-01-01T00:00:00.000Z')).toEqual({
      usable: false,
      reason: 'no-key-valid-at-instant',
    });
  });

  it('never signs for a suspended member', () => {
    const inst = institution(
      [key('key-1', 'z1', '2025-01-02T00:00:00.000Z')],
      [
        { status: 'active', from: '2025-01-01T00:00:00.000Z' },
        { status: 'suspended', from: '2025-12-01T00:00:00.000Z' },
      ],
    );
    expect(chooseSigningKey(inst, held, '2026-01-01T00:00:00.000Z')).toEqual({ usable: false, reason: 'institution-not-active' });
  });

  it('does not sign for a member suspended or removed since the credential was drafted, though it was active then', () => {
    const keys = [key('key-1', 'z1', '2025-01-02T00:00:00.000Z')];
    for (const status of ['suspended', 'removed'] as const) {
      const since = institution(keys, [
        { status: 'active', from: '2025-01-01T00:00:00.000Z' },
        { status, from: '2026-02-01T00:00:00.000Z' },
      ]);
      expect(chooseSigningKey(since, held, '2026-01-01T00:00:00.000Z')).toEqual({ usable: false, reason: 'institution-not-active' });
    }
    const reinstated = institution(keys, [
      { status: 'active', from: '2025-01-01T00:00:00.000Z' },
      { status: 'suspended', from: '2026-02-01T00:00:00.000Z' },
      { status: 'active', from: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(chooseSigningKey(reinstated, held, '2026-01-01T00:00:00.000Z')).toMatchObject({ usable: true, keyRef: 'r1' });
  });
});
