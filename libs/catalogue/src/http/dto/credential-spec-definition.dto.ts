import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { FORMS_OF_PARTICIPATION, QF_EHEA_CYCLES, SUPERVISION_OPTIONS } from '../../domain/credential-spec/definition';
import {
  AwardingBodyDto,
  ComponentDto,
  GradingSchemeDto,
  IssuanceRuleDto,
  LearningOutcomeDto,
  QualityAssuranceDto,
  StackabilityDto,
  StackPartDto,
} from './definition-parts.dto';

/** A joint micro-credential: every Annex I element of the definition, the components and the issuance rule. */
export class CredentialSpecDefinitionDto {
  @ApiProperty({ description: 'Annex I: title of the micro-credential', example: 'Sustainable Energy Systems: Challenge-Based Learning' })
  @IsString()
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;

  @ApiProperty({ type: [LearningOutcomeDto], description: 'Annex I: learning outcomes (1-50)' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LearningOutcomeDto)
  learningOutcomes!: LearningOutcomeDto[];

  @ApiProperty({ description: 'Annex I: notional workload in ECTS (above 0, at most 60)', example: 6 })
  @IsNumber()
  ects!: number;

  @ApiPropertyOptional({ description: 'Notional workload in hours', example: 165 })
  @IsOptional()
  @IsInt()
  workloadHours?: number;

  @ApiProperty({ description: 'Annex I: EQF level 1-8', minimum: 1, maximum: 8, example: 7 })
  @IsInt()
  eqfLevel!: number;

  @ApiPropertyOptional({
    enum: Object.keys(QF_EHEA_CYCLES),
    description: 'Annex I: QF-EHEA cycle where applicable (must match the EQF level)',
  })
  @IsOptional()
  @IsString()
  qfEheaCycle?: keyof typeof QF_EHEA_CYCLES;

  @ApiProperty({ description: 'Annex I: type of assessment', example: 'Project report and oral defence' })
  @IsString()
  assessmentType!: string;

  @ApiProperty({ enum: FORMS_OF_PARTICIPATION, description: 'Annex I: form of participation' })
  @IsString()
  formOfParticipation!: (typeof FORMS_OF_PARTICIPATION)[number];

  @ApiProperty({ type: QualityAssuranceDto, description: 'Annex I: type of quality assurance and the QA body' })
  @IsObject()
  @ValidateNested()
  @Type(() => QualityAssuranceDto)
  qualityAssurance!: QualityAssuranceDto;

  @ApiProperty({ type: [AwardingBodyDto], description: 'Annex I: awarding bodies, two or more members, exactly one lead' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AwardingBodyDto)
  awardingBodies!: AwardingBodyDto[];

  @ApiProperty({ type: [ComponentDto], description: 'Which member teaches and assesses which part, with its ECTS share' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ComponentDto)
  components!: ComponentDto[];

  @ApiProperty({ type: IssuanceRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => IssuanceRuleDto)
  issuanceRule!: IssuanceRuleDto;

  @ApiProperty({ type: [String], description: 'BCP 47 language tags', example: ['en'] })
  @IsArray()
  @IsString({ each: true })
  languages!: string[];

  @ApiPropertyOptional({
    description: 'Validity of an issued credential in months (absent: no expiry)',
    minimum: 1,
    maximum: 1200,
    example: 60,
  })
  @IsOptional()
  @IsInt()
  validityMonths?: number;

  @ApiPropertyOptional({ description: 'Annex I (optional): prerequisites to enrol' })
  @IsOptional()
  @IsString()
  prerequisites?: string;

  @ApiPropertyOptional({
    enum: SUPERVISION_OPTIONS,
    description: 'Annex I (optional): supervision and identity verification during assessment',
  })
  @IsOptional()
  @IsString()
  supervisionAndIdentityVerification?: (typeof SUPERVISION_OPTIONS)[number];

  @ApiPropertyOptional({ type: GradingSchemeDto, description: 'Annex I (optional): the scheme grades are achieved on' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GradingSchemeDto)
  gradingScheme?: GradingSchemeDto;

  @ApiPropertyOptional({ type: StackabilityDto, description: 'Annex I (optional): integration / stackability options' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StackabilityDto)
  stackability?: StackabilityDto;

  @ApiPropertyOptional({ type: [StackPartDto], description: 'Published definitions this one is composed of (a stack)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StackPartDto)
  stackParts?: StackPartDto[];

  @ApiPropertyOptional({ description: 'Annex I (optional): further information' })
  @IsOptional()
  @IsString()
  furtherInformation?: string;
}

/** Changes to the definition: only the top-level elements given are replaced. */
export class CredentialSpecChangesDto extends PartialType(CredentialSpecDefinitionDto) {}
