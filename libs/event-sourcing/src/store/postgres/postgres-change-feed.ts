import { Client, type Pool } from 'pg';
import type { ChangeSignal } from '../subscription/change-signal';

/**
 * Tells subscriptions that the log grew: at once in this process, and through LISTEN/NOTIFY in others.
 * The NOTIFY is sent after the append committed, from its own statement, because a NOTIFY inside
 * the append would take PostgreSQL's global notify lock until commit and serialise every append's fsync.
 * Bursts are coalesced: at most one NOTIFY per interval (default 10 ms), covering every append made
 * meanwhile. A NOTIFY per append would cost each append a second statement and transaction; other
 * processes learn of an append at most one interval later (and poll regardless).
 */
export class PostgresChangeFeed {
  private notifying = false;
  private queued = false;
  private listener?: Client;
  private listening?: Promise<void>;
  private closed = false;
  private pause?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly signal: ChangeSignal,
    private readonly intervalMs = 10,
  ) {}

  announce(): void {
    this.signal.notify();
    if (this.closed) return;
    if (this.notifying || this.pause) {
      this.queued = true;
      return;
    }
    this.send();
  }

  /** Starts listening for other processes' appends (once; later calls share it). */
  listen(): Promise<void> {
    this.listening ??= this.connectListener();
    return this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.pause);
    await this.listener?.end().catch(() => undefined);
  }

  private send(): void {
    this.notifying = true;
    this.queued = false;
    void this.pool
      .query('SELECT pg_notify($1, $2)', [this.channel, ''])
      .catch(() => undefined) // best effort: subscribers also poll
      .finally(() => {
        this.notifying = false;
        if (this.closed) return;
        this.pause = setTimeout(() => {
          this.pause = undefined;
          if (this.queued && !this.closed) this.send();
        }, this.intervalMs);
        this.pause.unref();
      });
  }

  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.signal.notify());
    client.on('error', () => {
      // Lost connection: subscriptions fall back to polling until the next subscribe reconnects.
      this.listening = undefined;
      this.listener = undefined;
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    if (this.closed) await client.end();
    else this.listener = client;
  }
}
