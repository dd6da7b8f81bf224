import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AllFilter } from '../../event-store.port';
import type { LogPage } from '../subscription/polling-subscription';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './embedded-rows';

/** Prepared statements of one open database, including one per shape of read-all filter. */
export class EmbeddedQueries {
  readonly tip: StatementSync;
  readonly insert: StatementSync;
  readonly findIds: StatementSync;
  readonly forwards: StatementSync;
  readonly backwards: StatementSync;
  readonly head: StatementSync;
  private readonly pages = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {
    this.tip = db.prepare('SELECT revision, hash, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.findIds = db.prepare(
      'SELECT event_id AS eventId, stream_id AS streamId, revision, position FROM events WHERE event_id IN (SELECT value FROM json_each(?))',
    );
    this.forwards = arrays(
      db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`),
    );
    this.backwards = arrays(
      db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    );
    this.head = db.prepare('SELECT coalesce(max(position), 0) AS head FROM events');
  }

  /** Events after `after` in position order, filtered in SQL so a sparse filter does not ship the whole log. */
  readPage(after: number, limit: number, filter: AllFilter | undefined): LogPage {
    const types = filter?.eventTypes;
    const prefixes = filter?.streamPrefixes;
    const key = `${types ? 't' : ''}${prefixes ? `p${prefixes.length}` : ''}`;
    let statement = this.pages.get(key);
    if (!statement) {
      const where = ['position > ?'];
      if (types) where.push('type IN (SELECT value FROM json_each(?))');
      // substr counts code points, so the bound length is the prefix's code point count.
      if (prefixes) where.push(`(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ') || 'FALSE'})`);
      statement = arrays(this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`));
      this.pages.set(key, statement);
    }
    const params: (string | number)[] = [after];
    if (types) params.push(JSON.stringify(types));
    if (prefixes) for (const p of prefixes) params.push([...p].length, p);
    params.push(limit);
    const rows = statement.all(...params) as unknown as EventRow[];
    return { events: rows.map(toRecordedEvent), pending: false };
  }
}

function arrays(statement: StatementSync): StatementSync {
  statement.setReturnArrays(true);
  return statement;
}
