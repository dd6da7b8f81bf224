import type { RegisteredInstitution } from '../registry/registered-institution';

/**
 * Who a profile in the credential says it is: the issuer, an awarding body or the achievement's creator, with
 * every name, web address and identifier it gives. Read from the signed document, so its signer wrote it.
 */
export interface ClaimedProfile {
  /** Where in the credential, e.g. `issuer`, `awardingBody[1]`, `achievement.creator`. */
  where: string;
  id?: string;
  names: string[];
  /** Web addresses: an http(s) id, `url`, `homepage`, and the domain of a did:web without a path. */
  addresses: string[];
  /** Values of `otherIdentifier[].identifier`. */
  identifiers: string[];
}

export type ClaimKind = 'name' | 'legal name' | 'homepage' | 'identifier';

export interface Impersonation {
  profile: ClaimedProfile;
  member: Pick<RegisteredInstitution, 'institutionId' | 'name' | 'did'>;
  by: ClaimKind;
  /** What the credential says, as it says it. */
  claimed: string;
}

/** Lower case, no accents, punctuation and runs of spaces folded to one space, a leading "the" dropped. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The host a web address names, for comparison: lower case, without a leading `www.` or a trailing dot, port,
 * path or slash, so `https://www.aau.dk/` and `aau.dk` are the same. A bare domain is read as https.
 */
export function normaliseHost(address: string): string | undefined {
  const trimmed = address.trim();
  if (!trimmed) return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed);
  if (hasScheme && !/^https?:\/\//i.test(trimmed)) return undefined;
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return host.includes('.') ? host : undefined;
}

/** The domain a did:web names, when the DID is the domain itself (no path: a platform-hosted DID names the platform). */
export function didWebDomain(did: string): string | undefined {
  const m = /^did:web:([^:]+)$/.exec(did);
  if (!m) return undefined;
  return normaliseHost(decodeURIComponent(m[1]));
}

/**
 * Every claim of a profile to be an alliance member it is not: a member's name or legal name, its homepage (or
 * the domain of its own did:web) or its DID as an identifier, made by a profile whose id is not that member's
 * DID. Holding a member's DID makes a profile that member; no other claim does.
 */
export function impersonationsOf(profiles: readonly ClaimedProfile[], members: readonly RegisteredInstitution[]): Impersonation[] {
  const found: Impersonation[] = [];
  for (const profile of profiles) {
    const self = profile.id === undefined ? undefined : members.find((m) => m.did === profile.id);
    // What a member says of itself is its own to say, even where another member registered the same (a shared name or portal).
    const own = self ? ownClaims(profile, self) : undefined;
    const claims = own
      ? {
          ...profile,
          names: profile.names.filter((n) => !own.names.has(n)),
          addresses: profile.addresses.filter((a) => !own.addresses.has(a)),
        }
      : profile;
    for (const member of members) {
      if (member === self) continue;
      const claim = claimOn(claims, member);
      // The issuer is usually repeated as an awarding body and as the creator: one claim is reported once.
      const repeated =
        claim &&
        profile.id !== undefined &&
        found.some((f) => f.profile.id === profile.id && f.member.did === member.did && f.by === claim.by && f.claimed === claim.claimed);
      if (claim && !repeated)
        found.push({ profile, member: { institutionId: member.institutionId, name: member.name, did: member.did }, ...claim });
    }
  }
  return found;
}

function ownClaims(profile: ClaimedProfile, self: RegisteredInstitution): { names: Set<string>; addresses: Set<string> } {
  const names = new Set([self.name, self.legalName].filter((n): n is string => !!n).map(normaliseName));
  const hosts = new Set(hostsOf(self));
  return {
    names: new Set(profile.names.filter((n) => names.has(normaliseName(n)))),
    addresses: new Set(profile.addresses.filter((a) => hosts.has(normaliseHost(a) ?? ''))),
  };
}

function hostsOf(member: RegisteredInstitution): string[] {
  return [
    ...new Set([member.homepage ? normaliseHost(member.homepage) : undefined, didWebDomain(member.did)].filter((h): h is string => !!h)),
  ];
}

function claimOn(profile: ClaimedProfile, member: RegisteredInstitution): { by: ClaimKind; claimed: string } | undefined {
  const hosts = new Set(hostsOf(member));
  const name = normaliseName(member.name);
  const legal = member.legalName ? normaliseName(member.legalName) : undefined;
  for (const claimed of profile.names) {
    const n = normaliseName(claimed);
    if (!n) continue;
    if (n === name) return { by: 'name', claimed };
    if (n === legal) return { by: 'legal name', claimed };
  }
  for (const claimed of profile.addresses) {
    const host = normaliseHost(claimed);
    if (host && hosts.has(host)) return { by: 'homepage', claimed };
  }
  for (const claimed of profile.identifiers) {
    const value = claimed.trim();
    if (value === member.did) return { by: 'identifier', claimed };
    const host = /^(https?:\/\/|www\.)/i.test(value) ? normaliseHost(value) : undefined;
    if (host && hosts.has(host)) return { by: 'homepage', claimed };
    if (normaliseName(value) && (normaliseName(value) === name || normaliseName(value) === legal)) return { by: 'identifier', claimed };
  }
  return undefined;
}

/** One sentence naming who claims to be whom, and that the registry binds that member to another DID. */
export function describeImpersonation(i: Impersonation): string {
  const who = i.profile.id ? `${i.profile.where} (${i.profile.id})` : i.profile.where;
  const kind = i.by === 'identifier' ? 'an identifier of' : `the ${i.by} of`;
  return `${who} claims ${kind} the alliance member ${i.member.name} ("${i.claimed}"), but that member's DID in the alliance registry is ${i.member.did}: it is not that member`;
}
