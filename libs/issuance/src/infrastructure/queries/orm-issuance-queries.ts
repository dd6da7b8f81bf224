import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { IssuanceQueries } from '../../application/ports/issuance-queries.port';
import type { LearnerCredentialQueries } from '../../application/process/learner-erasure';
import { AwardTrackRows, StackPartRows } from '../projections/award-track-rows';
import { awardTracksProjection } from '../projections/award-tracks.projection';
import { CredentialProofRows, CredentialRows } from '../projections/credential-rows';
import { credentialsProjection } from '../projections/credentials.projection';

/** The process manager's routing questions, answered from issuance's read models. */
export class OrmIssuanceQueries implements IssuanceQueries, LearnerCredentialQueries {
  constructor(private readonly orm: ReadModelOrm) {}

  private get credentials() {
    return credentialsProjection.entity(CredentialRows);
  }

  private get tracks() {
    return awardTracksProjection.entity(AwardTrackRows);
  }

  async pendingCredentialsOf(institutionId: string): Promise<string[]> {
    const rows = await this.orm.em.fork().find(this.credentials, { lifecycle: 'collecting-proofs' }, { orderBy: { draftedAt: 'asc' } });
    return rows.filter((r) => r.awardingBodies.some((b) => b.institutionId === institutionId)).map((r) => r.credentialId);
  }

  async awaitingProofOf(institutionId: string): Promise<string[]> {
    const em = this.orm.em.fork();
    const pending = await this.pendingCredentialsOf(institutionId);
    if (pending.length === 0) return [];
    const signed = await em.find(
      credentialsProjection.entity(CredentialProofRows),
      { institutionId, credentialId: { $in: pending } },
      { fields: ['credentialId'] },
    );
    const done = new Set(signed.map((r) => r.credentialId));
    return pending.filter((id) => !done.has(id));
  }

  async pendingCredentials(): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(this.credentials, { lifecycle: 'collecting-proofs' }, { orderBy: { draftedAt: 'asc' }, fields: ['credentialId'] });
    return rows.map((r) => r.credentialId);
  }

  async pendingCredentialsOfLearner(learnerId: string): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(this.credentials, { learnerId, lifecycle: 'collecting-proofs' }, { orderBy: { draftedAt: 'asc' }, fields: ['credentialId'] });
    return rows.map((r) => r.credentialId);
  }

  async waitingTracksOf(specId: string, version: number): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(this.tracks, { specId, specVersion: version, opened: true, closed: false, currentCredentialId: null });
    return rows.map((r) => r.awardId);
  }

  async stacksContaining(partSpecId: string): Promise<{ stackSpecId: string; stackVersion: number }[]> {
    const rows = await this.orm.em.fork().find(awardTracksProjection.entity(StackPartRows), { partSpecId });
    const latest = new Map<string, number>();
    for (const r of rows) latest.set(r.stackSpecId, Math.max(latest.get(r.stackSpecId) ?? 0, r.stackVersion));
    return [...latest].map(([stackSpecId, stackVersion]) => ({ stackSpecId, stackVersion }));
  }

  async standingCredentialsOf(specId: string): Promise<{ credentialId: string; learnerId: string; awardId: string; awardedAt: string }[]> {
    const rows = await this.orm.em.fork().find(this.credentials, { specId, lifecycle: { $in: ['issued', 'suspended'] } });
    return rows.map((r) => ({ credentialId: r.credentialId, learnerId: r.learnerId, awardId: r.awardId, awardedAt: r.awardedAt }));
  }

  async trackOf(learnerId: string, specId: string): Promise<string | undefined> {
    const row = await this.orm.em.fork().findOne(this.tracks, { learnerId, specId, opened: true }, { orderBy: { awardId: 'asc' } });
    return row?.awardId;
  }

  async openTracks(): Promise<{ awardId: string; specId: string; specVersion: number }[]> {
    const rows = await this.orm.em.fork().find(this.tracks, { opened: true, closed: false }, { orderBy: { awardId: 'asc' } });
    return rows.flatMap((r) =>
      r.specId && typeof r.specVersion === 'number' ? [{ awardId: r.awardId, specId: r.specId, specVersion: r.specVersion }] : [],
    );
  }

  async openTracksOf(learnerId: string, specId: string): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(this.tracks, { learnerId, specId, opened: true, closed: false }, { orderBy: { awardId: 'asc' } });
    return rows.map((r) => r.awardId);
  }

  async tracksOfLearner(learnerId: string): Promise<string[]> {
    const rows = await this.orm.em.fork().find(this.tracks, { learnerId, opened: true }, { orderBy: { awardId: 'asc' } });
    return rows.map((r) => r.awardId);
  }
}
