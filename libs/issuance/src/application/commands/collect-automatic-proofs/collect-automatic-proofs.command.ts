import { IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Ask the platform to sign a pending credential for every awarding body whose policy is automatic. */
export class CollectAutomaticProofsCommand extends BaseCommand {
  @IsUUID()
  credentialId!: string;
}
