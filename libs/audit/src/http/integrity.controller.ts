import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import type { KeyObject } from 'node:crypto';
import type { EventStore } from '@alliance/event-sourcing';
import { AuditException } from '../audit.exception';
import { EVENT_STORE, Public, Roles } from '@alliance/nest-kit';
import type { AuditSource } from '../application/audit-source';
import type { Checkpointer } from '../application/checkpointer';
import { inclusionProofFor } from '../application/inclusion-proof';
import { verifyLog } from '../application/log-verifier';
import { AUDIT_KEY, AUDIT_SOURCES, CHECKPOINTER } from '../audit.tokens';

class InclusionQueryDto {
  @IsString()
  store!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  position!: number;
}

@ApiTags('tamper evidence')
@Controller()
export class IntegrityController {
  constructor(
    @Inject(AUDIT_SOURCES) private readonly sources: AuditSource[],
    @Inject(EVENT_STORE) private readonly auditStore: EventStore,
    @Inject(AUDIT_KEY) private readonly key: { publicKey: KeyObject; keyId: string },
    @Inject(CHECKPOINTER) private readonly checkpointer: Checkpointer,
  ) {}

  @Public()
  @Get('audit-key')
  @ApiOperation({ summary: 'The alliance audit public key (JWK) that signs checkpoints' })
  auditKey() {
    return { ...this.key.publicKey.export({ format: 'jwk' }), kid: this.key.keyId, alg: 'EdDSA', use: 'sig' };
  }

  @ApiBearerAuth()
  @Roles('auditor', 'alliance-admin')
  @Post('verifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every hash and checkpoint from the raw stores; report the first broken link of each' })
  async verify() {
    const stores = await verifyLog(this.sources, this.auditStore, this.key.publicKey);
    return { ok: stores.every((s) => s.ok), stores };
  }

  @ApiBearerAuth()
  @Roles('alliance-admin')
  @Post('checkpoints')
  @ApiOperation({ summary: 'Make a signed checkpoint of every store now' })
  async checkpoint() {
    return { checkpoints: await this.checkpointer.checkpointAll() };
  }

  @ApiBearerAuth()
  @Roles('auditor', 'alliance-admin')
  @Get('inclusion-proofs')
  @ApiOperation({ summary: 'Inclusion proof of one event against the checkpoint that covers it, checkable offline' })
  async inclusion(@Query() q: InclusionQueryDto) {
    const source = this.sources.find((s) => s.name === q.store);
    if (!source) throw new AuditException('audit.unknown-store', `unknown store ${q.store}`, 'store');
    const proof = await inclusionProofFor(source, this.auditStore, q.position);
    if (!proof)
      throw new AuditException('audit.not-checkpointed', `no checkpoint covers position ${q.position} of ${q.store} yet`, 'position');
    return proof;
  }
}
