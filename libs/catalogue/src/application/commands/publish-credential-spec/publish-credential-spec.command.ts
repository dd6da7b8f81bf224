import { IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Publishes the version every awarding body approved; from then on it is never edited. */
export class PublishCredentialSpecCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;
}
