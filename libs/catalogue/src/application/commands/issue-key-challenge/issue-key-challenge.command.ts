import { IsNotEmpty, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { IssuedKeyChallenge } from './issue-key-challenge.handler';

/** Asks for a single-use challenge that the key to be registered as `keyId` must sign. */
export class IssueKeyChallengeCommand extends BaseCommand<IssuedKeyChallenge> {
  @IsString()
  institutionId!: string;

  @IsString()
  @IsNotEmpty()
  keyId!: string;
}
