import type { CredentialSpecPublishedV1 } from '@alliance/contracts';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';

/** The catalogue's published definition as issuance keeps it: rule inputs typed, the whole definition kept for the builder. */
export function specSnapshotOf(p: CredentialSpecPublishedV1): SpecSnapshot {
  const definition = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
  return {
    specId: p.credentialSpecId,
    version: p.version,
    title: p.title,
    awardingBodies: p.awardingBodies.map((b) => ({
      institutionId: b.institutionId,
      lead: b.lead,
      name: b.name,
      did: b.did,
      countryCode: b.countryCode,
      ...(b.region ? { region: b.region } : {}),
      homepage: b.homepage,
    })),
    components: p.components.map((c) => ({ code: c.code, title: c.title, institutionId: c.institutionId, ects: c.ects })),
    issuanceRule: {
      allComponentsPassed: p.issuanceRule.allComponentsPassed,
      ...(p.issuanceRule.minimumGrade !== undefined ? { minimumGrade: p.issuanceRule.minimumGrade } : {}),
      ...(p.issuanceRule.withinMonths !== undefined ? { withinMonths: p.issuanceRule.withinMonths } : {}),
      ...(p.issuanceRule.allStackPartsAwarded !== undefined ? { allStackPartsAwarded: p.issuanceRule.allStackPartsAwarded } : {}),
    },
    ...(p.gradingScheme ? { gradingScheme: JSON.parse(JSON.stringify(p.gradingScheme)) } : {}),
    ...(p.validityMonths ? { validityMonths: p.validityMonths } : {}),
    stackParts: p.stackParts.map((s) => ({ credentialSpecId: s.credentialSpecId, version: s.version })),
    definition,
  };
}
