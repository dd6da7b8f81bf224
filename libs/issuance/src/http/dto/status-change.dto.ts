import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class StatusChangeDto {
  @ApiProperty({
    description: 'Why: recorded in the credential history and shown to whoever checks it',
    example: 'Academic misconduct confirmed by the exam board',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class RevocationDto extends StatusChangeDto {
  @ApiPropertyOptional({
    description:
      "Revoked for good: the learner is not awarded this definition again until an awarding body's admin lifts it (POST /credentials/{id}/final-revocation/lift)",
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  final?: boolean;
}
