import { type KeyPossessionChallenge, keyPossessionSigningInput } from '@alliance/credentials';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { challengeOf } from '../../../domain/institution/key-challenges';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { IssueKeyChallengeCommand } from './issue-key-challenge.command';

/** The challenge, and the exact bytes to sign (base64url), so a signer need not canonicalise JSON itself. */
export interface IssuedKeyChallenge {
  challenge: KeyPossessionChallenge;
  signingInput: string;
}

@CommandHandler(IssueKeyChallengeCommand)
export class IssueKeyChallengeHandler implements ICommandHandler<IssueKeyChallengeCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: IssueKeyChallengeCommand): Promise<IssuedKeyChallenge> {
    const { institutionId, keyId } = command;
    // Drawn here, not in the decider: the decision stays a pure function of command, state and clock.
    const nonce = randomBytes(32).toString('base64url');
    const { state } = await this.aggregates.institution.handle(
      institutionId,
      { type: 'IssueKeyChallenge', institutionId, keyId, nonce },
      command.commandContext(),
    );
    const challenge = challengeOf(
      institutionId,
      state!.challenges.find((c) => c.nonce === nonce)!,
    );
    return { challenge, signingInput: Buffer.from(keyPossessionSigningInput(challenge)).toString('base64url') };
  }
}
