import { deciderSpecification } from '@alliance/event-sourcing';
import { freshPublicKey } from '../__fixtures__/keys.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { RegisterInstitution } from './institution.commands';
import type { InstitutionEvent } from './institution.events';
import { institutionDecider } from './institution.decider';

const ID = '0190a3c4-0000-7000-8000-000000000001';
const T0 = new Date('2026-01-10T09:00:00.000Z');
const T1 = new Date('2026-03-01T12:00:00.000Z');
const at = (now: Date) => ({ now });
const spec = deciderSpecification(institutionDecider);

const register = (overrides: Partial<RegisterInstitution> = {}): RegisterInstitution => ({
  type: 'RegisterInstitution',
  institutionId: ID,
  name: 'Aalborg University',
  legalName: 'Aalborg Universitet',
  countryCode: 'DK',
  region: 'DK-81',
  homepage: 'https://www.aau.dk',
  did: 'did:web:www.aau.dk',
  ...overrides,
});

const decide = (given: InstitutionEvent[], command: Parameters<typeof institutionDecider.decide>[0], now = T0): InstitutionEvent[] => {
  const state = given.reduce(institutionDecider.evolve, institutionDecider.initialState());
  return institutionDecider.decide(command, state, { now, actor: { subject: 'admin' }, correlationId: 'c' }) as InstitutionEvent[];
};
const registered = (): InstitutionEvent => decide([], register())[0];
const keyAdded = (): InstitutionEvent[] => decide([registered()], { type: 'AddSigningKey', key: freshPublicKey() });

