import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, ValidateNested } from 'class-validator';
import type { AwardGranted } from '../../../domain/award/award.events';
import { BaseCommand } from '../../base.command';

class GrantedAward {
  @IsUUID()
  credentialId!: string;

  @IsString()
  awardId!: string;
}

/** Turn a granted award into a credential: compose, allocate its status slot, draft, and sign automatically. */
export class IssueCredentialCommand extends BaseCommand {
  @ValidateNested()
  @Type(() => GrantedAward)
  @IsObject()
  award!: AwardGranted['data'];
}
