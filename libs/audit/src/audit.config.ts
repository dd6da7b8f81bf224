import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { Secret, ServiceConfig } from '@alliance/nest-kit';

/** The audit service's own settings on top of the shared ones. */
export class AuditConfig extends ServiceConfig {
  /** Stores (services) the auditor reads; each is opened read-only with the same adapter kind as the audit's own. */
  @Matches(/^[a-z-]+(,[a-z-]+)*$/, { message: 'AUDIT_STORES must be a comma-separated list of service names' })
  AUDIT_STORES = 'catalogue,enrolment,assessment,issuance,verification';

  /** Ed25519 seed (64 hex characters) of the alliance audit key; generated under DATA_DIR when absent (embedded only). */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'AUDIT_SIGNING_KEY must be a 32-byte Ed25519 seed in hex (64 characters)' })
  @Secret()
  AUDIT_SIGNING_KEY?: string = undefined;

  /** Make a checkpoint once this many new events are waiting... */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUDIT_CHECKPOINT_EVERY_EVENTS = 1000;

  /** ...or after this long, whichever comes first (0 disables the timer). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;
}
