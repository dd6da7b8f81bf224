import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { GRADING_TYPES, STACKABILITY_OPTIONS } from '../../domain/credential-spec/definition';

// Types and presence are checked here (400); ranges and composition rules by the domain (422, with rule codes).

export class LearningOutcomeDto {
  @ApiProperty({ example: 'Model the energy balance of a district heating network' })
  @IsString()
  description!: string;

  @ApiPropertyOptional({ description: 'ESCO skill URI', example: 'http://data.europa.eu/esco/skill/b2d2c8a4-4b47-4dfa-8a6b-c6b4b1b7f0b2' })
  @IsOptional()
  @IsString()
  escoSkillUri?: string;
}

export class QualityAssuranceDto {
  @ApiProperty({
    description: 'Type of quality assurance',
    example: 'Internal quality assurance of each awarding university, ESG-compliant',
  })
  @IsString()
  type!: string;

  @ApiProperty({ description: 'The quality assurance body', example: 'Danish Accreditation Institution' })
  @IsString()
  body!: string;

  @ApiPropertyOptional({ example: 'https://akkr.dk' })
  @IsOptional()
  @IsString()
  bodyUrl?: string;
}

export class AwardingBodyDto {
  @ApiProperty({ description: 'A registered member' })
  @IsString()
  @MaxLength(128)
  institutionId!: string;

  @ApiProperty({ description: 'Exactly one awarding body is the lead (the credential issuer)' })
  @IsBoolean()
  lead!: boolean;
}

export class ComponentDto {
  @ApiProperty({ description: 'Unique within the definition', example: 'ENERGY-MODEL' })
  @IsString()
  code!: string;

  @ApiProperty({ example: 'Energy system modelling' })
  @IsString()
  title!: string;

  @ApiProperty({ description: 'The awarding body that teaches and assesses it' })
  @IsString()
  @MaxLength(128)
  institutionId!: string;

  @ApiProperty({
    description: 'Its ECTS share; the shares (plus stack parts) add up to the credential ECTS',
    exclusiveMinimum: true,
    minimum: 0,
    example: 2,
  })
  @IsNumber()
  ects!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;
}

export class GradingSchemeDto {
  @ApiProperty({ enum: GRADING_TYPES })
  @IsString()
  type!: (typeof GRADING_TYPES)[number];

  @ApiPropertyOptional({ example: 'Danish 7-point scale' })
  @IsOptional()
  @IsString()
  description?: string;

  @ApiPropertyOptional({ description: 'numeric: lowest grade of the scale' })
  @IsOptional()
  @IsNumber()
  minimum?: number;

  @ApiPropertyOptional({ description: 'numeric: highest grade of the scale' })
  @IsOptional()
  @IsNumber()
  maximum?: number;

  @ApiPropertyOptional({ description: 'numeric: lowest passing grade' })
  @IsOptional()
  @IsNumber()
  passMark?: number;

  @ApiPropertyOptional({ type: [String], description: 'letter: grades, best first', example: ['A', 'B', 'C', 'D', 'E', 'F'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  letters?: string[];

  @ApiPropertyOptional({ example: 'E' })
  @IsOptional()
  @IsString()
  lowestPassingLetter?: string;
}

export class IssuanceRuleDto {
  @ApiProperty({ description: 'Every component must be passed' })
  @IsBoolean()
  allComponentsPassed!: boolean;

  @ApiPropertyOptional({
    description: 'Lowest grade every component must reach (number or letter of the grading scheme)',
    oneOf: [{ type: 'number' }, { type: 'string' }],
  })
  @Allow()
  minimumGrade?: number | string;

  @ApiPropertyOptional({ description: 'All components passed within this many months of enrolment', minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  withinMonths?: number;

  @ApiPropertyOptional({ description: 'A stack: every part credential awarded (required when stackParts are given)' })
  @IsOptional()
  @IsBoolean()
  allStackPartsAwarded?: boolean;
}

export class StackabilityDto {
  @ApiProperty({ enum: STACKABILITY_OPTIONS })
  @IsString()
  option!: (typeof STACKABILITY_OPTIONS)[number];

  @ApiPropertyOptional({ example: 'MSc in Sustainable Energy Engineering (elective module)' })
  @IsOptional()
  @IsString()
  towards?: string;
}

export class StackPartDto {
  @ApiProperty({ description: 'A published credential definition' })
  @IsString()
  @MaxLength(128)
  credentialSpecId!: string;

  @ApiPropertyOptional({ description: 'Its version (default: the one currently published, then pinned)' })
  @IsOptional()
  @IsInt()
  version?: number;
}
