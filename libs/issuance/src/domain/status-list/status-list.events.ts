/** The issuing institution starts a new pair of lists (revocation, suspension) of STATUS_LIST_LENGTH entries. */
export interface StatusListOpened {
  type: 'StatusListOpened';
  data: { institutionId: string; listId: string; seq: number; length: number };
}

/** One index of one list now belongs to a credential; its stream existing is what makes the index taken. */
export interface StatusSlotReserved {
  type: 'StatusSlotReserved';
  data: { listId: string; index: number; credentialId: string };
}

export type StatusRegisterEvent = StatusListOpened;
export type StatusSlotEvent = StatusSlotReserved;
export const STATUS_LIST_EVENT_TYPES = ['StatusListOpened', 'StatusSlotReserved'] as const;
