import type { EntityManager } from '@mikro-orm/sql';
import type { EventStore } from '../event-store.port';
import { readCheckpoint } from './projection-checkpoints';

/** How far a projection trails the log, for readiness probes and metrics. */
export interface ProjectionLag {
  checkpointName: string;
  /** Last position whose effects are committed in the read model (0 when never run). */
  checkpoint: number;
  head: number;
  /** `head - checkpoint`: events (of any type) not yet accounted for. */
  lag: number;
  /** Events the projection parked instead of applying (reported by runners, see `ProjectionRunner.parked`). */
  parked?: number;
}

/** Reads a projection's lag from its stored checkpoint and the store's head. */
export async function projectionLag(store: EventStore, em: EntityManager, checkpointName: string): Promise<ProjectionLag> {
  const [head, checkpoint] = await Promise.all([store.headPosition(), readCheckpoint(em.fork(), checkpointName)]);
  const at = checkpoint ?? 0;
  return { checkpointName, checkpoint: at, head, lag: Math.max(0, head - at) };
}
