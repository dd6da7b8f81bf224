import type { HeldCredential } from '../../domain/learner/learner.commands';
import type { MemberStanding } from '../../domain/member-standing';
import type { PublishedSpecVersion } from '../../domain/published-spec';

/** What enrolment learnt from the catalogue (definitions, members' standing) and issuance (credentials held). */
export abstract class EnrolmentKnowledge {
  /** A given version, or without one the version a new enrolment would get (the current published one). */
  abstract specVersion(credentialSpecId: string, version?: number): Promise<PublishedSpecVersion | undefined>;
  /** Credentials the learner holds now: issued, not revoked. */
  abstract heldCredentials(learnerId: string): Promise<HeldCredential[]>;
  /** The member's standing now; `unknown` when no membership fact about it arrived. */
  abstract memberStanding(institutionId: string): Promise<MemberStanding>;
}
