import { defineDecider } from '@alliance/event-sourcing';
import { STATUS_LIST_LENGTH, type StatusListLayout, statusListId } from './status-list.constants';
import type { StatusRegisterEvent } from './status-list.events';

/** The lists one institution issues, newest last. */
export interface StatusRegister {
  institutionId: string;
  current: { listId: string; seq: number; layout: StatusListLayout };
}
export type StatusRegisterState = StatusRegister | undefined;

/** Open list `seq` if it is the next one; when another replica got there first the command is a no-op. */
export interface OpenStatusList {
  type: 'OpenStatusList';
  institutionId: string;
  seq: number;
}

export const statusRegisterDecider = defineDecider<OpenStatusList, StatusRegisterState, StatusRegisterEvent>({
  initialState: () => undefined,
  decide(command, state) {
    const next = (state?.current.seq ?? 0) + 1;
    if (command.seq !== next) return [];
    const listId = statusListId(command.institutionId, command.seq);
    return [
      {
        type: 'StatusListOpened',
        data: { institutionId: command.institutionId, listId, seq: command.seq, length: STATUS_LIST_LENGTH, layout: 'purposes' },
      },
    ];
  },
  evolve(_state, event) {
    return {
      institutionId: event.data.institutionId,
      current: { listId: event.data.listId, seq: event.data.seq, layout: event.data.layout ?? 'message' },
    };
  },
});
