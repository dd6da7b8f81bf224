import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class TransferDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'Defaults to the current published version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toVersion?: number;
}
