import { defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import { STATUS_LIST_LENGTH } from './status-list.constants';
import type { StatusSlotEvent } from './status-list.events';

export interface ReserveStatusSlot {
  type: 'ReserveStatusSlot';
  listId: string;
  index: number;
  credentialId: string;
}

export type StatusSlotState = { credentialId: string } | undefined;

/**
 * One stream per index: appending to it with "no stream" is what makes random allocation safe across replicas
 * without one huge aggregate holding 131,072 entries.
 */
export const statusSlotDecider = defineDecider<ReserveStatusSlot, StatusSlotState, StatusSlotEvent>({
  initialState: () => undefined,
  decide(command, state) {
    if (!Number.isInteger(command.index) || command.index < 0 || command.index >= STATUS_LIST_LENGTH) {
      throw new IssuanceException('issuance.status-slot.out-of-range', `index ${command.index} is outside the list`, 'index');
    }
    if (state?.credentialId === command.credentialId) return [];
    if (state) throw new IssuanceException('issuance.status-slot.taken', `index ${command.index} of ${command.listId} is taken`);
    return [{ type: 'StatusSlotReserved', data: { listId: command.listId, index: command.index, credentialId: command.credentialId } }];
  },
  evolve: (_state, event) => ({ credentialId: event.data.credentialId }),
});
