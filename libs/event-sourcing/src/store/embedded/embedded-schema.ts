import type { DatabaseSync } from 'node:sqlite';

/** Schema versions of the embedded file, applied in order and recorded in `PRAGMA user_version`. */
const MIGRATIONS: string[] = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY,
     event_id       TEXT    NOT NULL UNIQUE,
     stream_id      TEXT    NOT NULL,
     revision       INTEGER NOT NULL CHECK (revision >= 0),
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     previous_hash  TEXT,
     hash           TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT;
   CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
   CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`,
];

export function migrateEmbedded(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (current > MIGRATIONS.length)
      throw new Error(`Embedded event store schema ${current} is newer than this code (${MIGRATIONS.length})`);
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (e) {
    // SQLite may have rolled back already (a full disk): a second ROLLBACK would replace the cause with its own error.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
