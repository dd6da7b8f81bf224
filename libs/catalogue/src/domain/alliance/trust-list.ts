import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { type DidHosting, didHostingOf } from '../institution/did-hosting';
import type { InstitutionProfile, SigningKeyRecord } from '../institution/institution.events';
import type { Institution, StatusPeriod } from '../institution/institution.state';
import { platformDidWeb } from '../institution/institution.rules';
import { presentFields } from '../present-fields';

/** Vocabulary of the trust list's own terms. */
export const TRUST_LIST_VOCABULARY = 'https://alliance-credentials.example/ns/trust-list#';

/**
 * The trust list's terms, defined inline so the document needs no context beyond the VC 2.0 one: a verifier
 * that does JSON-LD processing expands every term, one that does not (eddsa-jcs-2022) needs nothing fetched.
 */
export const TRUST_LIST_CONTEXT = {
  '@protected': true,
  tl: TRUST_LIST_VOCABULARY,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  AllianceTrustList: 'tl:AllianceTrustList',
  AllianceRegistry: 'tl:AllianceRegistry',
  AllianceMember: 'tl:AllianceMember',
  MemberKey: 'tl:MemberKey',
  registryState: { '@id': 'tl:registryState' },
  member: { '@id': 'tl:member', '@type': '@id', '@container': '@set' },
  institutionId: { '@id': 'tl:institutionId' },
  legalName: { '@id': 'tl:legalName' },
  countryCode: { '@id': 'tl:countryCode' },
  region: { '@id': 'tl:region' },
  homepage: { '@id': 'tl:homepage', '@type': '@id' },
  didHosting: { '@id': 'tl:didHosting' },
  didDocument: { '@id': 'tl:didDocument', '@type': '@id' },
  membershipStatus: { '@id': 'tl:membershipStatus' },
  statusHistory: { '@id': 'tl:statusHistory', '@container': '@list' },
  since: { '@id': 'tl:since', '@type': 'xsd:dateTime' },
  reason: { '@id': 'tl:reason' },
  key: { '@id': 'tl:key', '@type': '@id', '@container': '@set' },
  controller: { '@id': 'https://w3id.org/security#controller', '@type': '@id' },
  publicKeyMultibase: { '@id': 'https://w3id.org/security#publicKeyMultibase', '@type': 'https://w3id.org/security#multibase' },
  custody: { '@id': 'tl:custody' },
  keyValidFrom: { '@id': 'tl:keyValidFrom', '@type': 'xsd:dateTime' },
  keyValidUntil: { '@id': 'tl:keyValidUntil', '@type': 'xsd:dateTime' },
  revokedAt: { '@id': 'tl:revokedAt', '@type': 'xsd:dateTime' },
  revocationReason: { '@id': 'tl:revocationReason' },
  compromisedSince: { '@id': 'tl:compromisedSince', '@type': 'xsd:dateTime' },
} as const;

export interface TrustListKey {
  id: string;
  type: 'MemberKey';
  controller: string;
  publicKeyMultibase: string;
  custody: SigningKeyRecord['custody'];
  keyValidFrom: string;
  keyValidUntil?: string;
  revokedAt?: string;
  revocationReason?: string;
  compromisedSince?: string;
}

export interface TrustListMember extends Omit<InstitutionProfile, 'did'> {
  /** The member's DID. */
  id: string;
  type: 'AllianceMember';
  institutionId: string;
  didHosting: DidHosting;
  didDocument: string;
  membershipStatus: Institution['status'];
  statusHistory: { membershipStatus: StatusPeriod['status']; since: string; reason?: string }[];
  key: TrustListKey[];
}

/** The signed document, before its proof. */
export interface UnsignedTrustList {
  '@context': [string, typeof TRUST_LIST_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'AllianceTrustList'];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'AllianceRegistry';
    /** SHA-256 of the JCS form of `member`: equal states, equal value. */
    registryState: string;
    member: TrustListMember[];
  };
}

/** The alliance's own did:web, served by the catalogue at `<url>/alliance/did.json`. */
export function allianceDid(catalogueBaseUrl: string): string {
  return platformDidWeb(catalogueBaseUrl, '').split(':').slice(0, -2).concat('alliance').join(':');
}

/** Every member, in registry-id order, with its membership history and every key bound to it. */
export function trustListMembers(institutions: readonly Institution[], catalogueBaseUrl: string): TrustListMember[] {
  const base = catalogueBaseUrl.replace(/\/$/, '');
  return [...institutions]
    .sort((a, b) => (a.institutionId < b.institutionId ? -1 : a.institutionId > b.institutionId ? 1 : 0))
    .map((i) => ({
      id: i.did,
      type: 'AllianceMember',
      institutionId: i.institutionId,
      name: i.name,
      legalName: i.legalName,
      countryCode: i.countryCode,
      ...(i.region ? { region: i.region } : {}),
      homepage: i.homepage,
      didHosting: didHostingOf(i.did, i.institutionId, catalogueBaseUrl),
      didDocument: `${base}/institutions/${i.institutionId}/did.json`,
      membershipStatus: i.status,
      statusHistory: i.statusHistory.map((p) => ({ membershipStatus: p.status, since: p.from, ...(p.reason ? { reason: p.reason } : {}) })),
      key: i.keys.map((k) => trustListKey(i.did, k)),
    }));
}

function trustListKey(did: string, k: SigningKeyRecord): TrustListKey {
  return {
    id: k.verificationMethodId,
    type: 'MemberKey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
    custody: k.custody,
    keyValidFrom: k.validFrom,
    ...presentFields({
      keyValidUntil: k.validUntil,
      revokedAt: k.revokedAt,
      revocationReason: k.revocationReason,
      compromisedSince: k.compromisedSince,
    }),
  };
}

/** `sha256:<hex>` of the JCS form of the members: what identifies a registry state. */
export function registryStateOf(members: readonly TrustListMember[]): string {
  return `sha256:${createHash('sha256')
    .update(canonicalize(members) as string)
    .digest('hex')}`;
}

/** The trust list of one registry state, ready to be signed by the alliance key. */
export function unsignedTrustList(options: { catalogueBaseUrl: string; members: TrustListMember[]; validFrom: string }): UnsignedTrustList {
  const issuer = allianceDid(options.catalogueBaseUrl);
  const registryState = registryStateOf(options.members);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', TRUST_LIST_CONTEXT],
    id: `${options.catalogueBaseUrl.replace(/\/$/, '')}/trust-list#${registryState.slice('sha256:'.length, 'sha256:'.length + 16)}`,
    type: ['VerifiableCredential', 'AllianceTrustList'],
    issuer,
    validFrom: options.validFrom,
    credentialSubject: { id: issuer, type: 'AllianceRegistry', registryState, member: options.members },
  };
}
