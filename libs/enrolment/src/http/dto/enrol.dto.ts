import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ConsentInput, LearnerIdentityInput } from '../../application/commands/enrol-learner/enrol-learner.command';

export class EnrolDto {
  @ApiPropertyOptional({ description: 'Client-chosen UUID: retrying the same request is then safe' })
  @IsOptional()
  @IsUUID()
  enrolmentId?: string;

  @ApiPropertyOptional({ description: 'An existing learner; without it the learner is found by email or created' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @ApiProperty({ description: 'givenName, familyName, email, optional dateOfBirth (YYYY-MM-DD) and walletId (a DID or wallet identifier)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LearnerIdentityInput)
  learner!: LearnerIdentityInput;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  credentialSpecId!: string;

  @ApiPropertyOptional({ description: 'Defaults to the current published version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  specVersion?: number;

  @ApiProperty({ description: 'The enrolling institution (an awarding body of the definition)' })
  @IsString()
  @IsNotEmpty()
  institutionId!: string;

  @ApiProperty({ description: 'givenAt (ISO 8601) and textVersion of the consent to issuance' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent!: ConsentInput;
}
