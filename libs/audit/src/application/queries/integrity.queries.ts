import type { JsonWebKey, KeyObject } from 'node:crypto';
import type { EventStore } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditException } from '../../domain/audit.exception';
import { AUDIT_KEY, AUDIT_SOURCES } from '../../audit.tokens';
import type { AuditSource } from '../audit-source';
import { type EventInclusionProof, inclusionProofFor } from '../inclusion-proof';
import { type StoreVerdict, verifyLog } from '../log-verifier';

type AuditPublicKey = { publicKey: KeyObject; keyId: string };
export type AuditKeyJwk = JsonWebKey & { kid: string; alg: 'EdDSA'; use: 'sig' };
export interface LogVerification {
  ok: boolean;
  stores: StoreVerdict[];
}

/** The public key that signs checkpoints, as a JWK. */
export class AuditKeyQuery extends Query<AuditKeyJwk> {}

/** Every hash and checkpoint recomputed from the raw stores; writes nothing. */
export class VerifyLogQuery extends Query<LogVerification> {}

/** Inclusion proof of one event against the checkpoint that covers it. */
export class InclusionProofQuery extends Query<EventInclusionProof> {
  constructor(
    readonly store: string,
    readonly position: number,
  ) {
    super();
  }
}

@QueryHandler(AuditKeyQuery)
export class AuditKeyHandler implements IQueryHandler<AuditKeyQuery> {
  constructor(@Inject(AUDIT_KEY) private readonly key: AuditPublicKey) {}

  async execute(): Promise<AuditKeyJwk> {
    return { ...this.key.publicKey.export({ format: 'jwk' }), kid: this.key.keyId, alg: 'EdDSA', use: 'sig' };
  }
}

@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery> {
  constructor(
    @Inject(AUDIT_SOURCES) private readonly sources: AuditSource[],
    @Inject(EVENT_STORE) private readonly auditStore: EventStore,
    @Inject(AUDIT_KEY) private readonly key: AuditPublicKey,
  ) {}

  async execute(): Promise<LogVerification> {
    const stores = await verifyLog(this.sources, this.auditStore, this.key.publicKey);
    return { ok: stores.every((s) => s.ok), stores };
  }
}

@QueryHandler(InclusionProofQuery)
export class InclusionProofHandler implements IQueryHandler<InclusionProofQuery> {
  constructor(
    @Inject(AUDIT_SOURCES) private readonly sources: AuditSource[],
    @Inject(EVENT_STORE) private readonly auditStore: EventStore,
  ) {}

  async execute({ store, position }: InclusionProofQuery): Promise<EventInclusionProof> {
    const source = this.sources.find((s) => s.name === store);
    if (!source) throw new AuditException('audit.unknown-store', `unknown store ${store}`, 'store');
    const proof = await inclusionProofFor(source, this.auditStore, position);
    if (!proof) throw new AuditException('audit.not-checkpointed', `no checkpoint covers position ${position} of ${store} yet`, 'position');
    return proof;
  }
}
