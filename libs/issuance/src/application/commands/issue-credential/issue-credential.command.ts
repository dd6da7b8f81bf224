import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, ValidateNested } from 'class-validator';
import type { AwardGranted } from '../../../domain/award/award.events';
import { BaseCommand } from '../../base.command';
import type { CollectAutomaticProofsResult } from '../collect-automatic-proofs/collect-automatic-proofs.command';

class GrantedAward {
  @IsUUID()
  credentialId!: string;

  @IsString()
  awardId!: string;
}

export type IssueCredentialResult = CollectAutomaticProofsResult;

/** Turn a granted award into a credential: compose, allocate its status slot, draft, and sign automatically. */
export class IssueCredentialCommand extends BaseCommand<IssueCredentialResult> {
  @ValidateNested()
  @Type(() => GrantedAward)
  @IsObject()
  award!: AwardGranted['data'];
}
