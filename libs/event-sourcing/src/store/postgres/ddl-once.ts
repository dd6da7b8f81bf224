/**
 * PostgreSQL's answers when another replica created the same table or schema a moment earlier: a unique violation
 * in the catalogue (23505), or the table (42P07), its row type (42710) or the schema (42P06) already existing,
 * depending on how far the other creation had got when this one checked.
 */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07', '42710', '42P06']);

/** How often a creation that lost a race to another replica is run again before its failure is thrown. */
const RACE_RETRIES = 3;

const lostRace = (error: unknown) => CREATED_CONCURRENTLY.has((error as { code?: string } | undefined)?.code ?? '');

/**
 * Runs idempotent DDL (`CREATE … IF NOT EXISTS`) once per process, the first time it is needed. Two replicas
 * creating the same table at once make the loser fail with a duplicate type, relation or schema: the loser runs
 * its statements again, which now find everything there (and create what a multi-statement creation had not
 * reached yet). Any other failure is thrown, and the next call tries again.
 */
export function ddlOnce(create: () => Promise<unknown>): () => Promise<void> {
  let ready: Promise<void> | undefined;
  const attempt = async (): Promise<void> => {
    for (let tries = 1; ; tries++) {
      try {
        await create();
        return;
      } catch (error) {
        if (!lostRace(error) || tries > RACE_RETRIES) throw error;
      }
    }
  };
  return () =>
    (ready ??= attempt().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
}
