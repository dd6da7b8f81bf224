import type { ReadModelOrm } from '@alliance/event-sourcing';
import { HealthRegistry } from '@alliance/nest-kit';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ENROLMENT_ORM, ENROLMENT_INTEGRATION } from '../enrolment.tokens';
import type { EnrolmentIntegration } from './integration/enrolment-integration';
import { EnrolmentReadModel } from './read-model/enrolment-read-model';

/**
 * Starts and stops the service's background work in order: the projection before requests, the relay
 * and the consumer once the app is up; everything stops before the runtime closes the store and bus.
 */
@Injectable()
export class EnrolmentLifecycle implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(ENROLMENT_ORM) private readonly orm: ReadModelOrm,
    @Inject(ENROLMENT_INTEGRATION) private readonly integration: EnrolmentIntegration,
    private readonly readModel: EnrolmentReadModel,
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
