import type { FinalRevocationStanding } from '../final-revocation/final-revocation.state';
import type { MemberStanding } from '../knowledge/member-standing';
import type { SpecSnapshot } from '../knowledge/spec-snapshot';
import type { AwardedPart, ComponentResult } from './award-inputs';
import type { AwardTrackSubject } from './award.events';

/**
 * What every evaluation needs besides the track: the definition version the learner is on, and the id a
 * credential would get if one is granted (chosen outside, so decisions stay pure and replayable).
 */
export interface EvaluationInputs {
  /** The definition version the track is on; absent while issuance has not learned it yet (no evaluation then). */
  spec?: SpecSnapshot;
  nextCredentialId: string;
  /**
   * Each awarding body's standing as issuance knows it now: while one is suspended or removed no credential
   * is granted (it could not co-sign), the award waits and is evaluated again on its reinstatement.
   */
  standing: Readonly<Record<string, MemberStanding>>;
  /** The learner's credential in this definition revoked for good, if any: it bars a new award until lifted. */
  finalRevocation?: FinalRevocationStanding;
}

export type AwardCommand =
  | ({ type: 'OpenAwardTrack' } & AwardTrackSubject & EvaluationInputs)
  | ({ type: 'RecordComponentResult'; awardId: string; result: ComponentResult } & EvaluationInputs)
  | ({ type: 'RecordStackPart'; awardId: string; part: AwardedPart } & EvaluationInputs)
  | ({ type: 'WithdrawStackPart'; awardId: string; specId: string; credentialId: string; reason: string } & EvaluationInputs)
  | ({ type: 'EvaluateAward'; awardId: string } & EvaluationInputs)
  | ({ type: 'TransferAwardTrack'; awardId: string; specId: string; specVersion: number; reason?: string } & EvaluationInputs)
  | { type: 'CloseAwardTrack'; awardId: string; reason: string };
