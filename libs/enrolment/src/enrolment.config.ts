import { Matches } from 'class-validator';
import { PersonalDataServiceConfig } from '@alliance/nest-kit';

/** The enrolment service's own settings on top of the shared ones. */
export class EnrolmentConfig extends PersonalDataServiceConfig {
  /** Consumer group on the bus: every replica of the service shares it (a test run may pick its own). */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'ENROLMENT_CONSUMER_GROUP must be a lower-case group name' })
  ENROLMENT_CONSUMER_GROUP = 'enrolment';
}
