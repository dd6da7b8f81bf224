import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../../domain/knowledge';
import { IsGradeValue } from '../../batch/result-row.input';
import { BaseCommand } from '../../base.command';

/** Replaces a result's facts (a regrade, a corrected date); the reason is mandatory, the old facts stay in history. */
export class AmendResultCommand extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  resultId!: string;

  /** Client-chosen id: retrying the same request then amends once. */
  @IsOptional()
  @IsUUID()
  amendmentId?: string;

  @IsString()
  @IsNotEmpty({ message: 'reason is required: say why the result changes' })
  @MaxLength(1000)
  reason!: string;

  @IsOptional()
  @IsGradeValue()
  grade?: number | string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  assessedOn?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessmentType?: string;

  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  supervision?: SupervisionLevel;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  evidenceUrl?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessor?: string;
}
