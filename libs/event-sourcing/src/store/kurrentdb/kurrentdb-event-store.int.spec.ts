import { eventStoreContract } from '../testing/event-store-contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;
const factory = async () => ({
  open: () => KurrentDbEventStore.open({ connectionString: connectionString! }),
  // Every run writes under its own stream prefix; KurrentDB keeps them (no database to drop).
  dispose: async () => undefined,
});
const capabilities = { densePositions: false, detectsForeignEventIds: false };

if (connectionString) {
  eventStoreContract('kurrentdb', factory, capabilities);
} else {
  console.warn(
    'KurrentDB event store contract skipped: KURRENTDB_CONNECTION_STRING is not set. ' +
      'Start a KurrentDB node and set it (e.g. kurrentdb://127.0.0.1:2113?tls=false) to run these tests.',
  );
  describe.skip('KurrentDB event store (set KURRENTDB_CONNECTION_STRING to run)', () => {
    eventStoreContract('kurrentdb', factory, capabilities);
  });
}
