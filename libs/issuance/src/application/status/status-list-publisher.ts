import { createHash } from 'node:crypto';
import type { StatusListSigningRequestV1 } from '@alliance/contracts';
import {
  BitstringStatusList,
  buildStatusListCredential,
  type DocumentLoader,
  type JsonObject,
  signCredential,
} from '@alliance/credentials';
import { credentialHash } from '../../domain/credential/credential-hash';
import { IssuanceException } from '../../domain/issuance.exception';
import { delegatesAutomaticSigning } from '../../domain/signing/signer.state';
import { chooseSigningKey } from '../../domain/signing/signing-key-choice';
import {
  MESSAGE_STATUS_SIZE,
  parsePublishedListId,
  type PublishedPurpose,
  publishedListId,
  purposesOf,
  statusValue,
} from '../../domain/status-list/status-list.constants';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { IssuanceSettings } from '../issuance-settings';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { KeyCustody } from '../ports/key-custody.port';
import type { StatusListQueries, StatusListView } from '../ports/status-list-queries.port';
import { checkDetachedProof } from '../signing/detached-proof-check';
import { KeptUntilChanged } from './kept-until-changed';

/** How long verifiers may cache a list (BSL `ttl`, milliseconds): short, so a revocation shows within minutes. */
export const STATUS_LIST_TTL_MS = 5 * 60_000;

type Signed = { changedPosition: number; credential: JsonObject };

/** A published list as served over HTTP: the serialised credential and its entity tag. */
export interface ServedStatusList {
  body: string;
  etag: string;
  changedPosition: number;
}

/**
 * How a served list is known to be current. `pushed`: the process writes the read model itself and reports
 * every change (`listChanged`), so a kept list costs nothing to serve. `checked`: others may write it (replicas
 * sharing one database), so each request first reads where the list last changed (one row) and rebuilds when it moved.
 */
export type ServedFreshness = 'pushed' | 'checked';
type Published = { view: StatusListView; purpose: PublishedPurpose | 'message'; publishedId: string };

/**
 * Serves each status list as BitstringStatusListCredentials issued by the list's institution (the lead
 * awarding body of its credentials) and signed by that institution: with the key the platform holds for it
 * when it delegated signing, otherwise by its own signer, which pulls the lists whose bits changed. A list is
 * published once per purpose (`<listId>-revocation`, `<listId>-suspension`: 1-bit lists every Bitstring Status
 * List reader reads); lists opened before that layout stay published as their 2-bit `message` list under
 * `<listId>`. Until the signer signed the current bits, the last list it signed is served (a verifier then sees
 * the older state, as with any cached list); a list never signed is served unsigned, which verifiers report as
 * indeterminate. Signed lists are served from memory until their bits change (`document`, `listChanged`).
 */
export class StatusListPublisher {
  private readonly platformSigned = new Map<string, Signed>();
  private readonly signerSigned = new Map<string, Signed>();
  private readonly unsigned = new Map<string, Signed>();
  private readonly served = new KeptUntilChanged<ServedStatusList>();

  constructor(
    private readonly queries: StatusListQueries,
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly custody: KeyCustody,
    private readonly settings: IssuanceSettings,
    private readonly documentLoader?: DocumentLoader,
    private readonly freshness: ServedFreshness = 'checked',
  ) {}

  /**
   * The list published under this id as served: built once per change of its bits and kept (signed lists
   * only: an unsigned one is served until its institution can sign, which no bit change announces).
   */
  async document(publishedId: string): Promise<ServedStatusList> {
    const { listId } = parsePublishedListId(publishedId);
    if (this.freshness === 'checked') {
      const kept = this.served.peek(publishedId);
      if (kept && kept.changedPosition !== (await this.currentPosition(listId))) this.served.changed(listId);
    }
    return this.served.get(publishedId, listId, async () => {
      const { credential, signed, changedPosition } = await this.credential(publishedId);
      const body = JSON.stringify(credential);
      return { value: { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, changedPosition }, keep: signed };
    });
  }

  /** The list's bits changed (reported after the change committed): its served copies are dropped. */
  listChanged(listId: string): void {
    this.served.changed(listId);
  }

