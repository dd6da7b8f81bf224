import { ServiceLifecycle } from '@alliance/service-runtime';
import { ASSESSMENT_INTEGRATION, ASSESSMENT_ORM } from '../assessment.tokens';
import { ResultReadModel } from './read-model/result-read-model';

/**
 * Starts and stops the service's background work in order: the projection before requests, the relay
 * and the consumer once the app is up; everything stops before the runtime closes the store and bus.
 */
export class AssessmentLifecycle extends ServiceLifecycle({
  database: ASSESSMENT_ORM,
  readModel: ResultReadModel,
  background: ASSESSMENT_INTEGRATION,
}) {}
