import { IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Lifts a suspension. */
export class ReinstateInstitutionCommand extends BaseCommand {
  @IsString()
  institutionId!: string;
}
