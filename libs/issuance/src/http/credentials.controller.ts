import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { GetCredentialQuery, ListCredentialsQuery } from '../application/queries';
import { requireReadable, requireSigned } from './credential-access';
import { IssuanceException } from '../domain/issuance.exception';
import { CredentialQueryDto } from './dto/credential-query.dto';

export const VC_MEDIA_TYPE = 'application/vc+ld+json';

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({
    summary: 'Credentials by learner and definition: a learner sees their own, institution staff those their institution co-awarded',
  })
  async list(@Query() q: CredentialQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    if (actor.role === 'learner' && q.learner && q.learner !== actor.subject) {
      throw new IssuanceException('issuance.credential.other-learner', 'a learner may list only their own credentials', 'learner');
    }
    const learnerId = actor.role === 'learner' ? actor.subject : q.learner;
    const institutionId = ['alliance-admin', 'auditor', 'learner'].includes(actor.role) ? undefined : (actor.institution ?? '-');
    const page = await this.queries.execute(
      new ListCredentialsQuery({
        ...(learnerId ? { learnerId } : {}),
        ...(q.specId ? { specId: q.specId } : {}),
        ...(institutionId ? { institutionId } : {}),
        limit: q.limit,
        offset: q.offset,
      }),
    );
    return { ...page, limit: q.limit, offset: q.offset };
  }

  @Get(':id')
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiProduces(VC_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The signed Open Badges 3.0 credential (VC 2.0, proof set of every awarding body)' })
  @ApiOperation({ summary: 'The signed JSON-LD credential; 409 while awarding bodies have still to sign it' })
  async get(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor, @Res() res: Response): Promise<void> {
    const found = await this.queries.execute(new GetCredentialQuery(id));
    requireSigned(requireReadable(actor, found?.summary, id));
    res.status(200).type(VC_MEDIA_TYPE).send(JSON.stringify(found!.secured));
  }

  @Get(':id/document')
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiProduces('application/ld+json')
  @ApiOperation({
    summary:
      'The credential as it stands, issued or not: the document every proof covers, with the proofs collected so far. An institution that signs with its own key signs this document without `proof`.',
  })
  async document(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor, @Res() res: Response): Promise<void> {
    const found = await this.queries.execute(new GetCredentialQuery(id));
    requireReadable(actor, found?.summary, id);
    res.status(200).type('application/ld+json').send(JSON.stringify(found!.secured));
  }

  @Get(':id/record')
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({ summary: 'The issuance record of a credential: lifecycle, who signed, status slot, hash, superseded links' })
  async record(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor) {
    return requireReadable(actor, (await this.queries.execute(new GetCredentialQuery(id)))?.summary, id);
  }
}
