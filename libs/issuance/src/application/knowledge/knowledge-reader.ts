import type { InstitutionSnapshot } from '../../domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import { IssuanceAggregates } from '../issuance-aggregates';

/**
 * What issuance learned from the catalogue, read straight from its own (small) streams: always consistent
 * with the decisions just made, unlike a read model that may lag.
 */
export class KnowledgeReader {
  /**
   * @param arrivalGraceMs how long {@link arrivingInstitution} waits for a member issuance has not learnt yet.
   */
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly arrivalGraceMs = 5_000,
  ) {}

  async spec(specId: string, version?: number): Promise<SpecSnapshot | undefined> {
    const versions = (await this.aggregates.knownSpec.load(specId)).state;
    if (version !== undefined) return versions[version];
    const latest = Math.max(0, ...Object.keys(versions).map(Number));
    return versions[latest];
  }

  async institution(institutionId: string): Promise<InstitutionSnapshot | undefined> {
    const known = (await this.aggregates.knownInstitution.load(institutionId)).state;
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

  /**
   * The institution, waiting a little for it when issuance has not learnt it yet: a member the catalogue
   * registered a moment ago reaches issuance over the bus, and its own admin may be quicker. Undefined once
   * the wait is over (an id nobody registered).
   */
  async arrivingInstitution(institutionId: string): Promise<InstitutionSnapshot | undefined> {
    const deadline = Date.now() + this.arrivalGraceMs;
    for (;;) {
      const known = await this.institution(institutionId);
      if (known || Date.now() >= deadline) return known;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
