import { Logger } from '@nestjs/common';
import { shareStanding, type ShareStanding } from '../../domain/credential-share/credential-share.rules';
import type { CommandActor } from '../base.command';
import type { IssuanceAggregates } from '../issuance-aggregates';
import type { CredentialQueries } from '../ports/credential-queries.port';
import { requireOwnCredential } from './credential-owner';
import type { ShareTokens } from './share-tokens';

/** One link as its learner sees it in their list (the link itself is not listed: it is shown once, when made). */
export interface CredentialShareView {
  shareId: string;
  sharedAt: string;
  expiresAt: string;
  revokedAt?: string;
  standing: ShareStanding;
}

/**
 * What a credential's links open, and the learner's list of them. Opening is not recorded as an event (an
 * employer leaves no trail in the learner's history); it is only counted in the log, by share id, never by token.
 */
export class SharedCredentials {
  private readonly logger = new Logger('SharedCredentials');

  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly credentials: CredentialQueries,
    private readonly tokens: ShareTokens,
    private readonly clock: () => Date,
  ) {}

  /**
   * The signed credential a link opens while it is active; undefined for a token this issuer did not make, a link
   * withdrawn or expired, a credential not signed yet, and a learner erased: a prober cannot tell them apart.
   */
  async open(token: string): Promise<Record<string, unknown> | undefined> {
    const target = this.tokens.targetOf(token);
    if (!target) return undefined;
    const shares = (await this.aggregates.credentialShares.load(target.credentialId)).state;
    const share = shares?.shares[target.shareId];
    if (!share || shareStanding(share, this.clock()) !== 'active') return undefined;
    const found = await this.credentials.get(target.credentialId);
    const summary = found?.summary;
    if (!summary || summary.learnerErased || summary.lifecycle === 'collecting-proofs' || summary.learnerId !== shares!.learnerId) {
      return undefined;
    }
    this.logger.log({ msg: 'shared credential opened', credentialId: target.credentialId, shareId: target.shareId });
    return found!.secured;
  }

  /** Every link the learner made to their credential, newest first, with where each stands now. */
  async list(actor: CommandActor, credentialId: string): Promise<CredentialShareView[]> {
    requireOwnCredential(actor, (await this.aggregates.credential.load(credentialId)).state, credentialId);
    const now = this.clock();
    const shares = Object.values((await this.aggregates.credentialShares.load(credentialId)).state?.shares ?? {});
    return shares.reverse().map((s) => ({ ...s, standing: shareStanding(s, now) }));
  }
}
