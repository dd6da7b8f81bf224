import {
  BitstringStatusList,
  buildAchievementCredential,
  buildStatusListCredential,
  createDocumentLoader,
  type CredentialDefinitionSnapshot,
  type CryptosuiteName,
  didKeyVerificationMethodOf,
  generateEd25519KeyPair,
  type JsonObject,
  signCredential,
  statusListEntry,
} from '@alliance/credentials';
import type { KeyCustody, RegisteredInstitution, RegisteredKey } from '../../domain/registry/registered-institution';
import type { RegistryReader } from '../ports/registry.port';
import type { FetchedJson, WebFetcher } from '../ports/web-fetcher.port';

export const STATUS_URL = 'https://issuance.alliance.example/status-lists/list-1';
/** Where the fixture's platform serves its JSON-LD contexts; a verifier is told so with `contextBaseUrls`. */
export const CONTEXT_BASE_URL = 'https://issuance.alliance.example';
const platformContexts = createDocumentLoader({ servedAt: [CONTEXT_BASE_URL] });
const KEY_FROM = '2025-01-01T00:00:00.000Z';

/** A member active since KEY_FROM with one registered key, `key-1`. */
function member(
  identity: Pick<RegisteredInstitution, 'institutionId' | 'name' | 'countryCode' | 'did'>,
  key: Omit<RegisteredKey, 'keyId' | 'verificationMethodId'>,
): RegisteredInstitution {
  return {
    ...identity,
    statusHistory: [{ status: 'active', from: KEY_FROM }],
    keys: [{ keyId: 'key-1', verificationMethodId: `${identity.did}#key-1`, ...key }],
  };
}

