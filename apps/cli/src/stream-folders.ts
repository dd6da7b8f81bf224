import type { StreamFolder } from '@alliance/audit';

/**
 * How point-in-time replay folds each kind of stream; filled from the contexts' exported evolvers.
 * Streams without a folder are shown as their ordered event list.
 */
export const AUDIT_STREAM_FOLDERS: StreamFolder[] = [];
