import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { CredentialDocument, CredentialFilter, CredentialQueries, CredentialSummary } from '../../application/ports/credential-queries.port';
import { CredentialProofRows, CredentialRows } from '../projections/credential-rows';
import { credentialsProjection } from '../projections/credentials.projection';

type Row = ReturnType<typeof toRow>;
const toRow = (r: { [k: string]: unknown }) => r as unknown as {
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
  constructor(private readonly orm: ReadModelOrm) {}

  async list(filter: CredentialFilter): Promise<{ items: CredentialSummary[]; total: number }> {
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = {};
    if (filter.learnerId) where['learnerId'] = filter.learnerId;
    if (filter.specId) where['specId'] = filter.specId;
    let rows = (await em.find(credentialsProjection.entity(CredentialRows), where, { orderBy: { draftedAt: 'desc', credentialId: 'asc' } })).map(toRow);
    // Awarding bodies are a JSON list; the per-institution filter runs here rather than in dialect-specific SQL.
    if (filter.institutionId) rows = rows.filter((r) => r.awardingBodies.some((b) => b.institutionId === filter.institutionId));
    const page = rows.slice(filter.offset, filter.offset + filter.limit);
    const signed = await this.signers(page.map((r) => r.credentialId));
    return { items: page.map((r) => summary(r, signed.get(r.credentialId) ?? new Set())), total: rows.length };
  }

  async get(credentialId: string): Promise<CredentialDocument | undefined> {
    const em = this.orm.em.fork();
    const row = await em.findOne(credentialsProjection.entity(CredentialRows), { credentialId });
    if (!row) return undefined;
    const proofs = await em.find(credentialsProjection.entity(CredentialProofRows), { credentialId }, { orderBy: { position: 'asc' } });
    const r = toRow(row);
    return {
      summary: summary(r, new Set(proofs.map((p) => p.institutionId))),
      secured: proofs.length ? { ...r.document, proof: proofs.map((p) => p.proof) } : r.document,
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
