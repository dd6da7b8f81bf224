import type { InstitutionSnapshot } from '../../domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import type { AggregateHandlers } from '../issuance-handlers';
import { issuanceStreams } from '../issuance-streams';

/**
 * What issuance learned from the catalogue, read straight from its own (small) streams: always consistent
 * with the decisions just made, unlike a read model that may lag.
 */
export class KnowledgeReader {
  constructor(private readonly aggregates: AggregateHandlers) {}

  async spec(specId: string, version?: number): Promise<SpecSnapshot | undefined> {
    const versions = (await this.aggregates.knownSpecs.load(issuanceStreams.knownSpec(specId))).state;
    if (version !== undefined) return versions[version];
    const latest = Math.max(0, ...Object.keys(versions).map(Number));
    return versions[latest];
  }

  async institution(institutionId: string): Promise<InstitutionSnapshot | undefined> {
    const known = (await this.aggregates.knownInstitutions.load(issuanceStreams.knownInstitution(institutionId))).state;
    // A shell holding keys that overtook the registration is not an institution issuance can name yet.
    return known?.did ? known : undefined;
  }

  async institutions(institutionIds: string[]): Promise<Map<string, InstitutionSnapshot>> {
    const out = new Map<string, InstitutionSnapshot>();
    for (const id of institutionIds) {
      const known = await this.institution(id);
      if (known) out.set(id, known);
    }
    return out;
  }
}
