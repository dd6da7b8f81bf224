import { findAnnexIElements, type JsonObject, requiredCoIssuersOf } from '@alliance/credentials';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';

/** What an employer wants to read about a credential, with the registry's names in place of the credential's own. */
export interface CredentialSummary {
  id?: string;
  title?: string;
  description?: string;
  learner?: string;
  awardedDate?: string;
  validFrom?: string;
  validUntil?: string;
  issuer?: string;
  awardingBodies: { did: string; name: string; countryCode?: string; region?: string; registered: boolean; signed: boolean; lead: boolean }[];
  annexI: { key: string; name: string; mandatory: boolean; present: boolean; value?: unknown }[];
}

const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export function summarise(document: JsonObject, registry: Map<string, RegisteredInstitution>, signers: string[]): CredentialSummary {
  const subject = obj(document.credentialSubject);
  const achievement = obj(subject?.achievement);
  const issuerId = str(document.issuer) ?? str(obj(document.issuer)?.id);
  const claimed = new Map<string, JsonObject>();
  for (const b of ([] as unknown[]).concat(achievement?.awardingBody ?? [])) if (str(obj(b)?.id)) claimed.set(obj(b)!.id as string, obj(b)!);
  if (issuerId && obj(document.issuer)) claimed.set(issuerId, claimed.get(issuerId) ?? obj(document.issuer)!);
  const learnerName = ([] as unknown[])
    .concat(subject?.identifier ?? [])
    .map(obj)
    .find((i) => i?.identityType === 'name' && i.hashed === false);
  return {
    ...(str(document.id) ? { id: document.id as string } : {}),
    ...(str(achievement?.name) ?? str(document.name) ? { title: (str(achievement?.name) ?? str(document.name))! } : {}),
    ...(str(achievement?.description) ?? str(document.description) ? { description: (str(achievement?.description) ?? str(document.description))! } : {}),
    ...(str(learnerName?.identityHash) ? { learner: learnerName!.identityHash as string } : str(subject?.id) ? { learner: subject!.id as string } : {}),
    ...(str(document.awardedDate) ? { awardedDate: document.awardedDate as string } : {}),
    ...(str(document.validFrom) ? { validFrom: document.validFrom as string } : {}),
    ...(str(document.validUntil) ? { validUntil: document.validUntil as string } : {}),
    ...(issuerId ? { issuer: issuerId } : {}),
    awardingBodies: requiredCoIssuersOf(document).map((did) => {
      const member = registry.get(did);
      const claim = claimed.get(did);
      const address = obj(claim?.address);
      return {
        did,
        name: member?.name ?? str(claim?.name) ?? did,
        ...(member ? { countryCode: member.countryCode } : str(address?.addressCountryCode) ? { countryCode: address!.addressCountryCode as string } : {}),
        ...(member?.region ? { region: member.region } : !member && str(address?.addressRegion) ? { region: address!.addressRegion as string } : {}),
        registered: !!member,
        signed: signers.includes(did),
        lead: did === issuerId,
      };
    }),
    annexI: findAnnexIElements(document).map(({ key, name, mandatory, present, value }) => ({ key, name, mandatory, present, ...(present ? { value } : {}) })),
  };
}
