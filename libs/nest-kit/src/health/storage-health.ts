import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeStorageFault, type StorageFaultLog, storageFaults } from '@alliance/event-sourcing';
import type { HealthIndicator } from './health-registry';

export interface StorageHealthOptions {
  /** The folder the service writes to (DATA_DIR when embedded); probed with a small synced write. Absent: no probe. */
  dataDir?: string;
  /** How long a write that failed on the storage keeps readiness down unless a later write succeeds. Default 30 s. */
  windowMs?: number;
  /** Bytes the probe writes and syncs: enough to need a fresh block. Default 16 KiB. */
  probeBytes?: number;
  faults?: StorageFaultLog;
}

/**
 * `storage`: down while the disk refuses writes, naming why. Two signs, because either alone misleads: a probe
 * (write, fsync, delete a small file in the data folder) sees a full or read-only disk even when nobody writes;
 * the faults writers met (the event store, checkpoints, read models) see what the probe squeezed past, for
 * `windowMs` or until that writer succeeds again. Recovers by itself once space returns.
 */
export function storageHealthCheck(options: StorageHealthOptions = {}): HealthIndicator {
  const faults = options.faults ?? storageFaults;
  const windowMs = options.windowMs ?? 30_000;
  const folder = options.dataDir ? resolve(options.dataDir) : undefined;
  return {
    name: 'storage',
    async check() {
      if (folder) await probe(folder, options.probeBytes ?? 16 * 1024);
      const [latest, ...others] = faults.current(windowMs, folder);
      if (latest) {
        const more = others.length > 0 ? ` (and ${others.length} other writer(s))` : '';
        throw new Error(`${latest.kind}: ${latest.source} failed at ${latest.at.toISOString()}: ${latest.reason}${more}`);
      }
      return folder ? { probe: 'writable' } : {};
    },
    changedSince: (at) => faults.current(windowMs, folder).some((f) => f.at.getTime() >= at),
  };
}

async function probe(folder: string, bytes: number): Promise<void> {
  const file = join(folder, `.write-probe-${process.pid}-${randomUUID()}`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(Buffer.alloc(bytes, 0x2e));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const fault = describeStorageFault(error);
    throw new Error(
      fault
        ? `${fault.kind}: a write probe in the data folder failed: ${fault.reason}`
        : `a write probe in the data folder failed: ${(error as Error).message}`,
    );
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}
