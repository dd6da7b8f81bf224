import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class EndorsementDto {
  @ApiPropertyOptional({
    description:
      'A DataIntegrityProof your institution made over the unsigned credential (the document without `proof`) with a key registered for it. Omit it to have the platform sign with the key it holds for your institution.',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  proof?: Record<string, unknown>;
}
