import { IsOptional, Matches } from 'class-validator';
import { Secret, ServiceConfig } from '@alliance/nest-kit';

/** The enrolment service's own settings on top of the shared ones. */
export class EnrolmentConfig extends ServiceConfig {
  /**
   * Key-encryption key (32 bytes as 64 hex characters) that wraps every learner's personal-data key. Set it
   * in production; without it one is generated (under DATA_DIR embedded, in the database distributed).
   */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'ENROLMENT_PERSONAL_DATA_KEY must be 32 bytes in hex (64 characters)' })
  @Secret()
  ENROLMENT_PERSONAL_DATA_KEY?: string = undefined;

  /** Consumer group on the bus: every replica of the service shares it (a test run may pick its own). */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'ENROLMENT_CONSUMER_GROUP must be a lower-case group name' })
  ENROLMENT_CONSUMER_GROUP = 'enrolment';
}