/** Two members, A (lead) and B, each with a registered key, and a credential both signed. */
export async function allianceFixture(
  options: {
    cryptosuite?: CryptosuiteName;
    validFrom?: string;
    keyWindowB?: { validFrom: string; validUntil?: string };
    suffix?: string;
    /** A's DID, e.g. one a local HTTPS server hosts. */
    didA?: string;
    /** B's DID, e.g. a platform-hosted `did:web:<catalogue host>:institutions:<id>`. */
    didB?: string;
    custody?: { A?: KeyCustody; B?: KeyCustody };
    /**
     * The credential's status entries: a legacy 2-bit `message` entry (default), a `revocation` entry alone, or a
     * revocation and a suspension entry, each on its own 1-bit list (`<STATUS_URL>-<purpose>`).
     */
    statusEntries?: 'message' | 'revocation' | 'revocation-and-suspension';
  } = {},
) {
  const s = options.suffix ?? '';
  const didA = options.didA ?? `did:web:aau${s}.example`;
  const didB = options.didB ?? `did:web:tuhh${s}.example`;
  const keyA = generateEd25519KeyPair();
  const keyB = generateEd25519KeyPair();
  const A = member(
    { institutionId: `inst-a${s}`, name: 'Aalborg Technical University', countryCode: 'DK', did: didA },
    { publicKeyMultibase: keyA.publicKeyMultibase, validFrom: KEY_FROM, ...(options.custody?.A ? { custody: options.custody.A } : {}) },
  );
  const B = member(
    { institutionId: `inst-b${s}`, name: 'Hamburg University of Technology', countryCode: 'DE', did: didB },
    {
      publicKeyMultibase: keyB.publicKeyMultibase,
      ...(options.keyWindowB ?? { validFrom: KEY_FROM }),
      ...(options.custody?.B ? { custody: options.custody.B } : {}),
    },
  );
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
  const cryptosuite = options.cryptosuite ?? 'eddsa-jcs-2022';
  function statusEntries() {
    if (options.statusEntries === 'revocation' || options.statusEntries === 'revocation-and-suspension') {
      const purposes = options.statusEntries === 'revocation' ? (['revocation'] as const) : (['revocation', 'suspension'] as const);
      const entries = purposes.map((purpose) =>
        statusListEntry({ statusListCredential: `${STATUS_URL}-${purpose}`, statusListIndex: 4242, statusPurpose: purpose }),
      );
      return entries.length === 1 ? entries[0]! : entries;
    }
    return statusListEntry({
      statusListCredential: STATUS_URL,
      statusListIndex: 4242,
      statusPurpose: 'message',
      statusSize: 2,
      statusMessage: ['valid', 'suspended', 'revoked', 'revoked'].map((message, i) => ({ status: `0x${i}`, message })),
    });
  }
  /** The credential as both members sign it, taking effect at `validFrom`. */
  async function issue(validFrom: string) {
    const unsigned = buildAchievementCredential({
      credentialId: 'urn:uuid:0190f5a0-0000-7000-8000-0000000000c1',
      definition,
      learner: { id: 'l1', givenName: 'Ada', familyName: 'Lovelace' },
      result: { grade: '8' },
      issuanceDate: validFrom,
      contextBaseUrl: CONTEXT_BASE_URL,
      status: statusEntries(),
    });
    const credential = await signCredential(
      unsigned,
      [
        { verificationMethod: `${didA}#key-1`, privateKey: keyA.secretKey, cryptosuite, created: '2026-01-10T10:00:01Z' },
        { verificationMethod: `${didB}#key-1`, privateKey: keyB.secretKey, cryptosuite, created: '2026-01-10T10:00:02Z' },
      ],
      { documentLoader: platformContexts },
    );
    return { unsigned, credential: credential as JsonObject };
  }
  const { unsigned, credential } = await issue(options.validFrom ?? '2026-01-10T10:00:00Z');

  /**
   * The status list, as A publishes it, with `status` at the credential's index; or as someone else would forge
   * it: naming another issuer, signed with another key, dated otherwise.
   */
  async function statusList(
    status = 0,
    forged: { issuer?: string; signer?: { verificationMethod: string; secretKey: Uint8Array }; validFrom?: string } = {},
  ): Promise<JsonObject> {
    const list = new BitstringStatusList({ statusSize: 2 });
    list.setStatus(4242, status);
    const vc = buildStatusListCredential({
      id: STATUS_URL,
      issuer: forged.issuer ?? A.did,
      statusPurpose: 'message',
      list,
      validFrom: forged.validFrom ?? '2026-01-10T00:00:00Z',
    });
    delete (vc.credentialSubject as JsonObject).statusSize;
    const signer = forged.signer ?? { verificationMethod: `${didA}#key-1`, secretKey: keyA.secretKey };
    return signCredential(vc, [
      { verificationMethod: signer.verificationMethod, privateKey: signer.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
  }

  /** A's 1-bit list of one purpose (`<STATUS_URL>-<purpose>`), with `status` at the credential's index. */
  async function purposeList(purpose: 'revocation' | 'suspension', status = 0): Promise<JsonObject> {
    const list = new BitstringStatusList({});
    list.setStatus(4242, status);
    const vc = buildStatusListCredential({
      id: `${STATUS_URL}-${purpose}`,
      issuer: A.did,
      statusPurpose: purpose,
      list,
      validFrom: '2026-01-10T00:00:00.000Z',
    });
    return signCredential(vc, [{ verificationMethod: `${didA}#key-1`, privateKey: keyA.secretKey, cryptosuite: 'eddsa-jcs-2022' }]);
  }

  /**
   * The same credential, but issued and awarded by `profile` (its id a throw-away did:key unless it names one)
   * and signed only by that did:key: what anyone can make without the alliance.
   */
  async function outsider(profile: (did: string) => JsonObject, options: { keepStatus?: boolean } = {}) {
    const key = generateEd25519KeyPair();
    const did = `did:key:${key.publicKeyMultibase}`;
    const issuer = { type: ['Profile'], ...profile(did) };
    const doc = structuredClone(unsigned) as JsonObject;
    doc.issuer = issuer;
    if (!options.keepStatus) delete doc.credentialStatus;
    const subject = doc.credentialSubject as JsonObject;
    const achievement = subject.achievement as JsonObject;
    subject.achievement = { ...achievement, creator: issuer, awardingBody: [issuer] };
    const signed = await signCredential(doc, [
      { verificationMethod: didKeyVerificationMethodOf(key.publicKeyMultibase), privateKey: key.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    return { credential: signed as JsonObject, did, key };
  }

  return { A, B, keyA, keyB, credential, unsigned, statusList, purposeList, issue, outsider };
}

/** A third member, C, registered with a key of its own but awarding nothing in the fixture's credential. */
export function thirdMember(suffix = '') {
  const key = generateEd25519KeyPair();
  const did = `did:web:polimi${suffix}.example`;
  const C: RegisteredInstitution = {
    institutionId: `inst-c${suffix}`,
    name: 'Politecnico di Milano',
    countryCode: 'IT',
    did,
    statusHistory: [{ status: 'active', from: KEY_FROM }],
    keys: [{ keyId: 'key-1', verificationMethodId: `${did}#key-1`, publicKeyMultibase: key.publicKeyMultibase, validFrom: KEY_FROM }],
  };
  return { C, key };
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
