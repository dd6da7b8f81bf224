import { Client } from 'pg';
import { createTestDatabase } from '@alliance/testing';
import { eventStoreContract } from '../testing/event-store-contract';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract(
  'postgres',
  async () => {
    const db = await createTestDatabase('event_store_contract');
    const schema = 'contract_events';
    return {
      open: () => PostgresEventStore.open({ url: db.url, schema }),
      tamper: async (eventId, data) => {
        // The triggers stop UPDATE even for the owner; a superuser can switch them off, as an insider could.
        const client = new Client({ connectionString: db.url });
        await client.connect();
        try {
          await client.query('SET session_replication_role = replica');
          await client.query(`UPDATE ${schema}.events SET data = $1 WHERE event_id = $2`, [JSON.stringify(data), eventId]);
        } finally {
          await client.end();
        }
      },
      dispose: () => db.drop(),
    };
  },
  { densePositions: true, detectsForeignEventIds: true },
);
