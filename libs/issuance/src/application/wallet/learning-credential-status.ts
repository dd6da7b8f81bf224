import { createHash } from 'node:crypto';
import { buildStatusListToken, type StatusListReference, type TokenStatus } from '@alliance/credentials';
import type { StatusSlot } from '../../domain/credential/credential.events';
import { IssuanceException } from '../../domain/issuance.exception';
import type { IssuanceSettings } from '../issuance-settings';
import type { StatusListQueries } from '../ports/status-list-queries.port';
import { STATUS_LIST_TTL_MS } from '../status/status-list-publisher';
import type { LearningCredentialSigning } from './learning-credential-signing';
import { learningCredentialIssuer } from './wallet-credentials';

/** How long a verifier may keep a Status List Token (`ttl`): as long as a Bitstring Status List credential. */
export const STATUS_LIST_TOKEN_TTL_SECONDS = STATUS_LIST_TTL_MS / 1000;

/** How long a Status List Token is valid (`exp` - `iat`): short, so a cached copy cannot hide a revocation for long. */
export const STATUS_LIST_TOKEN_LIFETIME_SECONDS = 3600;

/** A Status List Token as served over HTTP: the compact JWT and its entity tag. */
export interface ServedStatusListToken {
  body: string;
  etag: string;
}

/** An entry's Token Status List value from the credential's bits: revocation wins over suspension. */
export const tokenStatusOfBits = (bits: { revoked: boolean; suspended: boolean }): TokenStatus =>
  bits.revoked ? 'INVALID' : bits.suspended ? 'SUSPENDED' : 'VALID';

/**
 * The status of EUDI Learning Credentials as IETF Token Status Lists, read from the same status lists as the Open
 * Badges credentials: a Learning Credential names its credential's own slot (list and index), so revoking or
 * suspending the credential shows in both with no second state. Each list is served as a token signed like the
 * Learning Credentials it covers (the lead awarding body's key, its SD-JWT VC issuer as `iss`), rebuilt when the
 * list's bits change and again once a verifier's `ttl` has passed, so a served token always has most of its
 * lifetime left.
 */
export class LearningCredentialStatus {
  private readonly kept = new Map<string, { changedPosition: number; rebuildAt: number; served: ServedStatusListToken }>();

  constructor(
    private readonly queries: StatusListQueries,
    private readonly signing: LearningCredentialSigning,
    private readonly settings: Pick<IssuanceSettings, 'publicUrl' | 'clock'>,
  ) {}

  /** The `status` claim of a Learning Credential issued for the credential holding this slot. */
  reference(slot: StatusSlot): StatusListReference {
    return { status_list: { idx: slot.index, uri: this.uri(slot.listId) } };
  }

  /** The list's Status List Token as served now. */
  async token(listId: string): Promise<ServedStatusListToken> {
    const now = this.settings.clock();
    const position = this.queries.changedPosition
      ? await this.queries.changedPosition(listId)
      : (await this.queries.statusList(listId))?.changedPosition;
    const kept = this.kept.get(listId);
    if (kept && kept.changedPosition === position && now.getTime() < kept.rebuildAt) return kept.served;
    const view = await this.queries.statusList(listId);
    if (!view) throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${listId}.`, 'id');
    const signer = await this.signing.signerFor(view.institutionId, now.toISOString());
    if ('unsignable' in signer) {
      // Its institution signs only with its own signer: it has no Learning Credentials, so no token either.
      throw new IssuanceException(
        'issuance.status-list-not-found',
        `No Status List Token for list ${listId} (${signer.unsignable}).`,
        'id',
      );
    }
    const body = await buildStatusListToken({
      uri: this.uri(listId),
      iss: learningCredentialIssuer(this.settings.publicUrl(), view.institutionId),
      length: view.length,
      entries: view.entries.map((e) => ({ idx: e.index, status: tokenStatusOfBits(e) })),
      signer,
      now,
      ttlSeconds: STATUS_LIST_TOKEN_TTL_SECONDS,
      lifetimeSeconds: STATUS_LIST_TOKEN_LIFETIME_SECONDS,
    });
    const served = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    this.kept.set(listId, { changedPosition: view.changedPosition, rebuildAt: now.getTime() + STATUS_LIST_TTL_MS, served });
    return served;
  }

  private uri(listId: string): string {
    return `${this.settings.publicUrl().replace(/\/+$/, '')}/status-lists/${encodeURIComponent(listId)}/token`;
  }
}
