import { Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { AuditException } from '../domain/audit.exception';
import { CredentialProvenanceQuery, CredentialValidityQuery } from '../application/queries/history.queries';
import { AuditorController } from './auditor-controller';
import { InstantQueryDto, requestedInstant } from './instant-query.dto';

const ID = /^[A-Za-z0-9:._-]{1,200}$/;

@AuditorController('provenance', 'credentials')
export class ProvenanceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':credentialId/provenance')
  @ApiOperation({ summary: 'Everything that led to a credential and happened to it, across services, causes first' })
  async provenance(@Param('credentialId') credentialId: string) {
    const found = await this.queries.execute(new CredentialProvenanceQuery(checkedId(credentialId)));
    if (!found) throw unknownCredential(credentialId);
    return found;
  }

  @Get(':credentialId/validity')
  @ApiOperation({ summary: 'Was the credential valid at an instant (or on a date), answered from the history' })
  async validity(@Param('credentialId') credentialId: string, @Query() query: InstantQueryDto) {
    const at = requestedInstant(query);
    const found = await this.queries.execute(new CredentialValidityQuery(checkedId(credentialId), at));
    if (!found) throw unknownCredential(credentialId);
    return found;
  }
}

function checkedId(id: string): string {
  if (!ID.test(id))
    throw new AuditException('audit.invalid-credential-id', 'credentialId must be 1-200 letters, digits or :._-', 'credentialId');
  return id;
}

function unknownCredential(id: string): AuditException {
  return new AuditException('audit.unknown-credential', `no audited store holds credential ${id}`, 'credentialId');
}
