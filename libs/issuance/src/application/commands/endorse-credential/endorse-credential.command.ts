import { IsObject, IsOptional, IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { CredentialLifecycle } from '../../../domain/credential/credential.state';

export interface EndorseCredentialResult {
  credentialId: string;
  institutionId: string;
  method: 'detached-proof' | 'endorsement';
  lifecycle: CredentialLifecycle;
  /** The awarding bodies whose proofs are still missing. */
  awaiting: string[];
  lastPosition?: number;
}

/**
 * An awarding body's admin signs a credential waiting for it: with the key the platform holds for the
 * institution (no proof given), or by handing in a Data Integrity proof the institution made itself.
 */
export class EndorseCredentialCommand extends BaseCommand<EndorseCredentialResult> {
  @IsUUID()
  credentialId!: string;

  @IsOptional()
  @IsObject()
  proof?: Record<string, unknown>;
}
