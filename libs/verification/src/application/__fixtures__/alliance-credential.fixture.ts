import {
  BitstringStatusList,
  buildAchievementCredential,
  buildStatusListCredential,
  type CredentialDefinitionSnapshot,
  type CryptosuiteName,
  generateEd25519KeyPair,
  type JsonObject,
  signCredential,
  statusListEntry,
} from '@alliance/credentials';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';
import type { RegistryReader } from '../ports/registry.port';
import type { FetchedJson, WebFetcher } from '../ports/web-fetcher.port';

export const STATUS_URL = 'https://issuance.alliance.example/status-lists/list-1';
const KEY_FROM = '2025-01-01T00:00:00.000Z';

/** Two members, A (lead) and B, each with a registered key, and a credential both signed. */
export async function allianceFixture(options: { cryptosuite?: CryptosuiteName; validFrom?: string; keyWindowB?: { validFrom: string; validUntil?: string }; suffix?: string } = {}) {
  const s = options.suffix ?? '';
  const keyA = generateEd25519KeyPair();
  const keyB = generateEd25519KeyPair();
  const A: RegisteredInstitution = {
    institutionId: `inst-a${s}`,
    name: 'Aalborg Technical University',
    countryCode: 'DK',
    did: `did:web:aau${s}.example`,
    statusHistory: [{ status: 'active', from: KEY_FROM }],
    keys: [{ keyId: 'key-1', verificationMethodId: `did:web:aau${s}.example#key-1`, publicKeyMultibase: keyA.publicKeyMultibase, validFrom: KEY_FROM }],
  };
  const B: RegisteredInstitution = {
    institutionId: `inst-b${s}`,
    name: 'Hamburg University of Technology',
    countryCode: 'DE',
    did: `did:web:tuhh${s}.example`,
    statusHistory: [{ status: 'active', from: KEY_FROM }],
    keys: [{ keyId: 'key-1', verificationMethodId: `did:web:tuhh${s}.example#key-1`, publicKeyMultibase: keyB.publicKeyMultibase, ...(options.keyWindowB ?? { validFrom: KEY_FROM }) }],
  };
  const definition: CredentialDefinitionSnapshot = {
    id: 'spec-1',
    version: 1,
    title: 'Sustainable Energy Systems',
    description: 'Energy markets and grid integration.',
    learningOutcomes: [{ text: 'Explain how electricity markets clear' }],
    ectsCredits: 6,
    eqfLevel: 7,
    assessmentType: 'Written examination',
    participationForm: 'blended',
    qualityAssurance: { type: 'Internal QA', body: 'Danish Accreditation Institution' },
    awardingBodies: [
      { institutionId: A.institutionId, name: A.name, did: A.did, countryCode: A.countryCode, lead: true },
      { institutionId: B.institutionId, name: B.name, did: B.did, countryCode: B.countryCode, lead: false },
    ],
    language: 'en',
  };
  const unsigned = buildAchievementCredential({
    credentialId: 'urn:uuid:0190f5a0-0000-7000-8000-0000000000c1',
    definition,
    learner: { id: 'l1', givenName: 'Ada', familyName: 'Lovelace' },
    result: { grade: '8' },
    issuanceDate: options.validFrom ?? '2026-01-10T10:00:00Z',
    status: statusListEntry({
      statusListCredential: STATUS_URL,
      statusListIndex: 4242,
      statusPurpose: 'message',
      statusSize: 2,
      statusMessage: ['valid', 'suspended', 'revoked', 'revoked'].map((message, i) => ({ status: `0x${i}`, message })),
    }),
  });
  const cryptosuite = options.cryptosuite ?? 'eddsa-jcs-2022';
  const credential = await signCredential(unsigned, [
    { verificationMethod: `did:web:aau${s}.example#key-1`, privateKey: keyA.secretKey, cryptosuite, created: '2026-01-10T10:00:01Z' },
    { verificationMethod: `did:web:tuhh${s}.example#key-1`, privateKey: keyB.secretKey, cryptosuite, created: '2026-01-10T10:00:02Z' },
  ]);

  /** The status list, as A publishes it, with `status` at the credential's index. */
  async function statusList(status = 0): Promise<JsonObject> {
    const list = new BitstringStatusList({ statusSize: 2 });
    list.setStatus(4242, status);
    const vc = buildStatusListCredential({ id: STATUS_URL, issuer: A.did, statusPurpose: 'message', list, validFrom: '2026-01-10T00:00:00Z' });
    delete (vc.credentialSubject as JsonObject).statusSize;
    return signCredential(vc, [{ verificationMethod: `did:web:aau${s}.example#key-1`, privateKey: keyA.secretKey, cryptosuite: 'eddsa-jcs-2022' }]);
  }

  return { A, B, keyA, keyB, credential: credential as JsonObject, unsigned, statusList };
}

export const registryOf = (...members: RegisteredInstitution[]): RegistryReader => ({ all: async () => members });

/** Serves fixed JSON per URL; any other URL fails as a network error would. */
export function fakeWeb(documents: Record<string, unknown | (() => Promise<unknown>)>): WebFetcher {
  return {
    async fetchJson(url): Promise<FetchedJson> {
      const doc = documents[url];
      if (doc === undefined) return { ok: false, url, error: 'connection refused' };
      return { ok: true, url, json: typeof doc === 'function' ? await (doc as () => Promise<unknown>)() : doc };
    },
  };
}
