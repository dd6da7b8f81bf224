import { type CryptosuiteName, type DocumentLoader, signCredential } from '@alliance/credentials';
import type { SigningRequestV1, StatusListSigningRequestV1 } from '@alliance/contracts';
import type { Logger } from 'pino';
import type { SigningKeyStore } from '../keys/signing-key-store';
import type { SignatureLog } from '../log/signature-log';
import { PlatformError, type PlatformClient } from '../platform/platform-client';
import type { SignerLocalPolicy } from '../policy/local-policy';
import { decideSigning, decideStatusListSigning } from '../policy/signing-decision';
import type { SignerIdentity } from './signer-identity';

export interface SignerServiceDeps {
  identity: SignerIdentity;
  store: SigningKeyStore;
  log: SignatureLog;
  client: PlatformClient;
  policy: SignerLocalPolicy;
  logger: Logger;
  clock?: () => Date;
  /** How the JSON-LD contexts of the documents it signs are read (the platform's served contexts included). */
  documentLoader?: DocumentLoader;
}

export interface RoundResult {
  signed: number;
  resent: number;
  refused: number;
  failed: number;
  /** Status lists signed. */
  lists: number;
}

/** Answers the platform already has, or can never take: nothing left to deliver. */
const SETTLED = new Set(['issuance.proof.already-present', 'issuance.credential.not-collecting-proofs', 'issuance.credential-not-found']);

/**
 * One institution's signer: pulls the requests waiting for its proof, applies its own policy, signs inside its
 * key store, writes what it signed to its own log before the platform hears of it, and delivers.
 */
export class SignerService {
  private stopped = false;

  constructor(private readonly deps: SignerServiceDeps) {}

  async round(): Promise<RoundResult> {
    const result: RoundResult = { signed: 0, resent: 0, refused: 0, failed: 0, lists: 0 };
    const requests = await this.deps.client.pending(20);
    for (const request of requests) {
      if (this.stopped) break;
      try {
        const outcome = await this.handle(request);
        result[outcome]++;
      } catch (e) {
        result.failed++;
        this.deps.logger.warn(
          { credentialId: request.credentialId, err: e },
          'signing request not completed; it stays pending and is retried',
        );
      }
    }
    for (const list of this.stopped ? [] : await this.deps.client.pendingStatusLists()) {
      try {
        result[await this.signStatusList(list)]++;
      } catch (e) {
        result.failed++;
        this.deps.logger.warn({ listId: list.listId, err: e }, 'status list not signed; it is asked for again');
      }
    }
    return result;
  }

  /**
   * Our status lists say which of our credentials are revoked or suspended; we are their issuer. Signing a
   * newer state of a list again is expected (each state is its own document), so these are not logged.
   */
  private async signStatusList(request: StatusListSigningRequestV1): Promise<'lists' | 'refused'> {
    const { identity, logger } = this.deps;
    const decision = decideStatusListSigning(request, identity);
    if (!decision.sign) {
      logger.warn({ listId: request.listId, code: decision.code, reason: decision.reason }, 'refused to sign a status list');
      return 'refused';
    }
    const signed = await signCredential(
      request.document,
      [
        {
          verificationMethod: identity.verificationMethodId,
          privateKey: (data) => this.deps.store.sign(identity.keyId, data),
          cryptosuite: 'eddsa-jcs-2022',
          created: this.deps.clock?.() ?? new Date(),
        },
      ],
      this.signOptions(),
    );
    await this.deps.client.submitStatusListProof(
      request.listId,
      request.changedPosition,
      signed.proof[signed.proof.length - 1] as unknown as Record<string, unknown>,
    );
    return 'lists';
  }

  /** Polls until stopped; a platform that is down or slow only delays signing. */
  async run(pollMs: number): Promise<void> {
    let backoff = pollMs;
    while (!this.stopped) {
      try {
        const r = await this.round();
        if (r.signed + r.resent + r.refused + r.lists > 0) this.deps.logger.info(r, 'signing round done');
        backoff = pollMs;
        if (r.signed + r.resent + r.refused + r.lists > 0) continue;
      } catch (e) {
        backoff = Math.min(backoff * 2, 30_000);
        this.deps.logger.warn({ err: e, retryInMs: backoff }, 'cannot reach the platform; retrying');
      }
      await this.sleep(backoff);
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private wake?: () => void;

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async handle(request: SigningRequestV1): Promise<'signed' | 'resent' | 'refused'> {
    const { log, identity, logger } = this.deps;
    const logged = log.signedProof(request.credentialId);
    if (logged && logged.documentDigest === request.documentDigest) {
      // Signed before (the delivery was lost, or the signer was killed): send the same proof, never a second one.
      await this.deliver(request.credentialId, logged.proof);
      return 'resent';
    }
    const decision = logged
      ? {
          sign: false as const,
          code: 'document.changed',
          reason: 'this signer already signed a different document under this credential id',
        }
      : decideSigning(request, identity.institutionId, this.deps.policy);
    if (!decision.sign) {
      log.append({
        type: 'refused',
        credentialId: request.credentialId,
        documentDigest: request.documentDigest,
        code: decision.code,
        reason: decision.reason,
        at: this.now(),
      });
      logger.warn({ credentialId: request.credentialId, code: decision.code, reason: decision.reason }, 'refused to sign');
      await this.settle(() => this.deps.client.refuse(request.credentialId, decision.code, decision.reason));
      return 'refused';
    }
    const signed = await signCredential(
      request.document,
      [
        {
          verificationMethod: identity.verificationMethodId,
          privateKey: (data) => this.deps.store.sign(identity.keyId, data),
          cryptosuite: request.cryptosuite as CryptosuiteName,
          created: this.deps.clock?.() ?? new Date(),
        },
      ],
      this.signOptions(),
    );
    const proof = signed.proof[signed.proof.length - 1] as unknown as Record<string, unknown>;
    log.append({
      type: 'signed',
      credentialId: request.credentialId,
      documentDigest: request.documentDigest,
      verificationMethod: identity.verificationMethodId,
      proof,
      at: this.now(),
    });
    await this.deliver(request.credentialId, proof);
    logger.info({ credentialId: request.credentialId, definition: request.definition.specId }, 'signed');
    return 'signed';
  }

  private signOptions() {
    return this.deps.documentLoader ? { documentLoader: this.deps.documentLoader } : {};
  }

  private async deliver(credentialId: string, proof: Record<string, unknown>): Promise<void> {
    await this.settle(() => this.deps.client.submitProof(credentialId, proof));
    this.deps.log.append({ type: 'delivered', credentialId, at: this.now() });
  }

  private async settle(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (e) {
      if (e instanceof PlatformError && e.code && SETTLED.has(e.code)) return;
      throw e;
    }
  }

  private now(): string {
    return (this.deps.clock?.() ?? new Date()).toISOString();
  }
}
