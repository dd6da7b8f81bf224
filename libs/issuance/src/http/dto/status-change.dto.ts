import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class StatusChangeDto {
  @ApiProperty({ description: 'Why: recorded in the credential history and shown to whoever checks it', example: 'Academic misconduct confirmed by the exam board' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
