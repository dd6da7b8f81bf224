import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventStore, NO_STREAM } from '@alliance/event-sourcing';
import { SERVICE_CONFIG } from '@alliance/nest-kit';
import { type BackgroundWork, EVENT_STORE } from '@alliance/service-runtime';
import { v7 as uuidv7 } from 'uuid';
import { tallyStream } from '../application/verification-aggregates';
import { VerificationTally } from '../domain/retention/verification-tally';
import type { VerificationsCounted } from '../domain/verification/verification.events';
import type { VerificationConfig } from '../verification.config';

/**
 * Stores the checks the tally counted as one VerificationsCounted event every VERIFICATION_TALLY_FLUSH_MS (and
 * on shutdown), in a stream of its own: the store grows per flush with activity, not per check.
 */
@Injectable()
export class VerificationTallyFlusher implements BackgroundWork {
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('VerificationTally');

  constructor(
    private readonly tally: VerificationTally,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: VerificationConfig,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.config.VERIFICATION_TALLY_FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Stores what was counted since the last flush; one flush at a time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.store1());
    return this.flushing;
  }

  private async store1(): Promise<void> {
    const data = this.tally.drain();
    if (!data) return;
    const event: VerificationsCounted = { type: 'VerificationsCounted', data };
    try {
      await this.store.appendToStream(
        tallyStream(uuidv7()),
        [{ ...event, metadata: { occurredAt: data.to, actor: { subject: 'verification-tally' }, correlationId: uuidv7() } }],
        {
          expectedRevision: NO_STREAM,
        },
      );
    } catch (e) {
      this.tally.restore(data);
      this.logger.warn({ err: e, pending: this.tally.pending() }, 'counted verifications not stored; kept for the next flush');
    }
  }
}
