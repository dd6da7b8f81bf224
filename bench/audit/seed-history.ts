/**
 * `node dist/bench/audit/seed-history.js <dataDir> [events]`: writes a synthetic history into embedded stores
 * laid out as the platform keeps them, to try the audit commands on (`DATA_DIR=<dataDir> alliance audit ...`).
 */
import { appendTo, openEmbeddedStores, writeSyntheticHistory } from './synthetic-history';

async function main(): Promise<void> {
  const [dataDir, count] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: seed-history <dataDir> [events]');
  const stores = openEmbeddedStores(dataDir);
  try {
    const written = await writeSyntheticHistory(appendTo(stores), Number(count ?? 10_000));
    console.log(JSON.stringify({ dataDir, written }));
  } finally {
    await Promise.all(Object.values(stores).map((s) => s.close()));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
