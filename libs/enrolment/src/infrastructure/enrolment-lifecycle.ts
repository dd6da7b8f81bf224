import { ServiceLifecycle } from '@alliance/service-runtime';
import { ENROLMENT_INTEGRATION, ENROLMENT_ORM } from '../enrolment.tokens';
import { EnrolmentReadModel } from './read-model/enrolment-read-model';

/**
 * Starts and stops the service's background work in order: the projection before requests, the relay
 * and the consumer once the app is up; everything stops before the runtime closes the store and bus.
 */
export class EnrolmentLifecycle extends ServiceLifecycle({
  database: ENROLMENT_ORM,
  readModel: EnrolmentReadModel,
  background: ENROLMENT_INTEGRATION,
}) {}
