import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { StatusChanged } from '../status-authority';

/** `final` when it was revoked for good. */
export type RevokeCredentialResult = StatusChanged & { final?: boolean };

export class RevokeCredentialCommand extends BaseCommand<RevokeCredentialResult> {
  @IsUUID()
  credentialId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  /** For good: no new credential of the definition for the learner until an awarding body's admin lifts it. */
  @IsOptional()
  @IsBoolean()
  final?: boolean;
}
