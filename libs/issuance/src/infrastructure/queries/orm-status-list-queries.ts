import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { StatusListQueries, StatusListView } from '../../application/ports/status-list-queries.port';
import { statusListsProjection } from '../projections/status-lists.projection';
import { StatusEntryRows, StatusListRows } from '../projections/status-rows';

export class OrmStatusListQueries implements StatusListQueries {
  constructor(private readonly orm: ReadModelOrm) {}

  async listsOf(institutionId: string): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(statusListsProjection.entity(StatusListRows), { institutionId }, { fields: ['listId'], orderBy: { listId: 'asc' } });
    return rows.map((r) => r.listId);
  }

  async changedPosition(listId: string): Promise<number | undefined> {
    const row = await this.orm.em.fork().findOne(statusListsProjection.entity(StatusListRows), { listId }, { fields: ['changedPosition'] });
    return row?.changedPosition;
  }

  async statusList(listId: string): Promise<StatusListView | undefined> {
    const em = this.orm.em.fork();
    const list = await em.findOne(statusListsProjection.entity(StatusListRows), { listId });
    if (!list) return undefined;
    const entries = await em.find(statusListsProjection.entity(StatusEntryRows), { listId, $or: [{ revoked: true }, { suspended: true }] });
    return {
      listId,
      institutionId: list.institutionId,
      layout: list.layout === 'purposes' ? 'purposes' : 'message',
      length: list.length,
      changedPosition: list.changedPosition,
      entries: entries.map((e) => ({ index: e.statusIndex, revoked: e.revoked, suspended: e.suspended })),
    };
  }
}
