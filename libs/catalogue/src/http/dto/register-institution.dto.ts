import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RegisterInstitutionDto {
  @ApiProperty({ example: 'Aalborg University', minLength: 2, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Aalborg Universitet', minLength: 2, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  legalName!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'DK' })
  @IsString()
  countryCode!: string;

  @ApiPropertyOptional({ description: 'Region: an ISO 3166-2 code of the same country, or a name', example: 'DK-81' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiProperty({ example: 'https://www.aau.dk' })
  @IsString()
  homepage!: string;

  @ApiPropertyOptional({
    description: 'The did:web identifier of the member. Absent: a did:web hosted by this platform at /institutions/{id}/did.json.',
    example: 'did:web:www.aau.dk',
  })
  @IsOptional()
  @IsString()
  did?: string;
}
