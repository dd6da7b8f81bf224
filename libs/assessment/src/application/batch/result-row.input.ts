import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateBy } from 'class-validator';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../domain/knowledge';
import type { ResultInput } from '../../domain/transcript/transcript.commands';

/** A grade as sent: a number, or text (a letter, pass/fail, or a number in a CSV cell). */
export function IsGradeValue(): PropertyDecorator {
  return ValidateBy({
    name: 'isGradeValue',
    validator: {
      validate: (v: unknown) =>
        (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim().length > 0 && v.length <= 20),
      defaultMessage: () => 'grade must be a number or a short text (a letter, pass or fail)',
    },
  });
}

/** One result as a registrar states it, alone or as a row of a bulk upload. */
export class ResultRowInput {
  /** A client row id: makes the row idempotent across re-submissions (else its position in the file does). */
  @ApiPropertyOptional({ description: 'Client row id (bulk uploads): makes the row idempotent across re-submissions' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  rowId?: string;

  @ApiProperty({ description: 'The enrolment (from the enrolment service)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  enrolmentId!: string;

  @ApiProperty({ description: "A component of the definition that the caller's institution owns" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  componentCode!: string;

  @ApiProperty({
    description: "On the definition's grading scheme: pass/fail, a number on the scale, or a letter",
    oneOf: [{ type: 'number' }, { type: 'string' }],
  })
  @IsDefined({ message: 'grade is required' })
  @IsGradeValue()
  grade!: number | string;

  @ApiProperty({ example: '2026-06-10', description: 'Date of the assessment; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  assessedOn!: string;

  @ApiProperty({ example: 'written exam' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessmentType!: string;

  @ApiProperty({ enum: SUPERVISION_LEVELS, description: 'Annex I: supervision and identity verification of the assessment' })
  @IsIn(SUPERVISION_LEVELS, { message: `supervision must be one of ${SUPERVISION_LEVELS.join(', ')}` })
  supervision!: SupervisionLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true }, { message: 'evidenceUrl must be an http(s) URL' })
  @MaxLength(2000)
  evidenceUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessor?: string;
}

/** The result a row states, under the id it is recorded with, as the transcript takes it. */
export function resultInputOf(resultId: string, row: ResultRowInput): ResultInput {
  return {
    resultId,
    componentCode: row.componentCode,
    grade: row.grade,
    assessedOn: row.assessedOn,
    assessmentType: row.assessmentType,
    supervision: row.supervision,
    ...(row.evidenceUrl ? { evidenceUrl: row.evidenceUrl } : {}),
    ...(row.assessor ? { assessor: row.assessor } : {}),
  };
}

/** The columns of a CSV upload, in the order the template lists them. */
export const RESULT_COLUMNS = [
  'rowId',
  'enrolmentId',
  'componentCode',
  'grade',
  'assessedOn',
  'assessmentType',
  'supervision',
  'evidenceUrl',
  'assessor',
] as const;
export const REQUIRED_COLUMNS = ['enrolmentId', 'componentCode', 'grade', 'assessedOn', 'assessmentType', 'supervision'] as const;
