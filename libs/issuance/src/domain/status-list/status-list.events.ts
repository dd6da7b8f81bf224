import type { StatusListLayout } from './status-list.constants';

/**
 * The issuing institution starts a new list of STATUS_LIST_LENGTH entries, published as a pair (revocation,
 * suspension). Lists opened before `layout` was recorded are legacy 2-bit `message` lists.
 */
export interface StatusListOpened {
  type: 'StatusListOpened';
  data: { institutionId: string; listId: string; seq: number; length: number; layout?: StatusListLayout };
}

/** One index of one list now belongs to a credential; its stream existing is what makes the index taken. */
export interface StatusSlotReserved {
  type: 'StatusSlotReserved';
  data: { listId: string; index: number; credentialId: string };
}

export type StatusRegisterEvent = StatusListOpened;
export type StatusSlotEvent = StatusSlotReserved;
export const STATUS_LIST_EVENT_TYPES = ['StatusListOpened', 'StatusSlotReserved'] as const;
