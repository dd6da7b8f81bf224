import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AuthoriseInstitutionDto {
  @ApiProperty({ description: 'The member institution the learner lets hold them' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  institutionId!: string;
}
