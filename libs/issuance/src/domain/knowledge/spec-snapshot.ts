/**
 * What issuance knows of a published credential definition: the catalogue's published version, as its
 * integration event carried it. Rules read only the fields below; the credential builder gets the whole definition.
 */
export interface SpecSnapshot {
  specId: string;
  version: number;
  title: string;
  /** As frozen at publication; the registry's current record (issuance's knowledge) is preferred when composing. */
  awardingBodies: {
    institutionId: string;
    lead: boolean;
    name?: string;
    did?: string;
    countryCode?: string;
    region?: string;
    homepage?: string;
  }[];
  components: { code: string; title: string; institutionId: string; ects: number }[];
  issuanceRule: IssuanceRuleSnapshot;
  gradingScheme?: GradingSchemeSnapshot;
  validityMonths?: number;
  stackParts?: { credentialSpecId: string; version?: number }[];
  /** The full published definition (Annex I elements), handed unchanged to the credential builder. */
  definition: Record<string, unknown>;
}

export interface IssuanceRuleSnapshot {
  allComponentsPassed: boolean;
  minimumGrade?: number | string;
  withinMonths?: number;
  allStackPartsAwarded?: boolean;
}

export interface GradingSchemeSnapshot {
  type: 'pass-fail' | 'numeric' | 'letter';
  minimum?: number;
  maximum?: number;
  passMark?: number;
  /** Best first. */
  letters?: string[];
  lowestPassingLetter?: string;
}

/** The lead awarding body: the credential's `issuer` (VC 2.0 allows one). */
export function leadInstitution(spec: Pick<SpecSnapshot, 'awardingBodies'>): string {
  const lead = spec.awardingBodies.find((b) => b.lead) ?? spec.awardingBodies[0];
  if (!lead) throw new Error('a published definition has at least one awarding body');
  return lead.institutionId;
}
