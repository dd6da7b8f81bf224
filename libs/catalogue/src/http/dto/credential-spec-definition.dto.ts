import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsArray, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
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
import { NestedDto, NestedDtoList } from './property-decorators';

/** A joint micro-credential: every Annex I element of the definition, the components and the issuance rule. */
export class CredentialSpecDefinitionDto {
  @ApiProperty({ description: 'Annex I: title of the micro-credential', example: 'Sustainable Energy Systems: Challenge-Based Learning' })
  @IsString()
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;

  @NestedDtoList(LearningOutcomeDto, 'Annex I: learning outcomes (1-50)')
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

  @NestedDto(QualityAssuranceDto, 'Annex I: type of quality assurance and the QA body')
  qualityAssurance!: QualityAssuranceDto;

  @NestedDtoList(AwardingBodyDto, 'Annex I: awarding bodies, two or more members, exactly one lead')
  awardingBodies!: AwardingBodyDto[];

  @NestedDtoList(ComponentDto, 'Which member teaches and assesses which part, with its ECTS share')
  components!: ComponentDto[];

  @NestedDto(IssuanceRuleDto)
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

  @NestedDto(GradingSchemeDto, 'Annex I (optional): the scheme grades are achieved on', true)
  gradingScheme?: GradingSchemeDto;

  @NestedDto(StackabilityDto, 'Annex I (optional): integration / stackability options', true)
  stackability?: StackabilityDto;

  @NestedDtoList(StackPartDto, 'Published definitions this one is composed of (a stack)', true)
  stackParts?: StackPartDto[];

  @ApiPropertyOptional({ description: 'Annex I (optional): further information' })
  @IsOptional()
  @IsString()
  furtherInformation?: string;
}

/** Changes to the definition: only the top-level elements given are replaced. */
export class CredentialSpecChangesDto extends PartialType(CredentialSpecDefinitionDto) {}
