import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { computeEventHash, EmbeddedEventStore, type EventStore, type NewEvent, NO_STREAM } from '@alliance/event-sourcing';
import type { AuditSource } from '../application/audit-source';
import { auditKeyFromSeed } from '../domain/signed-checkpoint';

/** Embedded stores of a few services and the audit's own, in a throw-away folder. */
export interface AuditWorld {
  dir: string;
  sources: AuditSource[];
  auditStore: EventStore;
  key: ReturnType<typeof auditKeyFromSeed>;
  source(name: string): AuditSource;
  /** Appends events to a stream (new or existing) of the store its context names. */
  append(streamId: string, events: FixtureEvent[]): Promise<void>;
  /** Rewrites one stored event's data behind the store's back, as someone holding the file could. */
  tamper(store: string, position: number, data: unknown): void;
  /** Rewrites one event's data and recomputes its hash and those after it in its stream: a careful forger. */
  tamperWithRehash(store: string, position: number, data: unknown): void;
  close(): Promise<void>;
}

export interface FixtureEvent {
  type: string;
  data: unknown;
  at: string;
  actor?: { subject: string; role?: string; institution?: string };
  correlationId?: string;
  causationId?: string;
}

export const FIXTURE_SEED = '11'.repeat(32);

export async function openAuditWorld(stores = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification']): Promise<AuditWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-world-'));
  const sources = stores.map((name) => ({
    name,
    store: EmbeddedEventStore.open({ dataDir: join(dir, name), durability: 'normal' }) as EventStore,
  }));
  const auditStore = EmbeddedEventStore.open({ dataDir: join(dir, 'audit'), durability: 'normal' });
  const source = (name: string) => {
    const found = sources.find((s) => s.name === name);
    if (!found) throw new Error(`no store ${name}`);
    return found;
  };
  return {
    dir,
    sources,
    auditStore,
    key: auditKeyFromSeed(FIXTURE_SEED),
    source,
    async append(streamId, events) {
      const store = source(streamId.split('.')[0]!).store;
      const revision = await store.streamRevision(streamId);
      await store.appendToStream(streamId, events.map(toNewEvent), { expectedRevision: revision < 0 ? NO_STREAM : revision });
    },
    tamper(store, position, data) {
      const db = new DatabaseSync(join(dir, store, EmbeddedEventStore.FILE_NAME));
      try {
        db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), position);
      } finally {
        db.close();
      }
    },
    tamperWithRehash(store, position, data) {
      const db = new DatabaseSync(join(dir, store, EmbeddedEventStore.FILE_NAME));
      try {
        db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), position);
        const { stream_id: streamId } = db.prepare('SELECT stream_id FROM events WHERE position = ?').get(position) as {
          stream_id: string;
        };
        const rows = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(streamId) as Record<
          string,
          string | number | null
        >[];
        let previousHash: string | null = null;
        for (const row of rows) {
          const hash = computeEventHash({
            eventId: row['event_id'] as string,
            streamId,
            revision: row['revision'] as number,
            type: row['type'] as string,
            schemaVersion: row['schema_version'] as number,
            data: JSON.parse(row['data'] as string),
            metadata: JSON.parse(row['metadata'] as string),
            previousHash,
          });
          db.prepare('UPDATE events SET previous_hash = ?, hash = ? WHERE position = ?').run(previousHash, hash, row['position'] as number);
          previousHash = hash;
        }
      } finally {
        db.close();
      }
    },
    async close() {
      await Promise.all([...sources.map((s) => s.store.close()), auditStore.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function toNewEvent(e: FixtureEvent): NewEvent {
  return {
    type: e.type,
    data: e.data,
    metadata: {
      occurredAt: e.at,
      actor: e.actor ?? { subject: 'system', role: 'system' },
      correlationId: e.correlationId ?? 'corr-fixture',
      ...(e.causationId ? { causationId: e.causationId } : {}),
      ...(e.actor?.institution ? { institution: e.actor.institution } : {}),
    },
  };
}
