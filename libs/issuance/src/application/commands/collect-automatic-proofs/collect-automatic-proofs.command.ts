import { IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { Unsignable } from '../../signing/platform-signer';

/** The proofs the platform added, those it could not add, and where the credential stands. */
export interface CollectAutomaticProofsResult {
  added: string[];
  unsignable: Unsignable[];
  lifecycle?: string;
}

/** Ask the platform to sign a pending credential for every awarding body whose policy is automatic. */
export class CollectAutomaticProofsCommand extends BaseCommand<CollectAutomaticProofsResult> {
  @IsUUID()
  credentialId!: string;
}
