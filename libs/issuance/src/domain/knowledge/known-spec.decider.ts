import { defineDecider } from '@alliance/event-sourcing';
import type { KnownSpecEvent } from './knowledge.events';
import type { SpecSnapshot } from './spec-snapshot';

/** Every published version of one definition issuance has learned; versions are immutable, so a repeat is a no-op. */
export type KnownSpecState = Record<number, SpecSnapshot>;

export interface LearnSpecVersion {
  type: 'LearnSpecVersion';
  spec: SpecSnapshot;
}

export const knownSpecDecider = defineDecider<LearnSpecVersion, KnownSpecState, KnownSpecEvent>({
  initialState: () => ({}),
  decide: (command, state) => (state[command.spec.version] ? [] : [{ type: 'SpecVersionLearned', data: { spec: command.spec } }]),
  evolve: (state, event) => ({ ...state, [event.data.spec.version]: event.data.spec }),
});
