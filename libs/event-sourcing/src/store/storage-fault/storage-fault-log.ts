import { describeStorageFault, type StorageFaultKind } from './storage-fault.error';

export interface RecordedStorageFault {
  /** What was writing: `event store`, `relay checkpoint`, `http`... */
  source: string;
  kind: StorageFaultKind;
  reason: string;
  file?: string;
  at: Date;
}

/**
 * The storage faults writers met, per source, until that source writes successfully again. Readiness reads it
 * (`/health/ready` names a full disk even when the last probe squeezed through), so every writer reports here:
 * `fault` when a write failed on the storage, `ok` when one succeeded.
 */
export class StorageFaultLog {
  private readonly faults = new Map<string, RecordedStorageFault>();

  /** Records `error` when it is a storage fault; returns whether it was. */
  fault(source: string, error: unknown, file?: string): boolean {
    const fault = describeStorageFault(error);
    if (!fault) return false;
    this.faults.set(source, { source, ...fault, ...(file ? { file } : {}), at: new Date() });
    return true;
  }

  ok(source: string): void {
    if (this.faults.size > 0) this.faults.delete(source);
  }

  /** Faults not cleared by a later success and newer than `withinMs`, the newest first; only those under `folder` when given. */
  current(withinMs: number, folder?: string): RecordedStorageFault[] {
    const since = Date.now() - withinMs;
    return [...this.faults.values()]
      .filter((f) => f.at.getTime() >= since && (!folder || !f.file || f.file.startsWith(folder)))
      .sort((a, b) => b.at.getTime() - a.at.getTime());
  }

  clear(): void {
    this.faults.clear();
  }
}

/** One per process: the services of the embedded platform share the disk, so they share what they learnt about it. */
export const storageFaults = new StorageFaultLog();
