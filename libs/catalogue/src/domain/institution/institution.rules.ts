import { isURL } from 'class-validator';
import { isIso3166Alpha2 } from '../shared/country-codes';
import { violation, type Violation } from '../catalogue.exception';
import type { InstitutionProfile } from './institution.events';

// did:web method-specific id: a host (with an optional %3A-encoded port) then ':'-separated path segments.
const DID_WEB = /^did:web:[a-z0-9.-]+(%3[Aa]\d{1,5})?(:[A-Za-z0-9._~%-]+)*$/;
const ISO_3166_2 = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;

export function isDidWeb(did: string): boolean {
  return DID_WEB.test(did) && !did.includes('..');
}

/** Checks a member's profile; uniqueness across members is the application's job (it needs the registry). */
export function profileViolations(profile: InstitutionProfile): Violation[] {
  const out: Violation[] = [];
  const text = (field: keyof InstitutionProfile, min: number, max: number) => {
    const value = profile[field];
    if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
      out.push(violation(field, `institution.${field}-length`, `${field} must be ${min} to ${max} characters`));
    }
  };
  text('name', 2, 200);
  text('legalName', 2, 300);
  if (!isIso3166Alpha2(profile.countryCode)) {
    out.push(violation('countryCode', 'institution.country-code', 'countryCode must be an ISO 3166-1 alpha-2 code such as DK or ES'));
  }
  if (profile.region !== undefined) {
    text('region', 1, 100);
    const subdivision = ISO_3166_2.exec(profile.region);
    if (subdivision && subdivision[1] !== profile.countryCode) {
      out.push(violation('region', 'institution.region-country', `an ISO 3166-2 region must belong to ${profile.countryCode}`));
    }
  }
  if (!isHttpUrl(profile.homepage)) out.push(violation('homepage', 'institution.homepage', 'homepage must be an http(s) URL'));
  if (!isDidWeb(profile.did)) {
    out.push(
      violation(
        'did',
        'institution.did-web',
        'did must be a did:web identifier such as did:web:example.edu or did:web:example.edu:issuers:1',
      ),
    );
  }
  return out;
}

/** An absolute http(s) URL, by the same test the public contracts apply, so nothing stored fails publication. */
export function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && isURL(value, { require_tld: false, require_protocol: true, protocols: ['http', 'https'] });
}

/**
 * The did:web a platform-hosted member gets when none is supplied: the path of its DID document on this
 * platform (`/institutions/<id>/did.json`) written the did:web way, so resolving it reaches that document.
 */
export function platformDidWeb(publicBaseUrl: string, institutionId: string): string {
  const url = new URL(publicBaseUrl);
  const host = url.hostname.toLowerCase() + (url.port ? `%3A${url.port}` : '');
  const path = url.pathname.split('/').filter(Boolean);
  return ['did:web', host, ...path, 'institutions', institutionId].join(':');
}
