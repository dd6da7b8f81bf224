import type { SigningPolicy } from '../credential/credential.events';
import type { MembershipStatus } from '../knowledge/institution-snapshot';

/** `member`: the institution's standing as issuance knows it; undefined when issuance never learnt of it. */
interface OnMember {
  institutionId: string;
  member: MembershipStatus | undefined;
}

export type SignerCommand =
  | ({ type: 'SetSigningPolicy'; policy: SigningPolicy } & OnMember)
  | ({ type: 'RecordGeneratedKey'; keyRef: string; publicKeyMultibase: string } & OnMember);
