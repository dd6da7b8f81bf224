import { type DidHosting, didHostingOf } from '../../domain/institution/did-hosting';
import type { InstitutionProfile, SigningKeyRecord } from '../../domain/institution/institution.events';
import type { Institution, RejectedKey, StatusPeriod } from '../../domain/institution/institution.state';
import { isCompromisedAt, keyCoversInstant } from '../../domain/institution/signing-keys';

export interface SigningKeyView extends SigningKeyRecord {
  /** Relative to the moment of the request. */
  state: 'active' | 'scheduled' | 'expired' | 'revoked' | 'compromised';
}

export interface InstitutionView extends InstitutionProfile {
  id: string;
  /** Who publishes the DID document: this platform (at didDocumentUrl), or the institution at its own domain. */
  didHosting: DidHosting;
  /** Where this platform serves the member's DID document. */
  didDocumentUrl: string;
  status: Institution['status'];
  registeredAt: string;
  updatedAt: string;
  statusHistory: StatusPeriod[];
  keys: SigningKeyView[];
  /** Keys whose stored proof of possession does not verify: never bound to the member, listed for auditors. */
  rejectedKeys?: RejectedKey[];
}

export function keyView(key: SigningKeyRecord, now: string): SigningKeyView {
  return { ...key, state: keyState(key, now) };
}

function keyState(key: SigningKeyRecord, now: string): SigningKeyView['state'] {
  if (isCompromisedAt(key, now)) return 'compromised';
  if (keyCoversInstant(key, now)) return 'active';
  if (Date.parse(now) < Date.parse(key.validFrom)) return 'scheduled';
  return key.revokedAt !== undefined && Date.parse(now) >= Date.parse(key.revokedAt) ? 'revoked' : 'expired';
}

export function institutionView(state: Institution, updatedAt: string, publicBaseUrl: string, now: string): InstitutionView {
  return {
    id: state.institutionId,
    name: state.name,
    legalName: state.legalName,
    countryCode: state.countryCode,
    ...(state.region ? { region: state.region } : {}),
    homepage: state.homepage,
    did: state.did,
    didHosting: didHostingOf(state.did, state.institutionId, publicBaseUrl),
    didDocumentUrl: `${publicBaseUrl.replace(/\/$/, '')}/institutions/${state.institutionId}/did.json`,
    status: state.status,
    registeredAt: state.registeredAt,
    updatedAt,
    statusHistory: state.statusHistory,
    keys: state.keys.map((k) => keyView(k, now)),
    ...(state.rejectedKeys.length > 0 ? { rejectedKeys: state.rejectedKeys } : {}),
  };
}
