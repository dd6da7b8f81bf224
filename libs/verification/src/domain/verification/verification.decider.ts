import { defineDecider } from '@alliance/event-sourcing';
import type { CredentialVerified, VerificationEvent } from './verification.events';

export interface RecordVerification {
  type: 'RecordVerification';
  outcome: CredentialVerified['data'];
}

/** A verification is recorded once; its stream id is its own id, so a retried request records nothing twice. */
export const verificationDecider = defineDecider<RecordVerification, { recorded: boolean }, VerificationEvent>({
  initialState: () => ({ recorded: false }),
  decide: (command, state) => (state.recorded ? [] : [{ type: 'CredentialVerified', data: command.outcome }]),
  evolve: () => ({ recorded: true }),
});
