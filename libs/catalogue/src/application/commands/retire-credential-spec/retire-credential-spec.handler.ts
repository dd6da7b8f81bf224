import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { RetireCredentialSpecCommand } from './retire-credential-spec.command';

@Injectable()
export class RetireCredentialSpecHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RetireCredentialSpecCommand): Promise<void> {
    const { credentialSpecId, version, reason } = command;
    await this.aggregates.onCredentialSpec(
      credentialSpecId,
      { type: 'RetireCredentialSpec', reason, ...(version !== undefined ? { version } : {}) },
      command.commandContext(),
    );
  }
}
