import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StatusListPublisher } from '../../status/status-list-publisher';
import { SubmitStatusListProofCommand } from './submit-status-list-proof.command';

@CommandHandler(SubmitStatusListProofCommand)
export class SubmitStatusListProofHandler implements ICommandHandler<SubmitStatusListProofCommand> {
  constructor(private readonly statusLists: StatusListPublisher) {}

  execute(command: SubmitStatusListProofCommand): Promise<{ listId: string; changedPosition: number }> {
    const { listId, changedPosition, proof } = command;
    return this.statusLists.acceptSignerProof(command.signer().institutionId, listId, changedPosition, proof);
  }
}
