import type { HeldCredential } from '../../domain/learner/learner.commands';
import type { PublishedSpecVersion } from '../../domain/published-spec';

/** What enrolment learnt from the catalogue (definitions) and issuance (credentials held). */
export abstract class EnrolmentKnowledge {
  /** A given version, or without one the version a new enrolment would get (the current published one). */
  abstract specVersion(credentialSpecId: string, version?: number): Promise<PublishedSpecVersion | undefined>;
  /** Credentials the learner holds now: issued, not revoked. */
  abstract heldCredentials(learnerId: string): Promise<HeldCredential[]>;
}
