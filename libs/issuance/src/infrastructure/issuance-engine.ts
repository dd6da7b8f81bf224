import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventStore, forkEntityManager, ProjectionDaemon, type ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { type HealthRegistry, SERVICE_CONFIG } from '@alliance/nest-kit';
import { type BackgroundWork, EVENT_STORE, INTEGRATION_BUS, ServiceMessaging } from '@alliance/service-runtime';
import { AwardProcess } from '../application/process/award-process';
import { CatalogueFacts } from '../application/process/catalogue-facts';
import { LearnerMessages } from '../application/learner/learner-messages';
import { IssuanceReactor } from '../application/process/issuance-reactor';
import { ISSUANCE_ORM, ISSUANCE_STORE } from '../application/issuance.tokens';
import { LearnerErasure } from '../application/process/learner-erasure';
import type { IssuanceConfig } from '../issuance.config';
import { ISSUANCE, READ_MODEL_SCHEMA } from './issuance-database';
import { ISSUANCE_INBOX, ISSUANCE_SOURCES, issuanceMessageHandler } from './integration/issuance-inbox-routes';
import { mapIssuanceEvent, PUBLISHED_EVENT_TYPES } from './integration/issuance-event-mapper';
import { ReactorSubscription } from './process/reactor-subscription';
import { awardTracksProjection } from './projections/award-tracks.projection';
import { ISSUANCE_AGGREGATES } from '../application/issuance-aggregates';
import { credentialsProjection } from './projections/credentials.projection';
import { statusListsProjection } from './projections/status-lists.projection';

/** Read-your-writes for the HTTP layer: waits until read models and reactions include a position. */
export abstract class IssuanceSync {
  abstract caughtUp(position: number | undefined): Promise<void>;
}

/**
 * Everything that runs in the background of the issuance service: its projections, the process manager's
 * reactions to its own log, the outbox relay that publishes credential events, and the consumer of other
 * contexts' events. Started once the HTTP layer is wired, stopped before the runtime closes (see IssuanceLifecycle).
 */
@Injectable()
export class IssuanceEngine extends IssuanceSync implements BackgroundWork {
  private readonly logger = new Logger('IssuanceEngine');
  private readonly daemon: ProjectionDaemon;
  private readonly reactor: ReactorSubscription;
  private readonly mail: ReactorSubscription;
  private readonly messaging: ServiceMessaging;

  constructor(
    @Inject(SERVICE_CONFIG) config: IssuanceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ISSUANCE_STORE) sealing: EventStore,
    @Inject(INTEGRATION_BUS) bus: IntegrationBus,
    @Inject(ISSUANCE_ORM) private readonly orm: ReadModelOrm,
    reactions: IssuanceReactor,
    learnerMessages: LearnerMessages,
    facts: CatalogueFacts,
    awards: AwardProcess,
    erasure: LearnerErasure,
  ) {
    super();
    // Projections take the stored (sealed) events: read models hold personal data only sealed, as an auditor replays it.
    this.daemon = new ProjectionDaemon({
      store,
      orm,
      projections: [credentialsProjection, statusListsProjection, awardTracksProjection],
      pollIntervalMs: 50,
      onError: (projection, error) => this.logger.warn({ projection, err: error }, 'projection batch failed; retrying'),
    });
    // The process manager keeps its position in the relay's checkpoint store.
    this.messaging = new ServiceMessaging({
      config,
      name: ISSUANCE,
      store: sealing,
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'checkpoints' },
      publish: {
        map: mapIssuanceEvent,
        filter: { streamPrefixes: [ISSUANCE_AGGREGATES.prefix.credential], eventTypes: PUBLISHED_EVENT_TYPES },
      },
      consume: {
        group: config.ISSUANCE_CONSUMER_GROUP,
        sources: ISSUANCE_SOURCES,
        handler: issuanceMessageHandler(orm, facts, awards, erasure),
      },
      logger: this.logger,
    });
    this.reactor = new ReactorSubscription({
      name: 'issuance-process-manager',
      store: sealing,
      checkpoints: this.messaging.checkpoints,
      eventTypes: reactions.eventTypes,
      streamPrefixes: ['issuance.'],
      react: (event) => reactions.react(event),
      onError: (error, event, attempt) =>
        this.logger.warn(
          { err: error, eventType: event?.type, position: event?.position, attempt, failing: this.reactor.status().failing?.stage },
          'process manager failed; retrying',
        ),
    });
    // Learners' mail on its own subscription: a mail server that is down holds up only the mail, never a credential.
    this.mail = new ReactorSubscription({
      name: 'issuance-learner-mail',
      store: sealing,
      checkpoints: this.messaging.checkpoints,
      eventTypes: learnerMessages.eventTypes,
      streamPrefixes: ['issuance.'],
      react: (event) => learnerMessages.react(event),
      onError: (error, event, attempt) =>
        this.logger.warn({ err: error, eventType: event?.type, position: event?.position, attempt }, 'learner mail failed; retrying'),
    });
    erasure.settleBeforeAbandoning(async () => {
      await this.reactor.waitFor(await store.headPosition(), 30_000);
      this.daemon.poke();
      await this.daemon.waitFor(await store.headPosition(), 10_000);
    });
  }

  async start(health: HealthRegistry): Promise<void> {
    await ISSUANCE_INBOX.ensureTable(forkEntityManager(this.orm));
    await this.daemon.start();
    await this.reactor.start();
    await this.mail.start();
    await this.messaging.start();
    health.register(this.daemon.healthIndicator());
    health.register({
      name: 'processManager',
      check: async () => {
        const status = this.reactor.status();
        const failing = status.failing;
        if (failing && failing.attempts > 5) {
          throw new Error(
            `${failing.stage}${failing.position === undefined ? '' : ` at position ${failing.position}`} keeps failing: ${failing.error}`,
          );
        }
        return status;
      },
    });
    // Reported, never failing readiness: the service serves everything else while mail waits for its server.
    health.register({ name: 'learnerMail', check: async () => this.mail.status() });
    this.messaging.registerHealth(health);
  }

  async caughtUp(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    this.daemon.poke();
    await Promise.all([this.daemon.waitFor(position, 10_000), this.reactor.waitFor(position, 30_000)]).catch((error: unknown) =>
      this.logger.warn({ err: error, position }, 'answering before the read models caught up'),
    );
    // The reactions may have written further events (a draft, its proofs): let the read models take them in too.
    this.daemon.poke();
    await this.daemon.waitFor(await this.store.headPosition(), 10_000).catch(() => undefined);
  }

  async stop(): Promise<void> {
    await this.messaging.stop({
      beforeClosingCheckpoints: async () => {
        await this.reactor.stop();
        await this.mail.stop();
        await this.daemon.stop();
      },
    });
  }
}
