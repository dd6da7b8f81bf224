import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { auditInstant } from '../application/instant';
import { AuditException } from '../domain/audit.exception';

/** `?at=`: an ISO 8601 instant, or a date meaning the end of that day (UTC). */
export class InstantQueryDto {
  @ApiProperty({ example: '2025-03-01T12:00:00Z', description: 'ISO 8601 instant, or YYYY-MM-DD for the end of that day (UTC)' })
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'at must be an ISO 8601 instant or a YYYY-MM-DD date',
  })
  at!: string;
}

/** The instant `?at=` names; refused when the text is neither an instant nor a date. */
export function requestedInstant(query: InstantQueryDto): string {
  const at = auditInstant(query.at);
  if (!at) throw new AuditException('audit.invalid-instant', 'at must be an ISO 8601 instant or a YYYY-MM-DD date', 'at');
  return at;
}
