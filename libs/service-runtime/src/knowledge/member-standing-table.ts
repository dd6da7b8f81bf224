import {
  type ContractRoute,
  institutionActivatedV1,
  institutionRegisteredV1,
  type InstitutionRegisteredV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  membershipFactApplies,
  on,
} from '@alliance/contracts';
import { forkEntityManager, readModelTable, type ReadModelOrm } from '@alliance/event-sourcing';
import { memberStandingFrom, type MemberStandingSource } from '@alliance/nest-kit';
import { p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { InboxApply } from './knowledge-database';

export type MemberStatus = 'pending' | 'active' | 'suspended' | 'removed';

/**
 * Each member institution's current standing in the alliance as one consuming context learnt it from the
 * catalogue's membership events (`<context>_member_standings`), with the instant it began: a late, older fact
 * never overwrites a newer one. The table is written by the inbox, never replayed, so it has one `version`.
 */
export function memberStandingTable(context: string, version: number) {
  const rows = readModelTable(`${context}_member_standings`, () => ({
    institutionId: p.string().primary(),
    status: p.string(),
    since: p.string(),
  }));
  const Members = rows.entity(version);

  /** A member registered before onboarding existed carries no status: it was active from the start. */
  const institutionRegistered = async (em: EntityManager, p: InstitutionRegisteredV1): Promise<void> => {
    if (await em.findOne(Members, { institutionId: p.institutionId })) return;
    await em.insert(Members, { institutionId: p.institutionId, status: p.status ?? 'active', since: p.registeredAt });
  };

  /** Applied only when at least as recent as what is known; removal is final. */
  const memberStatus = async (em: EntityManager, institutionId: string, status: MemberStatus, since: string): Promise<void> => {
    const known = await em.findOne(Members, { institutionId });
    if (!membershipFactApplies(known, since)) return;
    if (known) await em.nativeUpdate(Members, { institutionId }, { status, since });
    else await em.insert(Members, { institutionId, status, since });
  };

  /** The member's standing; `unknown` when no fact about it has arrived. */
  const standing = async (
    em: EntityManager,
    institutionId: string,
  ): Promise<{ institutionId: string; status: MemberStatus | 'unknown' }> => {
    const row = await em.findOne(Members, { institutionId });
    return { institutionId, status: (row?.status as MemberStatus | undefined) ?? 'unknown' };
  };

  return {
    rows,
    entity: Members,
    institutionRegistered,
    memberStatus,
    standing,

    /** The standing source of the service's guards, read from the table in `orm`. */
    source(orm: ReadModelOrm): MemberStandingSource {
      return memberStandingFrom(async (institutionId) => (await standing(forkEntityManager(orm), institutionId)).status);
    },

    /** The catalogue's membership events, each applied to the table through `inbox`. */
    routes(inbox: InboxApply): ContractRoute[] {
      return [
        on(institutionRegisteredV1, (m) => inbox(m, institutionRegistered)),
        on(institutionActivatedV1, (m) => inbox(m, (em, p) => memberStatus(em, p.institutionId, 'active', p.activatedAt))),
        on(institutionSuspendedV1, (m) => inbox(m, (em, p) => memberStatus(em, p.institutionId, 'suspended', p.suspendedAt))),
        on(institutionReinstatedV1, (m) => inbox(m, (em, p) => memberStatus(em, p.institutionId, 'active', p.reinstatedAt))),
        on(institutionRemovedV1, (m) => inbox(m, (em, p) => memberStatus(em, p.institutionId, 'removed', p.removedAt))),
      ];
    },
  };
}
