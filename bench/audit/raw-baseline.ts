import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { EmbeddedEventStore } from '@alliance/event-sourcing';

/**
 * The floor for any replay: the embedded store's file read with a hand-written keyset query and the two
 * JSON columns parsed, no adapter, no hashing. Returns the number of events read.
 */
export function rawRead(dataDir: string, stores: readonly string[], batch = 2000): number {
  let count = 0;
  for (const store of stores) {
    const db = new DatabaseSync(join(dataDir, store, EmbeddedEventStore.FILE_NAME), { readOnly: true });
    try {
      const page = db.prepare(
        'SELECT position, stream_id, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
      );
      let after = 0;
      for (;;) {
        const rows = page.all(after, batch) as { position: number; data: string; metadata: string }[];
        for (const row of rows) {
          JSON.parse(row.data);
          JSON.parse(row.metadata);
          count++;
        }
        if (rows.length < batch) break;
        after = rows[rows.length - 1]!.position;
      }
    } finally {
      db.close();
    }
  }
  return count;
}
