import type { Pool } from 'pg';
import type { AppendResult } from '../../event-store.port';
import type { ExpectedRevision } from '../../expected-revision';
import { NO_STREAM } from '../../expected-revision';
import { type ChainedEvent, chainEvents, EMPTY_STREAM, type StreamTip } from '../append/chain-events';
import { satisfiesExpected } from '../append/expected-revision-check';
import type { PreparedAppend } from '../append/prepare-events';
import { resolveExistingIds, type StoredIdentity } from '../append/resolve-existing-ids';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import type { EventHasher } from '../hash-chain/compute-event-hash';
import type { StreamTipCache } from './stream-tip-cache';

interface AppendRow {
  status: 'appended' | 'stale' | 'existing';
  tip_revision: number;
  tip_hash: string | null;
  last_position: number | null;
  existing: StoredIdentity[] | null;
}

const MAX_ATTEMPTS = 20;

/** Appends through the `append_events` function: usually one round trip, see 0003_append_function.sql. */
export class PostgresAppender {
  private readonly appendSql: { name: string; text: string };
  private readonly tipSql: string;
  private readonly idsSql: string;
  private readonly positionSql: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly tips: StreamTipCache,
    private readonly hasher: EventHasher,
  ) {
    // Prepared once per connection: the hot path then skips parsing and planning.
    this.appendSql = { name: `append_events:${schema}`, text: `SELECT * FROM "${schema}".append_events($1, $2, $3, $4, $5, $6)` };
    this.tipSql = `SELECT revision, hash FROM "${schema}".events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`;
    this.positionSql = `SELECT position FROM "${schema}".events WHERE stream_id = $1 AND revision = $2`;
    this.idsSql = `SELECT event_id AS "eventId", stream_id AS "streamId", revision, position FROM "${schema}".events WHERE event_id = ANY($1::uuid[])`;
  }

  async append(streamId: string, prepared: PreparedAppend, expected: ExpectedRevision): Promise<AppendResult & { appended: boolean }> {
    const events = prepared.events;
    let tip = this.tips.get(streamId) ?? (expected === NO_STREAM ? EMPTY_STREAM : undefined);
    if (!tip || !satisfiesExpected(expected, tip.revision)) tip = await this.readTip(streamId);
    if (!satisfiesExpected(expected, tip.revision) || events.length === 0) {
      if (prepared.callerSuppliedIds && events.length > 0) {
        const existing = (await this.pool.query<StoredIdentity>(this.idsSql, [events.map((e) => e.eventId)])).rows;
        if (existing.length > 0) return { ...resolveExistingIds(streamId, events, existing, expected, tip.revision), appended: false };
      }
      if (!satisfiesExpected(expected, tip.revision)) throw new WrongExpectedRevisionError(streamId, expected, tip.revision);
      return { nextRevision: tip.revision, lastPosition: await this.positionOf(streamId, tip.revision), appended: false };
    }
    const ids = events.map((e) => e.eventId);
    for (let attempt = 1; ; attempt++) {
      const chained = chainEvents(streamId, tip, events, this.hasher);
      const row: AppendRow | undefined = await this.callAppend([
        streamId,
        tip.revision,
        tip.hash,
        ids,
        eventsDocument(chained),
        prepared.callerSuppliedIds,
      ]).catch((e: unknown) => {
        // A racing writer stored the same id or revision first: go round again and see what it stored.
        if ((e as { code?: string }).code === '23505' && attempt < MAX_ATTEMPTS) return undefined;
        throw e;
      });
      if (!row) continue;
      if (row.status === 'appended') {
        this.tips.remember(streamId, { revision: row.tip_revision, hash: row.tip_hash });
        return { nextRevision: row.tip_revision, lastPosition: row.last_position!, appended: true };
      }
      tip = { revision: row.tip_revision, hash: row.tip_hash };
      this.tips.remember(streamId, tip);
      if (row.status === 'existing')
        return { ...resolveExistingIds(streamId, events, row.existing!, expected, tip.revision), appended: false };
      if (!satisfiesExpected(expected, tip.revision)) throw new WrongExpectedRevisionError(streamId, expected, tip.revision);
      if (attempt >= MAX_ATTEMPTS) throw new Error(`Append to ${streamId} kept racing other writers (${attempt} attempts)`);
    }
  }

  private async callAppend(params: unknown[]): Promise<AppendRow> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<AppendRow>({ ...this.appendSql, values: params });
      client.release();
      return rows[0];
    } catch (e) {
      // The position lock is a session lock: a failure inside the function must not leave it held.
      await client.query('SELECT pg_advisory_unlock_all()').then(
        () => client.release(),
        (unlockError: Error) => client.release(unlockError),
      );
      throw e;
    }
  }

  private async readTip(streamId: string): Promise<StreamTip> {
    const { rows } = await this.pool.query<{ revision: number; hash: string }>(this.tipSql, [streamId]);
    const tip = rows[0] ? { revision: rows[0].revision, hash: rows[0].hash } : EMPTY_STREAM;
    if (rows[0]) this.tips.remember(streamId, tip);
    return tip;
  }

  private async positionOf(streamId: string, revision: number): Promise<number> {
    if (revision < 0) return 0;
    const { rows } = await this.pool.query<{ position: number }>(this.positionSql, [streamId, revision]);
    return rows[0]?.position ?? 0;
  }
}

/** The events as one JSON array, spliced from the canonical JSON already computed for the hashes. */
export function eventsDocument(events: ChainedEvent[]): string {
  const items = events.map(
    (e) =>
      `{"id":"${e.eventId}","type":${JSON.stringify(e.type)},"schemaVersion":${e.schemaVersion},"data":${e.dataJson},"metadata":${e.metadataJson},"previousHash":${e.previousHash === null ? 'null' : `"${e.previousHash}"`},"hash":"${e.hash}"}`,
  );
  return `[${items.join(',')}]`;
}
