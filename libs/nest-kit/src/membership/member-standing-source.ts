/**
 * Where a service reads the standing of a member institution (`pending`, `active`, `suspended`, `removed`)
 * as it learnt it: the catalogue from its own aggregates, the other services from the catalogue's membership
 * events they keep. A service registers one under this class as its Nest token; a service without one (no
 * institution-scoped routes) refuses nothing on its account.
 */
export abstract class MemberStandingSource {
  /** The member's standing now; undefined when this service never heard of it (it keeps the rules it had). */
  abstract standingOf(institutionId: string): Promise<string | undefined>;
}

/** A standing source from a function, for a one-line provider registration. */
export function memberStandingFrom(read: (institutionId: string) => Promise<string | undefined>): MemberStandingSource {
  return { standingOf: read };
}
