import type { JsonObject } from '@alliance/credentials';
import { type ClaimedProfile, didWebDomain } from '../../domain/policy/impersonation';

const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const strings = (v: unknown): string[] =>
  ([] as unknown[]).concat(v ?? []).filter((s): s is string => typeof s === 'string' && s.trim().length > 0);

/**
 * Every profile the credential names (its issuer, each awarding body, the achievement's creator) with every way
 * it identifies itself: names (also a language map's values), web addresses and other identifiers.
 */
export function claimedProfilesOf(credential: JsonObject): ClaimedProfile[] {
  const achievement = obj(obj(credential.credentialSubject)?.achievement);
  const out: ClaimedProfile[] = [];
  const add = (where: string, value: unknown) => {
    if (typeof value === 'string') return void out.push(profileOf(where, { id: value }));
    const p = obj(value);
    if (p) out.push(profileOf(where, p));
  };
  add('issuer', credential.issuer);
  ([] as unknown[]).concat(achievement?.awardingBody ?? []).forEach((b, i) => add(`awardingBody[${i}]`, b));
  if (achievement?.creator !== undefined) add('achievement.creator', achievement.creator);
  return out;
}

function profileOf(where: string, p: JsonObject): ClaimedProfile {
  const id = typeof p.id === 'string' && p.id ? p.id : undefined;
  const names = [
    ...strings(p.name),
    ...Object.values(obj(p.name) ?? {}).flatMap(strings),
    ...strings(p.legalName),
    ...strings(p.legalname),
  ];
  const addresses = [...strings(p.url), ...strings(p.homepage), ...Object.values(obj(p.url) ?? {}).flatMap(strings)];
  if (id && /^https?:\/\//i.test(id)) addresses.push(id);
  const domain = id ? didWebDomain(id) : undefined;
  if (domain) addresses.push(domain);
  const identifiers = ([] as unknown[])
    .concat(p.otherIdentifier ?? [])
    .map((e) => (typeof e === 'string' ? e : obj(e)?.identifier))
    .flatMap(strings);
  return { where, ...(id ? { id } : {}), names, addresses, identifiers };
}
