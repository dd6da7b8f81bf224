import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SigningPolicy } from '../../domain/credential/credential.events';
import { DEFAULT_SIGNING_POLICY, delegatesAutomaticSigning, type Signer } from '../../domain/signing/signer.state';
import { IssuanceAggregates } from '../issuance-aggregates';
import { KnowledgeReader } from '../knowledge/knowledge-reader';

export interface PlatformHeldKey {
  keyRef: string;
  type: 'Multikey';
  publicKeyMultibase: string;
  generatedAt: string;
  /** Whether the catalogue registered it, and if so under which verification method and validity. */
  registered: boolean;
  verificationMethodId?: string;
  validFrom?: string;
  validUntil?: string;
}

export interface InstitutionSigning {
  institutionId: string;
  policy: SigningPolicy;
  delegatedToPlatform: boolean;
  decidedBy?: Signer['decidedBy'];
  keys: PlatformHeldKey[];
}

/** An institution's signing policy and the keys the platform holds for it (public halves only). */
export class InstitutionSigningQuery extends Query<InstitutionSigning> {
  constructor(readonly institutionId: string) {
    super();
  }
}

@QueryHandler(InstitutionSigningQuery)
export class InstitutionSigningHandler implements IQueryHandler<InstitutionSigningQuery> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute({ institutionId: id }: InstitutionSigningQuery): Promise<InstitutionSigning> {
    const signer = (await this.aggregates.signer.load(id)).state;
    const registered = (await this.knowledge.institution(id))?.keys ?? [];
    return {
      institutionId: id,
      policy: signer?.policy ?? DEFAULT_SIGNING_POLICY,
      delegatedToPlatform: delegatesAutomaticSigning(signer) || (signer?.policy === 'manual' && !!signer.decidedBy),
      ...(signer?.decidedBy ? { decidedBy: signer.decidedBy } : {}),
      keys: (signer?.keys ?? []).map((k) => {
        const reg = registered.find((r) => r.publicKeyMultibase === k.publicKeyMultibase);
        return {
          keyRef: k.keyRef,
          type: 'Multikey' as const,
          publicKeyMultibase: k.publicKeyMultibase,
          generatedAt: k.generatedAt,
          registered: !!reg,
          ...(reg
            ? {
                verificationMethodId: reg.verificationMethodId,
                validFrom: reg.validFrom,
                ...(reg.validUntil ? { validUntil: reg.validUntil } : {}),
              }
            : {}),
        };
      }),
    };
  }
}
