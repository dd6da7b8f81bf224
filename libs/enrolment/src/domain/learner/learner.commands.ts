import type { MemberStanding } from '../member-standing';
import type { ProtectedIdentity } from '../protected-identity';
import type { PublishedSpecVersion } from '../published-spec';
import type { Consent } from './learner.events';

/** A credential the learner holds (issued and not revoked), as issuance reported it. */
export interface HeldCredential {
  credentialSpecId: string;
  credentialId: string;
}

/**
 * Commands on the learner aggregate. Facts from other contexts (the definition version, the credentials
 * held) are looked up by the application layer and handed in, so the decision stays pure.
 */
export type Enrol = {
  type: 'Enrol';
  enrolmentId: string;
  learnerId: string;
  institutionId: string;
  /** The enrolling institution's standing in the alliance: it answers for the admission, so it must be in good standing. */
  enrolling: MemberStanding;
  /** The version to enrol in; undefined when the definition is not known here (never published). */
  spec: PublishedSpecVersion | undefined;
  credentialSpecId: string;
  /** Set when the caller asked for a specific version. */
  requestedVersion?: number;
  identity: ProtectedIdentity;
  consent: Consent;
  heldCredentials: HeldCredential[];
};
/** The member whose staff asks; absent when the learner or the alliance asks. */
type ByMember = { actingMember?: MemberStanding };

export type Withdraw = { type: 'Withdraw'; enrolmentId: string; reason: string } & ByMember;
/** From issuance: a credential was issued for this enrolment (or, without an id, for the learner's active one in that definition). */
export type Complete = { type: 'Complete'; enrolmentId?: string; credentialSpecId: string; credentialId: string; issuedAt?: string };
export type Transfer = {
  type: 'Transfer';
  enrolmentId: string;
  target: PublishedSpecVersion | undefined;
  toVersion?: number;
  reason: string;
} & ByMember;
export type Erase = { type: 'Erase'; reason: string } & ByMember;
/** The learner's own confirmation that an institution may hold them (see learner-control.rules). */
export type AuthoriseInstitution = { type: 'AuthoriseInstitution'; institutionId: string };

export type LearnerCommand = Enrol | Withdraw | Complete | Transfer | AuthoriseInstitution | Erase;
