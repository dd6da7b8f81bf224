import type { KeyObject } from 'node:crypto';
import { type EventStore, verifyChain } from '@alliance/event-sourcing';
import type { AuditSource } from './audit-source';
import type { Finding } from './checkpoint-sequence';
import { allCheckpoints } from './checkpointer';
import { checkEventLog } from './event-log-check';

export interface StoreVerdict {
  store: string;
  eventsChecked: number;
  checkpointsChecked: number;
  ok: boolean;
  /** Events after the last checkpoint: chained, but not yet under a signed root. */
  uncheckpointedEvents?: number;
  /** The first broken link or checkpoint of this store, if any. */
  finding?: Finding;
}

export interface VerifyProgress {
  store: string;
  checked: number;
}

/** The label of the audit's own store (holding the checkpoints) in a verification report. */
export const AUDIT_STORE_LABEL = 'audit';

/**
 * Recomputes every hash of every audited store from the raw events and checks every checkpoint's
 * signature, chain and Merkle root, in one pass per store; reports the first problem of each. The audit's
 * own store (the checkpoints) is chain-checked last.
 */
export async function verifyLog(
  sources: AuditSource[],
  auditStore: EventStore,
  auditPublicKey: KeyObject,
  onProgress?: (p: VerifyProgress) => void,
): Promise<StoreVerdict[]> {
  const verdicts: StoreVerdict[] = [];
  for (const source of sources) {
    const checkpoints = await allCheckpoints(auditStore, source.name);
    const { checked, finding } = await checkEventLog(
      source.name,
      source.store.readAll({ batchSize: 2000 }),
      checkpoints,
      auditPublicKey,
      (n) => onProgress?.({ store: source.name, checked: n }),
    );
    const covered = checkpoints.reduce((n, c) => n + c.treeSize, 0);
    verdicts.push({
      store: source.name,
      eventsChecked: checked,
      checkpointsChecked: checkpoints.length,
      ok: !finding,
      uncheckpointedEvents: Math.max(0, checked - covered),
      ...(finding ? { finding } : {}),
    });
  }
  const own = await verifyChain(auditStore, { onProgress: (checked) => onProgress?.({ store: AUDIT_STORE_LABEL, checked }) });
  verdicts.push({
    store: AUDIT_STORE_LABEL,
    eventsChecked: own.checked,
    checkpointsChecked: 0,
    ok: own.ok,
    ...(own.ok ? {} : { finding: { kind: 'broken-link' as const, store: AUDIT_STORE_LABEL, ...own.brokenAt } }),
  });
  return verdicts;
}
