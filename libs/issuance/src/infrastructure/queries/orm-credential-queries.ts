import { hasSealedValues, openSealedValues, type PersonalDataVault, type ReadModelOrm } from '@alliance/event-sourcing';
import type {
  CredentialDocument,
  CredentialFilter,
  CredentialQueries,
  CredentialSummary,
} from '../../application/ports/credential-queries.port';
import { CredentialProofRows, CredentialRows } from '../projections/credential-rows';
import { credentialsProjection } from '../projections/credentials.projection';

type Row = ReturnType<typeof toRow>;
const toRow = (r: { [k: string]: unknown }) =>
  r as unknown as {
    credentialId: string;
    learnerId: string;
    specId: string;
    specVersion: number;
    lifecycle: CredentialSummary['lifecycle'];
    awardingBodies: { institutionId: string; lead: boolean; signing: string }[];
    statusListId: string;
    statusIndex: number;
    awardedAt: string;
    issuedAt: string | null;
    hash: string | null;
    supersedes: string | null;
    supersededBy: string | null;
    statusReason: string | null;
    document: Record<string, unknown>;
  };

export class OrmCredentialQueries implements CredentialQueries {
  constructor(
    private readonly orm: ReadModelOrm,
    private readonly vault: PersonalDataVault,
  ) {}

  async list(filter: CredentialFilter): Promise<{ items: CredentialSummary[]; total: number }> {
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = {};
    if (filter.learnerId) where['learnerId'] = filter.learnerId;
    if (filter.specId) where['specId'] = filter.specId;
    // The signed documents are not part of a summary: never read for a list.
    const options = { orderBy: { draftedAt: 'desc', credentialId: 'asc' }, exclude: ['document'] } as const;
    let page: Row[];
    let total: number;
    if (filter.institutionId) {
      // Awarding bodies are a JSON list; the per-institution filter runs here rather than in dialect-specific SQL.
      const rows = (await em.find(credentialsProjection.entity(CredentialRows), where, options))
        .map(toRow)
        .filter((r) => r.awardingBodies.some((b) => b.institutionId === filter.institutionId));
      [page, total] = [rows.slice(filter.offset, filter.offset + filter.limit), rows.length];
    } else {
      const [rows, count] = await em.findAndCount(credentialsProjection.entity(CredentialRows), where, {
        ...options,
        limit: filter.limit,
        offset: filter.offset,
      });
      [page, total] = [rows.map(toRow), count];
    }
    const signed = await this.signers(page.map((r) => r.credentialId));
    return { items: page.map((r) => summary(r, signed.get(r.credentialId) ?? new Set())), total };
  }

  async get(credentialId: string): Promise<CredentialDocument | undefined> {
    const em = this.orm.em.fork();
    const row = await em.findOne(credentialsProjection.entity(CredentialRows), { credentialId });
    if (!row) return undefined;
    const proofs = await em.find(credentialsProjection.entity(CredentialProofRows), { credentialId }, { orderBy: { position: 'asc' } });
    const r = toRow(row);
    // The row holds the learner's fields sealed; once the learner is erased they open as ERASED.
    const erased = hasSealedValues(r.document) && !(await this.vault.hasKey(r.learnerId));
    const [document] = await openSealedValues(this.vault, [r.document]);
    return {
      summary: { ...summary(r, new Set(proofs.map((p) => p.institutionId))), ...(erased ? { learnerErased: true as const } : {}) },
      secured: proofs.length ? { ...document, proof: proofs.map((p) => p.proof) } : document,
    };
  }

  private async signers(ids: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (ids.length === 0) return out;
    const proofs = await this.orm.em.fork().find(credentialsProjection.entity(CredentialProofRows), { credentialId: { $in: ids } });
    for (const p of proofs) out.set(p.credentialId, (out.get(p.credentialId) ?? new Set()).add(p.institutionId));
    return out;
  }
}

function summary(r: Row, signed: Set<string>): CredentialSummary {
  return {
    credentialId: r.credentialId,
    learnerId: r.learnerId,
    specId: r.specId,
    specVersion: r.specVersion,
    lifecycle: r.lifecycle,
    awardingBodies: r.awardingBodies.map((b) => ({ ...b, signed: signed.has(b.institutionId) })),
    statusList: { listId: r.statusListId, index: r.statusIndex },
    awardedAt: r.awardedAt,
    ...(r.issuedAt ? { issuedAt: r.issuedAt } : {}),
    ...(r.hash ? { hash: r.hash } : {}),
    ...(r.supersedes ? { supersedes: r.supersedes } : {}),
    ...(r.supersededBy ? { supersededBy: r.supersededBy } : {}),
    ...(r.statusReason ? { statusReason: r.statusReason } : {}),
  };
}
