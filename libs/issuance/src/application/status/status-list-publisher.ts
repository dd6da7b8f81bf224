import { BitstringStatusList, buildStatusListCredential, type DocumentLoader, type JsonObject, signCredential } from '@alliance/credentials';
import { IssuanceException } from '../../domain/issuance.exception';
import { chooseSigningKey } from '../../domain/signing/signing-key-choice';
import { STATUS_SIZE, statusValue } from '../../domain/status-list/status-list.constants';
import type { AggregateHandlers } from '../issuance-handlers';
import { issuanceStreams } from '../issuance-streams';
import type { IssuanceSettings } from '../issuance-settings';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { KeyCustody } from '../ports/key-custody.port';
import type { StatusListQueries } from '../ports/status-list-queries.port';

/** How long verifiers may cache a list (BSL `ttl`, milliseconds): short, so a revocation shows within minutes. */
export const STATUS_LIST_TTL_MS = 5 * 60_000;

/**
 * Serves each status list as a BitstringStatusListCredential issued by the list's institution (the lead
 * awarding body of its credentials) and signed with a key the platform holds for it. A signed copy is kept
 * until a bit changes.
 */
export class StatusListPublisher {
  private readonly cache = new Map<string, { changedPosition: number; credential: JsonObject }>();

  constructor(
    private readonly queries: StatusListQueries,
    private readonly aggregates: AggregateHandlers,
    private readonly knowledge: KnowledgeReader,
    private readonly custody: KeyCustody,
    private readonly settings: IssuanceSettings,
    private readonly documentLoader?: DocumentLoader,
  ) {}

  async credential(listId: string): Promise<{ credential: JsonObject; signed: boolean }> {
    const view = await this.queries.statusList(listId);
    if (!view) throw IssuanceException.notFound('status-list', listId, 'id');
    const cached = this.cache.get(listId);
    if (cached && cached.changedPosition === view.changedPosition) return { credential: cached.credential, signed: true };

    const list = new BitstringStatusList({ length: view.length, statusSize: STATUS_SIZE });
    for (const e of view.entries) list.setStatus(e.index, statusValue(e));
    const institution = await this.knowledge.institution(view.institutionId);
    const now = this.settings.clock();
    const unsigned = buildStatusListCredential({
      id: `${this.settings.publicUrl().replace(/\/$/, '')}/status-lists/${listId}`,
      issuer: institution?.did ?? `urn:alliance:institution:${view.institutionId}`,
      statusPurpose: 'message',
      list,
      validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ttl: STATUS_LIST_TTL_MS,
    });
    // The entry of each credential says how wide its status is; `statusSize` is no term of the list in the VC 2.0 context.
    delete (unsigned.credentialSubject as JsonObject)['statusSize'];

    const held = (await this.aggregates.signers.load(issuanceStreams.signer(view.institutionId))).state?.keys ?? [];
    const choice = chooseSigningKey(institution, held, now.toISOString());
    const privateKey = choice.usable ? await this.custody.privateKey(view.institutionId, choice.keyRef) : undefined;
    if (!choice.usable || !privateKey) return { credential: unsigned, signed: false };
    const credential = await signCredential(
      unsigned,
      [{ verificationMethod: choice.key.verificationMethodId, privateKey, cryptosuite: this.settings.cryptosuite, created: now }],
      this.documentLoader ? { documentLoader: this.documentLoader } : {},
    );
    this.cache.set(listId, { changedPosition: view.changedPosition, credential });
    return { credential, signed: true };
  }
}