describe('institution decider', () => {
  it('registers a member with its profile', () => {
    spec
      .given([])
      .when(register(), at(T0))
      .then({
        type: 'InstitutionRegistered',
        data: {
          institutionId: ID,
          name: 'Aalborg University',
          legalName: 'Aalborg Universitet',
          countryCode: 'DK',
          region: 'DK-81',
          homepage: 'https://www.aau.dk',
          did: 'did:web:www.aau.dk',
          registeredAt: T0.toISOString(),
        },
      });
  });

  it('names every bad field of a registration at once', () => {
    spec
      .given([])
      .when(register({ countryCode: 'XX', did: 'did:key:z6Mk', homepage: 'ftp://x', region: 'SE-AB' }))
      .thenThrows((e) => {
        const rules = (e as { violations: { rule: string }[] }).violations.map((v) => v.rule).sort();
        expect(rules).toEqual(['institution.country-code', 'institution.did-web', 'institution.homepage', 'institution.region-country']);
        return true;
      });
  });

  it('refuses a region of another country, and registering the same id twice', () => {
    spec.given([]).when(register({ region: 'SE-AB' })).thenThrows(rejected('institution.region-country', 422, 'region'));
    spec.given([registered()]).when(register()).thenThrows(rejected('institution.already-registered', 409));
  });

  it('adds a key given as a multikey and records both forms', () => {
    const key = freshPublicKey();
    spec
      .given([registered()])
      .when({ type: 'AddSigningKey', key: { publicKeyMultibase: key.publicKeyMultibase } }, at(T0))
      .then({
        type: 'SigningKeyAdded',
        data: {
          institutionId: ID,
          key: {
            keyId: 'key-1',
            verificationMethodId: 'did:web:www.aau.dk#key-1',
            type: 'Multikey',
            algorithm: 'Ed25519',
            ...key,
            custody: 'institution',
            validFrom: T0.toISOString(),
          },
        },
      });
  });

  it('accepts a public JWK but never private key material', () => {
    const key = freshPublicKey();
    spec
      .given([registered()])
      .when({ type: 'AddSigningKey', key: { publicKeyJwk: { ...key.publicKeyJwk, d: 'secret' } } })
      .thenThrows(rejected('key.private-key-refused', 422, 'key.publicKeyJwk.d'));
    spec
      .given([registered()])
      .when({ type: 'AddSigningKey', key: { publicKeyJwk: key.publicKeyJwk, keyId: 'aau-2026', custody: 'issuance-service' } })
      .thenState((s) => expect(s?.keys[0]).toMatchObject({ keyId: 'aau-2026', publicKeyMultibase: key.publicKeyMultibase, custody: 'issuance-service' }));
  });

  it('refuses keys that are not Ed25519, repeated, or backdated', () => {
    const added = keyAdded();
    const existing = (added[0].data as { key: { publicKeyMultibase: string } }).key;
    spec
      .given([registered()])
      .when({ type: 'AddSigningKey', key: { publicKeyMultibase: 'zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme' } })
      .thenThrows(rejected('key.not-ed25519', 422, 'key.publicKeyMultibase'));
    spec
      .given([registered(), ...added])
      .when({ type: 'AddSigningKey', key: { publicKeyMultibase: existing.publicKeyMultibase, keyId: 'other' } })
      .thenThrows(rejected('key.already-registered', 409));
    spec.given([registered(), ...added]).when({ type: 'AddSigningKey', key: { ...freshPublicKey(), keyId: 'key-1' } }).thenThrows(rejected('key.key-id-taken', 409));
    spec
      .given([registered()])
      .when({ type: 'AddSigningKey', key: { ...freshPublicKey(), validFrom: '2025-01-01T00:00:00Z' } }, at(T0))
      .thenThrows(rejected('key.backdated', 422, 'key.validFrom'));
  });

  it('rotates a current key: the old one ends when the new one starts', () => {
    const added = keyAdded();
    const next = freshPublicKey();
    const [rotated] = decide([registered(), ...added], { type: 'RotateSigningKey', previousKeyId: 'key-1', newKey: next, reason: 'yearly' }, T1);
    expect(rotated).toMatchObject({
      type: 'SigningKeyRotated',
      data: { previousKeyId: 'key-1', previousValidUntil: T1.toISOString(), reason: 'yearly', newKey: { keyId: 'key-2', validFrom: T1.toISOString(), ...next } },
    });
    spec
      .given([registered(), ...added, rotated])
      .when({ type: 'RotateSigningKey', previousKeyId: 'key-1', newKey: freshPublicKey() }, at(T1))
      .thenThrows(rejected('key.not-current', 409));
    spec.given([registered()]).when({ type: 'RotateSigningKey', previousKeyId: 'nope', newKey: freshPublicKey() }).thenThrows(rejected('signing-key-not-found', 404));
  });

  it('suspends, reinstates and removes; a removed member is read-only', () => {
    const suspended: InstitutionEvent = { type: 'InstitutionSuspended', data: { institutionId: ID, reason: 'QA review', suspendedAt: T1.toISOString() } };
    const removed: InstitutionEvent = { type: 'InstitutionRemoved', data: { institutionId: ID, reason: 'left', removedAt: T1.toISOString() } };
    spec.given([registered()]).when({ type: 'SuspendInstitution', reason: 'QA review' }, at(T1)).then(suspended);
    spec.given([registered(), suspended]).when({ type: 'SuspendInstitution', reason: 'again' }).thenThrows(rejected('institution.not-active', 409));
    spec
      .given([registered(), suspended])
      .when({ type: 'ReinstateInstitution' }, at(T1))
      .then({ type: 'InstitutionReinstated', data: { institutionId: ID, reinstatedAt: T1.toISOString() } });
    spec.given([registered()]).when({ type: 'ReinstateInstitution' }).thenThrows(rejected('institution.not-suspended', 409));
    spec.given([registered(), suspended]).when({ type: 'RemoveInstitution', reason: 'left' }, at(T1)).then(removed);
    spec.given([registered(), removed]).when({ type: 'AddSigningKey', key: freshPublicKey() }).thenThrows(rejected('institution.removed', 409));
    spec.given([registered()]).when({ type: 'RemoveInstitution', reason: ' ' }).thenThrows(rejected('reason.required', 422, 'reason'));
  });

  it('rejects commands on an unknown institution with 404', () => {
    spec.given([]).when({ type: 'SuspendInstitution', reason: 'x' }).thenThrows(rejected('institution-not-found', 404));
  });
});
