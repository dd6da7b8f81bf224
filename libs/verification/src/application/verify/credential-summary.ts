import { findAnnexIElements, type JsonObject, requiredCoIssuersOf } from '@alliance/credentials';
import { type DidHosting, didHostingOf, type SigningCustody, signingCustodyOf } from '../../domain/registry/did-hosting';
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
  awardingBodies: AwardingBodySummary[];
  annexI: { key: string; name: string; mandatory: boolean; present: boolean; value?: unknown }[];
}

export interface AwardingBodySummary {
  did: string;
  name: string;
  countryCode?: string;
  region?: string;
  registered: boolean;
  signed: boolean;
  lead: boolean;
  /** Where its DID document lives: on the platform's catalogue, at the institution, or derived (did:key). */
  didHosting: DidHosting;
  /** For a member that signed: with its own key, or by the platform on its behalf (from the custody of the registry key that verified its proof). */
  signing?: SigningCustody;
}

/** What the proofs check found, enough to tell which key verified whose proof. */
export interface SummaryInput {
  signers: string[];
  proofs: { verificationMethod?: string; controller?: string; verified: boolean }[];
  /** Public base URL of the alliance catalogue, to recognise the did:web documents it hosts. */
  catalogueUrl?: string;
}

const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export function summarise(document: JsonObject, registry: Map<string, RegisteredInstitution>, input: SummaryInput): CredentialSummary {
  const { signers } = input;
  const subject = obj(document.credentialSubject);
  const achievement = obj(subject?.achievement);
  const issuerId = str(document.issuer) ?? str(obj(document.issuer)?.id);
  const claimed = new Map<string, JsonObject>();
  for (const b of ([] as unknown[]).concat(achievement?.awardingBody ?? []))
    if (str(obj(b)?.id)) claimed.set(obj(b)!.id as string, obj(b)!);
  if (issuerId && obj(document.issuer)) claimed.set(issuerId, claimed.get(issuerId) ?? obj(document.issuer)!);
  const learnerName = ([] as unknown[])
    .concat(subject?.identifier ?? [])
    .map(obj)
    .find((i) => i?.identityType === 'name' && i.hashed === false);
  return {
    ...(str(document.id) ? { id: document.id as string } : {}),
    ...((str(achievement?.name) ?? str(document.name)) ? { title: (str(achievement?.name) ?? str(document.name))! } : {}),
    ...((str(achievement?.description) ?? str(document.description))
      ? { description: (str(achievement?.description) ?? str(document.description))! }
      : {}),
    ...(str(learnerName?.identityHash)
      ? { learner: learnerName!.identityHash as string }
      : str(subject?.id)
        ? { learner: subject!.id as string }
        : {}),
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
        ...(member
          ? { countryCode: member.countryCode }
          : str(address?.addressCountryCode)
            ? { countryCode: address!.addressCountryCode as string }
            : {}),
        ...(member?.region
          ? { region: member.region }
          : !member && str(address?.addressRegion)
            ? { region: address!.addressRegion as string }
            : {}),
        registered: !!member,
        signed: signers.includes(did),
        lead: did === issuerId,
        didHosting: didHostingOf(did, {
          ...(input.catalogueUrl ? { catalogueUrl: input.catalogueUrl } : {}),
          ...(member ? { institutionId: member.institutionId } : {}),
        }),
        ...(member ? signingOf(member, did, input.proofs) : {}),
      };
    }),
    annexI: findAnnexIElements(document).map(({ key, name, mandatory, present, value }) => ({
      key,
      name,
      mandatory,
      present,
      ...(present ? { value } : {}),
    })),
  };
}

// Platform-held signing must never pass for the member's own: with several verified proofs, delegation wins.
function signingOf(member: RegisteredInstitution, did: string, proofs: SummaryInput['proofs']): { signing?: SigningCustody } {
  const keys = proofs
    .filter((p) => p.verified && p.controller === did)
    .map((p) => member.keys.find((k) => k.verificationMethodId === p.verificationMethod))
    .filter((k) => k !== undefined);
  if (keys.length === 0) return {};
  const labels = keys.map((k) => signingCustodyOf(k.custody));
  const order: SigningCustody[] = ['delegated to the platform', 'key custody not recorded', 'own key'];
  return { signing: order.find((l) => labels.includes(l))! };
}
