import type { ReadModelOrm } from '@alliance/event-sourcing';
import { HealthRegistry } from '@alliance/nest-kit';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ASSESSMENT_INTEGRATION, ASSESSMENT_ORM } from '../assessment.tokens';
import type { AssessmentIntegration } from './integration/assessment-integration';
import { ResultReadModel } from './read-model/result-read-model';

/**
 * Starts and stops the service's background work in order: the projection before requests, the relay
 * and the consumer once the app is up; everything stops before the runtime closes the store and bus.
 */
@Injectable()
export class AssessmentLifecycle implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(ASSESSMENT_ORM) private readonly orm: ReadModelOrm,
    @Inject(ASSESSMENT_INTEGRATION) private readonly integration: AssessmentIntegration,
    private readonly readModel: ResultReadModel,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.readModel.start(this.health);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.integration.start(this.health);
  }

  async onModuleDestroy(): Promise<void> {
    await this.integration.stop();
    await this.readModel.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
