import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SignedCheckpoint } from '../../domain/signed-checkpoint';
import { CHECKPOINTER } from '../../audit.tokens';
import type { Checkpointer } from '../checkpointer';

/** A signed checkpoint of every store, now. */
export class CreateCheckpointsCommand extends Command<SignedCheckpoint[]> {}

@CommandHandler(CreateCheckpointsCommand)
export class CreateCheckpointsHandler implements ICommandHandler<CreateCheckpointsCommand> {
  constructor(@Inject(CHECKPOINTER) private readonly checkpointer: Checkpointer) {}

  execute(): Promise<SignedCheckpoint[]> {
    return this.checkpointer.checkpointAll();
  }
}
