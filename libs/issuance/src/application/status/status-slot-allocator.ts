import { randomInt } from 'node:crypto';
import type { CommandContext, EventStore } from '@alliance/event-sourcing';
import type { StatusSlot } from '../../domain/credential/credential.events';
import { IssuanceException } from '../../domain/issuance.exception';
import { STATUS_LIST_LENGTH } from '../../domain/status-list/status-list.constants';
import { ISSUANCE_AGGREGATES, type IssuanceAggregates } from '../issuance-aggregates';

export interface StatusSlotAllocatorOptions {
  /** Random index source, [0, length); crypto-strong by default (BSL recommends random assignment). */
  random?: (length: number) => number;
  /** Collisions tolerated on one list before the next list is opened. */
  triesPerList?: number;
}

/**
 * Gives a credential a random, unused index in its issuer's current list. When random picks keep hitting
 * taken indices the list is nearly full, and the next list is opened.
 */
export class StatusSlotAllocator {
  private readonly registers: IssuanceAggregates['statusRegister'];
  private readonly slots: IssuanceAggregates['statusSlot'];
  private readonly random: (length: number) => number;
  private readonly triesPerList: number;

  constructor(store: EventStore, options: StatusSlotAllocatorOptions = {}) {
    ({ statusRegister: this.registers, statusSlot: this.slots } = ISSUANCE_AGGREGATES.open(store));
    this.random = options.random ?? ((n) => randomInt(n));
    this.triesPerList = options.triesPerList ?? 16;
  }

  async allocate(institutionId: string, credentialId: string, context: CommandContext): Promise<StatusSlot> {
    let register = (await this.registers.load(institutionId)).state;
    for (let round = 0; round < 3; round++) {
      // A legacy `message` list takes no new credentials: the next list is published per purpose.
      if (!register || round > 0 || register.current.layout !== 'purposes') {
        const seq = (register?.current.seq ?? 0) + 1;
        register = (await this.registers.handle(institutionId, { type: 'OpenStatusList', institutionId, seq }, context)).state;
      }
      const listId = register!.current.listId;
      for (let attempt = 0; attempt < this.triesPerList; attempt++) {
        const index = this.random(STATUS_LIST_LENGTH);
        if (await this.tryReserve(listId, index, credentialId, context)) return { listId, index };
      }
    }
    throw new IssuanceException('issuance.status-list.exhausted', 'no free status list index could be found');
  }

  private async tryReserve(listId: string, index: number, credentialId: string, context: CommandContext): Promise<boolean> {
    try {
      await this.slots.handle({ listId, index }, { type: 'ReserveStatusSlot', listId, index, credentialId }, context);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'issuance.status-slot.taken' || (e as { code?: string }).code === 'WRONG_EXPECTED_REVISION')
        return false;
      throw e;
    }
  }
}
