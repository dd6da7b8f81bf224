import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { allCheckpoints, Checkpointer } from '../application/checkpointer';
import { CheckpointScheduler } from './checkpoint-scheduler';

const registered = (i: number) => ({
  type: 'InstitutionRegistered',
  data: { institutionId: `${i}` },
  at: new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString(),
});

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('checkpoint scheduler on embedded stores', () => {
  let world: AuditWorld;
  let scheduler: CheckpointScheduler | undefined;
  beforeEach(async () => (world = await openAuditWorld(['catalogue'])));
  afterEach(async () => {
    await scheduler?.stop();
    await world.close();
  });

  const checkpoints = () => allCheckpoints(world.auditStore, 'catalogue');
  /** Starts a scheduler over the world's stores that seals every `everyEvents` events or `intervalMs`, polling every 10 ms. */
  const startScheduler = (everyEvents: number, intervalMs: number) => {
    const checkpointer = new Checkpointer(world.sources, world.auditStore, world.key);
    scheduler = new CheckpointScheduler(world.sources, world.auditStore, checkpointer, everyEvents, intervalMs, 10);
    scheduler.start();
  };

  it('seals once N events are waiting, and not before', async () => {
    startScheduler(3, 0);
    for (let i = 0; i < 2; i++) await world.append(`catalogue.institution-${i}`, [registered(i)]);
    await new Promise((r) => setTimeout(r, 100));
    expect(await checkpoints()).toEqual([]);
    await world.append('catalogue.institution-2', [registered(2)]);
    await until(async () => (await checkpoints()).length === 1);
    expect((await checkpoints())[0]).toMatchObject({ store: 'catalogue', sequence: 1, fromPosition: 0, toPosition: 3, treeSize: 3 });
  });

  it('seals fewer events once the interval has passed, and nothing when nothing is new', async () => {
    startScheduler(1000, 150);
    await world.append('catalogue.institution-0', [registered(0)]);
    await until(async () => (await checkpoints()).length === 1);
    expect((await checkpoints())[0]).toMatchObject({ toPosition: 1, treeSize: 1 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await checkpoints()).toHaveLength(1);
  });
});
