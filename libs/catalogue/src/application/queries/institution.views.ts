import type { SigningKeyRecord } from '../../domain/institution/institution.events';
import type { Institution, StatusPeriod } from '../../domain/institution/institution.state';
import { keyCoversInstant } from '../../domain/institution/signing-keys';

export interface SigningKeyView extends SigningKeyRecord {
  /** Relative to the moment of the request. */
  state: 'active' | 'scheduled' | 'expired';
}

export interface InstitutionView {
  id: string;
  name: string;
  legalName: string;
  countryCode: string;
  region?: string;
  homepage: string;
  did: string;
  /** Where this platform serves the member's DID document. */
  didDocumentUrl: string;
  status: Institution['status'];
  registeredAt: string;
  updatedAt: string;
  statusHistory: StatusPeriod[];
  keys: SigningKeyView[];
}

export function keyView(key: SigningKeyRecord, now: string): SigningKeyView {
  const state = keyCoversInstant(key, now) ? 'active' : Date.parse(now) < Date.parse(key.validFrom) ? 'scheduled' : 'expired';
  return { ...key, state };
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
    didDocumentUrl: `${publicBaseUrl.replace(/\/$/, '')}/institutions/${state.institutionId}/did.json`,
    status: state.status,
    registeredAt: state.registeredAt,
    updatedAt,
    statusHistory: state.statusHistory,
    keys: state.keys.map((k) => keyView(k, now)),
  };
}
