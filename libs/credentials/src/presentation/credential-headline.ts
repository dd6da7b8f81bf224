import type { JsonObject } from '../data-integrity/types';
import { countryName, listOf, objectOf, plainDate, plainText } from './plain-text';

/** What a reader of a credential looks for first, in plain text. */
export interface CredentialHeadline {
  title: string;
  description?: string;
  /** The learner's name as the credential states it (an unhashed `name` identifier), else the subject's id. */
  learner?: string;
  /** The award date ("30 June 2025"), else the date the credential is valid from. */
  awarded?: string;
  /** Each awarding body with its country and region, the issuer first: "University A (Germany, Bavaria)". */
  awardingBodies: string[];
  id?: string;
}

/** The headline of an Open Badges 3.0 credential as this library builds it; odd or missing fields are left out. */
export function credentialHeadline(credential: JsonObject): CredentialHeadline {
  const subject = objectOf(credential.credentialSubject);
  const achievement = objectOf(subject?.achievement);
  const description = plainText(achievement?.description) || plainText(credential.description);
  const learner = learnerOf(subject);
  const awarded = plainDate(credential.awardedDate) || plainDate(credential.validFrom);
  const id = plainText(credential.id);
  return {
    title: plainText(achievement?.name) || plainText(credential.name) || 'Untitled credential',
    ...(description ? { description } : {}),
    ...(learner ? { learner } : {}),
    ...(awarded ? { awarded } : {}),
    awardingBodies: awardingBodiesOf(credential),
    ...(id ? { id } : {}),
  };
}

/** The learner's stated name, else the credential subject's id; empty when neither is there. */
export function learnerOf(subject: JsonObject | undefined): string {
  const name = listOf(subject?.identifier)
    .map(objectOf)
    .find((i) => i?.identityType === 'name' && i.hashed === false && plainText(i.identityHash));
  return plainText(name?.identityHash) || plainText(subject?.id);
}

/** The issuer and the achievement's awarding bodies, each once, with country and region. */
export function awardingBodiesOf(credential: JsonObject): string[] {
  const issuer = objectOf(credential.issuer);
  const bodies = [issuer, ...listOf(objectOf(objectOf(credential.credentialSubject)?.achievement)?.awardingBody).map(objectOf)];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const body of bodies) {
    const name = plainText(body?.name);
    if (!body || !name) continue;
    const key = plainText(body.id) || name;
    if (seen.has(key)) continue;
    seen.add(key);
    const address = objectOf(body.address);
    const place = [countryName(address?.addressCountryCode), plainText(address?.addressRegion)].filter(Boolean).join(', ');
    out.push(place ? `${name} (${place})` : name);
  }
  return out;
}
