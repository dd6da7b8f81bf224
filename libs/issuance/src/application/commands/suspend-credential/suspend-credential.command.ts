import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { StatusChanged } from '../status-authority';

export class SuspendCredentialCommand extends BaseCommand<StatusChanged> {
  @IsUUID()
  credentialId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
