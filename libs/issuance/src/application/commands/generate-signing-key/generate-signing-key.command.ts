import { IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class GenerateSigningKeyCommand extends BaseCommand {
  @IsUUID()
  institutionId!: string;
}
