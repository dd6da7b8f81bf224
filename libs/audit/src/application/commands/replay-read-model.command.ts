import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { READ_MODEL_AUDITOR } from '../../audit.tokens';
import type { ReadModelAuditor } from '../../infrastructure/read-model-auditor';

export type ReadModelReplayResult = Awaited<ReturnType<ReadModelAuditor['replay']>>;

/** Rebuilds a read model from zero into fresh tables and compares it with the live one. */
export class ReplayReadModelCommand extends Command<ReadModelReplayResult> {
  constructor(
    readonly projection: string,
    readonly keepReplayTables: boolean,
  ) {
    super();
  }
}

@CommandHandler(ReplayReadModelCommand)
export class ReplayReadModelHandler implements ICommandHandler<ReplayReadModelCommand> {
  constructor(@Inject(READ_MODEL_AUDITOR) private readonly auditor: ReadModelAuditor) {}

  execute({ projection, keepReplayTables }: ReplayReadModelCommand): Promise<ReadModelReplayResult> {
    return this.auditor.replay(projection, { keepReplayTables });
  }
}
