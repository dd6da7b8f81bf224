import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { IssuanceException } from '../../domain/issuance.exception';
import { IssuanceAggregates } from '../issuance-aggregates';
import { IssuanceQueries } from '../ports/issuance-queries.port';
import { signatureStatus, type SignatureStatus } from '../signing/signature-status';

/** Each awarding body's proof of one credential: signed, awaited since when, or refused. */
export class CredentialSignaturesQuery extends Query<SignatureStatus> {
  constructor(readonly credentialId: string) {
    super();
  }
}

/** Credentials held because a signer declined; with `institutionId`, only those it co-awards. */
export class SignatureRefusalsQuery extends Query<{ items: SignatureStatus[]; total: number }> {
  constructor(readonly institutionId?: string) {
    super();
  }
}

@QueryHandler(CredentialSignaturesQuery)
export class CredentialSignaturesHandler implements IQueryHandler<CredentialSignaturesQuery> {
  constructor(private readonly aggregates: IssuanceAggregates) {}

  async execute({ credentialId: id }: CredentialSignaturesQuery): Promise<SignatureStatus> {
    const credential = (await this.aggregates.credential.load(id)).state;
    if (!credential) throw new IssuanceException('issuance.credential-not-found', `No credential with id ${id}.`, 'id');
    return signatureStatus(credential);
  }
}

@QueryHandler(SignatureRefusalsQuery)
export class SignatureRefusalsHandler implements IQueryHandler<SignatureRefusalsQuery> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly pending: IssuanceQueries,
  ) {}

  async execute({ institutionId }: SignatureRefusalsQuery): Promise<{ items: SignatureStatus[]; total: number }> {
    const items: SignatureStatus[] = [];
    for (const credentialId of await this.pending.pendingCredentials()) {
      const credential = (await this.aggregates.credential.load(credentialId)).state;
      if (!credential || !(credential.refusals ?? []).length) continue;
      if (institutionId !== undefined && !credential.awardingBodies.some((b) => b.institutionId === institutionId)) continue;
      items.push(signatureStatus(credential));
    }
    return { items, total: items.length };
  }
}
