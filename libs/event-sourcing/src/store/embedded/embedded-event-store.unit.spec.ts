import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { eventStoreContract } from '../testing/event-store-contract';
import { EmbeddedEventStore } from './embedded-event-store';

eventStoreContract(
  'embedded (node:sqlite)',
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'embedded-event-store-'));
    return {
      open: async () => EmbeddedEventStore.open({ dataDir }),
      tamper: async (eventId, data) => {
        // Someone with the file in hand can drop the guard triggers; the hash chain still tells.
        const db = new DatabaseSync(join(dataDir, EmbeddedEventStore.FILE_NAME));
        db.exec('DROP TRIGGER events_append_only_update');
        db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify(data), eventId);
        db.close();
      },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
  { densePositions: true, detectsForeignEventIds: true },
);
