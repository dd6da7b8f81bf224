import { type Ed25519KeyPair, generateEd25519KeyPair } from '@alliance/credentials';
import { deciderSpecification, type DecisionContext } from '@alliance/event-sourcing';
import type { AddSigningKey, InstitutionCommand, NewSigningKey, RegisterInstitution } from '../institution/institution.commands';
import { institutionDecider } from '../institution/institution.decider';
import type { InstitutionEvent, KeyChallengeIssued, SigningKeyRecord } from '../institution/institution.events';
import { challengeIssued, proofFor } from './key-possession.fixture';

/** One member's stream built up by the decider itself, for the institution specs. */
export const ID = '0190a3c4-0000-7000-8000-000000000001';
export const DID = 'did:web:www.aau.dk';
export const T0 = new Date('2026-01-10T09:00:00.000Z');
export const T1 = new Date('2026-03-01T12:00:00.000Z');
export const spec = deciderSpecification(institutionDecider);

export const allianceAdmin: Partial<DecisionContext> = { now: T0, actor: { subject: 'alice', role: 'alliance-admin' } };
export const adminOf = (institution: string, now = T0): Partial<DecisionContext> => ({
  now,
  actor: { subject: `admin@${institution}`, role: 'institution-admin', institution },
});
export const ownAdmin = (now = T0) => adminOf(ID, now);

export const register = (overrides: Partial<RegisterInstitution> = {}): RegisterInstitution => ({
  type: 'RegisterInstitution',
  institutionId: ID,
  name: 'Aalborg University',
  legalName: 'Aalborg Universitet',
  countryCode: 'DK',
  region: 'DK-81',
  homepage: 'https://www.aau.dk',
  did: DID,
  ...overrides,
});

export function decide(
  given: InstitutionEvent[],
  command: InstitutionCommand,
  context: Partial<DecisionContext> = ownAdmin(),
): InstitutionEvent[] {
  return institutionDecider.decide(command, stateAfter(given), {
    correlationId: 'c',
    ...allianceAdmin,
    ...context,
  } as DecisionContext) as InstitutionEvent[];
}

export const stateAfter = (events: InstitutionEvent[]) => events.reduce(institutionDecider.evolve, institutionDecider.initialState());

export const registered = (): InstitutionEvent[] => decide([], register(), allianceAdmin);

/** A member registered before onboarding existed: no status in the event, active from the start. */
export function legacyRegistered(): InstitutionEvent[] {
  const [event] = registered();
  const { status: _status, ...data } = event.data as { status?: string };
  return [{ ...event, data } as InstitutionEvent];
}

/** A challenge for `keyId` issued at `at`, and a fresh key pair ready to answer it. */
export function challenged(keyId = 'key-1', at = T0): { issued: KeyChallengeIssued; keyPair: Ed25519KeyPair } {
  return { issued: challengeIssued(ID, keyId, at), keyPair: generateEd25519KeyPair() };
}

export const addWithProof = (issued: KeyChallengeIssued, keyPair: Ed25519KeyPair, key: Partial<NewSigningKey> = {}): AddSigningKey => ({
  type: 'AddSigningKey',
  institutionId: ID,
  key: { publicKeyMultibase: keyPair.publicKeyMultibase, ...key },
  proofOfPossession: proofFor(issued, keyPair),
});

/** Registered, then its first key `key-1` added by its own admin at T0 (which activated it). */
export function withFirstKey(): { history: InstitutionEvent[]; keyPair: Ed25519KeyPair; key: SigningKeyRecord } {
  const { issued, keyPair } = challenged('key-1');
  const given = [...registered(), issued];
  const history = [...given, ...decide(given, addWithProof(issued, keyPair))];
  const key = (history.find((e) => e.type === 'SigningKeyAdded')!.data as { key: SigningKeyRecord }).key;
  return { history, keyPair, key };
}