  /** The list published under this id (see the class comment), as a credential. */
  async credential(publishedId: string): Promise<{ credential: JsonObject; signed: boolean; changedPosition: number }> {
    const published = await this.published(publishedId);
    if (!published) throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${publishedId}.`, 'id');
    const { view } = published;
    const { changedPosition } = view;
    const cached = this.platformSigned.get(publishedId);
    if (cached && cached.changedPosition === changedPosition) return { credential: cached.credential, signed: true, changedPosition };
    const signer = (await this.aggregates.signer.load(view.institutionId)).state;
    if (delegatesAutomaticSigning(signer) || (signer?.policy === 'manual' && signer.decidedBy)) {
      const signed = await this.signWithPlatformKey(published, signer?.keys ?? []);
      if (signed) return { credential: signed, signed: true, changedPosition };
    }
    const bySigner = this.signerSigned.get(publishedId);
    if (bySigner) return { credential: bySigner.credential, signed: true, changedPosition };
    return { credential: await this.unsignedOf(published), signed: false, changedPosition };
  }

  /** Lists of the institution whose current bits its own signer has not signed yet. */
  async pendingFor(institutionId: string): Promise<StatusListSigningRequestV1[]> {
    const out: StatusListSigningRequestV1[] = [];
    for (const listId of await this.queries.listsOf(institutionId)) {
      const view = await this.queries.statusList(listId);
      if (!view) continue;
      for (const purpose of purposesOf(view.layout)) {
        const publishedId = publishedListId(listId, purpose);
        if (this.signerSigned.get(publishedId)?.changedPosition === view.changedPosition) continue;
        const document = await this.unsignedOf({ view, purpose, publishedId });
        out.push({
          listId: publishedId,
          institutionId,
          changedPosition: view.changedPosition,
          document,
          documentDigest: credentialHash(document),
        });
      }
    }
    return out;
  }

  /** The institution's signer returns its proof over the list as it was requested. */
  async acceptSignerProof(
    institutionId: string,
    publishedId: string,
    changedPosition: number,
    proof: JsonObject,
  ): Promise<{ listId: string; changedPosition: number }> {
    const published = await this.published(publishedId);
    if (!published) throw new IssuanceException('issuance.status-list-not-found', `No status list with id ${publishedId}.`, 'listId');
    const { view } = published;
    if (view.institutionId !== institutionId)
      throw new IssuanceException(
        'issuance.status-list.not-issuer',
        `status list ${publishedId} is not issued by institution ${institutionId}`,
        'listId',
      );
    const requested = this.unsigned.get(publishedId);
    if (!requested || requested.changedPosition !== changedPosition || view.changedPosition !== changedPosition) {
      throw new IssuanceException(
        'issuance.status-list.changed',
        'the list changed since it was requested (or this replica did not hand it out); pull the signing requests again',
        'changedPosition',
      );
    }
    const institution = await this.knowledge.institution(institutionId);
    const key = institution?.keys.find((k) => k.verificationMethodId === proof['verificationMethod']);
    if (!institution || !key || key.custody !== 'institution') {
      throw new IssuanceException(
        'issuance.proof.verification-method',
        'the proof must be made with a key the institution holds, registered for it',
        'proof.verificationMethod',
      );
    }
    const check = await checkDetachedProof(requested.credential, proof, institution, this.documentLoader);
    if (!check.valid) throw new IssuanceException('issuance.proof.invalid', `the proof does not verify: ${check.reason}`, 'proof');
    this.signerSigned.set(publishedId, { changedPosition, credential: { ...requested.credential, proof: [proof] } });
    this.served.changed(published.view.listId);
    return { listId: publishedId, changedPosition };
  }

  private async currentPosition(listId: string): Promise<number | undefined> {
    return this.queries.changedPosition ? this.queries.changedPosition(listId) : (await this.queries.statusList(listId))?.changedPosition;
  }

  /** The list and purpose behind a published id; undefined when no list of that layout is published under it. */
  private async published(publishedId: string): Promise<Published | undefined> {
    const { listId, purpose } = parsePublishedListId(publishedId);
    const view = await this.queries.statusList(listId);
    if (!view || !purposesOf(view.layout).includes(purpose)) return undefined;
    return { view, purpose, publishedId };
  }

  private async unsignedOf({ view, purpose, publishedId }: Published): Promise<JsonObject> {
    const kept = this.unsigned.get(publishedId);
    if (kept && kept.changedPosition === view.changedPosition) return kept.credential;
    const statusSize = purpose === 'message' ? MESSAGE_STATUS_SIZE : 1;
    const list = new BitstringStatusList({ length: view.length, statusSize });
    for (const e of view.entries) list.setStatus(e.index, statusValue(e, purpose));
    const institution = await this.knowledge.institution(view.institutionId);
    const credential = buildStatusListCredential({
      id: `${this.settings.publicUrl().replace(/\/$/, '')}/status-lists/${publishedId}`,
      issuer: institution?.did ?? `urn:alliance:institution:${view.institutionId}`,
      statusPurpose: purpose,
      list,
      // Full precision: cut to the second, a list signed within a second of its key's registration would predate the key.
      validFrom: this.settings.clock().toISOString(),
      ttl: STATUS_LIST_TTL_MS,
    });
    // Legacy `message` lists were published without it: `statusSize` is no term of BitstringStatusList in the VC 2.0
    // context, so an rdfc proof over it would not canonicalize. Their credentials' entries carry size and messages.
    delete (credential.credentialSubject as JsonObject)['statusSize'];
    this.unsigned.set(publishedId, { changedPosition: view.changedPosition, credential });
    return credential;
  }

  private async signWithPlatformKey(published: Published, held: Parameters<typeof chooseSigningKey>[1]): Promise<JsonObject | undefined> {
    const { view, publishedId } = published;
    const institution = await this.knowledge.institution(view.institutionId);
    const now = this.settings.clock();
    const choice = chooseSigningKey(institution, held, now.toISOString());
    const privateKey = choice.usable ? await this.custody.privateKey(view.institutionId, choice.keyRef) : undefined;
    if (!choice.usable || !privateKey) return undefined;
    const unsigned = await this.unsignedOf(published);
    const credential = await signCredential(
      { ...unsigned, validFrom: now.toISOString() },
      [{ verificationMethod: choice.key.verificationMethodId, privateKey, cryptosuite: this.settings.cryptosuite, created: now }],
      this.documentLoader ? { documentLoader: this.documentLoader } : {},
    );
    this.platformSigned.set(publishedId, { changedPosition: view.changedPosition, credential });
    return credential;
  }
}
